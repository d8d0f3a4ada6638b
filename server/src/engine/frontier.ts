// Exact inference over the binary variables for given tables: the joint distribution of a
// "frontier" of variables is carried forward in topological order. A factor or event joins just
// before the first outcome it drives, and a variable leaves (summed out) once everything it
// drives has joined, unless it is kept (outcomes, for the worlds). The cost is Σ 2^width, far
// below 2^n for the sparse graphs analysts write. This file plans the steps; their loops run in
// WebAssembly (frontier.wat, laid out by frontierKernel.ts).
import { gatherAll } from './bits';
import { type CompiledModel, reachable } from './compile';
import { FrontierBuffer } from './frontierKernel';

/**
 * One step: v joins the frontier, then the variables in `removed` (v's drivers that drive
 * nothing more, and v itself when it is done) are summed out in the same loop over the table.
 * A removed driver's slot goes to v; with none, v joins at the top. In place: for every rest
 * index r (the frontier without `removed`), ascending, its 2^|removed| entries are read before
 * its (at most two) outputs are written, and those land on entries already read.
 */
export interface Step {
  v: number;
  /** Frontier width before the step. */
  width: number;
  /** Frontier positions of v's drivers, in driver-line order. */
  parentPositions: Int32Array;
  /** For each frontier index, the combination of v's drivers (precomputed when small). */
  combination: Uint32Array | null;
  /** Frontier positions (before the step, ascending) summed out once v has joined. */
  removed: Int32Array;
  /** Whether v stays in the frontier: at removed[0] when something is removed, else on top. */
  keep: boolean;
}

export interface Plan {
  steps: Step[];
  maxWidth: number;
  /** About how many table entries one pass touches. */
  cost: number;
  /** The variables left in the frontier at the end, bit i = finalOrder[i] (the kept outcomes). */
  finalOrder: Int32Array;
}

/** Frontiers wider than this are not planned (2^24 doubles = 128 MB). */
export const MAX_WIDTH = 24;
const PRECOMPUTE_LIMIT = 1 << 14;
/** A greedy plan that touches at most this many entries a pass: the other order is not tried. */
const SMALL_PLAN = 20_000;

/**
 * The variables some outcomes need: they and everything upstream of them along every driver line
 * (cut ones too: a pass reads each line's driver). `outcomes` are positions in c.outcomes. Its
 * outcomes are the targets of a plan for those outcomes only.
 */
export function neededBy(c: CompiledModel, outcomes: Iterable<number>): Uint8Array {
  return reachable(c.n, Array.from(outcomes, (i) => c.outcomes[i]!), c.drvStart, c.drvParent);
}

/**
 * A plan that processes every outcome (the targets, or those given) and the factors and events they need: the
 * cheaper of two orders, greedy (the next outcome is the ready one that leaves the narrowest
 * frontier) and topological (the compiled order). The greedy one wins on small models; on long
 * ones it can leave variables waiting (a 1,000-variable chain: width 14 against 8). Returns null
 * when the frontier would grow past maxWidth either way.
 */
export function buildPlan(c: CompiledModel, keepOutcomes: boolean, maxWidth = MAX_WIDTH, targets: Uint8Array = c.isOutcome): Plan | null {
  const greedy = planInOrder(c, keepOutcomes, maxWidth, true, targets);
  // A cheap greedy plan is not worth planning twice (a cold CLI start on a small model).
  if (greedy && greedy.cost <= SMALL_PLAN) return greedy;
  // The other order is costed first, without its tables, and built only when it wins.
  const width = greedy ? Math.min(maxWidth, greedy.maxWidth) : maxWidth;
  const topological = planInOrder(c, keepOutcomes, width, false, targets, false);
  if (topological && (!greedy || topological.cost < greedy.cost)) return planInOrder(c, keepOutcomes, width, false, targets);
  return greedy;
}

/** With `tables` false, the plan's cost and width only (its steps lack their combination tables). */
function planInOrder(
  c: CompiledModel, keepOutcomes: boolean, maxWidth: number, greedy: boolean, isTarget: Uint8Array, tables = true,
): Plan | null {
  const n = c.n;
  // A variable leaves the frontier once every target it drives has joined (all of its children
  // when the targets are all the outcomes: only outcomes have drivers).
  const remaining = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    for (let i = c.childStart[v]!; i < c.childStart[v + 1]!; i++) remaining[v]! += isTarget[c.children[i]!]!;
  }
  const pendingParents = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    for (let j = c.drvStart[v]!; j < c.drvStart[v + 1]!; j++) if (isTarget[c.drvParent[j]!]) pendingParents[v]!++;
  }
  const inFrontier = new Uint8Array(n);
  const frontier: number[] = [];
  const steps: Step[] = [];
  let maxSeen = 0;
  let cost = 0;
  const ready = new Set<number>();
  for (let v = 0; v < n; v++) if (isTarget[v] && pendingParents[v] === 0) ready.add(v);
  const keep = (v: number) => keepOutcomes && c.isOutcome[v] === 1;

  /** v joins; then `done` (v's drivers that drive nothing more, and v when it is done) leave. */
  const add = (v: number, done: number[] = []): boolean => {
    if (frontier.length + 1 > maxWidth) return false;
    const parentPositions = new Int32Array(c.drvStart[v + 1]! - c.drvStart[v]!);
    for (let j = c.drvStart[v]!; j < c.drvStart[v + 1]!; j++) {
      parentPositions[j - c.drvStart[v]!] = frontier.indexOf(c.drvParent[j]!);
    }
    const width = frontier.length;
    const half = 1 << width;
    const precomputed = parentPositions.length > 0 && half <= PRECOMPUTE_LIMIT;
    const combination = precomputed && tables ? gatherAll(width, parentPositions) : null;
    const stays = !done.includes(v);
    const removed = Int32Array.from(done.filter((u) => u !== v), (u) => frontier.indexOf(u)).sort();
    steps.push({ v, width, parentPositions, combination, removed, keep: stays });
    // Counted as a join and then one removal at a time, the widths the step passes through: the
    // fused loop does about half that, but the choices between plans and methods are made on it.
    cost += 2 * half * (1 + (precomputed ? 0 : parentPositions.length));
    for (let k = 0; k < done.length; k++) cost += 1 << (width + 1 - k);
    maxSeen = Math.max(maxSeen, width + 1);
    for (const u of done) inFrontier[u] = 0;
    if (stays) {
      inFrontier[v] = 1;
      if (removed.length > 0) frontier[removed[0]!] = v;
      else frontier.push(v);
    }
    for (let k = removed.length - 1; k >= (stays ? 1 : 0); k--) frontier.splice(removed[k]!, 1);
    return true;
  };

  /** The frontier's width once v has joined and what it finished has left. */
  const widthAfter = (v: number): number => {
    let width = frontier.length + 1;
    for (let j = c.drvStart[v]!; j < c.drvStart[v + 1]!; j++) {
      const p = c.drvParent[j]!;
      if (!inFrontier[p]) width++;
      if (remaining[p] === 1 && !keep(p)) width--;
    }
    if (remaining[v] === 0 && !keep(v)) width--;
    return width;
  };

  while (ready.size > 0) {
    // Greedy: the ready outcome that leaves the narrowest frontier (ties: topological order).
    // Topological: every width counts the same, so the first ready outcome is taken.
    let best = -1;
    let bestWidth = Infinity;
    for (const v of ready) {
      const width = greedy ? widthAfter(v) : 0;
      if (width < bestWidth || (width === bestWidth && v < best)) {
        best = v;
        bestWidth = width;
      }
    }
    const v = best;
    ready.delete(v);
    for (let j = c.drvStart[v]!; j < c.drvStart[v + 1]!; j++) {
      const p = c.drvParent[j]!;
      if (!inFrontier[p] && !add(p)) return null;
    }
    const done: number[] = [];
    for (let j = c.drvStart[v]!; j < c.drvStart[v + 1]!; j++) {
      const p = c.drvParent[j]!;
      remaining[p]!--;
      if (remaining[p] === 0 && !keep(p) && !done.includes(p)) done.push(p);
    }
    if (remaining[v] === 0 && !keep(v)) done.push(v);
    if (!add(v, done)) return null;
    for (let i = c.childStart[v]!; i < c.childStart[v + 1]!; i++) {
      const child = c.children[i]!;
      if (--pendingParents[child] === 0 && isTarget[child]) ready.add(child);
    }
  }
  return { steps, maxWidth: maxSeen, cost, finalOrder: Int32Array.from(frontier) };
}


/**
 * A pass that starts part-way: `from` is the frontier just before some step (a snapshot taken by
 * an earlier pass), so a pass whose tables differ only from that step on skips what comes before.
 * `record[v]` asks for the snapshot before v's own step, into `snapshots[v]`.
 */
export interface Resume {
  from?: Snapshot | null;
  record?: Uint8Array;
  snapshots?: (Snapshot | null)[];
}

export interface Snapshot {
  step: number;
  state: Float64Array;
}

/** Reusable memory for passes over one plan (that plan only). */
export function frontierBuffer(plan: Plan): FrontierBuffer {
  return new FrontierBuffer(plan);
}

/**
 * One pass: fills `marginals[v]` = P(v true) for every variable the plan adds, and returns the
 * final joint table over plan.finalOrder (a view into `buffer`, valid until its next pass). With
 * `evidence` (−1: not observed), each observed variable's other value is zeroed as it joins: the
 * final table is then the joint with the evidence, P(kept, E), whose sum is P(E); the marginals
 * are not conditioned.
 */
export function runPlan(
  plan: Plan, tables: readonly Float64Array[], marginals: Float64Array, buffer: FrontierBuffer,
  evidence: Int8Array | null = null, resume: Resume | null = null,
): Float64Array {
  if (buffer.plan !== plan) throw new Error('runPlan: the buffer was made for another plan');
  const t = buffer.table;
  const steps = plan.steps;
  let first = 0;
  if (resume?.from) {
    first = resume.from.step;
    t.set(resume.from.state);
  } else {
    t[0] = 1;
  }
  const record = resume?.record;
  if (record) {
    // Stop before each step whose frontier is asked for, to keep a copy of it.
    for (let k = first; k < steps.length; k++) {
      const step = steps[k]!;
      if (!record[step.v]) continue;
      buffer.run(tables, evidence, marginals, first, k);
      resume.snapshots![step.v] = { step: k, state: t.slice(0, 1 << step.width) };
      first = k;
    }
  }
  buffer.run(tables, evidence, marginals, first, steps.length);
  return t.subarray(0, 1 << buffer.widthBefore(steps.length));
}
