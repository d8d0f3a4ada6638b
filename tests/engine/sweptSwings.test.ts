// Swings from the signposts' sweeps (signposts.ts `guides`: P(O | do(F)) from the family tables of
// the tree seen with O true) against swings by two whole propagations per driver (do(F) as a table
// of 1s and of 0s), on random models, with and without evidence, and with bases of 0% and 100%
// (tables of 0s and 1s, which the sweeps leave to propagations of their own).
import { describe, expect, it } from 'vitest';
import { compileModel, type CompiledModel } from '../../server/src/engine/compile';
import { swingsByPasses } from '../../server/src/engine/exact';
import { buildJunctionTree, type Evidence, junctionBuffers, propagateLog } from '../../server/src/engine/junction';
import { guides } from '../../server/src/engine/signposts';
import { expectedTables } from '../../server/src/engine/tables';
import { buildModel, randomModel, type ModelSpec } from './build';

const never = () => {};

function byPasses(c: CompiledModel, tables: Float64Array[], evidence: Evidence | null) {
  const tree = buildJunctionTree(c)!;
  const buffers = junctionBuffers(tree);
  const current = new Float64Array(c.n);
  propagateLog(tree, tables, evidence, current, buffers);
  return swingsByPasses(c, tables, (t, out) => propagateLog(tree, t, evidence, out, buffers) > -Infinity, never, current,
    (f) => evidence !== null && evidence[f]! >= 0);
}

function compare(spec: ModelSpec, evidenceOf: (c: CompiledModel) => Evidence | null) {
  const c = compileModel(buildModel(spec));
  const tables = expectedTables(c, new Map(), never);
  const evidence = evidenceOf(c);
  const tree = buildJunctionTree(c)!;
  const swept = guides(c, tree, tables, evidence, true, never).swing!;
  const passes = byPasses(c, tables, evidence);
  let compared = 0;
  swept.forEach((table, i) => {
    for (let k = 0; k < table.points.length; k++) {
      expect(table.ifTrue[k]).toBeCloseTo(passes[i]!.ifTrue[k]!, 10);
      expect(table.ifFalse[k]).toBeCloseTo(passes[i]!.ifFalse[k]!, 10);
      expect(table.points[k]).toBeCloseTo(passes[i]!.points[k]!, 8);
      compared++;
    }
  });
  return compared;
}

describe('swings from the sweeps', () => {
  it('equal swings by whole propagations on random models', () => {
    let compared = 0;
    for (let seed = 1; seed <= 12; seed++) compared += compare(randomModel(seed, 5, 7), () => null);
    expect(compared).toBeGreaterThan(100);
  });

  it('equal them under evidence too: do() after seeing, an observed driver has none', () => {
    let compared = 0;
    for (let seed = 21; seed <= 30; seed++) {
      compared += compare(randomModel(seed, 5, 7), (c) => {
        const evidence: Evidence = new Int8Array(c.n).fill(-1);
        evidence[c.outcomes[c.outcomes.length - 1]!] = 1; // a consequence seen
        evidence[c.index.get('f1') ?? 0] = 0;
        return evidence;
      });
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('equal them where a base of 0% or 100% makes a table of 0s or 1s', () => {
    const spec: ModelSpec = {
      factors: { a: 0.3, b: [0.2, 0.6] },
      outcomes: {
        certain: { base: 1, drivers: [['a', 'lowers', 'strongly']] },
        never: { base: 0, drivers: [['b', 'raises', 'strongly']] },
        o: { base: 0.3, drivers: [['certain', 'lowers', 'moderately'], ['never', 'raises', 'decisively'], ['a', 'raises', 'weakly']] },
      },
    };
    expect(compare(spec, () => null)).toBe(6);
    expect(compare(spec, (c) => {
      const evidence: Evidence = new Int8Array(c.n).fill(-1);
      evidence[c.index.get('o')!] = 1;
      return evidence;
    })).toBe(6);
  });
});
