// Many observations in one alternative, through forecast(): every variable observed at once (P(E)
// is then the probability of one full assignment, which is computed by hand here), and hundreds of
// observations of outcomes, seen and not seen, in the exact path: finite, above 0, every number a
// probability, and each observed variable at 1 or 0.
import { describe, expect, it } from 'vitest';
import { forecast } from '../../server/src/engine/forecast';
import { buildModel, type ModelSpec } from './build';

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

describe('many observations in one alternative', () => {
  it('every variable observed at once: P(E) is the probability of that one world, and the world is certain', () => {
    // Points only, so P(E) = Π P(factor = value) · Π P(outcome = value | its drivers' values).
    const spec: ModelSpec = {
      factors: { a: 0.3, b: 0.6, c: 0.15 },
      events: { e: 0.2 },
      outcomes: {
        o1: { base: 0.25, drivers: [['a', 'raises', 3], ['e', 'lowers', 2]] },
        o2: { base: 0.5, drivers: [['o1', 'raises', 4], ['b', 'raises', 1.5], ['c', 'lowers', 5]] },
        o3: { base: 0.1, drivers: [['o2', 'raises', 6]] },
      },
    };
    const seen = { a: true, b: false, c: true, e: false, o1: true, o2: false, o3: true };
    const f = forecast(buildModel({ ...spec, alternatives: [{ title: 'everything', observe: seen }] }));
    const [all] = f.alternatives;
    const p1 = logistic(logit(0.25) + Math.log(3));
    const p2 = logistic(logit(0.5) + Math.log(4) - Math.log(5));
    const p3 = logistic(logit(0.1));
    const expected = 0.3 * 0.4 * 0.15 * 0.8 * p1 * (1 - p2) * p3;
    expect(all!.evidenceProbability).toBeCloseTo(expected, 12);
    expect(all!.inputs.map((i) => [i.name, i.probability])).toEqual([['a', 1], ['b', 0], ['c', 1], ['e', 0]]);
    expect(all!.outcomes.map((o) => [o.name, o.probability])).toEqual([['o1', 1], ['o2', 0], ['o3', 1]]);
    expect(all!.worlds).toEqual([{ outcomes: { o1: true, o2: false, o3: true }, probability: expect.closeTo(1, 12) }]);
    for (const o of all!.outcomes) expect(o.band).toEqual([o.probability, o.probability]);
  });

  it('500 observations of outcomes, seen and not, in the exact path: possible, finite, and Bayes’ rule on what they drive', () => {
    const n = 500;
    const factors: ModelSpec['factors'] = {};
    const outcomes: ModelSpec['outcomes'] = {};
    const observe: Record<string, boolean> = {};
    for (let i = 0; i < n; i++) {
      factors[`f${i}`] = 0.3;
      outcomes[`o${i}`] = { base: 0.1, drivers: [[`f${i}`, 'raises', 9]] };
      observe[`o${i}`] = i % 2 === 0;
    }
    outcomes.watched = { base: 0.2, drivers: [['f0', 'raises', 4], ['f1', 'raises', 4]] };
    const started = performance.now();
    const f = forecast(buildModel({ factors, outcomes, alternatives: [{ title: 'seen', observe }] }));
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(f.method).toBe('exact');
    const [seen] = f.alternatives;
    expect(Number.isFinite(seen!.evidenceProbability)).toBe(true);
    expect(seen!.evidenceProbability).toBeGreaterThan(0);
    expect(seen!.outcomes).toHaveLength(n + 1);
    // P(o | f) = 0.5, P(o | not f) = 0.1, P(o) = 0.22: P(f | o) = 0.15 / 0.22, P(f | not o) = 0.15 / 0.78.
    const ifSeen = 0.15 / 0.22;
    const ifNot = 0.15 / 0.78;
    expect(seen!.inputs.find((i) => i.name === 'f0')!.probability).toBeCloseTo(ifSeen, 10);
    expect(seen!.inputs.find((i) => i.name === 'f1')!.probability).toBeCloseTo(ifNot, 10);
    const odds = (k: number) => 0.25 * k;
    const p = (x: number) => x / (1 + x);
    const watched = ifSeen * ifNot * p(odds(16)) + ifSeen * (1 - ifNot) * p(odds(4)) + (1 - ifSeen) * ifNot * p(odds(4)) + (1 - ifSeen) * (1 - ifNot) * 0.2;
    expect(seen!.outcomes.find((o) => o.name === 'watched')!.probability).toBeCloseTo(watched, 10);
    for (const o of seen!.outcomes) {
      if (o.name in observe) expect(o.probability).toBe(observe[o.name] ? 1 : 0);
      expect(o.probability).toBeGreaterThanOrEqual(0);
      expect(o.probability).toBeLessThanOrEqual(1);
    }
  }, 60_000);
});
