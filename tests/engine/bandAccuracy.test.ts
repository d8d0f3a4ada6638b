// Band ends of exact forecasts against references of 100,000 draws of θ, on random models and
// three seeds each: every end within LANGUAGE.md's 0.03 (the adaptive draws stop once each end's
// own 95% interval is within ±0.02; Latin hypercube sampling does better than that interval says).
import { describe, expect, it } from 'vitest';
import { bandsByExactDraws } from '../../server/src/engine/bands';
import { compileModel } from '../../server/src/engine/compile';
import { forecast } from '../../server/src/engine/forecast';
import { buildPlan } from '../../server/src/engine/frontier';
import { seededStream, STREAM } from '../../server/src/engine/random';
import { buildModel, randomModel } from './build';

describe('band accuracy', () => {
  it('every band end of 30 random models, 3 seeds each, within 0.03 of 100,000 draws', () => {
    let worst = 0;
    let squares = 0;
    let count = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const model = buildModel(randomModel(seed, 4 + (seed % 5), 6));
      const c = compileModel(model);
      const reference = bandsByExactDraws(c, c, buildPlan(c, false)!, 100_000, seededStream(999, STREAM.bands),
        seededStream(999, STREAM.bandsExtra), () => {});
      for (const s of [1, 2, 3]) {
        const f = forecast(model, { seed: s, maxWorlds: 0 });
        expect(f.method).toBe('exact');
        c.outcomes.forEach((v, i) => {
          const r = reference[i];
          if (!r) return;
          const band = f.outcomes.find((o) => o.name === c.names[v])!.band;
          for (const k of [0, 1] as const) {
            const error = Math.abs(band[k] - r[k]);
            worst = Math.max(worst, error);
            squares += error * error;
            count++;
          }
        });
      }
    }
    console.log(`band ends: ${count}, worst error ${worst.toFixed(4)}, rms ${Math.sqrt(squares / count).toFixed(4)}`);
    expect(count).toBeGreaterThan(900);
    expect(worst).toBeLessThan(0.03);
    expect(Math.sqrt(squares / count)).toBeLessThan(0.006);
  }, 120_000);
});
