// Evidence whose probability is below the smallest double (hundreds of improbable observations):
// the alternative is still possible, and its numbers are those of Bayes' rule, because the
// junction tree keeps ln P(E) (junction.ts, propagateLog) instead of P(E).
import { describe, expect, it } from 'vitest';
import { forecast } from '../../server/src/engine/forecast';
import { buildModel, type ModelSpec } from './build';

describe('rare evidence', () => {
  it('500 improbable observations: possible, finite, and each outcome as Bayes’ rule gives it', () => {
    const factors: ModelSpec['factors'] = {};
    const outcomes: ModelSpec['outcomes'] = {};
    const observe: Record<string, boolean> = {};
    for (let i = 0; i < 500; i++) {
      factors[`f${i}`] = 0.1;
      outcomes[`o${i}`] = { base: 0.2, drivers: [[`f${i}`, 'raises', 4]] };
      observe[`f${i}`] = true; // P(E) = 0.1^500 = 1e-500
    }
    outcomes.watched = { base: 0.3, drivers: [['o0', 'raises', 3]] };
    const f = forecast(buildModel({ factors, outcomes, alternatives: [{ title: 'everything seen', observe }] }));
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
});
