// Seeded random streams from pure-rand (xoroshiro128+). Never an unseeded generator: the same seed gives
// the same numbers on every machine. Independent streams come from the generator's jump()
// (2^64 steps apart), so the main sampling pass, the band draws and the nested draws never
// share numbers, and every alternative replays the same streams as the baseline (common random
// numbers make its deltas less noisy).
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

export type Rng = JumpableRandomGenerator;

/**
 * The named streams the engine uses; each is a fixed number of jumps from the seed's state. The
 * extra streams serve parameters that only an alternative makes uncertain (see theta.ts).
 */
export const STREAM = {
  main: 0, bands: 1, nested: 2, mainExtra: 3, bandsExtra: 4, nestedExtra: 5,
} as const;

/** 2^-32: maps a 32-bit output to [0, 1). */
export const TO_UNIT = 2.3283064365386963e-10;

/** murmur3's 32-bit finaliser: spreads every bit of the seed over the whole state. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** A generator for `seed` (any finite number; integers up to 2^53 keep all their bits). */
export function seededStream(seed: number, stream: number): Rng {
  const whole = Number.isFinite(seed) ? Math.trunc(seed) : 0;
  const low = whole % 0x1_0000_0000 | 0;
  const high = Math.floor(whole / 0x1_0000_0000) | 0;
  const state = [
    fmix32(low ^ 0x9e3779b9),
    fmix32(high ^ 0x7f4a7c15),
    fmix32(low + 0x6a09e667),
    fmix32(high - 0x3c6ef372),
  ];
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  const rng = xoroshiro128plusFromState(state);
  for (let i = 0; i < stream; i++) rng.jump();
  return rng;
}

/** The next `count` uniforms of rng (as (rng.next() >>> 0) · TO_UNIT, in order) into out[0 … count − 1]. */
export function uniformsInto(rng: Rng, out: Float64Array, count = out.length): Float64Array {
  for (let i = 0; i < count; i++) out[i] = (rng.next() >>> 0) * TO_UNIT;
  return out;
}

/**
 * The same xoroshiro128+ sequence as a seededStream generator, continued from its current state
 * (the generator itself is not advanced), filled in blocks: the state lives in local variables
 * during a block, which the hot sampling loop needs (object fields holding 32-bit integers are
 * boxed by V8). Output: uniforms in [0, 1), i.e. (next() >>> 0) · 2^-32.
 */
export class UniformBlocks {
  private readonly state: Int32Array;

  constructor(rng: Rng) {
    const s = rng.getState();
    if (s.length !== 4) throw new Error('UniformBlocks needs a xoroshiro128+ generator');
    this.state = Int32Array.from(s);
  }

  /** The state into to[at … at + 3] (frontier.wat continues the sequence from there). */
  saveState(to: Int32Array, at: number): void {
    to.set(this.state, at);
  }

  /** Continues from a state saved by saveState and advanced elsewhere. */
  loadState(from: Int32Array, at: number): void {
    this.state.set(from.subarray(at, at + 4));
  }

  /** Writes the next `count` uniforms to out[0 … count − 1]. */
  fill(out: Float64Array, count: number): void {
    const state = this.state;
    let s01 = state[0]!;
    let s00 = state[1]!;
    let s11 = state[2]!;
    let s10 = state[3]!;
    for (let i = 0; i < count; i++) {
      out[i] = ((s00 + s10) >>> 0) * TO_UNIT;
      const a0 = s10 ^ s00;
      const a1 = s11 ^ s01;
      const t00 = s00;
      const t01 = s01;
      s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
    }
    state[0] = s01;
    state[1] = s00;
    state[2] = s11;
    state[3] = s10;
  }
}
