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
});
