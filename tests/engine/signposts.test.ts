// Signposts and linchpins (LANGUAGE.md, Semantics), solved by hand on a cause, its effect and the
// effect's consequence, under evidence, and checked against the forecast of the alternatives they
// stand for (observe X; F's probability set to an end of its interval) on random models.
import { describe, expect, it } from 'vitest';
import { forecast } from '../../server/src/engine/forecast';
import { holdingInterval } from '../../server/src/engine/signposts';
import type { OutcomeForecast } from '../../common/forecast';
import { buildModel, randomModel, type ModelSpec } from './build';
import { loadForecast } from '../../server/src/cli/forecast';

const CHAIN: ModelSpec = {
  factors: { a: 0.3 },
  outcomes: {
    o: { base: 0.3, drivers: [['a', 'raises', 21]] }, // P(o | a) = 0.9, P(o | not a) = 0.3
    d: { base: 0.2, drivers: [['o', 'raises', 4]] }, // P(d | o) = 0.5, P(d | not o) = 0.2
  },
};
const find = (list: OutcomeForecast[], name: string) => list.find((o) => o.name === name)!;

describe('signposts', () => {
  it('by hand: the cause, and the consequence (seeing d is evidence about o)', () => {
    const o = find(forecast(buildModel(CHAIN)).outcomes, 'o');
    expect(o.probability).toBeCloseTo(0.48, 12);
    const a = o.signposts.find((s) => s.name === 'a')!;
    expect(a).toMatchObject({ probability: expect.closeTo(0.3, 12), ifTrue: expect.closeTo(0.9, 12), ifFalse: expect.closeTo(0.3, 12) });
    expect(a.expectedShift).toBeCloseTo(100 * (0.3 * 0.42 + 0.7 * 0.18), 10);
    const d = o.signposts.find((s) => s.name === 'd')!;
    const pd = 0.48 * 0.5 + 0.52 * 0.2;
    expect(d.probability).toBeCloseTo(pd, 12);
    expect(d.ifTrue).toBeCloseTo(0.24 / pd, 12);
    expect(d.ifFalse).toBeCloseTo(0.24 / (1 - pd), 12);
    expect(o.signposts.map((s) => s.expectedShift)).toEqual([...o.signposts.map((s) => s.expectedShift)].sort((x, y) => y - x));
  });

  it('equal the forecasts of alternatives that observe, and leave out what the alternative fixes', () => {
    for (const seed of [1, 2, 3, 4]) {
      const spec = randomModel(seed, 5, 6);
      const names = [...Object.keys(spec.factors!), ...Object.keys(spec.outcomes!)];
      spec.alternatives = names.map((name) => ({ title: name, observe: { [name]: true } }));
      spec.alternatives.push({ title: 'given', given: { [names[0]!]: true } });
      const f = forecast(buildModel(spec));
      for (const o of f.outcomes) {
        for (const s of o.signposts) {
          const seen = f.alternatives.find((a) => a.name === s.name)!;
          expect(find(seen.outcomes, o.name).probability).toBeCloseTo(s.ifTrue, 10);
          expect(seen.evidenceProbability).toBeCloseTo(s.probability, 10);
        }
        expect(o.signposts.length).toBeLessThanOrEqual(10);
      }
      for (const o of f.alternatives.at(-1)!.outcomes) expect(o.signposts.map((s) => s.name)).not.toContain(names[0]);
    }
  });
});

describe('linchpins', () => {
  it('by hand: P(o) = 0.3 + 0.6·P(a) stays "roughly even chance" (45–55%) while P(a) is 25–41.7%', () => {
    const o = find(forecast(buildModel(CHAIN)).outcomes, 'o');
    expect(o.linchpins).toHaveLength(1);
    expect(o.linchpins[0]).toMatchObject({ name: 'a', current: 0.3, phrase: 'roughly even chance' });
    expect(o.linchpins[0]!.holdsFrom).toBeCloseTo(0.25, 12);
    expect(o.linchpins[0]!.holdsTo).toBeCloseTo(0.25 / 0.6, 12);
  });

  it('under evidence: a ratio of two linear functions, solved exactly', () => {
    const f = forecast(buildModel({ ...CHAIN, alternatives: [{ title: 'd seen', observe: { d: true } }] }));
    const o = find(f.alternatives[0]!.outcomes, 'o');
    const posterior = (p: number) => ((0.3 + 0.6 * p) * 0.5) / ((0.3 + 0.6 * p) * 0.5 + (0.7 - 0.6 * p) * 0.2);
    expect(o.probability).toBeCloseTo(posterior(0.3), 12);
    const [l] = o.linchpins;
    expect(l!.phrase).toBe('likely');
    // P(o | d) = 0.55 and 0.80 at the ends (when they lie inside 0..1).
    if (l!.holdsFrom > 0) expect(posterior(l!.holdsFrom)).toBeCloseTo(0.55, 10);
    if (l!.holdsTo < 1) expect(posterior(l!.holdsTo)).toBeCloseTo(0.8, 10);
  });

  it('each end is where setting the factor to it puts P(O) on its phrase’s edge', () => {
    for (const seed of [5, 6, 7]) {
      const spec = randomModel(seed, 5, 6);
      const f = forecast(buildModel(spec));
      for (const o of f.outcomes) {
        for (const l of o.linchpins.slice(0, 2)) {
          for (const end of [l.holdsFrom, l.holdsTo].filter((x) => x > 1e-9 && x < 1 - 1e-9)) {
            const moved = forecast(buildModel({ ...spec, alternatives: [{ title: 'at the end', set: { [l.name]: end } }] }));
            const p = find(moved.alternatives[0]!.outcomes, o.name).probability;
            const edges = [0.05, 0.2, 0.45, 0.55, 0.8, 0.95];
            expect(Math.min(...edges.map((e) => Math.abs(e - p)))).toBeLessThan(1e-9);
          }
        }
      }
    }
  });

  it('none for an observed outcome: P(O | E) is 0 or 1 whatever any probability is (the samples once showed rounding as one); its swings are flat', () => {
    // Both samples observe security_reengage in an alternative; rounding in the ratios of equal
    // sums there had made "linchpins" of taliban_ttp and china_ties.
    let observed = 0;
    for (const file of ['samples/us-pakistan-2025.scenario', 'samples/pakistan/security-2025.scenario']) {
      const loaded = loadForecast(file, { root: 'samples' });
      if (loaded.forecast === null) throw new Error(loaded.errorOutput);
      for (const alternative of loaded.forecast.alternatives) {
        for (const { name, value } of alternative.observed) {
          const outcome = alternative.outcomes.find((o) => o.name === name);
          if (!outcome) continue;
          observed++;
          expect(outcome.probability).toBe(value ? 1 : 0);
          expect(outcome.linchpins).toEqual([]);
          // Nothing moves it either, and seeing it tells nothing more: flat swings, no signposts.
          expect(outcome.swing.length).toBeGreaterThan(0);
          for (const s of outcome.swing) expect(s).toMatchObject({ points: 0, ifTrue: value ? 1 : 0, ifFalse: value ? 1 : 0 });
          expect(outcome.signposts).toEqual([]);
        }
      }
    }
    expect(observed).toBe(2);
  });

  it('holdingInterval: the whole range when nothing can flip, null never for the current value', () => {
    expect(holdingInterval(0.5, 0.5, 1, 1, 0.45, 0.55)).toEqual([0, 1]);
    expect(holdingInterval(0.3, 0.9, 1, 1, 0.45, 0.55)).toEqual([0.25, expect.closeTo(0.41667, 4)]);
  });
});
