// The frontier pass (engine/frontier.ts) against brute-force enumeration of every world: each
// variable's marginal, and the final joint table over the kept outcomes with and without evidence.
// A step joins a variable and sums out what it finished in one loop; the random models below give
// every kind of step (no removal, one or two drivers replaced, several removed, the variable itself
// summed out), which the test counts so that a kind the models stop giving is noticed.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../server/src/engine/compile';
import { buildPlan, frontierBuffer, type Plan, runPlan } from '../../server/src/engine/frontier';
import { buildJunctionTree, propagate } from '../../server/src/engine/junction';
import { expectedTables } from '../../server/src/engine/tables';
import { buildModel, randomModel } from './build';
import { worldProbabilities as worldsOf } from './worlds';

function stepKind(step: Plan['steps'][number]): string {
  return `${step.removed.length > 2 ? 'many' : step.removed.length} removed, ${step.keep ? 'kept' : 'summed out'}`;
}

describe('frontier pass', () => {
  it('equals brute-force enumeration: marginals, and the joint of the kept outcomes with and without evidence', () => {
    const kinds = new Set<string>();
    let checked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const c = compileModel(buildModel(randomModel(seed, 3 + (seed % 4), 4 + (seed % 7))));
      if (c.n > 14) continue;
      const tables = expectedTables(c, new Map(), () => {});
      const none = new Int8Array(c.n).fill(-1);
      const all = worldsOf(c, tables, none);
      for (const keep of [false, true]) {
        const plan = buildPlan(c, keep)!;
        for (const step of plan.steps) kinds.add(stepKind(step));
        const marginals = new Float64Array(c.n);
        runPlan(plan, tables, marginals, frontierBuffer(plan));
        for (let v = 0; v < c.n; v++) {
          let truth = 0;
          for (let world = 0; world < all.length; world++) if ((world >>> v) & 1) truth += all[world]!;
          expect(marginals[v]).toBeCloseTo(truth, 12);
        }
        // The joint over plan.finalOrder (nothing but its total P(E) when no outcome is kept),
        // without evidence and with an outcome and a factor seen.
        const o = c.outcomes[seed % c.outcomes.length]!;
        for (const evidence of [none, Int8Array.from(none, (_, v) => (v === o ? seed % 2 : v === 0 ? 1 : -1))]) {
          const worlds = worldsOf(c, tables, evidence);
          const joint = runPlan(plan, tables, new Float64Array(c.n), frontierBuffer(plan), evidence);
          expect(joint.length).toBe(1 << plan.finalOrder.length);
          const truth = new Float64Array(joint.length);
          for (let world = 0; world < worlds.length; world++) {
            let index = 0;
            plan.finalOrder.forEach((v, bit) => (index |= ((world >>> v) & 1) << bit));
            truth[index]! += worlds[world]!;
          }
          joint.forEach((p, index) => expect(p).toBeCloseTo(truth[index]!, 12));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    for (const kind of ['0 removed, kept', '0 removed, summed out', '1 removed, kept', '1 removed, summed out', '2 removed, kept', 'many removed, summed out']) expect(kinds).toContain(kind);
  });

  it('agrees with the junction tree where the frontier is too wide for its precomputed driver tables', () => {
    // A chain of outcomes each driven by the previous and by one of 16 factors kept to the end:
    // the frontier holds the factors, wider than 2^14 entries, so steps read their drivers' bits.
    const factors: Record<string, number> = {};
    const outcomes: Record<string, { base: number; drivers: [string, 'raises' | 'lowers', number][] }> = {};
    for (let i = 0; i < 16; i++) factors[`f${i}`] = 0.2 + 0.04 * i;
    for (let i = 0; i < 32; i++) {
      const drivers: [string, 'raises' | 'lowers', number][] = [[`f${i % 16}`, i % 3 ? 'raises' : 'lowers', 2 + (i % 5)]];
      if (i > 0) drivers.push([`o${i - 1}`, 'raises', 3]);
      if (i >= 16) drivers.push([`f${(i * 7) % 16}`, 'raises', 1.5]);
      outcomes[`o${i}`] = { base: 0.1 + 0.02 * (i % 10), drivers };
    }
    const c = compileModel(buildModel({ factors, outcomes, alternatives: [] }));
    const tables = expectedTables(c, new Map(), () => {});
    const plan = buildPlan(c, false)!;
    expect(plan.maxWidth).toBeGreaterThan(14);
    const forward = new Float64Array(c.n);
    runPlan(plan, tables, forward, frontierBuffer(plan));
    const marginals = new Float64Array(c.n);
    propagate(buildJunctionTree(c)!, tables, null, marginals);
    for (let v = 0; v < c.n; v++) expect(forward[v]).toBeCloseTo(marginals[v]!, 11);
  });
});
