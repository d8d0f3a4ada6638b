// Signposts and linchpins (LANGUAGE.md, Semantics), exactly, by the junction tree (junction.ts).
// Signposts of O: for every X the scenario does not fix, P(O | observe X) and P(O | observe not X)
// and the expected shift of seeing which way X goes; descendants of O count (seeing a consequence
// is evidence). Linchpins of O: for every factor or event F upstream of O, the values of F's
// probability over which P(O) keeps its phrase. F's table is its probability p, so P(O ∧ E) and
// P(E) are both linear in p and the interval is solved exactly from two propagations.
import { PHRASES, phraseFor } from '../syntax/vocabulary';
import { clamp01 } from './bands';
import { type CompiledModel, INPUT } from './compile';
import { type Evidence, type JunctionTree, junctionBuffers, propagate } from './junction';

/** How many signposts each outcome lists. */
export const MAX_SIGNPOSTS = 10;
/** Signposts that would move P(O) by less than this (in points) are not worth watching. */
export const MIN_EXPECTED_SHIFT = 0.05;
/** Work allowed for signposts and linchpins of one scenario: propagations × Σ 2^|clique|. */
export const SIGNPOST_BUDGET = 100_000_000;

export interface RawSignpost {
  v: number;
  /** P(X) in the scenario (given its evidence). */
  probability: number;
  ifTrue: number;
  ifFalse: number;
  /** In points: 100 · (P(X)·|P(O | X) − P(O)| + (1 − P(X))·|P(O | not X) − P(O)|). */
  expectedShift: number;
}

export interface RawLinchpin {
  v: number;
  /** F's probability as written (the mean of its range). */
  current: number;
  holdsFrom: number;
  holdsTo: number;
  /** The phrase P(O) keeps over [holdsFrom, holdsTo]. */
  phrase: string;
}

export interface SignpostsAndLinchpins {
  /** Per outcome (c.outcomes order). */
  signposts: RawSignpost[][];
  linchpins: RawLinchpin[][];
}

/** Whether `signpostsAndLinchpins` is affordable on this tree. */
export function signpostCost(c: CompiledModel, tree: JunctionTree): number {
  // One propagation per variable, one more per input; each about four passes over the tables.
  return 4 * tree.cost * (c.n + c.inputCount + 1);
}

/**
 * Signposts and linchpins of every outcome. `marginals` are P(v | E) of the scenario and `fixed`
 * says which variables it pins (`given`, a point of 0 or 1) or observes: those are no signposts.
 */
export function signpostsAndLinchpins(
  c: CompiledModel, tree: JunctionTree, tables: readonly Float64Array[], evidence: Evidence | null,
  marginals: Float64Array, checkCancelled: () => void,
): SignpostsAndLinchpins {
  const buffers = junctionBuffers(tree);
  const seen = evidence ? evidence.slice() : new Int8Array(c.n).fill(-1);
  const given = new Float64Array(c.n);
  const nOut = c.outcomes.length;
  const signposts: RawSignpost[][] = Array.from(c.outcomes, () => []);
  for (let x = 0; x < c.n; x++) {
    const px = marginals[x]!;
    if (seen[x]! >= 0 || !(px > 1e-12 && px < 1 - 1e-12)) continue;
    checkCancelled();
    seen[x] = 1;
    const possible = propagate(tree, tables, seen, given, buffers) > 0;
    seen[x] = evidence ? evidence[x]! : -1;
    if (!possible) continue;
    for (let i = 0; i < nOut; i++) {
      const o = c.outcomes[i]!;
      if (o === x) continue;
      const p = marginals[o]!;
      const ifTrue = clamp01(given[o]!);
      // P(O) = P(X)·P(O | X) + (1 − P(X))·P(O | not X): the other side without another pass.
      const ifFalse = clamp01((p - px * given[o]!) / (1 - px));
      const expectedShift = 100 * (px * Math.abs(ifTrue - p) + (1 - px) * Math.abs(ifFalse - p));
      if (expectedShift >= MIN_EXPECTED_SHIFT) signposts[i]!.push({ v: x, probability: px, ifTrue, ifFalse, expectedShift });
    }
  }
  for (const list of signposts) {
    list.sort((a, b) => b.expectedShift - a.expectedShift || a.v - b.v);
    list.length = Math.min(list.length, MAX_SIGNPOSTS);
  }
  return { signposts, linchpins: linchpins(c, tree, tables, evidence, marginals, checkCancelled) };
}

function linchpins(
  c: CompiledModel, tree: JunctionTree, tables: readonly Float64Array[], evidence: Evidence | null,
  marginals: Float64Array, checkCancelled: () => void,
): RawLinchpin[][] {
  const buffers = junctionBuffers(tree);
  const replaced = tables.slice();
  const whenTrue = new Float64Array(c.n);
  const whenFalse = new Float64Array(c.n);
  const result: RawLinchpin[][] = Array.from(c.outcomes, () => []);
  const upstreamOf = c.upstream.map((list) => new Set(list));
  for (let f = 0; f < c.inputCount; f++) {
    if (c.kind[f] !== INPUT || (evidence && evidence[f]! >= 0) || c.childStart[f + 1] === c.childStart[f]) continue;
    checkCancelled();
    replaced[f] = Float64Array.of(1);
    const d1 = propagate(tree, replaced, evidence, whenTrue, buffers); // P(E | F), and P(O | E, F)
    replaced[f] = Float64Array.of(0);
    const d0 = propagate(tree, replaced, evidence, whenFalse, buffers);
    replaced[f] = tables[f]!;
    const current = (c.lo[f]! + c.hi[f]!) / 2;
    c.outcomes.forEach((o, i) => {
      if (!upstreamOf[i]!.has(f)) return;
      const row = phraseFor(marginals[o]!);
      const low = row === PHRASES[0] ? 0 : row.low;
      const high = row === PHRASES[PHRASES.length - 1] ? 1 : row.high;
      // P(O | E)(p) = N(p) / D(p) with N, D linear: N(p) = p·n1 + (1 − p)·n0, D likewise.
      const n1 = d1 > 0 ? d1 * whenTrue[o]! : 0;
      const n0 = d0 > 0 ? d0 * whenFalse[o]! : 0;
      const interval = holdingInterval(n0, n1, d0, d1, low, high);
      if (!interval || (interval[0] <= 1e-12 && interval[1] >= 1 - 1e-12)) return;
      result[i]!.push({ v: f, current, holdsFrom: interval[0], holdsTo: interval[1], phrase: row.phrase });
    });
  }
  for (const list of result) list.sort((a, b) => distanceToFlip(a) - distanceToFlip(b) || a.v - b.v);
  return result;
}

/** The distance from `current` to the nearer end of the interval that lies strictly inside 0..1. */
function distanceToFlip(l: RawLinchpin): number {
  const ends = [l.holdsFrom, l.holdsTo].filter((x) => x > 1e-12 && x < 1 - 1e-12);
  return Math.min(...ends.map((x) => Math.abs(x - l.current)));
}

/**
 * The p in [0, 1] with low ≤ N(p)/D(p) ≤ high, for N(p) = n0 + p·(n1 − n0), D(p) = d0 + p·(d1 − d0)
 * and D > 0 on the interval: each bound is a linear inequality in p. Null when no p holds it
 * (cannot happen for the current value, but guards rounding).
 */
export function holdingInterval(n0: number, n1: number, d0: number, d1: number, low: number, high: number): [number, number] | null {
  let from = 0;
  let to = 1;
  // g(p) = N(p) − bound·D(p) = g0 + p·(g1 − g0); keep g ≥ 0 for the low bound, g ≤ 0 for the high one.
  const clip = (g0: number, g1: number, keepPositive: boolean) => {
    const a = keepPositive ? g0 : -g0;
    const b = keepPositive ? g1 : -g1;
    const slope = b - a;
    if (Math.abs(slope) < 1e-15) {
      if (a < -1e-12) to = -1;
      return;
    }
    const root = -a / slope;
    if (slope > 0) from = Math.max(from, root);
    else to = Math.min(to, root);
  };
  clip(n0 - low * d0, n1 - low * d1, true);
  clip(n0 - high * d0, n1 - high * d1, false);
  if (from > to) return null;
  return [clamp01(from), clamp01(to)];
}

