// The ends of each swing (P(O) if the driver were made true, and if made false) and the standard
// error of Monte Carlo probabilities: the ends are do() forecasts, so they must equal the forecast
// of an alternative that gives the driver; Monte Carlo's ends and errors must agree with exact.
import { describe, expect, it } from 'vitest';
import { forecast } from '../../server/src/engine/forecast';
import { buildModel, randomModel, type ModelSpec } from './build';

const DIAMOND: ModelSpec = {
  factors: { a: [0.3, 0.5], e: 'unlikely' },
  outcomes: {
    o1: { base: 0.2, drivers: [['a', 'raises', 'strongly']] },
    o2: { base: [0.4, 0.6], drivers: [['a', 'lowers', 'moderately'], ['e', 'raises', [2, 6]]] },
    o3: { base: 0.1, drivers: [['o1', 'raises', 9], ['o2', 'raises', 'moderately']] },
  },
};

describe('swing ends', () => {
  it('equal the forecasts of `given F` and `given not F`, for factors and outcomes alike', () => {
    const drivers = ['a', 'e', 'o1', 'o2'];
    const alternatives = drivers.flatMap((d) => [
      { title: `${d} true`, given: { [d]: true } }, { title: `${d} false`, given: { [d]: false } },
    ]);
    const f = forecast(buildModel({ ...DIAMOND, alternatives }));
    expect(f.method).toBe('exact');
    const o3 = f.outcomes.find((o) => o.name === 'o3')!;
    for (const d of drivers) {
      const swing = o3.swing.find((s) => s.name === d)!;
      const ifTrue = f.alternatives.find((a) => a.name === `${d} true`)!.outcomes.find((o) => o.name === 'o3')!.probability;
      const ifFalse = f.alternatives.find((a) => a.name === `${d} false`)!.outcomes.find((o) => o.name === 'o3')!.probability;
      expect(swing.ifTrue).toBeCloseTo(ifTrue, 12);
      expect(swing.ifFalse).toBeCloseTo(ifFalse, 12);
      expect(swing.points).toBeCloseTo(100 * (ifTrue - ifFalse), 10);
    }
  });

  it('Monte Carlo ends agree with exact ones, and they differ by the swing', () => {
    for (const seed of [1, 2, 3]) {
      const model = buildModel(randomModel(seed, 6, 6));
      const exact = forecast(model);
      const mc = forecast(model, { exactLimit: 0, swingMethod: 'sampled' });
      expect(mc.method).toBe('monte-carlo');
      exact.outcomes.forEach((o, i) => {
        for (const s of o.swing) {
          const other = mc.outcomes[i]!.swing.find((m) => m.name === s.name)!;
          expect(Math.abs(other.ifTrue - s.ifTrue)).toBeLessThan(0.03);
          expect(Math.abs(other.ifFalse - s.ifFalse)).toBeLessThan(0.03);
          expect(other.points).toBeCloseTo(100 * (other.ifTrue - other.ifFalse), 8);
        }
      });
    }
  });
});

describe('standard error', () => {
  it('is null for an exact forecast', () => {
    const f = forecast(buildModel(DIAMOND));
    expect(f.outcomes.map((o) => o.standardError)).toEqual([null, null, null]);
  });

  it('measures the Monte Carlo error: the exact value lies within 4 of them, and it shrinks as 1/√samples', () => {
    const model = buildModel(randomModel(7, 8, 8));
    const exact = forecast(model);
    const small = forecast(model, { exactLimit: 0, samples: 5_000 });
    const large = forecast(model, { exactLimit: 0, samples: 80_000 });
    exact.outcomes.forEach((o, i) => {
      const a = small.outcomes[i]!;
      const b = large.outcomes[i]!;
      if (o.probability > 0.001 && o.probability < 0.999) {
        expect(a.standardError!).toBeGreaterThan(0);
        expect(Math.abs(a.probability - o.probability)).toBeLessThan(4 * a.standardError! + 1e-9);
        expect(b.standardError! / a.standardError!).toBeGreaterThan(0.15);
        expect(b.standardError! / a.standardError!).toBeLessThan(0.35); // 1/4 expected
      }
    });
  });
});
