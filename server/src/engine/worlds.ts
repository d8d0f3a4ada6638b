// Counting the joint values of the outcomes seen in Monte Carlo samples, in bounded memory:
// a dense table for up to 16 outcomes, a map keyed by the exact bit pattern up to 30, and a
// map keyed by a 53-bit hash beyond (a collision needs two worlds among the tracked ones to share
// 53 bits: negligible). Tracked worlds are capped; worlds first seen after the cap are not counted
// (the most probable worlds are met early with overwhelming probability).

import type { CompiledModel } from './compile';

export interface CountedWorld {
  values: Uint8Array;
  probability: number;
}

export const MAX_TRACKED_WORLDS = 50_000;
/** Memory for worlds kept at first sight; later worlds keep their values from their second sighting. */
const EAGER_BYTES = 1 << 20;

export class WorldCounter {
  private readonly dense: Int32Array | null;
  private readonly denseFirst: Int32Array | null;
  private readonly index = new WorldIndex();
  private readonly counts: number[] = [];
  private readonly first: number[] = [];
  private readonly values: (Uint8Array | null)[] = [];

  /** The most samples any one world has had so far. */
  largest = 0;
  private readonly outcomes: Int32Array;
  private readonly from: number;
  private readonly to: number;

  constructor(c: CompiledModel) {
    this.outcomes = c.outcomes;
    // Beyond 30 outcomes the hash runs over the sampled outcomes, which are contiguous
    // (inputCount … n − 1); outcomes fixed by `given` never change and need no hashing.
    this.from = c.inputCount;
    this.to = c.n;
    const n = c.outcomes.length;
    this.dense = n <= 16 ? new Int32Array(1 << n) : null;
    this.denseFirst = n <= 16 ? new Int32Array(1 << n).fill(-1) : null;
  }

  /** Counts the world in x[at …] (values of all variables) seen at sample `s`. */
  add(x: Uint8Array, s: number, at = 0): void {
    const outcomes = this.outcomes;
    const n = outcomes.length;
    if (n === 0) return;
    let key: number;
    if (n <= 30) {
      key = 0;
      for (let i = 0; i < n; i++) key |= x[at + outcomes[i]!]! << i;
      if (this.dense) {
        const count = ++this.dense[key]!;
        if (count === 1) this.denseFirst![key] = s;
        if (count > this.largest) this.largest = count;
        return;
      }
    } else {
      let h1 = 0x811c9dc5;
      let h2 = 0x2545f491;
      for (let v = this.from; v < this.to; v++) {
        const bit = x[at + v]!;
        h1 = Math.imul(h1 ^ (bit + 1), 0x01000193);
        h2 = Math.imul(h2 ^ (bit + 7), 0x5bd1e995) ^ (h2 >>> 15);
      }
      key = (h1 >>> 0) * 0x200000 + (h2 >>> 11);
    }
    const found = this.index.get(key);
    if (found >= 0) {
      const count = ++this.counts[found]!;
      if (count > this.largest) this.largest = count;
      if (this.values[found] === null) this.values[found] = this.copy(x, at);
    } else if (this.counts.length < MAX_TRACKED_WORLDS) {
      this.index.set(key, this.counts.length);
      this.counts.push(1);
      if (this.largest === 0) this.largest = 1;
      this.first.push(s);
      this.values.push(this.counts.length * outcomes.length <= EAGER_BYTES ? this.copy(x, at) : null);
    }
  }

  private copy(x: Uint8Array, at: number): Uint8Array {
    const outcomes = this.outcomes;
    const values = new Uint8Array(outcomes.length);
    for (let i = 0; i < outcomes.length; i++) values[i] = x[at + outcomes[i]!]!;
    return values;
  }

  /** The most frequent worlds (ties: first seen first), as fractions of `samples`. */
  top(maxWorlds: number, samples: number): CountedWorld[] {
    const n = this.outcomes.length;
    if (this.dense) {
      const keys: number[] = [];
      for (let k = 0; k < this.dense.length; k++) if (this.dense[k]! > 0) keys.push(k);
      const dense = this.dense;
      const first = this.denseFirst!;
      keys.sort((a, b) => dense[b]! - dense[a]! || first[a]! - first[b]!);
      return keys.slice(0, maxWorlds).map((k) => ({
        values: Uint8Array.from({ length: n }, (_, i) => (k >>> i) & 1),
        probability: dense[k]! / samples,
      }));
    }
    const order = this.counts.map((_, i) => i).filter((i) => this.values[i] !== null);
    order.sort((a, b) => this.counts[b]! - this.counts[a]! || this.first[a]! - this.first[b]!);
    return order.slice(0, maxWorlds).map((i) => ({ values: this.values[i]!, probability: this.counts[i]! / samples }));
  }
}

/**
 * key → slot for up to MAX_TRACKED_WORLDS keys (whole numbers below 2^53), open addressing in
 * typed arrays: a Map would box every key above 2^30 and keep the collector busy.
 */
class WorldIndex {
  private keys = new Float64Array(0);
  private slots = new Int32Array(0);
  private shift = 32;
  private size = 0;

  get(key: number): number {
    if (this.size === 0) return -1;
    const mask = this.keys.length - 1;
    for (let i = Math.imul(key >>> 0 ^ (key / 0x1_0000_0000) >>> 0, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot < 0) return -1;
      if (this.keys[i] === key) return slot;
    }
  }

  set(key: number, slot: number): void {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    this.place(key, slot);
    this.size++;
  }

  private place(key: number, slot: number): void {
    const mask = this.keys.length - 1;
    let i = Math.imul(key >>> 0 ^ (key / 0x1_0000_0000) >>> 0, 0x9e3779b1) >>> this.shift;
    while (this.slots[i]! >= 0) i = (i + 1) & mask;
    this.keys[i] = key;
    this.slots[i] = slot;
  }

  private grow(): void {
    const { keys, slots } = this;
    const capacity = Math.max(1024, keys.length * 2);
    this.keys = new Float64Array(capacity);
    this.slots = new Int32Array(capacity).fill(-1);
    this.shift = 32 - Math.log2(capacity);
    for (let i = 0; i < keys.length; i++) if (slots[i]! >= 0) this.place(keys[i]!, slots[i]!);
  }
}
