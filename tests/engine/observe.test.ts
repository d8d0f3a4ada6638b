// `observe` (LANGUAGE.md, Semantics: Observe) through forecast(): Bayes' rule by hand (a cause and
// its effect, a collider explaining away), evidence on uncertain parameters (the posterior over θ),
// impossible evidence, rare evidence, likelihood weighting against exact, swings and worlds under
// evidence, every input under the alternative, determinism.
import { describe, expect, it } from 'vitest';
import { forecast } from '../../server/src/engine/forecast';
import type { AlternativeForecast } from '../../common/forecast';
import { buildModel, randomModel, type ModelSpec } from './build';

const CAUSE: ModelSpec = {
  factors: { a: 0.3 },
  outcomes: { o: { base: 0.3, drivers: [['a', 'raises', 21]] }, later: { base: 0.2, drivers: [['a', 'raises', 4]] } },
};
const outcome = (a: AlternativeForecast, name: string) => a.outcomes.find((o) => o.name === name)!;
const input = (a: AlternativeForecast, name: string) => a.inputs.find((i) => i.name === name)!;

describe('observe', () => {
  it('seeing the effect raises the cause by Bayes’ rule, and what else the cause drives', () => {
    const f = forecast(buildModel({ ...CAUSE, alternatives: [{ title: 'o seen', observe: { o: true } }, { title: 'o not seen', observe: { o: false } }] }));
    const [seen, unseen] = f.alternatives;
    // P(o | a) = 0.9, P(o | not a) = 0.3 → P(o) = 0.48, P(a | o) = 0.27 / 0.48.
    expect(seen!.evidenceProbability).toBeCloseTo(0.48, 12);
    expect(seen!.observed).toEqual([{ name: 'o', value: true }]);
    expect(input(seen!, 'a').probability).toBeCloseTo(0.27 / 0.48, 12);
    expect(input(seen!, 'a').delta).toBeCloseTo(100 * (0.27 / 0.48 - 0.3), 9);
    expect(outcome(seen!, 'o').probability).toBe(1);
    const pLater = (pa: number) => pa * 0.5 + (1 - pa) * 0.2; // odds 0.25 × 4 = 1 → 0.5
    expect(outcome(seen!, 'later').probability).toBeCloseTo(pLater(0.27 / 0.48), 12);
    expect(unseen!.evidenceProbability).toBeCloseTo(0.52, 12);
    expect(input(unseen!, 'a').probability).toBeCloseTo(0.03 / 0.52, 12);
    expect(outcome(unseen!, 'later').probability).toBeCloseTo(pLater(0.03 / 0.52), 12);
    // The baseline knows nothing of the evidence.
    expect(f.outcomes.find((o) => o.name === 'later')!.probability).toBeCloseTo(pLater(0.3), 12);
  });

  it('a collider: one cause seen explains the effect away from the other', () => {
    const spec: ModelSpec = {
      factors: { a: 0.2, b: 0.2 },
      outcomes: { o: { base: 0.05, drivers: [['a', 'raises', 50], ['b', 'raises', 50]] } },
      alternatives: [{ title: 'effect', observe: { o: true } }, { title: 'effect and b', observe: { o: true, b: true } }],
    };
    const f = forecast(buildModel(spec));
    const [effect, both] = f.alternatives;
    expect(input(effect!, 'a').probability).toBeGreaterThan(0.5);
    expect(input(both!, 'a').probability).toBeLessThan(input(effect!, 'a').probability);
    expect(input(both!, 'b').probability).toBe(1);
  });

  it('updates the uncertain parameters too: the band is over the posterior of θ', () => {
    const spec: ModelSpec = {
      factors: { a: [0.1, 0.9] },
      outcomes: { o: { base: 0.5, drivers: [['a', 'raises', 9]] }, p: { base: 0.5, drivers: [['a', 'raises', 9]] } },
      alternatives: [{ title: 'o seen', observe: { o: true } }],
    };
    const f = forecast(buildModel(spec));
    const prior = f.outcomes.find((o) => o.name === 'p')!;
    const posterior = outcome(f.alternatives[0]!, 'p');
    expect(posterior.probability).toBeGreaterThan(prior.probability);
    expect(posterior.band[0]).toBeGreaterThan(prior.band[0]);
    expect(posterior.band[0]).toBeLessThanOrEqual(posterior.probability);
    expect(posterior.band[1]).toBeGreaterThanOrEqual(posterior.probability);
  });

  it('evidence the model rules out: P(E) = 0 and no numbers', () => {
    const spec: ModelSpec = {
      factors: { a: 0.5 },
      outcomes: { never: { base: 0, drivers: [['a', 'raises', 3]] }, o: { base: 0.4, drivers: [['a', 'raises', 2]] } },
      alternatives: [{ title: 'impossible', observe: { never: true } }],
    };
    const [alternative] = forecast(buildModel(spec)).alternatives;
    expect(alternative).toMatchObject({ evidenceProbability: 0, outcomes: [], worlds: [], inputs: [] });
  });

  it('swings under evidence are do() after seeing: an observed driver has none', () => {
    const f = forecast(buildModel({ ...CAUSE, alternatives: [{ title: 'later seen', observe: { later: true } }, { title: 'a seen', observe: { a: true } }] }));
    const o = outcome(f.alternatives[0]!, 'o');
    const swing = o.swing.find((s) => s.name === 'a')!;
    // do(a) cuts a from what was seen about it: P(o | do a, later) = P(o | a).
    expect(swing.ifTrue).toBeCloseTo(0.9, 12);
    expect(swing.ifFalse).toBeCloseTo(0.3, 12);
    expect(outcome(f.alternatives[1]!, 'o').swing.find((s) => s.name === 'a')).toMatchObject({ points: 0 });
  });

  it('worlds under evidence hold only what was seen, and add up with the rest', () => {
    const f = forecast(buildModel({ ...CAUSE, alternatives: [{ title: 'o seen', observe: { o: true } }] }));
    const worlds = f.alternatives[0]!.worlds;
    expect(worlds.every((w) => w.outcomes.o === true)).toBe(true);
    expect(worlds.reduce((s, w) => s + w.probability, 0)).toBeCloseTo(1, 12);
  });

  it('likelihood weighting (models too dense for exact) agrees with exact, rare evidence included', () => {
    for (const seed of [2, 5, 8]) {
      const spec = randomModel(seed, 6, 8);
      const outcomes = Object.keys(spec.outcomes!);
      spec.alternatives = [{ title: 'seen', observe: { [outcomes[outcomes.length - 1]!]: true, [outcomes[2]!]: false } }];
      const model = buildModel(spec);
      const exact = forecast(model).alternatives[0]!;
      const weighted = forecast(model, { evidenceMethod: 'weighted', samples: 50_000 }).alternatives[0]!;
      expect(Math.abs(weighted.evidenceProbability - exact.evidenceProbability)).toBeLessThan(0.01 + 0.1 * exact.evidenceProbability);
      exact.outcomes.forEach((o, i) => {
        const w = weighted.outcomes[i]!;
        expect(Math.abs(w.probability - o.probability)).toBeLessThan(Math.max(0.02, 5 * w.standardError!));
      });
    }
    // Rare evidence: P(E) about 0.3%.
    const rare: ModelSpec = {
      factors: { a: 0.05, b: 0.1 },
      outcomes: { o: { base: 0.002, drivers: [['a', 'raises', 20], ['b', 'raises', 3]] }, p: { base: 0.3, drivers: [['a', 'raises', 5]] } },
      alternatives: [{ title: 'rare', observe: { o: true, b: false } }],
    };
    const exact = forecast(buildModel(rare)).alternatives[0]!;
    const weighted = forecast(buildModel(rare), { evidenceMethod: 'weighted' }).alternatives[0]!;
    expect(exact.evidenceProbability).toBeLessThan(0.01);
    expect(Math.abs(weighted.evidenceProbability / exact.evidenceProbability - 1)).toBeLessThan(0.1);
    expect(Math.abs(outcome(weighted, 'p').probability - outcome(exact, 'p').probability)).toBeLessThan(0.02);
    expect(Math.abs(input(weighted, 'a').probability - input(exact, 'a').probability)).toBeLessThan(0.02);
  });

  it('is deterministic', () => {
    const spec = { ...randomModel(4, 5, 6), alternatives: [{ title: 'x', observe: { f0: true } }] };
    const strip = (f: ReturnType<typeof forecast>) => ({ ...f, elapsedMs: 0 });
    expect(strip(forecast(buildModel(spec)))).toEqual(strip(forecast(buildModel(spec))));
    expect(strip(forecast(buildModel(spec), { evidenceMethod: 'weighted' }))).toEqual(strip(forecast(buildModel(spec), { evidenceMethod: 'weighted' })));
  });
});
