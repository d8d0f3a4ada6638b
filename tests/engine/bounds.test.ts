// Bounds and cancellation: samples are checked before anything is allocated, and a run stops
// with ForecastCancelled as soon as isCancelled() says so.
import { describe, expect, it } from 'vitest';
import { forecast } from '../../server/src/engine/forecast';
import { ForecastCancelled } from '../../server/src/engine/cancel';
import { buildModel, randomModel } from './build';

const small = buildModel({
  factors: { a: [0.2, 0.4] },
  outcomes: { o: { base: 0.2, drivers: [['a', 'raises', 'strongly']] } },
  alternatives: [{ title: 'a', given: { a: true } }],
});

describe('samples bounds', () => {
  it.each([999, 1_000_001, 1e12, 1500.5, NaN, -5])('rejects %s samples before doing anything', (samples) => {
    let polled = 0;
    expect(() => forecast(small, { samples, isCancelled: () => (polled++, false) })).toThrow(RangeError);
    expect(polled).toBe(0);
  });

  it('accepts both ends of 1,000..1,000,000 and reports what it used', () => {
    expect(forecast(small, { samples: 1_000 }).samples).toBe(1_000);
    expect(forecast(small, { samples: 1_000_000 }).samples).toBe(1_000_000);
    expect(forecast(buildModel({ samples: 3_000 })).samples).toBe(3_000);
  });

  it('rejects a seed that is not a number', () => {
    expect(() => forecast(small, { seed: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});

describe('cancellation', () => {
  const big = buildModel(randomModel(11, 14, 14));

  it.each([
    ['exact', {}],
    ['Monte Carlo', { exactLimit: 0 }],
    ['Monte Carlo with nested bands', { exactLimit: 0, bandMethod: 'nested' as const }],
  ])('%s: stops with ForecastCancelled when asked', (_, options) => {
    for (const after of [1, 3, 10]) {
      let calls = 0;
      expect(() => forecast(big, { ...options, samples: 200_000, isCancelled: () => ++calls >= after }))
        .toThrow(ForecastCancelled);
      expect(calls).toBe(after);
    }
  });

  it('polls during long loops, not just at the start', () => {
    let calls = 0;
    forecast(big, { exactLimit: 0, samples: 50_000, isCancelled: () => (calls++, false) });
    expect(calls).toBeGreaterThan(40);
  });

  it('a run that is never cancelled finishes', () => {
    expect(forecast(big, { isCancelled: () => false }).outcomes.length).toBe(14);
  });
});

describe('probabilities stay inside 0..1', () => {
  it('a base of 100% with drivers, a base of 0%, and random models: every number in [0, 1], band around it', () => {
    const specs = [
      { factors: { a: 0.3, b: [0.2, 0.9] as [number, number], c: 0.7 },
        outcomes: { sure: { base: 1, drivers: [['a', 'raises', 3], ['b', 'lowers', 2], ['c', 'raises', 'strongly']] as [string, 'raises' | 'lowers', number | string][] },
          never: { base: 0, drivers: [['a', 'raises', 3]] as [string, 'raises', number][] } } },
      ...Array.from({ length: 20 }, (_, seed) => randomModel(seed + 1, 5, 8)),
      // Every base at 100%: the sums of products came to 1.0000000000000002 here before clamping.
      ...[45, 49, 89].map((seed) => {
        const spec = randomModel(seed, 3, 4);
        for (const o of Object.values(spec.outcomes ?? {})) o.base = 1;
        return spec;
      }),
    ];
    for (const spec of specs) {
      const f = forecast(buildModel(spec));
      for (const scenario of [f, ...f.alternatives]) {
        for (const o of scenario.outcomes) {
          for (const x of [o.probability, o.band[0], o.band[1]]) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
          }
          expect(o.band[0]).toBeLessThanOrEqual(o.probability);
          expect(o.band[1]).toBeGreaterThanOrEqual(o.probability);
        }
        for (const w of scenario.worlds) expect(w.probability).toBeLessThanOrEqual(1);
      }
    }
  });
});
