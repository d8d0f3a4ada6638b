// The junction tree against brute-force enumeration of every world: P(v | E) for every variable
// and P(E), with no evidence, with evidence on factors, on outcomes (reasoning backwards) and on
// both, and impossible evidence. Plus the hand-computed cases of one cause and its effect and of
// a collider, where seeing the effect makes the two causes dependent (explaining away).
import { describe, expect, it } from 'vitest';
import { compileModel, type CompiledModel } from '../../server/src/engine/compile';
import { buildJunctionTree, calibrate, observeOne, propagate, propagateLog } from '../../server/src/engine/junction';
import { buildPlan, frontierBuffer, runPlan } from '../../server/src/engine/frontier';
import { expectedTables } from '../../server/src/engine/tables';
import { buildModel, randomModel, type ModelSpec } from './build';
import { worldProbabilities } from './worlds';

function tablesOf(c: CompiledModel): Float64Array[] {
  return expectedTables(c, new Map(), () => {});
}

/** P(v true | E) for every v, and P(E), by summing every one of the 2^n worlds. */
function bruteForce(c: CompiledModel, tables: Float64Array[], evidence: Int8Array): { marginals: number[]; evidence: number } {
  const worlds = worldProbabilities(c, tables, evidence);
  const joint = new Array<number>(c.n).fill(0);
  let total = 0;
  worlds.forEach((p, world) => {
    total += p;
    for (let v = 0; v < c.n; v++) if ((world >>> v) & 1) joint[v]! += p;
  });
  return { marginals: joint.map((j) => j / total), evidence: total };
}

function junction(c: CompiledModel, tables: Float64Array[], evidence: Int8Array) {
  const tree = buildJunctionTree(c)!;
  const marginals = new Float64Array(c.n);
  const pe = propagate(tree, tables, evidence, marginals);
  return { marginals: Array.from(marginals), evidence: pe, tree };
}

describe('junction tree', () => {
  it('equals brute-force enumeration on random models, with and without evidence', () => {
    let checked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const c = compileModel(buildModel(randomModel(seed, 3 + (seed % 4), 4 + (seed % 6))));
      if (c.n > 14) continue;
      const tables = tablesOf(c);
      let state = seed;
      const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
      for (let trial = 0; trial < 4; trial++) {
        const evidence = Int8Array.from({ length: c.n }, () => (trial === 0 ? -1 : next() < 0.25 ? (next() < 0.5 ? 0 : 1) : -1));
        const expected = bruteForce(c, tables, evidence);
        const got = junction(c, tables, evidence);
        if (expected.evidence === 0) {
          expect(got.evidence).toBe(0);
          continue;
        }
        expect(got.evidence).toBeCloseTo(expected.evidence, 12);
        got.marginals.forEach((m, v) => expect(m).toBeCloseTo(expected.marginals[v]!, 11));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('agrees with the frontier pass without evidence, on models too large to enumerate', () => {
    let compared = 0;
    for (const seed of [3, 4, 5, 6, 7, 8]) {
      const c = compileModel(buildModel(randomModel(seed, 12, 24)));
      const tables = tablesOf(c);
      const plan = buildPlan(c, false);
      if (!plan) continue; // too wide for the frontier
      compared++;
      const forward = new Float64Array(c.n);
      runPlan(plan, tables, forward, frontierBuffer(plan));
      const { marginals, evidence } = junction(c, tables, new Int8Array(c.n).fill(-1));
      expect(evidence).toBeCloseTo(1, 12);
      for (const v of c.outcomes) expect(marginals[v]).toBeCloseTo(forward[v]!, 11);
    }
    expect(compared).toBeGreaterThanOrEqual(3);
  });

  it('one cause and its effect: seeing the effect raises the cause by Bayes’ rule', () => {
    // P(a) = 0.3; P(o | a) = 0.9 (odds 9 = 3/7 × 21), P(o | not a) = 0.3 (odds 3/7).
    const spec: ModelSpec = { factors: { a: 0.3 }, outcomes: { o: { base: 0.3, drivers: [['a', 'raises', 21]] } } };
    const c = compileModel(buildModel(spec));
    const tables = tablesOf(c);
    const a = c.index.get('a')!;
    const o = c.index.get('o')!;
    const evidence = new Int8Array(c.n).fill(-1);
    evidence[o] = 1;
    const { marginals, evidence: pe } = junction(c, tables, evidence);
    const po = 0.3 * 0.9 + 0.7 * 0.3; // 0.48
    expect(pe).toBeCloseTo(po, 12);
    expect(marginals[a]).toBeCloseTo((0.3 * 0.9) / po, 12); // 0.5625
    expect(marginals[o]).toBe(1);
  });

  it('a collider: seeing the effect makes its causes dependent, and one explains the other away', () => {
    const spec: ModelSpec = {
      factors: { a: 0.2, b: 0.2 },
      outcomes: { o: { base: 0.05, drivers: [['a', 'raises', 50], ['b', 'raises', 50]] } },
    };
    const c = compileModel(buildModel(spec));
    const tables = tablesOf(c);
    const [a, b, o] = ['a', 'b', 'o'].map((name) => c.index.get(name)!);
    const seen = (values: Record<number, number>) => {
      const evidence = new Int8Array(c.n).fill(-1);
      for (const [v, x] of Object.entries(values)) evidence[Number(v)] = x;
      return junction(c, tables, evidence).marginals;
    };
    const prior = seen({});
    expect(prior[a]).toBeCloseTo(0.2, 12);
    const afterEffect = seen({ [o!]: 1 });
    const afterBoth = seen({ [o!]: 1, [b!]: 1 });
    // By hand: odds(o | a, b) = odds(base) × 50^(a + b).
    const odds = 0.05 / 0.95;
    const p = (k: number) => (odds * 50 ** k) / (1 + odds * 50 ** k);
    const joint = (x: number, y: number) => (x ? 0.2 : 0.8) * (y ? 0.2 : 0.8) * p(x + y);
    const po = joint(0, 0) + joint(1, 0) + joint(0, 1) + joint(1, 1);
    expect(afterEffect[a]).toBeCloseTo((joint(1, 0) + joint(1, 1)) / po, 12);
    expect(afterBoth[a]).toBeCloseTo(joint(1, 1) / (joint(0, 1) + joint(1, 1)), 12);
    expect(afterEffect[a]!).toBeGreaterThan(prior[a]!);
    expect(afterBoth[a]!).toBeLessThan(afterEffect[a]!); // b explains o away
  });

  it('says that impossible evidence is impossible', () => {
    const spec: ModelSpec = { factors: { a: 0.5 }, outcomes: { never: { base: 0, drivers: [['a', 'raises', 3]] } } };
    const c = compileModel(buildModel(spec));
    const evidence = new Int8Array(c.n).fill(-1);
    evidence[c.index.get('never')!] = 1;
    const { marginals, evidence: pe } = junction(c, tablesOf(c), evidence);
    expect(pe).toBe(0);
    expect(marginals.every(Number.isNaN)).toBe(true);
  });

  it('plans by treewidth: a long chain has cliques of two, however long', () => {
    const outcomes: ModelSpec['outcomes'] = {};
    for (let i = 0; i < 300; i++) outcomes[`o${i}`] = { base: 0.3, drivers: [[i === 0 ? 'a' : `o${i - 1}`, 'raises', 3]] };
    const c = compileModel(buildModel({ factors: { a: 0.5 }, outcomes }));
    const tree = buildJunctionTree(c)!;
    expect(tree.largest).toBe(2);
    expect(buildJunctionTree(compileModel(buildModel(randomModel(9, 30, 60))), 3)).toBeNull();
  });

  it('one more observation from a calibrated tree equals a whole propagation, in every part of a model', () => {
    let checked = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const spec = randomModel(seed, 3 + (seed % 4), 4 + (seed % 6));
      // A part unconnected to the rest: its tree is never reached from the others.
      const c = compileModel(buildModel({
        factors: { ...spec.factors, lone: 0.35 },
        outcomes: { ...spec.outcomes, apart: { base: 0.3, drivers: [['lone', 'raises', 3]] }, alone: { base: 0.6 } },
      }));
      const tree = buildJunctionTree(c)!;
      const tables = tablesOf(c);
      const base = Int8Array.from({ length: c.n }, (_, v) => (seed % 3 === 0 && v === c.n - 1 ? 1 : -1));
      const cal = calibrate(tree, tables, base);
      const wanted = new Uint8Array(c.n).fill(1);
      const out = new Float64Array(c.n);
      for (let x = 0; x < c.n; x++) {
        if (base[x]! >= 0) continue;
        for (const value of [0, 1] as const) {
          const evidence = base.slice();
          evidence[x] = value;
          const expected = new Float64Array(c.n);
          const possible = propagate(tree, tables, evidence, expected) > 0;
          expect(observeOne(cal, x, value, wanted, out)).toBe(possible);
          if (!possible) continue;
          for (let v = 0; v < c.n; v++) expect(out[v]).toBeCloseTo(expected[v]!, 10);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('keeps the logarithm of P(E) when hundreds of improbable observations underflow it', () => {
    const factors: ModelSpec['factors'] = {};
    const outcomes: ModelSpec['outcomes'] = {};
    for (let i = 0; i < 400; i++) {
      factors[`f${i}`] = 0.05;
      outcomes[i === 0 ? 'o' : `o${i}`] = { base: 0.3, drivers: [[`f${i}`, 'raises', 3]] };
    }
    const c = compileModel(buildModel({ factors, outcomes }));
    const evidence = new Int8Array(c.n).fill(-1);
    for (let i = 0; i < 400; i++) evidence[c.index.get(`f${i}`)!] = 1;
    const marginals = new Float64Array(c.n);
    const log = propagateLog(buildJunctionTree(c)!, tablesOf(c), evidence, marginals);
    expect(log).toBeCloseTo(400 * Math.log(0.05), 8); // about e^-1198: below the smallest double
    expect(Math.exp(log)).toBe(0);
    const odds = (0.3 / 0.7) * 3;
    expect(marginals[c.index.get('o')!]).toBeCloseTo(odds / (1 + odds), 12);
  });
});
