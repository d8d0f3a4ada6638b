// Evidence whose probability is below the smallest double (hundreds of improbable observations):
// the alternative is still possible, and its numbers are those of Bayes' rule, because the
// junction tree keeps ln P(E) (junction.ts, propagateLog) instead of P(E).
import { describe, expect, it } from 'vitest';
import { forecast } from '../../server/src/engine/forecast';
import { buildModel, type ModelSpec } from './build';

/** 500 factors at 10%, each driving its own outcome, and an alternative that sees them all: P(E) = 1e-500. */
function fiveHundredSeen(): Required<Pick<ModelSpec, 'factors' | 'outcomes' | 'alternatives'>> {
  const factors: ModelSpec['factors'] = {};
  const outcomes: ModelSpec['outcomes'] = {};
  const observe: Record<string, boolean> = {};
  for (let i = 0; i < 500; i++) {
    factors[`f${i}`] = 0.1;
    outcomes[`o${i}`] = { base: 0.2, drivers: [[`f${i}`, 'raises', 4]] };
    observe[`f${i}`] = true;
  }
  return { factors, outcomes, alternatives: [{ title: 'everything seen', observe }] };
}

describe('rare evidence', () => {
  it('500 improbable observations: possible, finite, and each outcome as Bayes’ rule gives it', () => {
    const spec = fiveHundredSeen();
    spec.outcomes.watched = { base: 0.3, drivers: [['o0', 'raises', 3]] };
    const f = forecast(buildModel(spec));
    const [seen] = f.alternatives;
    expect(f.method).toBe('exact');
    expect(seen!.outcomes.length).toBe(501);
    // 1e-500 is below the smallest double: the smallest positive one stands for it (possible).
    expect(seen!.evidenceProbability).toBe(Number.MIN_VALUE);
    const odds = (0.2 / 0.8) * 4; // every f seen true
    const pO = odds / (1 + odds);
    expect(seen!.outcomes.find((o) => o.name === 'o7')!.probability).toBeCloseTo(pO, 12);
    const watched = (pO * (0.3 / 0.7) * 3) / (1 + (0.3 / 0.7) * 3) + (1 - pO) * 0.3;
    expect(seen!.outcomes.find((o) => o.name === 'watched')!.probability).toBeCloseTo(watched, 12);
    for (const o of seen!.outcomes) {
      expect(Number.isFinite(o.probability)).toBe(true);
      expect(o.band[0]).toBeLessThanOrEqual(o.probability + 1e-12);
      expect(o.band[1]).toBeGreaterThanOrEqual(o.probability - 1e-12);
    }
  });

  it('likelihood weighting keeps 500 improbable observations possible too, with the same numbers', () => {
    const model = buildModel(fiveHundredSeen());
    const [seen] = forecast(model, { evidenceMethod: 'weighted', samples: 2000 }).alternatives;
    expect(seen!.evidenceProbability).toBeGreaterThan(0);
    const odds = (0.2 / 0.8) * 4;
    // Every observation is a root: each sample has the same weight, and o_i follows its seen f_i.
    for (const o of seen!.outcomes.slice(0, 20)) expect(Math.abs(o.probability - odds / (1 + odds))).toBeLessThan(0.05);
  });
});

describe('observations in a model with a wide outcome (more drivers than a table holds)', () => {
  const hub = (drivers: number): ModelSpec => {
    const factors: ModelSpec['factors'] = {};
    for (let i = 0; i < drivers; i++) factors[`f${i}`] = 0.1;
    return {
      factors,
      outcomes: { hub: { base: 0.05, drivers: Array.from({ length: drivers }, (_, i) => [`f${i}`, 'raises', 2] as [string, 'raises', number]) } },
      alternatives: [{ title: 'hub seen', observe: { hub: true } }, { title: 'f0 seen', observe: { f0: true } }],
    };
  };

  it('40 drivers: finishes, and seeing the hub raises each of its causes', () => {
    const f = forecast(buildModel(hub(40)), { samples: 4000 });
    const [hubSeen, f0Seen] = f.alternatives;
    expect(f.method).toBe('monte-carlo');
    const f0 = hubSeen!.inputs.find((i) => i.name === 'f0')!;
    expect(f0.probability).toBeGreaterThan(0.1);
    expect(f0.probability).toBeLessThan(0.5);
    expect(f0Seen!.outcomes[0]!.probability).toBeGreaterThan(f.outcomes[0]!.probability);
    for (const a of f.alternatives) for (const o of a.outcomes) {
      expect(o.probability).toBeGreaterThanOrEqual(0);
      expect(o.probability).toBeLessThanOrEqual(1);
    }
  }, 60_000);

  it('14 drivers: likelihood weighting with parameters drawn per sample agrees with the exact junction tree', () => {
    const model = buildModel(hub(14));
    const exact = forecast(model, { maxWorlds: 0 }).alternatives[0]!;
    const weighted = forecast(model, { evidenceMethod: 'weighted', maxWorlds: 0 }).alternatives[0]!;
    expect(Math.abs(weighted.evidenceProbability - exact.evidenceProbability) / exact.evidenceProbability).toBeLessThan(0.05);
    for (const name of ['f0', 'f7', 'f13']) {
      const a = exact.inputs.find((i) => i.name === name)!.probability;
      const b = weighted.inputs.find((i) => i.name === name)!.probability;
      expect(Math.abs(a - b), name).toBeLessThan(0.02);
    }
  }, 60_000);
});
