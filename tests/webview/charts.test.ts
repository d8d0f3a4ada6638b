/// <reference lib="dom" />
// The Chart.js configuration built from a chart spec: data, colours by theme, axes, tooltips.
import { describe, expect, it } from 'vitest';
import { barChartConfig } from '../../client/webview/charts';
import { probabilitySpec, tornadoSpec, MAX_BARS } from '../../client/webview/chartSpecs';
import type { ThemeColours } from '../../client/webview/theme';
import { buildReport } from '../../common/report';
import { sampleForecast } from './fixtures';

const report = () => buildReport(sampleForecast());

const theme = (over: Partial<ThemeColours> = {}): ThemeColours => ({
  kind: 'dark', foreground: '#eeeeee', muted: '#aaaaaa', grid: '#444444', positive: '#0000ff', negative: '#ff0000',
  whisker: '#eeeeee', outline: '', fontFamily: 'Segoe UI', fontSize: 13, ...over,
});

describe('barChartConfig', () => {
  it('draws swings as horizontal bars coloured by sign on a symmetric axis', () => {
    const outcome = report().outcomes[2]!;
    const spec = tornadoSpec(outcome);
    const config = barChartConfig(spec, theme());
    expect(config.type).toBe('bar');
    expect(config.options?.indexAxis).toBe('y');
    expect(config.options?.animation).toBe(false);
    expect(config.data.labels).toEqual(['attack', 'democracy_push', 'rapport']);
    const dataset = config.data.datasets[0]!;
    expect(dataset.data).toEqual([38.5, -3.1, -2]);
    expect(dataset.backgroundColor).toEqual(['#0000ff', '#ff0000', '#ff0000']);
    expect(dataset.borderWidth).toBe(0);
    const x = config.options!.scales!.x as { min: number; max: number };
    expect([x.min, x.max]).toEqual([-40, 40]);
    expect(config.plugins).toEqual([]);
    const tooltip = config.options!.plugins!.tooltip!.callbacks as any;
    expect(tooltip.title([{ dataIndex: 1 }])).toBe('Washington presses Islamabad on democracy and free speech');
    expect(tooltip.label({ dataIndex: 1 })).toBe('−3.1 points');
  });

  it('draws probabilities on 0–100 with band whiskers, outlined in high contrast', () => {
    const spec = probabilitySpec(report().outcomes);
    const config = barChartConfig(spec, theme({ kind: 'high-contrast', outline: '#f38518' }));
    const dataset = config.data.datasets[0]!;
    expect(dataset.data).toEqual([63, 58, 21]);
    expect(dataset.borderColor).toBe('#f38518');
    expect(dataset.borderWidth).toBe(1);
    const x = config.options!.scales!.x as { min: number; max: number };
    expect([x.min, x.max]).toEqual([0, 100]);
    expect(config.plugins?.map((p) => p.id)).toEqual(['scenarioBandWhiskers']);
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
