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
