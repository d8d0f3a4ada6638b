// Monte Carlo: joint draws of θ and of a world, in topological order, with flat typed arrays.
// Memory grows with the number of variables, not with samples × variables:
// - P(O) accumulates P(O | sampled drivers, θ) rather than O's 0/1 value (same mean, less noise);
// - swings replay each sample with one variable flipped (common random numbers: the same θ
//   and the same uniforms), re-evaluating only what the flip reaches;
// - worlds are counted by a hash of the outcomes' values, in a table of bounded size.
import { type CompiledModel, INPUT } from './compile';
import { ThetaSampler } from './theta';
import { type Rng, TO_UNIT } from './random';

export interface MonteCarloResult {
  /** Per outcome (c.outcomes order). */
  probability: Float64Array;
  /** swing[s * outcomes + o]: E[P(O | do(F true))] − E[P(O | do(F false))] for F = swingVars[s]. */
  swing: Float64Array;
  swingVars: Int32Array;
  worlds: { values: Uint8Array; probability: number }[];
}

/** Distinct worlds tracked; worlds first seen after the table is full are not counted. */
export const MAX_TRACKED_WORLDS = 50_000;
const EAGER_WORLDS = 4_096;

export function monteCarlo(
  c: CompiledModel, samples: number, rng: Rng, maxWorlds: number, withSwings: boolean,
  checkCancelled: () => void,
): MonteCarloResult {
  const n = c.n;
  const outcomes = c.outcomes;
  const nOut = outcomes.length;
  const outSlot = new Int32Array(n).fill(-1);
  outcomes.forEach((v, i) => (outSlot[v] = i));
  const { kind, drvStart, drvParent, childStart, children } = c;
  const theta = new ThetaSampler(c);
  const { probability, logitBase, lnK, hasRanges } = theta;
  const x = new Uint8Array(n);
  const uniform = new Float64Array(n);
  const conditional = new Float64Array(n);
  const sum = new Float64Array(n);
  // Swings: the variables that drive something.
  const swingList: number[] = [];
  if (withSwings) for (let v = 0; v < n; v++) if (childStart[v + 1]! > childStart[v]!) swingList.push(v);
  const swingVars = Int32Array.from(swingList);
  const swing = new Float64Array(swingVars.length * nOut);
  const flipped = new Uint8Array(n);
  const stamp = new Int32Array(n);
  const queued = new Int32Array(n);
  const heap = new Int32Array(n);
  let currentStamp = 0;
  // Worlds.
  const worldIndex = new Map<number, number>();
  const worldCounts: number[] = [];
  const worldFirst: number[] = [];
  const worldValues: (Uint8Array | null)[] = [];

  for (let s = 0; s < samples; s++) {
    if ((s & 1023) === 0) checkCancelled();
    if (hasRanges) theta.draw(rng);
    for (let v = 0; v < n; v++) {
      if (kind[v] === INPUT) {
        x[v] = (rng.next() >>> 0) * TO_UNIT < probability[v]! ? 1 : 0;
        continue;
      }
      let z = logitBase[v]!;
      const end = drvStart[v + 1]!;
      for (let j = drvStart[v]!; j < end; j++) if (x[drvParent[j]!] === 1) z += lnK[j]!;
      const p = 1 / (1 + Math.exp(-z));
      conditional[v] = p;
      sum[v]! += p;
      const u = (rng.next() >>> 0) * TO_UNIT;
      uniform[v] = u;
      x[v] = u < p ? 1 : 0;
    }
    if (nOut > 0) {
      // Two 32-bit hashes of the outcomes' values make a 53-bit key.
      let h1 = 0x811c9dc5;
      let h2 = 0x2545f491;
      for (let i = 0; i < nOut; i++) {
        const bit = x[outcomes[i]!]!;
        h1 = Math.imul(h1 ^ (bit + 1), 0x01000193);
        h2 = Math.imul(h2 ^ (bit + 7), 0x5bd1e995) ^ (h2 >>> 15);
      }
      const key = (h1 >>> 0) * 0x200000 + (h2 >>> 11);
      const found = worldIndex.get(key);
      if (found !== undefined) {
        worldCounts[found]!++;
        if (worldValues[found] === null) worldValues[found] = Uint8Array.from(outcomes, (v) => x[v]!);
      } else if (worldCounts.length < MAX_TRACKED_WORLDS) {
        worldIndex.set(key, worldCounts.length);
        worldCounts.push(1);
        worldFirst.push(s);
        // Values are kept at once for the first worlds, then only from a world's second sighting
        // (a world seen once among thousands cannot make the top list): bounded memory.
        worldValues.push(worldCounts.length <= EAGER_WORLDS ? Uint8Array.from(outcomes, (v) => x[v]!) : null);
      }
    }
    if (!withSwings) continue;
    for (let f = 0; f < swingVars.length; f++) {
      const source = swingVars[f]!;
      currentStamp++;
      stamp[source] = currentStamp;
      flipped[source] = 1 - x[source]!;
      const sign = x[source] === 1 ? -1 : 1; // (do true) − (do false) = sign · (flipped − actual)
      const row = f * nOut;
      let size = 0;
      for (let i = childStart[source]!; i < childStart[source + 1]!; i++) {
        const child = children[i]!;
        if (queued[child] !== currentStamp) {
          queued[child] = currentStamp;
          size = heapPush(heap, size, child);
        }
      }
      while (size > 0) {
        const v = heap[0]!;
        size = heapPop(heap, size);
        let z = logitBase[v]!;
        const end = drvStart[v + 1]!;
        for (let j = drvStart[v]!; j < end; j++) {
          const parent = drvParent[j]!;
          const value = stamp[parent] === currentStamp ? flipped[parent]! : x[parent]!;
          if (value === 1) z += lnK[j]!;
        }
        const p = 1 / (1 + Math.exp(-z));
        const slot = outSlot[v]!;
        if (slot >= 0) swing[row + slot]! += sign * (p - conditional[v]!);
        const value = uniform[v]! < p ? 1 : 0;
        if (value !== x[v]) {
          stamp[v] = currentStamp;
          flipped[v] = value;
          for (let i = childStart[v]!; i < childStart[v + 1]!; i++) {
            const child = children[i]!;
            if (queued[child] !== currentStamp) {
              queued[child] = currentStamp;
              size = heapPush(heap, size, child);
            }
          }
        }
      }
    }
  }
  const resultProbability = new Float64Array(nOut);
  for (let i = 0; i < nOut; i++) {
    const v = outcomes[i]!;
    resultProbability[i] = kind[v] === INPUT ? c.lo[v]! : sum[v]! / samples;
  }
  for (let i = 0; i < swing.length; i++) swing[i] = swing[i]! / samples;
  const order = worldCounts.map((_, i) => i).filter((i) => worldValues[i] !== null);
  order.sort((a, b) => worldCounts[b]! - worldCounts[a]! || worldFirst[a]! - worldFirst[b]!);
  const worlds = order.slice(0, maxWorlds).map((i) => ({
    values: worldValues[i]!, probability: worldCounts[i]! / samples,
  }));
  return { probability: resultProbability, swing, swingVars, worlds };
}

function heapPush(heap: Int32Array, size: number, value: number): number {
  let i = size;
  heap[i] = value;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]! <= heap[i]!) break;
    const t = heap[parent]!;
    heap[parent] = heap[i]!;
    heap[i] = t;
    i = parent;
  }
  return size + 1;
}

function heapPop(heap: Int32Array, size: number): number {
  const last = size - 1;
  heap[0] = heap[last]!;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < last && heap[l]! < heap[m]!) m = l;
    if (r < last && heap[r]! < heap[m]!) m = r;
    if (m === i) break;
    const t = heap[m]!;
    heap[m] = heap[i]!;
    heap[i] = t;
    i = m;
  }
  return last;
}
