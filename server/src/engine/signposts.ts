// Signposts and linchpins (LANGUAGE.md, Semantics), exactly, by the junction tree (junction.ts).
// Signposts of O: for every X the scenario does not fix, P(O | observe X) and P(O | observe not X)
// and the expected shift of seeing which way X goes; descendants of O count (seeing a consequence
// is evidence). Linchpins of O: for every factor or event F upstream of O, the values of F's
// probability over which P(O) keeps its phrase. F's table is its probability p, so P(O ∧ E) and
// P(E) are both linear in p and the interval is solved exactly from two propagations.
import { PHRASES, phraseFor } from '../syntax/vocabulary';
import { clamp01 } from './bands';
import { type CompiledModel, INPUT } from './compile';
import { calibrate, type Evidence, type JunctionTree, observeOne, propagate } from './junction';

/** How many signposts each outcome lists. */
export const MAX_SIGNPOSTS = 10;
/** Signposts that would move P(O) by less than this (in points) are not worth watching. */
export const MIN_EXPECTED_SHIFT = 0.05;
/** Work allowed for signposts and linchpins of one scenario: table entries touched by the sweeps. */
export const SIGNPOST_BUDGET = 300_000_000;

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
  // One calibration (about eight passes over the tables), then one sweep (about three) per variable.
  return tree.cost * (8 + 3 * c.n);
}

/**
 * Signposts and linchpins of every outcome. `marginals` are P(v | E) of the scenario and `fixed`
 * says which variables it pins (`given`, a point of 0 or 1) or observes: those are no signposts.
 * One calibration of the tree, then one sweep per variable seen true gives P(O | E, X) for every
 * outcome, and P(O | E, not X) follows from P(O | E) without another sweep.
 */
export function signpostsAndLinchpins(
  c: CompiledModel, tree: JunctionTree, tables: readonly Float64Array[], evidence: Evidence | null,
  marginals: Float64Array, checkCancelled: () => void,
): SignpostsAndLinchpins {
  const cal = calibrate(tree, tables, evidence);
  const nOut = c.outcomes.length;
  const signposts: RawSignpost[][] = Array.from(c.outcomes, () => []);
  const linchpins: RawLinchpin[][] = Array.from(c.outcomes, () => []);
  if (!(cal.logEvidence > -Infinity)) return { signposts, linchpins };
  const wanted = new Uint8Array(c.n);
  for (const o of c.outcomes) wanted[o] = 1;
  const given = new Float64Array(c.n);
  const upstreamOf = c.upstream.map((list) => new Set(list));
  for (let x = 0; x < c.n; x++) {
    const px = marginals[x]!;
    const observed = evidence !== null && evidence[x]! >= 0;
    const linchpin = !observed && c.kind[x] === INPUT && c.childStart[x + 1]! > c.childStart[x]!;
    const uncertain = px > 1e-12 && px < 1 - 1e-12;
    if (observed || (!uncertain && !linchpin)) continue;
    checkCancelled();
    if (!uncertain || !observeOne(cal, x, 1, wanted, given)) {
      // x's value is settled under E: its probability can still be a linchpin, found the long way.
      if (linchpin) linchpinsOf(c, x, tree, tables, evidence, marginals, upstreamOf, linchpins);
      continue;
    }
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
    if (!linchpin) continue;
    // A factor or event has no drivers, so setting it is seeing it: P(E | F) = P(F | E)·P(E) / p,
    // and the common factor P(E) drops out of the interval.
    const p = tables[x]![0]!;
    if (!(p > 0 && p < 1)) {
      linchpinsOf(c, x, tree, tables, evidence, marginals, upstreamOf, linchpins);
      continue;
    }
    const d1 = px / p;
    const d0 = (1 - px) / (1 - p);
    c.outcomes.forEach((o, i) => {
      if (!upstreamOf[i]!.has(x)) return;
      const whenTrue = given[o]!;
      const whenFalse = (marginals[o]! - px * whenTrue) / (1 - px);
      addLinchpin(c, x, i, marginals[o]!, d0 * whenFalse, d1 * whenTrue, d0, d1, linchpins);
    });
  }
  for (const list of signposts) {
    list.sort((a, b) => b.expectedShift - a.expectedShift || a.v - b.v);
    list.length = Math.min(list.length, MAX_SIGNPOSTS);
  }
  for (const list of linchpins) list.sort((a, b) => distanceToFlip(a) - distanceToFlip(b) || a.v - b.v);
  return { signposts, linchpins };
}

/** F's linchpins by two propagations with F's table set to 1 and to 0 (F settled under E, or p of 0 or 1). */
function linchpinsOf(
  c: CompiledModel, f: number, tree: JunctionTree, tables: readonly Float64Array[], evidence: Evidence | null,
  marginals: Float64Array, upstreamOf: Set<number>[], result: RawLinchpin[][],
): void {
  const replaced = tables.slice();
  const whenTrue = new Float64Array(c.n);
  const whenFalse = new Float64Array(c.n);
  replaced[f] = Float64Array.of(1);
  const d1 = propagate(tree, replaced, evidence, whenTrue); // P(E | F), and P(O | E, F)
  replaced[f] = Float64Array.of(0);
  const d0 = propagate(tree, replaced, evidence, whenFalse);
  c.outcomes.forEach((o, i) => {
    if (!upstreamOf[i]!.has(f)) return;
    addLinchpin(c, f, i, marginals[o]!, d0 > 0 ? d0 * whenFalse[o]! : 0, d1 > 0 ? d1 * whenTrue[o]! : 0, d0, d1, result);
  });
}

/**
 * The linchpin of outcome i on F, if P(O | E) leaves its phrase somewhere in 0..1 as F's
 * probability p moves: P(O | E)(p) = N(p) / D(p) with N(p) = p·n1 + (1 − p)·n0, D likewise.
 */
function addLinchpin(
  c: CompiledModel, f: number, i: number, probability: number, n0: number, n1: number, d0: number, d1: number,
  result: RawLinchpin[][],
): void {
  const row = phraseFor(probability);
  const low = row === PHRASES[0] ? 0 : row.low;
  const high = row === PHRASES[PHRASES.length - 1] ? 1 : row.high;
  const interval = holdingInterval(n0, n1, d0, d1, low, high);
  if (!interval || (interval[0] <= 1e-12 && interval[1] >= 1 - 1e-12)) return;
  result[i]!.push({ v: f, current: (c.lo[f]! + c.hi[f]!) / 2, holdsFrom: interval[0], holdsTo: interval[1], phrase: row.phrase });
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

