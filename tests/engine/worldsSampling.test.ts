// Sampled worlds of exact forecasts stop once every world's probability is known to a standard
// error of 0.008: soon where no world repeats (hundreds of outcomes), not before where one is common.
import { describe, expect, it } from 'vitest';
import { forecast, worldsKnown } from '../../server/src/engine/forecast';
import { buildModel, type ModelSpec } from './build';

/** A chain of `n` outcomes, each driven by a factor of its own and the outcome before. */
function chain(n: number, base: number): ModelSpec {
  const factors: ModelSpec['factors'] = {};
  const outcomes: ModelSpec['outcomes'] = {};
  for (let i = 0; i < n; i++) {
    factors[`f${i}`] = 0.5;
    outcomes[`o${i}`] = { base, drivers: i === 0 ? [[`f${i}`, 'raises', 2]] : [[`f${i}`, 'raises', 2], [`o${i - 1}`, 'raises', 2]] };
  }
  return { factors, outcomes, samples: 20_000 };
}

describe('sampled worlds', () => {
  it('worldsKnown: the most frequent world’s count bounds every standard error', () => {
    expect(worldsKnown(512, 1)).toBe(true);
    expect(worldsKnown(256, 1)).toBe(false);
    expect(worldsKnown(1024, 60)).toBe(false);
    expect(worldsKnown(4096, 2000)).toBe(false);
    expect(worldsKnown(16_384, 8000)).toBe(true);
  });

  it('stop after 512 samples when no world repeats, and go on when one world is common', () => {
    const rare = forecast(buildModel(chain(40, 0.5)), { maxWorlds: 8 });
    expect(rare.method).toBe('exact');
    expect(rare.worldsMethod).toBe('monte-carlo');
    for (const w of rare.worlds) expect(w.probability).toBeCloseTo(1 / 512, 12);
    const common = forecast(buildModel(chain(40, 0.995)), { maxWorlds: 8 });
    expect(common.worldsMethod).toBe('monte-carlo');
    const top = common.worlds[0]!.probability;
    expect(top).toBeGreaterThan(0.3);
    // Known to 0.008: far more samples than 512, whose multiples it is not.
    expect(Math.abs(top * 512 - Math.round(top * 512))).toBeGreaterThan(1e-6);
  });
});
