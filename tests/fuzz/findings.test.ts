// What the fuzz campaign (npm run fuzz, docs/fuzzing.md) found, each minimised input kept as a
// regression test with the oracle it broke.
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../server/src/analysis/analyzeSource';
import { forecast } from '../../server/src/engine/forecast';
import { checkForecast } from '../../fuzz/oracles';

function forecastOf(text: string) {
  const analysis = analyzeSource({ text });
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return forecast(analysis.scope.model);
}

describe('forecast findings', () => {
  it.each([
    ['a driver that never holds, with an uncertain strength', 'factor f0 { probability 0 }\noutcome o0 {\n  base 1%\n  f0 raises x1..1.01\n}\n'],
    ['the same with a strength word', 'factor f0 { probability 0 }\noutcome o0 {\n  base 58%\n  f0 raises weakly\n}\noutcome o1 {\n  base 0%..0%\n}\n'],
    ['an alternative that observes it', 'factor f0 { probability 0% }\noutcome o0 {\n  base 1%\n}\noutcome o1 {\n  base almost no chance\n}\nalternative "a" {\n  observe not f0\n}\n'],
  ])('the band holds P: %s (it sat 3e-14 above it)', (_, text) => {
    const f = forecastOf(text);
    for (const o of [...f.outcomes, ...f.alternatives.flatMap((a) => a.outcomes)]) {
      expect(o.band[0]).toBeLessThanOrEqual(o.probability);
      expect(o.band[1]).toBeGreaterThanOrEqual(o.probability);
    }
    expect(() => checkForecast(f)).not.toThrow();
  });

  it.each([
    ['an outcome pinned at 0% seen false', 'factor f0 { probability 41% }\noutcome o0 {\n  base unlikely\n}\noutcome o1 {\n  base 0\n  o0 raises x1..1\n  f0 raises x1..1\n}\noutcome o2 {\n  base 0%\n}\nalternative "a" {\n  observe not o1\n}\n'],
    ['a factor at 0 seen false', 'factor f0 { probability 0 }\nfactor f1 { probability almost no chance }\noutcome o0 {\n  base 0\n}\noutcome o1 {\n  base 0%\n}\noutcome o2 {\n  base 9%\n  f1 lowers decisively\n}\noutcome o3 {\n  base 0\n}\nalternative "a" {\n  observe not f0\n}\n'],
    ['with an outcome\'s base changed', 'outcome o0 {\n  base 0%\n}\noutcome o1 {\n  base 0\n}\noutcome o2 {\n  base almost no chance\n}\noutcome o4 {\n  base 8%\n  o2 raises x1\n}\nalternative "a" {\n  observe not o0\n  o2 base 42%\n}\n'],
  ])('certain evidence has P(E) at most 1: %s (it was 1.0000000000000002)', (_, text) => {
    const f = forecastOf(text);
    expect(f.alternatives[0]!.evidenceProbability).toBeLessThanOrEqual(1);
    expect(f.alternatives[0]!.evidenceProbability).toBeGreaterThan(0.999999);
    expect(() => checkForecast(f)).not.toThrow();
  });

  it('worlds under rare evidence sum to at most 1: P(E) 4e-8, a base of 99.9999% seen false (they summed to 1 + 1.1e-9)', () => {
    const f = forecastOf("scenario \"Fuzzed model\" {\n  samples 1000\n  seed 0\n}\nfactor f0 { probability almost no chance }\nfactor f1 { probability almost no chance }\nfactor f2 { probability almost no chance }\nfactor f3 { probability almost no chance }\nfactor f4 { probability almost no chance }\nfactor f5 { probability 0% }\nfactor f6 { probability 0% }\nfactor f7 { probability 0 }\noutcome o0 {\n  base 98%\n  f3 raises weakly\n}\noutcome o1 {\n  base 99.9999%\n  f2 raises x1\n  o0 raises x32.21..58.99\n  f1 raises weakly\n}\noutcome o2 {\n  base 0%..0%\n  f0 raises x1..1\n}\noutcome o3 {\n  base 0\n}\noutcome o4 {\n  base 0%\n  f1 raises x1\n}\noutcome o5 {\n  base 0%\n}\nalternative \"alternative 0\" {\n  observe not o1\n  observe not f0\n}\n");
    const alternative = f.alternatives[0]!;
    expect(alternative.evidenceProbability).toBeLessThan(1e-6);
    expect(alternative.worlds.length).toBeGreaterThan(0);
    const sum = alternative.worlds.reduce((total, w) => total + w.probability, 0);
    expect(sum).toBeLessThanOrEqual(1 + 1e-12);
    expect(() => checkForecast(f)).not.toThrow();
  });
});
