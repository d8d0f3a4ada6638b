/// <reference lib="dom" />
// The Chart.js configuration built from a chart spec: data, colours by theme, axes, tooltips.
import { describe, expect, it } from 'vitest';
import { barChartConfig, fitLabel } from '../../client/webview/charts';
import { percentAxis, probabilitySpec, tornadoSpec, MAX_BARS, type BarChartSpec } from '../../client/webview/chartSpecs';
import type { ThemeColours } from '../../client/webview/theme';
import { buildReport } from '../../common/report';
import { sampleForecast } from './fixtures';

const report = () => buildReport(sampleForecast());

const theme = (over: Partial<ThemeColours> = {}): ThemeColours => ({
  kind: 'dark', foreground: '#eeeeee', muted: '#aaaaaa', grid: '#444444', positive: '#0000ff', negative: '#ff0000',
  whisker: '#eeeeee', outline: '', fontFamily: 'Segoe UI', fontSize: 13, ...over,
});

describe('barChartConfig', () => {
  it('draws each swing as a bar from P(O | driver false) to P(O | driver true), by label, around the probability now', () => {
    const outcome = report().outcomes[2]!;
    const spec = tornadoSpec(outcome);
    const config = barChartConfig(spec, theme());
    expect(config.type).toBe('bar');
    expect(config.options?.indexAxis).toBe('y');
    expect(config.options?.animation).toBe(false);
    // The axis reads labels, as the outcome selector does; identifiers are in the tooltips.
    expect(config.data.labels).toEqual([
      'A major terror attack touches US interests', 'Washington presses Islamabad on democracy and free speech',
      'Trump and Khan keep a positive relationship',
    ]);
    const dataset = config.data.datasets[0]!;
    expect(dataset.data).toEqual([[31, 69], [52, 48], [51, 49]]);
    expect(spec.reference).toEqual({ value: 21, text: '21%' });
    expect(dataset.backgroundColor).toEqual(['#0000ff', '#ff0000', '#ff0000']);
    expect(dataset.borderWidth).toEqual([0, 0, 0]);
    // Even ticks: the ends are multiples of the step, around the bars and the line of 21%.
    const x = config.options!.scales!.x as { min: number; max: number; ticks: { stepSize: number } };
    expect([x.min, x.max, x.ticks.stepSize]).toEqual([20, 70, 10]);
    expect(percentAxis(spec).ticks).toEqual([20, 30, 40, 50, 60, 70]);
    expect(config.plugins?.map((p) => p.id)).toEqual(['scenarioReference', 'scenarioValues']);
    const tooltip = config.options!.plugins!.tooltip!.callbacks as any;
    expect(tooltip.title([{ dataIndex: 1 }])).toBe('Washington presses Islamabad on democracy and free speech (democracy_push)');
    expect(tooltip.label({ dataIndex: 1 })).toBe('if false 52%, if true 48%: −3.1 points');
  });

  it('in a narrow pane puts each label and number on a line above its bar instead of on the axis', () => {
    const spec = tornadoSpec(report().outcomes[2]!);
    const wide = barChartConfig(spec, theme());
    const compact = barChartConfig(spec, theme(), { compact: true });
    expect((wide.options!.scales!.y as any).ticks.display).toBe(true);
    expect((compact.options!.scales!.y as any).ticks.display).toBe(false);
    expect(compact.plugins?.map((p) => p.id)).toEqual(['scenarioReference', 'scenarioRowLabels']);
    expect((compact.options!.layout as any).padding.top).toBeGreaterThan(0);
  });

  it('picks out the bar of the declaration at the editor cursor', () => {
    const spec = tornadoSpec(report().outcomes[2]!);
    const dataset = barChartConfig(spec, theme(), { highlight: 'rapport' }).data.datasets[0]!;
    expect(dataset.borderWidth).toEqual([0, 0, 3]);
    expect(dataset.borderColor).toEqual(['#0000ff', '#ff0000', '#eeeeee']);
  });

  it('draws probabilities on 0–100 with band whiskers, outlined in high contrast', () => {
    const spec = probabilitySpec(report().outcomes);
    const config = barChartConfig(spec, theme({ kind: 'high-contrast', outline: '#f38518' }));
    const dataset = config.data.datasets[0]!;
    expect(dataset.data).toEqual([63, 58, 21]);
    expect(dataset.borderColor).toEqual(['#f38518', '#f38518', '#f38518']);
    expect(dataset.borderWidth).toEqual([1, 1, 1]);
    const x = config.options!.scales!.x as { min: number; max: number; ticks: { stepSize: number } };
    expect([x.min, x.max, x.ticks.stepSize]).toEqual([0, 100, 20]);
    expect(config.plugins?.map((p) => p.id)).toEqual(['scenarioBandWhiskers', 'scenarioValues']);
    const tooltip = config.options!.plugins!.tooltip!.callbacks as any;
    expect(tooltip.label({ dataIndex: 2 })).toBe('21% (band 12–33%)');
  });

  it('keeps the largest swings when there are too many to draw', () => {
    const forecast = sampleForecast();
    forecast.outcomes[0]!.swing = Array.from({ length: MAX_BARS + 4 }, (_, i) => ({ name: `f${i}`, points: 40 - i, ifTrue: 0.5 + (40 - i) / 200, ifFalse: 0.5 - (40 - i) / 200 }));
    const spec = tornadoSpec(buildReport(forecast).outcomes[0]!);
    expect(spec.values).toHaveLength(MAX_BARS);
    expect(spec.names[0]).toBe('f0');
    expect(spec.omitted).toBe(4);
  });
});

describe('percentAxis', () => {
  const swing = (ends: [number, number][], now: number): BarChartSpec => ({
    ...tornadoSpec(report().outcomes[0]!),
    spans: ends.map(([from, to]) => ({ from, to, fromText: `${from}%`, toText: `${to}%` })),
    reference: { value: now, text: `${now}%` },
  });

  it('uses round steps, at most six intervals, inside 0–100', () => {
    expect(percentAxis(swing([[39, 61], [42, 58]], 63))).toMatchObject({ min: 35, max: 65, step: 5 });
    expect(percentAxis(swing([[2, 97]], 50))).toMatchObject({ min: 0, max: 100, step: 20 });
    expect(percentAxis(swing([[48.5, 49.5]], 49))).toMatchObject({ min: 48, max: 50, step: 1 });
    const { ticks, step } = percentAxis(swing([[12, 71]], 30));
    ticks.slice(1).forEach((t, i) => expect(t - ticks[i]!).toBe(step));
    expect(ticks.length - 1).toBeLessThanOrEqual(6);
  });

  it('gives a pinned outcome one step around its value', () => {
    expect(percentAxis(swing([[100, 100]], 100))).toMatchObject({ min: 99, max: 100 });
    expect(percentAxis(swing([[0, 0]], 0))).toMatchObject({ min: 0, max: 1 });
  });
});

describe('fitLabel', () => {
  it('wraps a long label on words into two lines, cut with an ellipsis', () => {
    expect(fitLabel('Short', 20)).toEqual(['Short']);
    const lines = fitLabel("Pakistan's political, constitutional and economic crises", 20);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(20);
    expect(lines[1]!.endsWith('…')).toBe(true);
  });
});
