// Monte Carlo against exact on the same models, within LANGUAGE.md's tolerances (P(O) within
// 0.01, band ends within 0.03, with the default 20,000 samples), plus swings and worlds.
import { describe, expect, it } from 'vitest';
import { forecast } from '../../server/src/engine/forecast';
import type { Forecast } from '../../common/forecast';
import { buildModel, type ModelSpec, randomModel } from './build';

const MODELS: Record<string, ModelSpec> = {
  chain: {
    factors: { a: 0.5 },
    outcomes: {
      o1: { base: 0.1, drivers: [['a', 'raises', 9]] },
      o2: { base: 0.25, drivers: [['o1', 'raises', 3]] },
    },
  },
  diamond: {
    factors: { a: [0.3, 0.5], e: 'unlikely' },
    outcomes: {
      o1: { base: 0.2, drivers: [['a', 'raises', 'strongly']] },
      o2: { base: [0.4, 0.6], drivers: [['a', 'lowers', 'moderately'], ['e', 'raises', [2, 6]]] },
      o3: { base: 0.1, drivers: [['o1', 'raises', 9], ['o2', 'raises', 'moderately']] },
    },
    alternatives: [{ title: 'e happens', given: { e: true } }],
  },
  pinned: {
    factors: { a: 'likely' },
    outcomes: {
      never: { base: 0, drivers: [['a', 'raises', 30]] },
      child: { base: [0.3, 0.5], drivers: [['never', 'raises', 5], ['a', 'lowers', 'weakly']] },
    },
  },
};

function compare(exact: Forecast, mc: Forecast, swingTolerance: number) {
  expect(exact.method).toBe('exact');
  expect(mc.method).toBe('monte-carlo');
  const pairs = [[exact.outcomes, mc.outcomes], ...exact.alternatives.map((a, i) => [a.outcomes, mc.alternatives[i]!.outcomes])];
  for (const [e, m] of pairs) {
    e!.forEach((outcome, i) => {
      const other = m![i]!;
      expect(other.name).toBe(outcome.name);
      expect(Math.abs(other.probability - outcome.probability), `${outcome.name} P`).toBeLessThan(0.01);
      expect(Math.abs(other.band[0] - outcome.band[0]), `${outcome.name} band low`).toBeLessThan(0.03);
      expect(Math.abs(other.band[1] - outcome.band[1]), `${outcome.name} band high`).toBeLessThan(0.03);
      for (const s of outcome.swing) {
        const t = other.swing.find((x) => x.name === s.name)!;
        expect(Math.abs(t.points - s.points), `${outcome.name} swing ${s.name}`).toBeLessThan(swingTolerance);
      }
    });
  }
  for (const w of exact.worlds.slice(0, 3)) {
    const found = mc.worlds.find((x) => JSON.stringify(x.outcomes) === JSON.stringify(w.outcomes));
    expect(found, 'a top world').toBeDefined();
    expect(Math.abs(found!.probability - w.probability)).toBeLessThan(0.01);
  }
}

describe('Monte Carlo against exact', () => {
  for (const [name, spec] of Object.entries(MODELS)) {
    it(`${name}: same probabilities, bands, swings and worlds`, () => {
      const model = buildModel(spec);
      compare(forecast(model), forecast(model, { exactLimit: 0, swingMethod: 'sampled' }), 1.5);
      compare(forecast(model), forecast(model, { exactLimit: 0 }), 1e-6);
    });
  }

  it('random models of 14 variables, with their alternatives', () => {
    for (const seed of [1, 2, 3]) {
      const model = buildModel(randomModel(seed, 8, 6));
      compare(forecast(model), forecast(model, { exactLimit: 0, swingMethod: 'sampled' }), 2);
    }
  });

  it('nested-sampling bands (for graphs too wide to evaluate exactly) agree within 0.03', () => {
    for (const spec of [MODELS.diamond!, randomModel(4, 8, 6)]) {
      const model = buildModel(spec);
      const exact = forecast(model);
      const nested = forecast(model, { exactLimit: 0, bandMethod: 'nested' });
      exact.outcomes.forEach((o, i) => {
        const n = nested.outcomes[i]!;
        expect(Math.abs(n.band[0] - o.band[0]), `${o.name} low`).toBeLessThan(0.03);
        expect(Math.abs(n.band[1] - o.band[1]), `${o.name} high`).toBeLessThan(0.03);
      });
    }
  });

  it('more samples, closer to exact', () => {
    const model = buildModel(MODELS.diamond!);
    const exact = forecast(model).outcomes[2]!.probability;
    const errors = [2_000, 200_000].map((samples) =>
      Math.abs(forecast(model, { exactLimit: 0, samples, seed: 5 }).outcomes[2]!.probability - exact));
    expect(errors[1]).toBeLessThan(0.002);
    expect(errors[1]).toBeLessThan(errors[0]! + 0.001);
  });
});

describe('seeds', () => {
  const model = buildModel(MODELS.diamond!);
  const strip = (f: Forecast) => ({ ...f, elapsedMs: 0 });

  it('the same seed gives the same numbers, to the last digit', () => {
    expect(strip(forecast(model, { exactLimit: 0, seed: 9 }))).toEqual(strip(forecast(model, { exactLimit: 0, seed: 9 })));
    expect(strip(forecast(model, { seed: 9 }))).toEqual(strip(forecast(model, { seed: 9 })));
  });

  it('another seed gives other draws (and the file’s seed is used by default)', () => {
    const a = forecast(model, { exactLimit: 0, seed: 1 });
    const b = forecast(model, { exactLimit: 0, seed: 2 });
    expect(a.outcomes[2]!.probability).not.toBe(b.outcomes[2]!.probability);
    expect(a.seed).toBe(1);
    expect(forecast(buildModel({ ...MODELS.diamond!, seed: 77 })).seed).toBe(77);
  });

  it('large seeds keep all their bits', () => {
    const a = forecast(model, { exactLimit: 0, seed: 2 ** 40 });
    const b = forecast(model, { exactLimit: 0, seed: 2 ** 40 + 2 ** 33 });
    expect(a.outcomes[2]!.probability).not.toBe(b.outcomes[2]!.probability);
  });
});

describe('common random numbers across scenarios', () => {
  const spec: ModelSpec = {
    factors: { a: [0.2, 0.5], b: 'likely', c: 0.4 },
    outcomes: {
      left: { base: [0.1, 0.3], drivers: [['a', 'raises', 'strongly']] },
      right: { base: 0.3, drivers: [['b', 'raises', 'moderately'], ['c', 'lowers', [2, 3]]] },
      after: { base: 0.5, drivers: [['right', 'raises', 'weakly']] },
    },
    alternatives: [
      { title: 'a holds', given: { a: true } },
      { title: 'c uncertain', set: { c: [0.1, 0.9] } },
      { title: 'right forced', given: { right: true } },
    ],
  };

  it.each([['exact', {}], ['Monte Carlo', { exactLimit: 0, swingMethod: 'sampled' as const }]])(
    '%s: what an alternative does not touch keeps the baseline’s numbers exactly', (_, options) => {
      const f = forecast(buildModel(spec), options);
      const same = (alternative: number, name: string) => {
        const base = f.outcomes.find((o) => o.name === name)!;
        const alt = f.alternatives[alternative]!.outcomes.find((o) => o.name === name)!;
        // Equal up to the order of floating-point sums; the delta is then exactly 0.
        expect(Math.abs(alt.probability - base.probability), `${name} in ${alternative}`).toBeLessThan(1e-12);
        expect(Math.abs(alt.band[0] - base.band[0]), `${name} band in ${alternative}`).toBeLessThan(1e-12);
        expect(Math.abs(alt.band[1] - base.band[1]), `${name} band in ${alternative}`).toBeLessThan(1e-12);
        expect(alt.delta).toBe(0);
      };
      same(0, 'right');
      same(0, 'after');
      same(1, 'left');
      same(2, 'left');
      expect(f.alternatives[0]!.outcomes[0]!.delta).toBeGreaterThan(5);
      expect(f.alternatives[2]!.outcomes.find((o) => o.name === 'after')!.delta).toBeGreaterThan(1);
    });

  it('the baseline does not depend on the alternatives written beside it', () => {
    for (const options of [{}, { exactLimit: 0 }]) {
      const alone = forecast(buildModel({ ...spec, alternatives: [] }), options);
      const beside = forecast(buildModel(spec), options);
      expect(beside.outcomes).toEqual(alone.outcomes);
      expect(beside.worlds).toEqual(alone.worlds);
    }
  });
});
