// Signposts, linchpins and swings (LANGUAGE.md, Semantics), exactly, by the junction tree
// (junction.ts), from one calibration and one sweep per outcome O (the tree seen with O true):
// - signposts of O: for every X the scenario does not fix, P(O | observe X) and P(O | observe not
//   X) and the expected shift of seeing which way X goes, by Bayes' rule from P(X | O):
//   P(O | X) = P(X | O)·P(O) / P(X); descendants of O count (seeing a consequence is evidence);
// - linchpins of O: for every factor or event F upstream of O, the values of F's probability over
//   which P(O) keeps its phrase. F's table is its probability p, so P(O ∧ E) and P(E) are both
//   linear in p and the interval is solved exactly from P(O | F) and P(O | not F);
// - swings of O: P(O | do(F)) for every F upstream, from the sweep's family tables
//   (interventionSums: P(A | do(F = f)) = Σ_u P(A, f, u) / θ(f | u)), where a table of 0s or 1s
//   leaves F to two propagations of its own.
// Everything is conditional on the scenario's evidence E, when it observes.
import { PHRASES, phraseFor } from '../syntax/vocabulary';
import { clamp01, ordering } from './bands';
import { type CompiledModel, INPUT } from './compile';
import { endsByPasses, type SwingEnds, type SwingTable } from './exact';
import { calibrate, type Evidence, interventionSums, junctionBuffers, type JunctionTree, observeOne, propagate, propagateLog } from './junction';
import type { JunctionBuffers } from './junctionKernel';

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

export interface Guides extends SignpostsAndLinchpins {
  /** Per outcome, in c.upstream order; null when not asked for or E cannot happen. */
  swing: SwingTable[] | null;
}

/**
 * The baseline's guides, for an alternative without evidence, and what the alternative changes
 * (changedDownstream): an outcome whose dependent region holds nothing changed has the joint
 * distribution of that region, and so its signposts, linchpins and swings, of the baseline.
 */
export interface KeptGuides {
  guides: Guides;
  changed: Uint8Array;
}

/** Work of `guides` on this tree: a calibration (about eight passes over the tables), then a sweep and the do() sums (about four) per outcome. */
export function guideCost(c: CompiledModel, tree: JunctionTree): number {
  return tree.cost * (8 + 4 * c.outcomes.length);
}

const uncertain = (p: number) => p > 1e-12 && p < 1 - 1e-12;

/**
 * Signposts, linchpins and (with `swings`) the swings of every outcome under the scenario's
 * evidence (null: none). Observed variables, and what the scenario pins, are no signposts.
 */
export function guides(
  c: CompiledModel, tree: JunctionTree, tables: readonly Float64Array[], evidence: Evidence | null, swings: boolean,
  checkCancelled: () => void, kept: KeptGuides | null = null,
): Guides {
  const cal = calibrate(tree, tables, evidence);
  const nOut = c.outcomes.length;
  const signposts: RawSignpost[][] = Array.from(c.outcomes, () => []);
  const linchpins: RawLinchpin[][] = Array.from(c.outcomes, () => []);
  if (!(cal.logEvidence > -Infinity)) return { signposts, linchpins, swing: null };
  const marginals = cal.marginals;
  const observed = (x: number) => evidence !== null && evidence[x]! >= 0;
  const drives = (x: number) => c.childStart[x + 1]! > c.childStart[x]!;
  let upstreamSets: Set<number>[] | null = null;
  const upstreamOf = () => (upstreamSets ??= c.upstream.map((list) => new Set(list)));

  // Linchpins of a factor or event that E settles, or whose probability is 0 or 1: the long way
  // (two propagations each, in one memory).
  let settledBuffers: JunctionBuffers | null = null;
  const isLinchpinInput = new Uint8Array(c.n);
  for (let f = 0; f < c.n; f++) {
    if (observed(f) || c.kind[f] !== INPUT || !drives(f)) continue;
    const p = tables[f]![0]!;
    if (uncertain(marginals[f]!) && p > 0 && p < 1) isLinchpinInput[f] = 1;
    else linchpinsOf(c, f, tree, tables, evidence, marginals, upstreamOf(), linchpins, (settledBuffers ??= junctionBuffers(tree)));
  }

  // do() sums of the scenario itself: P(E | do(F = f)) / P(E) (1 without evidence).
  const doable = new Uint8Array(c.n);
  for (let f = 0; f < c.n; f++) if (swings && drives(f) && !observed(f)) doable[f] = 1;
  const d1 = new Float64Array(c.n);
  const d0 = new Float64Array(c.n);
  if (swings) tree.cliques.forEach((_, i) => interventionSums(cal.memory, i, cal.beliefs[i]!, doable, d1, d0));
  // A table with a 0 or a 1 hides what do() does there: those F get two propagations each.
  const fallback: SwingEnds = swings
    ? passEnds(c, tree, tables, evidence, checkCancelled, (f) => doable[f] === 1 && !(Number.isFinite(d1[f]!) && Number.isFinite(d0[f]!)))
    : new Map();

  const all = new Uint8Array(c.n).fill(1);
  const given = new Float64Array(c.n);
  const n1 = new Float64Array(c.n);
  const n0 = new Float64Array(c.n);
  const wanted = new Uint8Array(c.n);
  const swing: SwingTable[] = [];
  // Without evidence, seeing O tells nothing of a variable that shares no ancestor with it
  // (d-separation): the sweep stays where it can change something (DependentRegion), which on
  // the sparse models analysts write is a few dozen variables of hundreds.
  const region = evidence === null ? new DependentRegion(c) : null;
  const familyClique = new Int32Array(c.n).fill(-1);
  tree.cliques.forEach((q, k) => q.families.forEach((f) => (familyClique[f.v] = k)));
  const visited = new Int32Array(tree.cliques.length);
  let stamp = 0;
  const visit = (at: number, table: Float64Array) => {
    visited[at] = stamp;
    interventionSums(cal.memory, at, table, wanted, n1, n0);
  };
  const reuse = kept && evidence === null && (!swings || kept.guides.swing) ? kept : null;
  for (let i = 0; i < nOut; i++) {
    checkCancelled();
    const o = c.outcomes[i]!;
    const p = marginals[o]!;
    const upstream = c.upstream[i]!;
    const reach = region ? region.of(i) : null;
    if (reuse && region && !region.holdsAny(reuse.changed)) {
      signposts[i] = reuse.guides.signposts[i]!.slice();
      linchpins[i] = reuse.guides.linchpins[i]!.slice();
      if (swings) swing.push(reuse.guides.swing![i]!);
      continue;
    }
    if (observed(o)) {
      // Seen already: P(O | E) is 1 or 0 under any do(), seeing O tells nothing more (no sweep),
      // and no probability moves it (no linchpins, here or in linchpinsOf).
      if (swings) swing.push(flatSwings(upstream.length, p));
      continue;
    }
    for (const f of upstream) wanted[f] = doable[f]!;
    stamp++;
    // Seen true, O's tree gives P(X | E, O) for every X, and its families' do() sums.
    const seen = p > 0 && observeOne(cal, o, 1, all, given, swings ? visit : undefined, reach);
    // A family the sweep did not reach is as the calibration left it: its sums come from there.
    if (seen && swings && reach) {
      for (const f of upstream) {
        const at = familyClique[f]!;
        if (wanted[f] && at >= 0 && visited[at] !== stamp) visit(at, cal.beliefs[at]!);
      }
    }
    for (const f of upstream) wanted[f] = 0;
    if (swings) swing.push(swingsOf(c, i, p, seen, n1, n0, d1, d0, doable, fallback));
    if (!seen) continue;
    const list = signposts[i]!;
    const candidates = region ? region.list : null;
    const count = candidates ? region!.size : c.n;
    for (let k = 0; k < count; k++) {
      const x = candidates ? candidates[k]! : k;
      const px = marginals[x]!;
      // The expected shift is 200·P(O)·|P(X | O) − P(X)| points (before clamping): most X are
      // left out on that alone, before any division.
      if (x === o || 200 * p * Math.abs(given[x]! - px) < MIN_EXPECTED_SHIFT || observed(x) || !uncertain(px)) continue;
      const ifTrue = clamp01((given[x]! * p) / px);
      const ifFalse = clamp01(((1 - given[x]!) * p) / (1 - px));
      const expectedShift = 100 * (px * Math.abs(ifTrue - p) + (1 - px) * Math.abs(ifFalse - p));
      if (expectedShift >= MIN_EXPECTED_SHIFT) keepLargest(list, { v: x, probability: px, ifTrue, ifFalse, expectedShift });
    }
    // A factor or event has no drivers, so setting it is seeing it: P(E | F) = P(F | E)·P(E) / p,
    // and the common factor P(E) drops out of the interval.
    for (const f of upstream) {
      if (!isLinchpinInput[f]) continue;
      const px = marginals[f]!;
      const pf = tables[f]![0]!;
      const whenTrue = (given[f]! * p) / px;
      const whenFalse = ((1 - given[f]!) * p) / (1 - px);
      const e1 = px / pf;
      const e0 = (1 - px) / (1 - pf);
      addLinchpin(c, f, i, p, e0 * whenFalse, e1 * whenTrue, e0, e1, linchpins);
    }
  }
  for (const list of linchpins) list.sort((a, b) => ordering(distanceToFlip(a)) - ordering(distanceToFlip(b)) || a.v - b.v);
  return { signposts, linchpins, swing: swings ? swing : null };
}

/**
 * The variables that seeing an outcome O can tell something about, without evidence: those that
 * share an ancestor with O (O's ancestors, O, and everything downstream of them). Any other is
 * d-separated from O, so P(X | O) = P(X), and so is any set of them. Kept in one mask, reused.
 */
class DependentRegion {
  readonly mask: Uint8Array;
  readonly list: Int32Array;
  size = 0;

  constructor(private readonly c: CompiledModel) {
    this.mask = new Uint8Array(c.n);
    this.list = new Int32Array(c.n);
  }

  /** Whether the current region holds a variable marked in `mask`. */
  holdsAny(mask: Uint8Array): boolean {
    for (let k = 0; k < this.size; k++) if (mask[this.list[k]!]) return true;
    return false;
  }

  /** The region of outcome i (c.outcomes order), as a mask; `list` holds its first `size` entries. */
  of(i: number): Uint8Array {
    const { c, mask, list } = this;
    for (let k = 0; k < this.size; k++) mask[list[k]!] = 0;
    let size = 0;
    const add = (v: number) => {
      if (mask[v]) return;
      mask[v] = 1;
      list[size++] = v;
    };
    add(c.outcomes[i]!);
    for (const v of c.upstream[i]!) add(v);
    // Downstream of all of those, breadth-first over the list itself.
    for (let k = 0; k < size; k++) {
      const v = list[k]!;
      for (let j = c.childStart[v]!; j < c.childStart[v + 1]!; j++) add(c.children[j]!);
    }
    this.size = size;
    return mask;
  }
}

/** Signposts, largest expected shift first (then the first declared): a new one goes in its place, and the list keeps MAX_SIGNPOSTS. */
function keepLargest(list: RawSignpost[], s: RawSignpost): void {
  const before = (a: RawSignpost, b: RawSignpost) => {
    const x = ordering(a.expectedShift);
    const y = ordering(b.expectedShift);
    return x > y || (x === y && a.v < b.v);
  };
  if (list.length === MAX_SIGNPOSTS && !before(s, list[list.length - 1]!)) return;
  let k = list.length;
  while (k > 0 && before(s, list[k - 1]!)) k--;
  list.splice(k, 0, s);
  if (list.length > MAX_SIGNPOSTS) list.pop();
}

/**
 * Outcome i's swings: P(O | do(F), E) = P(O | E) · (sum under O) / (sum of the scenario). An
 * observed F, or a do() under which E cannot happen, has none (both ends at P(O | E)).
 */
/** The swings of an outcome nothing moves: every end at p. */
function flatSwings(count: number, p: number): SwingTable {
  return { points: new Float64Array(count), ifTrue: new Float64Array(count).fill(p), ifFalse: new Float64Array(count).fill(p) };
}

function swingsOf(
  c: CompiledModel, i: number, p: number, seen: boolean, n1: Float64Array, n0: Float64Array, d1: Float64Array, d0: Float64Array,
  doable: Uint8Array, fallback: SwingEnds,
): SwingTable {
  const o = c.outcomes[i]!;
  const upstream = c.upstream[i]!;
  const ifTrue = new Float64Array(upstream.length);
  const ifFalse = new Float64Array(upstream.length);
  upstream.forEach((f, k) => {
    const ends = fallback.get(f);
    if (ends) {
      ifTrue[k] = ends.ifTrue[o]!;
      ifFalse[k] = ends.ifFalse[o]!;
    } else if (doable[f] && d1[f]! > 0 && d0[f]! > 0 && Number.isFinite(d1[f]!) && Number.isFinite(d0[f]!)) {
      // P(O) = 0: nothing under O to sum, and O stays impossible under any do() of a table without 0s and 1s.
      ifTrue[k] = seen ? clamp01((p * n1[f]!) / d1[f]!) : 0;
      ifFalse[k] = seen ? clamp01((p * n0[f]!) / d0[f]!) : 0;
    } else {
      ifTrue[k] = p;
      ifFalse[k] = p;
    }
  });
  return { points: ifTrue.map((t, k) => 100 * (t - ifFalse[k]!)), ifTrue, ifFalse };
}

/** Swing ends of the F that `include` picks, by two propagations each (E impossible under a do(): none). */
function passEnds(
  c: CompiledModel, tree: JunctionTree, tables: readonly Float64Array[], evidence: Evidence | null, checkCancelled: () => void,
  include: (f: number) => boolean,
): SwingEnds {
  let any = false;
  for (let f = 0; f < c.n && !any; f++) any = include(f);
  if (!any) return new Map();
  const buffers = junctionBuffers(tree);
  return endsByPasses(c, tables, (t, out) => propagateLog(tree, t, evidence, out, buffers) > -Infinity, checkCancelled, include);
}

/** F's linchpins by two propagations with F's table set to 1 and to 0 (F settled under E, or p of 0 or 1). */
function linchpinsOf(
  c: CompiledModel, f: number, tree: JunctionTree, tables: readonly Float64Array[], evidence: Evidence | null,
  marginals: Float64Array, upstreamOf: Set<number>[], result: RawLinchpin[][], buffers: JunctionBuffers,
): void {
  const replaced = tables.slice();
  const whenTrue = new Float64Array(c.n);
  const whenFalse = new Float64Array(c.n);
  replaced[f] = Float64Array.of(1);
  const d1 = propagate(tree, replaced, evidence, whenTrue, buffers); // P(E | F), and P(O | E, F)
  replaced[f] = Float64Array.of(0);
  const d0 = propagate(tree, replaced, evidence, whenFalse, buffers);
  c.outcomes.forEach((o, i) => {
    // An observed outcome's P(O | E) is 0 or 1 whatever any probability is: what the arithmetic
    // would find there is rounding (ratios of equal sums), not a linchpin.
    if (!upstreamOf[i]!.has(f) || (evidence !== null && evidence[o]! >= 0)) return;
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

