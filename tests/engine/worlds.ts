// Brute force for the exact engines' tests: the probability of every one of the 2^n worlds.
import type { CompiledModel } from '../../server/src/engine/compile';

/** P(world) for every world (bit v = variable v), with the evidence's other values at 0 (−1: not seen). */
export function worldProbabilities(c: CompiledModel, tables: readonly Float64Array[], evidence: Int8Array): Float64Array {
  const out = new Float64Array(1 << c.n);
  for (let world = 0; world < 1 << c.n; world++) {
    let p = 1;
    for (let v = 0; v < c.n && p > 0; v++) {
      const x = (world >>> v) & 1;
      if (evidence[v]! >= 0 && evidence[v] !== x) p = 0;
      let combination = 0;
      for (let j = c.drvStart[v]!; j < c.drvStart[v + 1]!; j++) combination |= ((world >>> c.drvParent[j]!) & 1) << (j - c.drvStart[v]!);
      const t = tables[v]![combination]!;
      p *= x ? t : 1 - t;
    }
    out[world] = p;
  }
  return out;
}
