// The exact mode: P(O), swings and worlds by exact enumeration over the binary variables with
// the θ-averaged tables (no sampling at all); forecast.ts adds bands from seeded draws of θ, each
// evaluated exactly (bands.ts). Used whenever the passes are affordable, whatever the number of
// variables; the worlds (the joint of every outcome) only while that joint is affordable too,
// otherwise forecast.ts samples them.
import type { Band } from './bands';
import type { SignpostsAndLinchpins } from './signposts';
import type { CompiledModel } from './compile';
import { buildPlan, frontierBuffer, MAX_WIDTH, type Plan, runPlan, type Snapshot } from './frontier';
import { expectedTableCost, expectedTables, type TableCache } from './tables';

export interface RawResult {
  /** Per outcome, in c.outcomes order. */
  probability: Float64Array;
  band: (Band | null)[];
  /** Per outcome, in c.upstream order; empty when the caller asked for probabilities only. */
  swing: SwingTable[];
  /** Per outcome: the standard error of a sampled probability; null when exact. */
  standardError: Float64Array | null;
  /** An alternative that observes: P(E) (1 without observations) and P(v | E) for every variable. */
  evidenceProbability?: number;
  /** ln P(E), when the run kept it: finite whenever E can happen, even if P(E) underflowed. */
  logEvidenceProbability?: number;
  marginals?: Float64Array | null;
  /** Signposts and linchpins per outcome, when affordable. */
  guides?: SignpostsAndLinchpins;
  worlds: { values: Uint8Array; probability: number }[];
}

/** One outcome's swings, per upstream variable: the points and the two ends (fractions). */
export interface SwingTable {
  points: Float64Array;
  ifTrue: Float64Array;
  ifFalse: Float64Array;
}

export interface ExactPlans {
  /** Keeps every outcome to the end, for the worlds; null when that joint is too wide or costly. */
  worlds: Plan | null;
  marginals: Plan;
}

/** Work allowed for the exact worlds pass (its final table holds the joint of the outcomes). */
export const WORLDS_BUDGET = 20_000_000;

/** The plans for an exact run, or null when the model is too wide or too costly for one. */
export function exactPlans(c: CompiledModel, bandDraws: number, budget: number): ExactPlans | null {
  const marginals = buildPlan(c, false);
  if (!marginals) return null;
  const joint = c.outcomes.length <= MAX_WIDTH ? buildPlan(c, true) : null;
  const worlds = joint && joint.cost <= WORLDS_BUDGET ? joint : null;
  let cost = worlds?.cost ?? 0;
  let swingVars = 0;
  for (let v = 0; v < c.n; v++) {
    cost += expectedTableCost(c, v) + (c.drvStart[v + 1]! - c.drvStart[v]!) * bandDraws;
    if (c.childStart[v + 1]! > c.childStart[v]!) swingVars++;
  }
  cost += (2 * swingVars + bandDraws) * marginals.cost;
  return cost <= budget ? { worlds, marginals } : null;
}

/**
 * Probabilities, swings and (with a worlds plan) worlds by exact enumeration; the bands are the
 * caller's (forecast.ts), and so are the worlds when `worlds` is null.
 */
export function exactForecast(
  c: CompiledModel, plans: ExactPlans, cache: TableCache, maxWorlds: number, checkCancelled: () => void, swings = true,
): Omit<RawResult, 'band' | 'worlds' | 'standardError'> & { worlds: RawResult['worlds'] | null } {
  const tables = expectedTables(c, cache, checkCancelled);
  const marginals = new Float64Array(c.n);
  const plan = plans.worlds ?? plans.marginals;
  const final = runPlan(plan, tables, marginals, frontierBuffer(plan));
  const probability = Float64Array.from(c.outcomes, (v) => marginals[v]!);
  const worlds = !plans.worlds ? null
    : c.outcomes.length === 0 ? [] : topWorlds(final, plans.worlds.finalOrder, c.outcomes, maxWorlds);
  const swing = swings ? exactSwings(c, plans.marginals, tables, checkCancelled) : [];
  return { probability, swing, worlds };
}

/**
 * One pass of some inference with `tables`: fills P(v | …) for every v into `out`, and says
 * whether it was possible (false when the evidence cannot happen under these tables). `changed`
 * is the one variable whose table differs from the scenario's, when only one does.
 */
export type Pass = (tables: readonly Float64Array[], out: Float64Array, changed?: number) => boolean;

/** Per driving variable F: P(v | do(F true)) and P(v | do(F false)) for every v. */
export type SwingEnds = Map<number, { ifTrue: Float64Array; ifFalse: Float64Array }>;

/**
 * Swings by replacing each driving variable F's table with "always" and with "never"
 * (do(F true), do(F false)), one `pass` each; per outcome, in points, in c.upstream order. F for
 * which `skip` holds (an observed F), or whose do() makes the pass impossible, has no swing: 0,
 * both ends at `current` (P(O) of the scenario).
 */
export function swingsByPasses(
  c: CompiledModel, tables: readonly Float64Array[], pass: Pass, checkCancelled: () => void,
  current: Float64Array | null = null, skip: (f: number) => boolean = () => false,
): SwingTable[] {
  const ends = endsByPasses(c, tables, pass, checkCancelled, (f) => !skip(f));
  return swingTablesOf(c, (f, v, side) => ends.get(f)?.[side][v] ?? current?.[v] ?? Number.NaN);
}

/** The ends of the swings of each driving F that `include` picks, two passes each (none when a do() is impossible). */
export function endsByPasses(
  c: CompiledModel, tables: readonly Float64Array[], pass: Pass, checkCancelled: () => void, include: (f: number) => boolean,
): SwingEnds {
  const ends: SwingEnds = new Map();
  const replaced = tables.slice();
  for (let f = 0; f < c.n; f++) {
    if (c.childStart[f + 1] === c.childStart[f] || !include(f)) continue;
    checkCancelled();
    const ifTrue = new Float64Array(c.n);
    const ifFalse = new Float64Array(c.n);
    // At least one entry: a wide outcome's empty table becomes a constant too.
    replaced[f] = new Float64Array(Math.max(1, tables[f]!.length)).fill(1);
    const possibleTrue = pass(replaced, ifTrue, f);
    replaced[f] = new Float64Array(Math.max(1, tables[f]!.length)).fill(0);
    const possibleFalse = pass(replaced, ifFalse, f);
    replaced[f] = tables[f]!;
    if (possibleTrue && possibleFalse) ends.set(f, { ifTrue, ifFalse });
  }
  return ends;
}

/** Every outcome's swing table from the ends P(O | do(F true)) and P(O | do(F false)). */
export function swingTablesOf(c: CompiledModel, endOf: (f: number, v: number, side: 'ifTrue' | 'ifFalse') => number): SwingTable[] {
  return Array.from(c.outcomes, (v, i) => {
    const upstream = c.upstream[i]!;
    const ifTrue = Float64Array.from(upstream, (f) => endOf(f, v, 'ifTrue'));
    const ifFalse = Float64Array.from(upstream, (f) => endOf(f, v, 'ifFalse'));
    return { points: ifTrue.map((t, k) => 100 * (t - ifFalse[k]!)), ifTrue, ifFalse };
  });
}

/**
 * Swings from the θ-averaged tables by frontier passes (no evidence: every pass is possible).
 * A do() on F changes nothing before F joins the frontier: each pass resumes from the frontier
 * as it stood then (snapshots of one first pass), with the marginals of what came before.
 */
export function exactSwings(
  c: CompiledModel, plan: Plan, tables: Float64Array[], checkCancelled: () => void,
): SwingTable[] {
  const buffer = frontierBuffer(plan);
  const before = new Float64Array(c.n);
  const record = new Uint8Array(c.n);
  for (let f = 0; f < c.n; f++) record[f] = c.childStart[f + 1]! > c.childStart[f]! ? 1 : 0;
  const snapshots: (Snapshot | null)[] = new Array<Snapshot | null>(c.n).fill(null);
  runPlan(plan, tables, before, buffer, null, { record, snapshots });
  return swingsByPasses(c, tables, (t, out, changed) => {
    out.set(before);
    runPlan(plan, t, out, buffer, null, { from: changed === undefined ? null : snapshots[changed] });
    return true;
  }, checkCancelled);
}

/** The cost of exactSwings with `plan`, in table entries (for choosing it over sampling). */
export function exactSwingCost(c: CompiledModel, plan: Plan): number {
  let cost = 0;
  for (let v = 0; v < c.n; v++) {
    cost += expectedTableCost(c, v);
    if (c.childStart[v + 1]! > c.childStart[v]!) cost += 2 * plan.cost;
  }
  return cost;
}

/** The most probable joint values of the outcomes, from the final table of the worlds pass. */
export function topWorlds(
  table: Float64Array, order: Int32Array, outcomes: Int32Array, maxWorlds: number,
): { values: Uint8Array; probability: number }[] {
  const best: number[] = [];
  for (let i = 0; i < table.length; i++) {
    const p = table[i]!;
    if (!(p > 0)) continue; // impossible worlds are not listed
    if (best.length === maxWorlds && !(p > table[best[best.length - 1]!]!)) continue;
    let k = best.length;
    while (k > 0 && p > table[best[k - 1]!]!) k--;
    best.splice(k, 0, i);
    if (best.length > maxWorlds) best.pop();
  }
  const bitOf = new Map<number, number>();
  order.forEach((v, bit) => bitOf.set(v, bit));
  return best.map((index) => ({
    values: Uint8Array.from(outcomes, (v) => (index >>> bitOf.get(v)!) & 1),
    probability: table[index]!,
  }));
}
