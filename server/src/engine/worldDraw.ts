// One Monte Carlo world per sample from the θ-averaged tables (see montecarlo.ts): the tables
// flattened for the sampling loop, and the loop's variants (padded parents, two samples side by
// side, and the general one for outcomes whose θ is drawn per sample).
import type { CompiledModel } from './compile';
import { fastSigmoid } from './logistic';
import { type Rng, TO_UNIT } from './random';
import { expectedTable, isWide, type RuleMemo, type TableCache, tableKey } from './tables';

/** Outcomes with more drivers draw their θ per sample (a table of 2^12 entries is the most kept). */

/**
 * What a sample evaluates: the θ-averaged tables of all variables, flattened (entry of v for
 * driver bits m at tableStart[v] + m; −1 for a wide outcome), and, for wide outcomes, their
 * parameters drawn per sample (logitBase, lnK: overwritten by drawWide).
 */
export class SampleTables {
  readonly table: Float64Array;
  readonly tableStart: Int32Array;
  readonly wide: Int32Array;
  readonly logitBase: Float64Array;
  readonly lnK: Float64Array;
  /**
   * When there is no wide outcome: the parents of v at v·width + j, padded with n (whose value
   * stays 0), width = the most drivers of any outcome, at least PADDED_DRIVERS.
   */
  readonly padded: Int32Array | null;
  readonly width: number;

  constructor(private readonly c: CompiledModel, cache: TableCache = new Map(), checkCancelled: () => void = () => {}) {
    const starts = new Int32Array(c.n);
    const parts: Float64Array[] = [];
    const wide: number[] = [];
    let size = 0;
    const sums: RuleMemo = new Map();
    for (let v = 0; v < c.n; v++) {
      const k = c.drvStart[v + 1]! - c.drvStart[v]!;
      if (k > 6) checkCancelled(); // a table of up to 4,096 entries takes a while
      if (isWide(c, v)) {
        starts[v] = -1;
        wide.push(v);
        continue;
      }
      const key = tableKey(c, v);
      let t = cache.get(key);
      if (!t) {
        t = expectedTable(c, v, sums);
        cache.set(key, t);
      }
      starts[v] = size;
      parts.push(t);
      size += t.length;
    }
    this.table = new Float64Array(size);
    let at = 0;
    for (const t of parts) {
      this.table.set(t, at);
      at += t.length;
    }
    this.tableStart = starts;
    this.wide = Int32Array.from(wide);
    this.logitBase = new Float64Array(c.n);
    this.lnK = new Float64Array(c.drvParent.length);
    this.width = PADDED_DRIVERS;
    for (let v = 0; v < c.n; v++) this.width = Math.max(this.width, c.drvStart[v + 1]! - c.drvStart[v]!);
    this.padded = wide.length > 0 ? null : paddedParents(c, this.width);
  }

  /**
   * Draws the parameters of the wide outcomes: 1 + (number of drivers) uniforms each, whatever
   * is a range, so that every scenario consumes `extra` identically (common random numbers).
   */
  drawWide(extra: Rng): void {
    drawWideParameters(this.c, this.wide, this.logitBase, this.lnK, extra);
  }
}

/**
 * Draws the parameters of the wide outcomes `wide` into logitBase and lnK: 1 + (number of
 * drivers) uniforms each, whatever is a range, so that every scenario consumes `extra`
 * identically (common random numbers).
 */
export function drawWideParameters(c: CompiledModel, wide: Int32Array, logitBase: Float64Array, lnK: Float64Array, extra: Rng): void {
  const { lo, hi, drvStart, drvSign, drvLnLo, drvLnHi } = c;
  for (let i = 0; i < wide.length; i++) {
    const v = wide[i]!;
    const b = lo[v]! + (hi[v]! - lo[v]!) * ((extra.next() >>> 0) * TO_UNIT);
    logitBase[v] = Math.log(b / (1 - b));
    for (let j = drvStart[v]!; j < drvStart[v + 1]!; j++) {
      const u = (extra.next() >>> 0) * TO_UNIT;
      lnK[j] = drvSign[j]! * (drvLnLo[j]! + (drvLnHi[j]! - drvLnLo[j]!) * u);
    }
  }
}

/** Most models have outcomes with at most this many drivers; their sampling loop is unrolled. */
export const PADDED_DRIVERS = 4;

function paddedParents(c: CompiledModel, width: number): Int32Array {
  const padded = new Int32Array(c.n * width).fill(c.n);
  for (let v = 0; v < c.n; v++) {
    for (let j = c.drvStart[v]!; j < c.drvStart[v + 1]!; j++) padded[v * width + j - c.drvStart[v]!] = c.drvParent[j]!;
  }
  return padded;
}

/** One world from the padded parents (a fixed-count loop per variable). Adds P(v | drivers) to sum[v]. */
export function drawPadded(
  n: number, width: number, table: Float64Array, tableStart: Int32Array, padded: Int32Array,
  uniform: Float64Array, conditional: Float64Array, sum: Float64Array, x: Uint8Array,
): void {
  for (let v = 0; v < n; v++) {
    const q = v * width;
    let bits = 0;
    for (let j = 0; j < width; j++) bits |= x[padded[q + j]!]! << j;
    const p = table[tableStart[v]! + bits]!;
    conditional[v] = p;
    sum[v]! += p;
    x[v] = +(uniform[v]! < p);
  }
}

/** drawPadded for two samples at once (a and b), interleaved, any width. */
export function drawWidePair(
  inputCount: number, n: number, width: number, table: Float64Array, tableStart: Int32Array, padded: Int32Array,
  ua: Float64Array, ub: Float64Array, ca: Float64Array, cb: Float64Array, sum: Float64Array, xa: Uint8Array,
  xb: Uint8Array,
): void {
  for (let v = 0; v < n; v++) {
    const q = v * width;
    let a = 0;
    let b = 0;
    if (v >= inputCount) {
      for (let j = 0; j < width; j++) {
        const parent = padded[q + j]!;
        a |= xa[parent]! << j;
        b |= xb[parent]! << j;
      }
    }
    const start = tableStart[v]!;
    const pa = table[start + a]!;
    const pb = table[start + b]!;
    ca[v] = pa;
    cb[v] = pb;
    sum[v]! += pa;
    sum[v]! += pb;
    xa[v] = +(ua[v]! < pa);
    xb[v] = +(ub[v]! < pb);
  }
}

/** drawPadded for two samples at once (a and b), interleaved, width PADDED_DRIVERS unrolled. */
export function drawPaddedPair(
  inputCount: number, n: number, table: Float64Array, tableStart: Int32Array, padded: Int32Array,
  ua: Float64Array, ub: Float64Array, ca: Float64Array, cb: Float64Array, sum: Float64Array, xa: Uint8Array,
  xb: Uint8Array,
): void {
  for (let v = 0; v < inputCount; v++) {
    const p = table[tableStart[v]!]!;
    ca[v] = p;
    cb[v] = p;
    sum[v]! += p;
    sum[v]! += p;
    xa[v] = +(ua[v]! < p);
    xb[v] = +(ub[v]! < p);
  }
  for (let v = inputCount; v < n; v++) {
    const q = v * PADDED_DRIVERS;
    const p0 = padded[q]!;
    const p1 = padded[q + 1]!;
    const p2 = padded[q + 2]!;
    const p3 = padded[q + 3]!;
    const start = tableStart[v]!;
    const pa = table[start + (xa[p0]! | (xa[p1]! << 1) | (xa[p2]! << 2) | (xa[p3]! << 3))]!;
    const pb = table[start + (xb[p0]! | (xb[p1]! << 1) | (xb[p2]! << 2) | (xb[p3]! << 3))]!;
    ca[v] = pa;
    cb[v] = pb;
    sum[v]! += pa;
    sum[v]! += pb;
    xa[v] = +(ua[v]! < pa);
    xb[v] = +(ub[v]! < pb);
  }
}

/** One world, any number of drivers (wide outcomes with this sample's θ). */
export function drawGeneral(
  c: CompiledModel, tables: SampleTables, uniform: Float64Array, conditional: Float64Array, sum: Float64Array,
  x: Uint8Array,
): void {
  const { n, drvStart, drvParent } = c;
  const { table, tableStart, logitBase, lnK } = tables;
  for (let v = 0; v < n; v++) {
    const start = tableStart[v]!;
    const first = drvStart[v]!;
    const end = drvStart[v + 1]!;
    let p: number;
    if (start >= 0) {
      let bits = 0;
      for (let j = first; j < end; j++) bits |= x[drvParent[j]!]! << (j - first);
      p = table[start + bits]!;
    } else {
      let z = logitBase[v]!;
      for (let j = first; j < end; j++) z += x[drvParent[j]!]! * lnK[j]!;
      p = fastSigmoid(z);
    }
    conditional[v] = p;
    sum[v]! += p;
    x[v] = +(uniform[v]! < p);
  }
}
