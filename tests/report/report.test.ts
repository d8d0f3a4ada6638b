// The view model (common/report/report.ts): every number formatted once, the raw number beside it,
// and the facts a renderer would otherwise work out for itself.
import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../common/forecast';
import { UNTITLED_TITLE } from '../../common/forecast';
import { baseName, buildReport, displayLabel } from '../../common/report';
import { forecast } from '../../server/src/engine/forecast';
import { analyze } from '../../server/src/model/analyze';
import { sampleForecast } from '../webview/fixtures';

describe('buildReport', () => {
  const report = buildReport(sampleForecast());

  it('formats each outcome once, keeping the fractions beside the text', () => {
    const push = report.outcomes[0]!;
    expect(push).toMatchObject({
      name: 'democracy_push', title: 'Washington presses Islamabad on democracy and free speech', phrase: 'likely',
      probability: { value: 0.6312, percent: 63, text: '63%' },
      band: { low: 0.48, high: 0.77, lowPercent: 48, highPercent: 77, text: '48–77%' },
      judged: { text: 'likely', range: [0.55, 0.8], rangeText: '55%–80%', agrees: true, summary: '✓ likely' },
      topDrivers: 'rapport +21.3, khan_popular +15.2, crisis +12.0',
      delta: null,
    });
    expect(report.outcomes[2]!.judged).toMatchObject({ agrees: false, summary: '✗ very unlikely', rangeText: '5%–20%' });
  });

  it('labels every driver, sorted as the engine sorted them, with signed points', () => {
    expect(report.outcomes[2]!.drivers.map(({ ifTrue: _t, ifFalse: _f, ...d }) => d)).toEqual([
      { name: 'attack', label: 'A major terror attack touches US interests', points: { value: 38.52, shown: 38.5, text: '+38.5', sign: 1 } },
      { name: 'democracy_push', label: 'Washington presses Islamabad on democracy and free speech', points: { value: -3.14, shown: -3.1, text: '−3.1', sign: -1 } },
      { name: 'rapport', label: 'Trump and Khan keep a positive relationship', points: { value: -1.96, shown: -2, text: '−2.0', sign: -1 } },
    ]);
    // The ends of each bar, as the percentages the report shows.
    expect(report.outcomes[2]!.drivers[0]!.ifTrue).toEqual({ value: 0.6926, percent: 69, text: '69%' });
    expect(report.outcomes[2]!.drivers[0]!.ifFalse).toEqual({ value: 0.3074, percent: 31, text: '31%' });
  });

  it('writes worlds in words, with what the listed worlds leave out', () => {
    expect(report.worlds.list.map((w) => [w.probability.text, w.text, w.words])).toEqual([
      ['29%', 'democracy_push, trade_up', 'democracy_push, trade_up, not security_ties'],
      ['17%', 'trade_up', 'not democracy_push, trade_up, not security_ties'],
      ['21%', 'democracy_push', 'democracy_push, not trade_up, not security_ties'],
    ]);
    expect(report.worlds.rest!.value).toBeCloseTo(1 - 0.2899 - 0.1688 - 0.2101, 12);
    expect(report.worlds.restText).toBe('The other worlds: 33% together');
    // An alternative that lists no worlds says nothing about the rest.
    expect(report.alternatives[1]!.worlds).toEqual({ list: [], rest: null, restText: '' });
  });

  it('gives alternatives their deltas: the engine’s, or computed from the baseline', () => {
    const [khan, attack] = report.alternatives;
    expect(khan!.outcomes.map((o) => o.delta?.text)).toEqual(['+15.1', '0.0', '−2.4']);
    // "Attack happens" has no delta fields: 56.04% − 21.04% = 35 points.
    expect(attack!.outcomes[2]!.delta!.value).toBeCloseTo(35, 9);
    expect(attack!.outcomes.map((o) => o.delta?.text)).toEqual(['0.0', '0.0', '+35.0']);
  });

  it('shows inputs with their written ranges and the mean computed from them', () => {
    expect(report.inputs.map((i) => [i.name, i.probability.text, i.rangeText, i.text])).toEqual([
      ['crisis', '97.0%', '95%–99%', 'almost certain'],
      ['khan_popular', '88%', '80%–95%', 'very likely'],
      ['rapport', '65%', '55%–75%', '55%..75%'],
      ['attack', '18%', '10%–25%', '10%..25%'],
    ]);
    expect(report.inputs[0]).toMatchObject({ notes: ['Election-fraud allegations against the governing coalition.'], sources: ['op-ed, paragraph 2'] });
  });

  it('says how the forecast was computed: an exact one claims no samples', () => {
    expect(report.method).toEqual({ kind: 'exact', worlds: 'exact', name: 'exact', samples: null, samplesText: null, seed: 2025, text: 'exact', line: 'exact, seed 2025' });
    // Exact probabilities with sampled worlds (too many outcomes for their exact joint) say so.
    const sampledWorlds = buildReport({ ...sampleForecast(), worldsMethod: 'monte-carlo', samples: 20_000 });
    expect(sampledWorlds.method).toMatchObject({ kind: 'exact', samples: null, text: 'exact (worlds sampled, 20,000 samples)' });
    const mc = buildReport({ ...sampleForecast(), method: 'monte-carlo', samples: 20_000, seed: 1 });
    expect(mc.method).toMatchObject({ name: 'Monte Carlo', samples: 20_000, samplesText: '20,000', text: 'Monte Carlo, 20,000 samples', line: 'Monte Carlo, 20,000 samples, seed 1' });
    // The JSON contract still lists the setting.
    expect(report.settings).toEqual({ samples: 50_000, seed: 2025 });
    expect(report.elapsed).toEqual({ ms: 12.34, text: '12.3 ms' });
    expect(report.horizon).toEqual({ from: '2025-01-20', to: '2026-01-20', text: '2025-01-20 to 2026-01-20' });
  });

  it('rounds Monte Carlo probabilities to what the samples support, everywhere in the report', () => {
    const f: Forecast = { ...sampleForecast(), method: 'monte-carlo', samples: 20_000 };
    f.outcomes[0]!.probability = 0.955;
    f.outcomes[0]!.band = [0.046, 0.1];
    f.worlds[0]!.probability = 0.042;
    const mc = buildReport(f);
    expect(mc.outcomes[0]!.probability.text).toBe('96%');
    expect(mc.outcomes[0]!.band.text).toBe('5–10%');
    expect(mc.worlds.list[0]!.probability.text).toBe('4%');
    // The same numbers from an exact forecast keep their decimal.
    const exact = buildReport({ ...f, method: 'exact' });
    expect([exact.outcomes[0]!.probability.text, exact.outcomes[0]!.band.text, exact.worlds.list[0]!.probability.text])
      .toEqual(['95.5%', '4.6–10%', '4.2%']);
    // An outcome's own standard error decides its rounding: 0.01 points supports the decimal, 0.3 does not.
    f.outcomes[0]!.standardError = 0.0001;
    expect(buildReport(f).outcomes[0]!).toMatchObject({ probability: { text: '95.5%' }, standardError: { points: 0, text: '±<0.1' } });
    f.outcomes[0]!.standardError = 0.003;
    expect(buildReport(f).outcomes[0]!).toMatchObject({ probability: { text: '96%' }, standardError: { points: 0.3, text: '±0.3' } });
    // Inputs are means of written ranges: never rounded as samples.
    expect(mc.inputs[0]!.probability.text).toBe('97.0%');
  });

  it('titles an untitled forecast by the file’s base name, and only then', () => {
    const untitled = { ...sampleForecast(), title: UNTITLED_TITLE };
    expect(buildReport(untitled, { file: 'models/q3-risks.scenario' }).title).toBe('q3-risks');
    expect(buildReport(untitled, { file: 'C:\\work\\q3.SCENARIO' }).title).toBe('q3');
    expect(buildReport(untitled).title).toBe('us-pakistan'); // the forecast's own file field
    expect(buildReport({ ...untitled, file: undefined }).title).toBe(UNTITLED_TITLE);
    expect(buildReport({ ...sampleForecast(), title: '  ' }, { file: 'a.scenario' }).title).toBe('a');
    expect(buildReport(sampleForecast(), { file: 'other.scenario' }).title).toBe('US–Pakistan relations, 2025');
    expect(buildReport(sampleForecast(), { file: 'other.scenario' }).file).toBe('other.scenario');
    expect(baseName('a/b.c.scenario')).toBe('b.c');
  });

  it('the engine titles a file without a scenario block with the placeholder the report replaces', () => {
    const { model } = analyze('factor a { probability 30% }\noutcome o { base 20%\n  a raises x3\n}\n');
    expect(forecast(model).title).toBe(UNTITLED_TITLE);
  });

  it('falls back to the name where the label is empty', () => {
    expect(displayLabel({ name: 'x', label: ' ' })).toBe('x');
    const f = sampleForecast();
    f.outcomes[0]!.label = '';
    expect(buildReport(f).outcomes[0]!.title).toBe('democracy_push');
  });

  it('is plain data: a structured copy is the same report', () => {
    expect(structuredClone(report)).toEqual(report);
  });
});
