// The pieces that make further band draws cheap: a plan for some outcomes only computes their
// P(O) exactly as the whole plan does; a draw of some variables' tables fills exactly their tables;
// tables drawn by odds equal the logistic formula, saturated ends included.
import { describe, expect, it } from 'vitest';
import { bandsByExactDraws, changedDownstream } from '../../server/src/engine/bands';
import { compileModel } from '../../server/src/engine/compile';
import { forecast } from '../../server/src/engine/forecast';
import { buildJunctionTree } from '../../server/src/engine/junction';
import { guides } from '../../server/src/engine/signposts';
import { expectedTables } from '../../server/src/engine/tables';
import { seededStream, STREAM, uniformsInto } from '../../server/src/engine/random';
import { buildPlan, frontierBuffer, neededBy, runPlan } from '../../server/src/engine/frontier';
import { DrawnTables } from '../../server/src/engine/tables';
import { buildModel, type ModelSpec, randomModel, sigmoid } from './build';

/** Rows of uniforms for draws of θ, from a seeded stream: `unit()` gives the next row (as large as any draw takes). */
const uniforms = (seed: number) => {
  const rng = seededStream(seed, 0);
  return () => uniformsInto(rng, new Float64Array(4096));
};

describe('narrow passes', () => {
  it('a plan for some outcomes gives them the marginals of the whole plan, in fewer steps', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const c = compileModel(buildModel(randomModel(seed, 6, 14)));
      const whole = buildPlan(c, false)!;
      const tables = new DrawnTables(c);
      const unit = uniforms(seed);
      tables.draw(unit(), unit());
      const all = new Float64Array(c.n);
      runPlan(whole, tables.tables, all, frontierBuffer(whole));
      const some = [seed % c.outcomes.length, (3 * seed) % c.outcomes.length];
      const needed = neededBy(c, some);
      const narrow = buildPlan(c, false, undefined, needed.map((x, v) => x & c.isOutcome[v]!))!;
      const part = new Float64Array(c.n).fill(NaN);
      runPlan(narrow, tables.tables, part, frontierBuffer(narrow));
      for (const i of some) expect(part[c.outcomes[i]!]).toBeCloseTo(all[c.outcomes[i]!]!, 12);
      expect(narrow.steps.length).toBeLessThanOrEqual(whole.steps.length);
      // What the narrow plan reads is what `needed` holds, nothing else.
      for (let v = 0; v < c.n; v++) if (!needed[v]) expect(Number.isNaN(part[v]!)).toBe(true);
    }
  });

  it('a draw of some variables refills their tables only, with parameters inside their ranges', () => {
    const c = compileModel(buildModel(randomModel(5, 6, 14)));
    const tables = new DrawnTables(c);
    const needed = neededBy(c, [0]);
    const before = tables.tables.map((t) => Float64Array.from(t));
    const subset = tables.subset(needed);
    expect(subset.mainDimensions + subset.extraDimensions).toBeLessThan(tables.mainDimensions + tables.extraDimensions);
    const unit = uniforms(9);
    subset.draw(unit(), unit());
    let changed = 0;
    for (let v = 0; v < c.n; v++) {
      const same = tables.tables[v]!.every((x, i) => x === before[v]![i]);
      if (!needed[v]) expect(same).toBe(true);
      else if (!same) changed++;
      for (const p of tables.tables[v]!) expect(p >= 0 && p <= 1).toBe(true);
    }
    expect(changed).toBeGreaterThan(0);
  });

  it('tables drawn by odds equal σ(logit(base) + Σ ln K), and saturate at pinned bases and extreme multipliers', () => {
    const model = buildModel({
      factors: { a: [0.2, 0.6], b: 0.5 },
      outcomes: {
        plain: { base: [0.1, 0.4], drivers: [['a', 'raises', [2, 6]], ['b', 'lowers', [1.5, 3]]] },
        sure: { base: 1, drivers: [['a', 'lowers', [2, 6]]] },
        never: { base: 0, drivers: [['a', 'raises', [2, 6]]] },
        extreme: { base: [0.3, 0.5], drivers: [['a', 'raises', [1e200, 1e250]], ['b', 'lowers', [1e200, 1e250]]] },
      },
    });
    const c = compileModel(model);
    const tables = new DrawnTables(c);
    const unit = uniforms(3);
    for (let draw = 0; draw < 20; draw++) {
      tables.draw(unit(), unit());
      const { logitBase, lnK } = tables.theta;
      for (const name of ['plain', 'sure', 'never', 'extreme']) {
        const v = c.index.get(name)!;
        const start = c.drvStart[v]!;
        const k = c.drvStart[v + 1]! - start;
        for (let mask = 0; mask < 1 << k; mask++) {
          let z = logitBase[v]!;
          for (let j = 0; j < k; j++) if (mask & (1 << j)) z += lnK[start + j]!;
          const expected = sigmoid(z);
          expect(Math.abs(tables.tables[v]![mask]! - expected)).toBeLessThan(1e-10);
        }
      }
    }
    expect(Array.from(tables.tables[c.index.get('sure')!]!)).toEqual([1, 1]);
    expect(Array.from(tables.tables[c.index.get('never')!]!)).toEqual([0, 0]);
  });

  it("an alternative keeps the baseline's band where nothing it changes reaches, and draws the others (within 0.03 of 30,000 draws)", () => {
    let kept = 0;
    let drawn = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const spec = randomModel(seed, 6, 12);
      spec.alternatives = [{ title: 'one factor', set: { [`f${seed % 6}`]: [0.7, 0.9] } }];
      const model = buildModel(spec);
      const f = forecast(model, { maxWorlds: 0 });
      expect(f.method).toBe('exact');
      const baseline = compileModel(model);
      const c = compileModel(model, model.alternatives[0]!);
      const changed = changedDownstream(c, baseline);
      const reference = bandsByExactDraws(c, baseline, buildPlan(c, false)!, 30_000, seededStream(77, STREAM.bands),
        seededStream(77, STREAM.bandsExtra), () => {});
      c.outcomes.forEach((v, i) => {
        const name = c.names[v]!;
        const before = f.outcomes.find((o) => o.name === name)!;
        const after = f.alternatives[0]!.outcomes.find((o) => o.name === name)!;
        if (!changed[v]) {
          expect(after.band).toEqual(before.band);
          kept++;
        } else if (reference[i]) {
          expect(Math.abs(after.band[0] - reference[i]![0])).toBeLessThan(0.03);
          expect(Math.abs(after.band[1] - reference[i]![1])).toBeLessThan(0.03);
          drawn++;
        }
      });
    }
    expect(kept).toBeGreaterThan(10);
    expect(drawn).toBeGreaterThan(10);
  });

  it('signposts, linchpins and swings from sweeps kept to what shares an ancestor with the outcome equal those of whole sweeps', () => {
    // A chain of small clusters joined by common consequences (z): one tree, but without
    // evidence most of it is d-separated from any one outcome.
    const factors: Record<string, [number, number]> = {};
    const outcomes: NonNullable<ModelSpec['outcomes']> = {};
    for (let k = 0; k < 12; k++) {
      factors[`a${k}`] = [0.2, 0.5];
      factors[`b${k}`] = [0.3, 0.7];
      outcomes[`x${k}`] = { base: [0.1, 0.3], drivers: [[`a${k}`, 'raises', [2, 4]], [`b${k}`, 'lowers', 3]] };
      outcomes[`y${k}`] = { base: 0.2, drivers: [[`x${k}`, 'raises', 'strongly'], [`b${k}`, 'raises', 2]] };
      if (k > 0) outcomes[`z${k}`] = { base: [0.05, 0.2], drivers: [[`y${k - 1}`, 'raises', 3], [`y${k}`, 'raises', [2, 5]]] };
    }
    const c = compileModel(buildModel({ factors, outcomes }));
    const tree = buildJunctionTree(c)!;
    expect(tree.cliques.filter((q) => q.parent < 0).length).toBe(1);
    const tables = expectedTables(c, new Map(), () => {});
    const kept = guides(c, tree, tables, null, true, () => {});
    // Evidence that observes nothing takes the whole sweeps.
    const whole = guides(c, tree, tables, new Int8Array(c.n).fill(-1), true, () => {});
    expect(kept.signposts.flat().length).toBeGreaterThan(20);
    kept.signposts.forEach((list, i) => {
      expect(list.map((g) => g.v)).toEqual(whole.signposts[i]!.map((g) => g.v));
      list.forEach((g, k) => expect(g.expectedShift).toBeCloseTo(whole.signposts[i]![k]!.expectedShift, 10));
    });
    kept.linchpins.forEach((list, i) => list.forEach((l, k) => expect(l.holdsFrom).toBeCloseTo(whole.linchpins[i]![k]!.holdsFrom, 10)));
    kept.swing!.forEach((table, i) => table.points.forEach((x, k) => expect(x).toBeCloseTo(whole.swing![i]!.points[k]!, 10)));
  });

  it("an alternative's signposts, linchpins and swings equal those of a model that makes its change the baseline", () => {
    let compared = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const spec = randomModel(seed, 6, 12);
      const factor = `f${seed % 6}`;
      spec.alternatives = [{ title: 'one factor', set: { [factor]: [0.7, 0.9] } }];
      const withAlternative = forecast(buildModel(spec), { maxWorlds: 0 });
      const changed = forecast(buildModel({ ...spec, factors: { ...spec.factors, [factor]: [0.7, 0.9] }, alternatives: [] }), { maxWorlds: 0 });
      withAlternative.alternatives[0]!.outcomes.forEach((o) => {
        const fresh = changed.outcomes.find((x) => x.name === o.name)!;
        expect(o.signposts.map((g) => g.name)).toEqual(fresh.signposts.map((g) => g.name));
        o.signposts.forEach((g, k) => expect(g.expectedShift).toBeCloseTo(fresh.signposts[k]!.expectedShift, 9));
        expect(o.linchpins.map((l) => [l.name, l.holdsFrom.toFixed(9), l.holdsTo.toFixed(9)])).toEqual(fresh.linchpins.map((l) => [l.name, l.holdsFrom.toFixed(9), l.holdsTo.toFixed(9)]));
        expect(o.swing.map((w) => w.name)).toEqual(fresh.swing.map((w) => w.name));
        o.swing.forEach((w, k) => expect(w.points).toBeCloseTo(fresh.swing[k]!.points, 9));
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(50);
  });
});
