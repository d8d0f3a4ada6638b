// Monte Carlo: joint draws of a world, in topological order, with flat typed arrays.
// The parameters θ of different variables are independent, so the marginal joint distribution
// of the binary variables (E_θ of the world's probability) is the product of each variable's
// θ-AVERAGED table (tables.ts): a sample needs no draw of θ, only one uniform per variable
// compared with a precomputed threshold, looked up by the bits of its drivers. Outcomes with
// more than MAX_TABLE_DRIVERS drivers (tables.ts; their averaged table would be too big) draw their own
// parameters per sample instead (from the `extra` stream), which has the same expectation.
// Memory grows with the number of variables, not with samples × variables:
// - P(O) accumulates P(O | sampled drivers) rather than O's 0/1 value (same mean, less noise);
// - swings (when asked for) replay a sample with one variable flipped (common random numbers:
//   the same uniforms), re-evaluating only what the flip reaches;
// - worlds are counted in a table of bounded size (worlds.ts).
import type { CompiledModel } from './compile';
import type { TableCache } from './tables';
import { fastSigmoid } from './logistic';
import { type Rng, UniformBlocks } from './random';
import {
  drawGeneral, drawPadded, drawPaddedPair, drawWidePair, PADDED_DRIVERS, SampleTables,
} from './worldDraw';
import { type CountedWorld, WorldCounter } from './worlds';
import { sampleWorldsInKernel, WORLD_BLOCK } from './worldKernel';
import { IndexHeap } from '../util/heap';

export interface MonteCarloResult {
  /** Per outcome (c.outcomes order). */
  probability: Float64Array;
  /** Per outcome: the standard error of `probability` (samples are independent worlds). */
  standardError: Float64Array;
  /** swing[s * outcomes + o]: E[P(O | do(F true))] − E[P(O | do(F false))] for F = swingVars[s]. */
  swing: Float64Array;
  swingVars: Int32Array;
  /** Like swing: E[P(O | do(F true))]; E[P(O | do(F false))] is this minus the swing. */
  swingTrue: Float64Array;
  /** How many samples the swings came from. */
  swingSamples: number;
  worlds: CountedWorld[];
}

/** Samples that measure what one sample's swing replay costs, before the swing budget is set. */
const PILOT = 256;
/** The variables that drive something (whose swing can be non-zero). */
export function drivingVariables(c: CompiledModel): Int32Array {
  const list: number[] = [];
  for (let v = 0; v < c.n; v++) if (c.childStart[v + 1]! > c.childStart[v]!) list.push(v);
  return Int32Array.from(list);
}

/**
 * `samples` joint draws. Swings (when swingWork > 0) come from the first samples, as many as
 * `swingWork` re-evaluations allow (measured on the first PILOT samples), at least
 * min(minSwingSamples, samples). `baseline` is unused since no θ is drawn on the main stream;
 * kept so that every scenario is called alike. `enough`, asked every WORLD_BLOCK samples with the most
 * samples any world has had, can stop it early: the results are then those of the samples drawn.
 */
export function monteCarlo(
  c: CompiledModel, _baseline: CompiledModel, samples: number, swingWork: number, minSwingSamples: number,
  rng: Rng, extra: Rng, maxWorlds: number, checkCancelled: () => void, cache: TableCache = new Map(),
  enough: ((samples: number, largestWorld: number) => boolean) | null = null,
): MonteCarloResult {
  let swingSamples = swingWork > 0 ? samples : 0;
  const n = c.n;
  const outcomes = c.outcomes;
  const nOut = outcomes.length;
  const tables = new SampleTables(c, cache, checkCancelled);
  const { table, tableStart } = tables;
  const hasWide = tables.wide.length > 0;
  const x = new Uint8Array(n + 1); // x[n] = 0: the missing drivers of padded outcomes
  const uniform = new Float64Array(n);
  const conditional = new Float64Array(n);
  const sum = new Float64Array(n);
  const squares = new Float64Array(nOut);
  const swingConditional = new Float64Array(nOut); // Σ P(O | drivers) over the swing samples
  const flips = new Flipper(c, swingWork > 0 ? drivingVariables(c) : new Int32Array(0));
  const worlds = new WorldCounter(c);

  const { inputCount } = c;
  const { padded, width } = tables;
  const uniforms = new UniformBlocks(rng);
  // Two samples at a time when padded: their variable-by-variable chains are independent, which
  // the processor overlaps. Same uniforms in the same order as one at a time, so same results.
  const x2 = new Uint8Array(n + 1);
  const uniform2 = new Float64Array(n);
  const conditional2 = new Float64Array(n);
  const finish = (s: number, xs: Uint8Array, us: Float64Array, cs: Float64Array): void => {
    worlds.add(xs, s);
    for (let i = 0; i < nOut; i++) {
      const p = cs[outcomes[i]!]!;
      squares[i]! += p * p;
    }
    if (s < swingSamples) {
      for (let i = 0; i < nOut; i++) swingConditional[i]! += cs[outcomes[i]!]!;
      flips.replay(xs, us, cs, tables);
      if (s === PILOT - 1) {
        const perSample = Math.max(1, flips.evaluations / PILOT);
        swingSamples = Math.min(samples, Math.max(minSwingSamples, Math.floor(swingWork / perSample)));
      }
    }
  };
  // Worlds and sums only (an exact forecast's sampled worlds): the loop below, in WebAssembly.
  const inKernel = swingWork === 0 && !hasWide && padded !== null;
  if (inKernel) samples = sampleWorldsInKernel(c, tables, samples, uniforms, worlds, sum, squares, checkCancelled, enough);
  for (let s = inKernel ? samples : 0; s < samples;) {
    if ((s & (WORLD_BLOCK - 1)) === 0) {
      if ((s & 1023) === 0) checkCancelled();
      // Stopping early: every WORLD_BLOCK samples, and the same way for the same seed.
      if (s > 0 && enough?.(s, worlds.largest)) {
        samples = s;
        break;
      }
    }
    if (hasWide) tables.drawWide(extra);
    uniforms.fill(uniform, n);
    if (padded && s + 1 < samples) {
      uniforms.fill(uniform2, n);
      if (width === PADDED_DRIVERS) {
        drawPaddedPair(inputCount, n, table, tableStart, padded, uniform, uniform2, conditional, conditional2, sum, x, x2);
      } else {
        drawWidePair(inputCount, n, width, table, tableStart, padded, uniform, uniform2, conditional, conditional2, sum, x, x2);
      }
      finish(s, x, uniform, conditional);
      finish(s + 1, x2, uniform2, conditional2);
      s += 2;
      continue;
    }
    if (padded) drawPadded(n, width, table, tableStart, padded, uniform, conditional, sum, x);
    else drawGeneral(c, tables, uniform, conditional, sum, x);
    finish(s, x, uniform, conditional);
    s++;
  }
  const resultProbability = new Float64Array(nOut);
  const standardError = new Float64Array(nOut);
  for (let i = 0; i < nOut; i++) {
    const mean = sum[outcomes[i]!]! / samples;
    resultProbability[i] = mean;
    const variance = Math.max(0, (squares[i]! - samples * mean * mean) / Math.max(1, samples - 1));
    standardError[i] = Math.sqrt(variance / samples);
  }
  const swing = flips.totals;
  const swingTrue = flips.shiftWhenFalse;
  if (swingSamples > 0) {
    for (let i = 0; i < swing.length; i++) {
      swing[i] = swing[i]! / swingSamples;
      swingTrue[i] = (swingConditional[i % nOut]! + swingTrue[i]!) / swingSamples;
    }
  }
  return {
    probability: resultProbability, standardError, swing, swingVars: flips.sources, swingTrue, swingSamples,
    worlds: worlds.top(maxWorlds, samples),
  };
}

/**
 * Swings by flipping: for each driving variable F, the sample is replayed with F flipped; every
 * variable the flip reaches (in topological order, through a small heap) is re-evaluated with
 * the sample's own uniforms (and, for wide outcomes, its own θ). The change in each outcome's P(O | drivers) is one draw of
 * P(O | do(F true)) − P(O | do(F false)) (with the sign of the flip).
 */
class Flipper {
  readonly totals: Float64Array;
  /**
   * Σ (P(O | flipped) − P(O | sample)) over the samples where F was false, i.e. what do(F true)
   * adds to those samples' P(O): with Σ P(O | sample), it gives E[P(O | do(F true))].
   */
  readonly shiftWhenFalse: Float64Array;
  /** Re-evaluations so far (what a replay costs). */
  evaluations = 0;
  private readonly outSlot: Int32Array;
  private readonly flipped: Uint8Array;
  private readonly stamp: Int32Array;
  private readonly queued: Int32Array;
  private readonly heap: IndexHeap;
  private currentStamp = 0;

  constructor(private readonly c: CompiledModel, readonly sources: Int32Array) {
    const n = c.n;
    this.totals = new Float64Array(sources.length * c.outcomes.length);
    this.shiftWhenFalse = new Float64Array(sources.length * c.outcomes.length);
    this.outSlot = new Int32Array(n).fill(-1);
    c.outcomes.forEach((v, i) => (this.outSlot[v] = i));
    this.flipped = new Uint8Array(n);
    this.stamp = new Int32Array(n);
    this.queued = new Int32Array(n);
    this.heap = new IndexHeap(n);
  }

  replay(x: Uint8Array, uniform: Float64Array, conditional: Float64Array, tables: SampleTables): void {
    const { table, tableStart, logitBase, lnK } = tables;
    const { drvStart, drvParent, childStart, children } = this.c;
    const { totals, shiftWhenFalse, outSlot, flipped, stamp, queued, heap, sources } = this;
    const nOut = this.c.outcomes.length;
    for (let f = 0; f < sources.length; f++) {
      const source = sources[f]!;
      const current = ++this.currentStamp;
      stamp[source] = current;
      flipped[source] = 1 - x[source]!;
      const sign = x[source] === 1 ? -1 : 1; // (do true) − (do false) = sign · (flipped − actual)
      const row = f * nOut;
      for (let i = childStart[source]!; i < childStart[source + 1]!; i++) {
        const child = children[i]!;
        if (queued[child] !== current) {
          queued[child] = current;
          heap.push(child);
        }
      }
      while (heap.size > 0) {
        const v = heap.pop();
        this.evaluations++;
        const first = drvStart[v]!;
        const end = drvStart[v + 1]!;
        const start = tableStart[v]!;
        let p: number;
        if (start >= 0) {
          let bits = 0;
          for (let j = first; j < end; j++) {
            const parent = drvParent[j]!;
            bits |= (stamp[parent] === current ? flipped[parent]! : x[parent]!) << (j - first);
          }
          p = table[start + bits]!;
        } else {
          let z = logitBase[v]!;
          for (let j = first; j < end; j++) {
            const parent = drvParent[j]!;
            if ((stamp[parent] === current ? flipped[parent]! : x[parent]!) === 1) z += lnK[j]!;
          }
          p = fastSigmoid(z);
        }
        const slot = outSlot[v]!;
        if (slot >= 0) {
          const change = p - conditional[v]!;
          totals[row + slot]! += sign * change;
          if (sign === 1) shiftWhenFalse[row + slot]! += change;
        }
        const value = uniform[v]! < p ? 1 : 0;
        if (value === x[v]) continue;
        stamp[v] = current;
        flipped[v] = value;
        for (let i = childStart[v]!; i < childStart[v + 1]!; i++) {
          const child = children[i]!;
          if (queued[child] !== current) {
            queued[child] = current;
            heap.push(child);
          }
        }
      }
    }
  }
}

