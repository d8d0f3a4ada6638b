// The resolved model (plus an alternative's changes) as flat arrays in topological order: what
// both the exact and the Monte Carlo engines read. Only variables that matter are kept: every
// outcome, and every factor or event upstream of one. A variable without a valid probability or
// base (a diagnostic says why) is left out together with the driver lines that name it, so the
// rest of a half-written file can still be forecast.
import type { ProbabilitySpec } from '../model/types';
import type { EngineAlternative, EngineModel } from './types';

/** A factor or an event: true with probability in [lo, hi]. */
export const INPUT = 0;
/**
 * An outcome: logit P = logit(base) + Σ ±ln K over its active drivers; base in [lo, hi]
 * (`given` pins the base to 0 or 1 and cuts the driver lines).
 */
export const LOGISTIC = 1;

export interface CompiledModel {
  n: number;
  /** Variables 0 … inputCount − 1 are inputs (INPUT), the rest outcomes (LOGISTIC). */
  inputCount: number;
  names: string[];
  labels: string[];
  kind: Uint8Array;
  /** True for outcomes. */
  isOutcome: Uint8Array;
  /** Probability (inputs) or base (outcomes): uniform on [lo, hi]. */
  lo: Float64Array;
  hi: Float64Array;
  /** Driver lines of variable v: drvStart[v] ≤ j < drvStart[v + 1]. */
  drvStart: Int32Array;
  drvParent: Int32Array;
  /** +1 raises, −1 lowers, 0 a line cut by `given`. */
  drvSign: Float64Array;
  /** ln K is uniform on [drvLnLo, drvLnHi] (K log-uniform). */
  drvLnLo: Float64Array;
  drvLnHi: Float64Array;
  childStart: Int32Array;
  children: Int32Array;
  /** Compiled indices of the outcomes, in file order. */
  outcomes: Int32Array;
  /** For each outcome (file order): the compiled indices of everything upstream of it, sorted. */
  upstream: Int32Array[];
  /** True when v's own parameters or anything upstream of v is a range. */
  uncertain: Uint8Array;
  index: Map<string, number>;
}

interface Overrides {
  probability: Map<string, ProbabilitySpec>;
  base: Map<string, ProbabilitySpec>;
  given: Map<string, boolean>;
}

function overridesOf(alternative: EngineAlternative | null): Overrides {
  const result: Overrides = { probability: new Map(), base: new Map(), given: new Map() };
  for (const change of alternative?.changes ?? []) {
    if (change.kind === 'set-probability') result.probability.set(change.name, change.probability);
    else if (change.kind === 'set-base') result.base.set(change.name, change.base);
    else if (change.kind === 'given') result.given.set(change.name, change.value);
    // `observe` changes no table: it is evidence, conditioned on (evidence.ts).
  }
  return result;
}

function isValidRange(lo: number, hi: number): boolean {
  return Number.isFinite(lo) && Number.isFinite(hi) && lo >= 0 && hi <= 1 && lo <= hi;
}

/**
 * The baseline's structure (which variables, in which order, which driver lines) with the
 * alternative's changes applied to its numbers. Every alternative keeps the baseline's layout,
 * so that the same random draws land on the same parameters and variables in every scenario
 * (common random numbers: an outcome the alternative does not touch gets exactly the baseline's
 * numbers). `given` on an outcome pins its base and cuts its driver lines (sign 0).
 */
export function compileModel(
  model: EngineModel, alternative: EngineAlternative | null = null, baseline: CompiledModel | null = null,
): CompiledModel {
  // `baseline`: the model compiled without alternative, when the caller has it (never mutated):
  // an alternative copies what it changes from there instead of compiling the structure again.
  const c = baseline ?? compileStructure(model);
  if (!alternative) return c;
  const o = overridesOf(alternative);
  const lo = c.lo.slice();
  const hi = c.hi.slice();
  const drvSign = c.drvSign.slice();
  const drvLnLo = c.drvLnLo.slice();
  const drvLnHi = c.drvLnHi.slice();
  for (let v = 0; v < c.n; v++) {
    const name = c.names[v]!;
    const given = o.given.get(name);
    if (given !== undefined) {
      lo[v] = hi[v] = given ? 1 : 0;
      for (let j = c.drvStart[v]!; j < c.drvStart[v + 1]!; j++) drvSign[j] = drvLnLo[j] = drvLnHi[j] = 0;
      continue;
    }
    const spec = c.kind[v] === LOGISTIC ? o.base.get(name) : o.probability.get(name);
    if (spec && isValidRange(spec.low, spec.high)) {
      lo[v] = spec.low;
      hi[v] = spec.high;
    }
  }
  const derived = deriveFlow(c.n, lo, hi, c.drvStart, c.drvParent, drvSign, drvLnLo, drvLnHi, c.outcomes);
  return { ...c, lo, hi, drvSign, drvLnLo, drvLnHi, ...derived };
}

function compileStructure(model: EngineModel): CompiledModel {
  const position = new Map(model.order.map((name, i) => [name, i]));
  // 1. Valid variables and their valid driver lines.
  const valid = new Set<string>();
  const driversOf = new Map<string, { name: string; sign: number; lo: number; hi: number }[]>();
  for (const name of model.order) {
    const v = model.variables.get(name);
    if (!v) continue;
    const spec = v.kind === 'outcome' ? v.base : v.probability;
    if (!spec || !isValidRange(spec.low, spec.high)) continue;
    valid.add(name);
    const drivers: { name: string; sign: number; lo: number; hi: number }[] = [];
    if (v.kind === 'outcome') {
      for (const d of v.drivers) {
        const ok = valid.has(d.name) && (position.get(d.name) ?? Infinity) < (position.get(name) ?? -1) &&
          d.strength.low >= 1 && d.strength.low <= d.strength.high && Number.isFinite(d.strength.high);
        if (!ok) continue;
        drivers.push({
          name: d.name, sign: d.direction === 'raises' ? 1 : -1,
          lo: Math.log(d.strength.low), hi: Math.log(d.strength.high),
        });
      }
    }
    driversOf.set(name, drivers);
  }
  // 2. Relevance: outcomes and their ancestors.
  const relevant = new Set<string>();
  const stack = model.order.filter((n) => valid.has(n) && model.variables.get(n)?.kind === 'outcome');
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (relevant.has(name)) continue;
    relevant.add(name);
    for (const d of driversOf.get(name) ?? []) stack.push(d.name);
  }
  // Inputs first (they have no drivers, so this is still a topological order): the sampling
  // loop then runs over inputs and outcomes without a branch between them.
  const isInput = (name: string) => model.variables.get(name)?.kind !== 'outcome';
  const names = [
    ...model.order.filter((n) => relevant.has(n) && isInput(n)),
    ...model.order.filter((n) => relevant.has(n) && !isInput(n)),
  ];
  const inputCount = names.filter(isInput).length;
  const index = new Map(names.map((name, i) => [name, i]));
  const n = names.length;
  const kind = new Uint8Array(n);
  const isOutcome = new Uint8Array(n);
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  const drvStart = new Int32Array(n + 1);
  const parents: number[] = [];
  const signs: number[] = [];
  const lnLo: number[] = [];
  const lnHi: number[] = [];
  const labels: string[] = [];
  for (let v = 0; v < n; v++) {
    const name = names[v]!;
    const variable = model.variables.get(name)!;
    labels.push(variable.label);
    isOutcome[v] = variable.kind === 'outcome' ? 1 : 0;
    kind[v] = variable.kind === 'outcome' ? LOGISTIC : INPUT;
    const spec = (variable.kind === 'outcome' ? variable.base : variable.probability)!;
    lo[v] = spec.low;
    hi[v] = spec.high;
    drvStart[v] = parents.length;
    for (const d of driversOf.get(name) ?? []) {
      parents.push(index.get(d.name)!);
      signs.push(d.sign);
      lnLo.push(d.lo);
      lnHi.push(d.hi);
    }
  }
  drvStart[n] = parents.length;
  const drvParent = Int32Array.from(parents);
  // Children (CSR), in topological order.
  const childCount = new Int32Array(n);
  for (const p of drvParent) childCount[p]!++;
  const childStart = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) childStart[v + 1] = childStart[v]! + childCount[v]!;
  const children = new Int32Array(drvParent.length);
  const fill = childStart.slice(0, n);
  for (let v = 0; v < n; v++) {
    for (let j = drvStart[v]!; j < drvStart[v + 1]!; j++) children[fill[drvParent[j]!]!++] = v;
  }
  const outcomes = Int32Array.from(
    model.outcomes.map((out) => index.get(out.name)).filter((i): i is number => i !== undefined),
  );
  const drvSign = Float64Array.from(signs);
  const drvLnLo = Float64Array.from(lnLo);
  const drvLnHi = Float64Array.from(lnHi);
  return {
    n, inputCount, names, labels, kind, isOutcome, lo, hi, drvStart, drvParent, drvSign, drvLnLo, drvLnHi,
    childStart, children, outcomes, index,
    ...deriveFlow(n, lo, hi, drvStart, drvParent, drvSign, drvLnLo, drvLnHi, outcomes),
  };
}

/**
 * The variables reachable from `from` (they included) along a graph in compressed rows: the
 * driver lines upwards (drvStart, drvParent) or the children downwards (childStart, children).
 */
export function reachable(n: number, from: Iterable<number>, start: Int32Array, next: Int32Array): Uint8Array {
  const seen = new Uint8Array(n);
  const stack = [...from];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (seen[v]) continue;
    seen[v] = 1;
    for (let k = start[v]!; k < start[v + 1]!; k++) stack.push(next[k]!);
  }
  return seen;
}

/** What flows along the driver lines that are not cut: uncertainty, and who is upstream of whom. */
function deriveFlow(
  n: number, lo: Float64Array, hi: Float64Array, drvStart: Int32Array, drvParent: Int32Array,
  drvSign: Float64Array, drvLnLo: Float64Array, drvLnHi: Float64Array, outcomes: Int32Array,
): { uncertain: Uint8Array; upstream: Int32Array[] } {
  const uncertain = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    let u = lo[v] !== hi[v];
    for (let j = drvStart[v]!; j < drvStart[v + 1]! && !u; j++) {
      if (drvSign[j] === 0) continue;
      u = drvLnLo[j] !== drvLnHi[j] || uncertain[drvParent[j]!] === 1;
    }
    uncertain[v] = u ? 1 : 0;
  }
  const upstream = Array.from(outcomes, (out) => ancestorsOf(out, drvStart, drvParent, drvSign, n));
  return { uncertain, upstream };
}

function ancestorsOf(v: number, drvStart: Int32Array, drvParent: Int32Array, drvSign: Float64Array, n: number): Int32Array {
  const seen = new Uint8Array(n);
  const stack = [v];
  while (stack.length > 0) {
    const u = stack.pop()!;
    for (let j = drvStart[u]!; j < drvStart[u + 1]!; j++) {
      const p = drvParent[j]!;
      if (drvSign[j] !== 0 && !seen[p]) {
        seen[p] = 1;
        stack.push(p);
      }
    }
  }
  const result: number[] = [];
  for (let u = 0; u < n; u++) if (seen[u]) result.push(u);
  return Int32Array.from(result);
}
