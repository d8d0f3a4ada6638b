// Shapley values of a vector-valued game: each player's average marginal contribution over every
// order of adding the players. Exact (every subset, weighted) up to EXACT_PLAYERS players;
// above, seeded sampling of orders, each drawn with its reverse (antithetic pairs halve the
// noise of players that matter early or late). Either way each order's contributions add up to
// v(all) − v(none), so the values do too (efficiency), to rounding.
import { seededStream, TO_UNIT } from '../engine/random';

export const EXACT_PLAYERS = 10;
/** Forecasts the sampled method may spend (each order costs one per player). */
export const SAMPLED_EVALUATIONS = 2_048;
/** A random stream the engine's forecasts never use (random.ts counts streams 0 to 5). */
const SHAPLEY_STREAM = 11;

export interface ShapleyResult {
  method: 'exact' | 'sampled';
  /** values[i][k]: player i's share of output k. */
  values: Float64Array[];
  /** v(none) and v(all). */
  empty: Float64Array;
  full: Float64Array;
  /** How many times v was evaluated. */
  evaluations: number;
  /** Orders sampled (0 when exact). */
  orders: number;
}

/**
 * `value(members)` gets a subset as a sorted list of player indices and returns one number per
 * output (the same length every time). `seed` drives the sampling of orders.
 */
export function shapley(players: number, value: (members: number[]) => Float64Array, seed: number, options: { exactPlayers?: number; evaluations?: number } = {}): ShapleyResult {
  const exactPlayers = options.exactPlayers ?? EXACT_PLAYERS;
  return players <= exactPlayers ? exactShapley(players, value) : sampledShapley(players, value, seed, options.evaluations ?? SAMPLED_EVALUATIONS);
}

function membersOf(mask: number, n: number): number[] {
  const members: number[] = [];
  for (let i = 0; i < n; i++) if (mask & (1 << i)) members.push(i);
  return members;
}

function exactShapley(n: number, value: (members: number[]) => Float64Array): ShapleyResult {
  const count = 1 << n;
  const v: Float64Array[] = new Array(count);
  for (let mask = 0; mask < count; mask++) v[mask] = value(membersOf(mask, n));
  const outputs = v[0]!.length;
  // weight[s] = s! (n − s − 1)! / n!: the share of orders in which exactly s players come first.
  const weight = new Float64Array(Math.max(1, n));
  for (let s = 0; s < n; s++) weight[s] = 1 / (n * binomial(n - 1, s));
  const values = Array.from({ length: n }, () => new Float64Array(outputs));
  const size = new Uint8Array(count);
  for (let mask = 1; mask < count; mask++) size[mask] = size[mask >> 1]! + (mask & 1);
  for (let i = 0; i < n; i++) {
    const bit = 1 << i;
    const out = values[i]!;
    for (let mask = 0; mask < count; mask++) {
      if (mask & bit) continue;
      const w = weight[size[mask]!]!;
      const without = v[mask]!;
      const withI = v[mask | bit]!;
      for (let k = 0; k < outputs; k++) out[k]! += w * (withI[k]! - without[k]!);
    }
  }
  return { method: 'exact', values, empty: v[0]!, full: v[count - 1]!, evaluations: count, orders: 0 };
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

function sampledShapley(n: number, value: (members: number[]) => Float64Array, seed: number, budget: number): ShapleyResult {
  const cache = new Map<string, Float64Array>();
  let evaluations = 0;
  const v = (members: Set<number>): Float64Array => {
    const sorted = [...members].sort((a, b) => a - b);
    const key = sorted.join(',');
    let result = cache.get(key);
    if (!result) {
      result = value(sorted);
      evaluations++;
      cache.set(key, result);
    }
    return result;
  };
  const empty = v(new Set());
  const all = new Set(Array.from({ length: n }, (_, i) => i));
  const full = v(all);
  const outputs = empty.length;
  const values = Array.from({ length: n }, () => new Float64Array(outputs));
  const rng = seededStream(seed, SHAPLEY_STREAM);
  const uniform = () => (rng.next() >>> 0) * TO_UNIT;
  const pairs = Math.max(1, Math.floor(budget / (2 * n)));
  const walk = (order: number[]): void => {
    const members = new Set<number>();
    let previous = empty;
    for (const player of order) {
      members.add(player);
      const next = members.size === n ? full : v(members);
      const out = values[player]!;
      for (let k = 0; k < outputs; k++) out[k]! += next[k]! - previous[k]!;
      previous = next;
    }
  };
  for (let p = 0; p < pairs; p++) {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(uniform() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    walk(order);
    walk(order.slice().reverse());
  }
  const orders = 2 * pairs;
  for (const out of values) for (let k = 0; k < outputs; k++) out[k]! /= orders;
  return { method: 'sampled', values, empty, full, evaluations, orders };
}
