// Monte Carlo: joint draws of θ and of a world, in topological order, with flat typed arrays.
// Memory grows with the number of variables, not with samples × variables:
// - P(O) accumulates P(O | sampled drivers, θ) rather than O's 0/1 value (same mean, less noise);
// - swings (when asked for) replay a sample with one variable flipped (common random numbers:
//   the same θ and the same uniforms), re-evaluating only what the flip reaches;
// - worlds are counted in a table of bounded size (worlds.ts).
import { type CompiledModel, INPUT } from './compile';
import { fastSigmoid } from './logistic';
import { type Rng, TO_UNIT } from './random';
import { ThetaSampler } from './theta';
import { type CountedWorld, WorldCounter } from './worlds';

export interface MonteCarloResult {
  /** Per outcome (c.outcomes order). */
  probability: Float64Array;
  /** swing[s * outcomes + o]: E[P(O | do(F true))] − E[P(O | do(F false))] for F = swingVars[s]. */
  swing: Float64Array;
  swingVars: Int32Array;
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
 * min(minSwingSamples, samples).
 */
export function monteCarlo(
  c: CompiledModel, baseline: CompiledModel, samples: number, swingWork: number, minSwingSamples: number,
  rng: Rng, extra: Rng, maxWorlds: number, checkCancelled: () => void,
): MonteCarloResult {
  let swingSamples = swingWork > 0 ? samples : 0;
  const n = c.n;
  const outcomes = c.outcomes;
  const nOut = outcomes.length;
  const { kind, drvStart, drvParent, inputCount } = c;
  const theta = new ThetaSampler(c, baseline);
  const { probability, logitBase, lnK, hasRanges } = theta;
  const x = new Uint8Array(n);
  const uniform = new Float64Array(n);
  const conditional = new Float64Array(n);
  const sum = new Float64Array(n);
  const flips = new Flipper(c, swingWork > 0 ? drivingVariables(c) : new Int32Array(0));
  const worlds = new WorldCounter(c);

  for (let s = 0; s < samples; s++) {
    if ((s & 1023) === 0) checkCancelled();
    if (hasRanges) theta.draw(rng, extra);
    for (let v = 0; v < inputCount; v++) x[v] = +((rng.next() >>> 0) * TO_UNIT < probability[v]!);
    for (let v = inputCount; v < n; v++) {
      let z = logitBase[v]!;
      const end = drvStart[v + 1]!;
      for (let j = drvStart[v]!; j < end; j++) z += x[drvParent[j]!]! * lnK[j]!;
      const p = fastSigmoid(z);
      conditional[v] = p;
      sum[v]! += p;
      const u = (rng.next() >>> 0) * TO_UNIT;
      uniform[v] = u;
      x[v] = +(u < p);
    }
    worlds.add(x, s);
    if (s < swingSamples) {
      flips.replay(x, uniform, conditional, logitBase, lnK);
      if (s === PILOT - 1) {
        const perSample = Math.max(1, flips.evaluations / PILOT);
        swingSamples = Math.min(samples, Math.max(minSwingSamples, Math.floor(swingWork / perSample)));
      }
    }
  }
  const resultProbability = new Float64Array(nOut);
  for (let i = 0; i < nOut; i++) {
    const v = outcomes[i]!;
    resultProbability[i] = kind[v] === INPUT ? c.lo[v]! : sum[v]! / samples;
  }
  const swing = flips.totals;
  if (swingSamples > 0) for (let i = 0; i < swing.length; i++) swing[i] = swing[i]! / swingSamples;
  return {
    probability: resultProbability, swing, swingVars: flips.sources, swingSamples, worlds: worlds.top(maxWorlds, samples),
  };
}

/**
 * Swings by flipping: for each driving variable F, the sample is replayed with F flipped; every
 * variable the flip reaches (in topological order, through a small heap) is re-evaluated with
 * the sample's own θ and uniforms. The change in each outcome's P(O | drivers) is one draw of
 * P(O | do(F true)) − P(O | do(F false)) (with the sign of the flip).
 */
class Flipper {
  readonly totals: Float64Array;
  /** Re-evaluations so far (what a replay costs). */
  evaluations = 0;
  private readonly outSlot: Int32Array;
  private readonly flipped: Uint8Array;
  private readonly stamp: Int32Array;
  private readonly queued: Int32Array;
  private readonly heap: Int32Array;
  private currentStamp = 0;

  constructor(private readonly c: CompiledModel, readonly sources: Int32Array) {
    const n = c.n;
    this.totals = new Float64Array(sources.length * c.outcomes.length);
    this.outSlot = new Int32Array(n).fill(-1);
    c.outcomes.forEach((v, i) => (this.outSlot[v] = i));
    this.flipped = new Uint8Array(n);
    this.stamp = new Int32Array(n);
    this.queued = new Int32Array(n);
    this.heap = new Int32Array(n);
  }

  replay(x: Uint8Array, uniform: Float64Array, conditional: Float64Array, logitBase: Float64Array, lnK: Float64Array): void {
    const { drvStart, drvParent, childStart, children } = this.c;
    const { totals, outSlot, flipped, stamp, queued, heap, sources } = this;
    const nOut = this.c.outcomes.length;
    for (let f = 0; f < sources.length; f++) {
      const source = sources[f]!;
      const current = ++this.currentStamp;
      stamp[source] = current;
      flipped[source] = 1 - x[source]!;
      const sign = x[source] === 1 ? -1 : 1; // (do true) − (do false) = sign · (flipped − actual)
      const row = f * nOut;
      let size = 0;
      for (let i = childStart[source]!; i < childStart[source + 1]!; i++) {
        const child = children[i]!;
        if (queued[child] !== current) {
          queued[child] = current;
          size = heapPush(heap, size, child);
        }
      }
      while (size > 0) {
        const v = heap[0]!;
        size = heapPop(heap, size);
        this.evaluations++;
        let z = logitBase[v]!;
        const end = drvStart[v + 1]!;
        for (let j = drvStart[v]!; j < end; j++) {
          const parent = drvParent[j]!;
          if ((stamp[parent] === current ? flipped[parent]! : x[parent]!) === 1) z += lnK[j]!;
        }
        const p = fastSigmoid(z);
        const slot = outSlot[v]!;
        if (slot >= 0) totals[row + slot]! += sign * (p - conditional[v]!);
        const value = uniform[v]! < p ? 1 : 0;
        if (value === x[v]) continue;
        stamp[v] = current;
        flipped[v] = value;
        for (let i = childStart[v]!; i < childStart[v + 1]!; i++) {
          const child = children[i]!;
          if (queued[child] !== current) {
            queued[child] = current;
            size = heapPush(heap, size, child);
          }
        }
      }
    }
  }
}

function heapPush(heap: Int32Array, size: number, value: number): number {
  let i = size;
  heap[i] = value;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]! <= value) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = value;
  return size + 1;
}

function heapPop(heap: Int32Array, size: number): number {
  const last = size - 1;
  const value = heap[last]!;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= last) break;
    const r = l + 1;
    const m = r < last && heap[r]! < heap[l]! ? r : l;
    if (heap[m]! >= value) break;
    heap[i] = heap[m]!;
    i = m;
  }
  heap[i] = value;
  return last;
}
