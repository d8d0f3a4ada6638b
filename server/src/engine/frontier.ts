// Exact inference over the binary variables for given tables: the joint distribution of a
// "frontier" of variables is carried forward in topological order. A factor or event joins just
// before the first outcome it drives, and a variable leaves (summed out) once everything it
// drives has joined, unless it is kept (outcomes, for the worlds). The cost is Σ 2^width, far
// below 2^n for the sparse graphs analysts write.
import { gather, gatherAll } from './bits';
import { type CompiledModel, reachable } from './compile';

/**
 * One step: v joins the frontier, then the variables in `removed` (v's drivers that drive
 * nothing more, and v itself when it is done) are summed out in the same loop over the table.
 * A removed driver's slot goes to v; with none, v joins at the top. In place: for every rest
 * index r (the frontier without `removed`), ascending, its 2^|removed| entries are read before
 * its (at most two) outputs are written, and those land on entries already read.
 */
interface Step {
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

/** Reusable memory for passes over one plan. */
export function frontierBuffer(plan: Plan): Float64Array {
  return new Float64Array(1 << plan.maxWidth);
}

/**
 * One pass: fills `marginals[v]` = P(v true) for every variable the plan adds, and returns the
 * final joint table over plan.finalOrder (a view into `buffer`). With `evidence` (−1: not
 * observed), each observed variable's other value is zeroed as it joins: the final table is then
 * the joint with the evidence, P(kept, E), whose sum is P(E); the marginals are not conditioned.
 */
export function runPlan(
  plan: Plan, tables: readonly Float64Array[], marginals: Float64Array, buffer: Float64Array,
  evidence: Int8Array | null = null, resume: Resume | null = null,
): Float64Array {
  const t = buffer;
  t[0] = 1;
  let width = 0;
  const steps = plan.steps;
  let first = 0;
  if (resume?.from) {
    first = resume.from.step;
    width = steps[first]!.width;
    t.set(resume.from.state);
  }
  for (let k = first; k < steps.length; k++) {
    const step = steps[k]!;
    if (resume?.record?.[step.v]) resume.snapshots![step.v] = { step: k, state: t.slice(0, 1 << step.width) };
    const table = tables[step.v]!;
    const seen = evidence ? evidence[step.v]! : -1;
    if (step.keep && step.removed.length === 0) {
      marginals[step.v] = join(t, step, table);
      const half = 1 << step.width;
      if (seen >= 0) t.fill(0, seen === 1 ? 0 : half, seen === 1 ? half : 2 * half);
    } else {
      marginals[step.v] = joinAndSumOut(t, step, table, seen);
    }
    width = step.width + (step.keep ? 1 : 0) - step.removed.length;
  }
  return t.subarray(0, 1 << width);
}

/** v joins on top of the frontier; returns P(v). */
function join(t: Float64Array, step: Step, table: Float64Array): number {
  const half = 1 << step.width;
  let sumTrue = 0;
  if (step.parentPositions.length === 0) {
    const p = table[0]!;
    const q = 1 - p;
    for (let i = 0; i < half; i++) {
      const x = t[i]!;
      t[i + half] = x * p;
      t[i] = x * q;
    }
    return p; // the frontier's total is 1, so P(v) = p exactly
  }
  const combination = step.combination;
  if (combination) {
    for (let i = 0; i < half; i++) {
      const p = table[combination[i]!]!;
      const x = t[i]!;
      const y = x * p;
      t[i + half] = y;
      t[i] = x - y;
      sumTrue += y;
    }
  } else {
    const positions = step.parentPositions;
    for (let i = 0; i < half; i++) {
      const p = table[gather(i, positions)]!;
      const x = t[i]!;
      const y = x * p;
      t[i + half] = y;
      t[i] = x - y;
      sumTrue += y;
    }
  }
  return sumTrue;
}

/**
 * v joins and step.removed are summed out, in one loop over the table (in place, see Step);
 * returns P(v). `seen` (0 or 1; −1: not observed) zeroes v's other value before anything is
 * summed, as a join then a removal would.
 */
function joinAndSumOut(t: Float64Array, step: Step, table: Float64Array, seen: number): number {
  const keepFalse = seen === 1 ? 0 : 1;
  const keepTrue = seen === 0 ? 0 : 1;
  const { removed, combination } = step;
  if (combination && step.keep && removed.length === 1) {
    return replaceDriver(t, removed[0]!, 1 << (step.width - 1), combination, table, keepFalse, keepTrue);
  }
  if (combination && step.keep && removed.length === 2) {
    return replaceTwoDrivers(t, removed[0]!, removed[1]!, 1 << (step.width - 2), combination, table, keepFalse, keepTrue);
  }
  return sumOut(t, step, table, keepFalse, keepTrue);
}

/** Two drivers (at bits q < s) leave and v takes the first one's slot. */
function replaceTwoDrivers(
  t: Float64Array, q: number, s: number, rest: number, combination: Uint32Array, table: Float64Array,
  keepFalse: number, keepTrue: number,
): number {
  const bitQ = 1 << q;
  const bitS = 1 << s;
  const lowQ = bitQ - 1;
  const lowS = bitS - 1;
  let sumTrue = 0;
  for (let r = 0; r < rest; r++) {
    const o0 = ((r >>> q) << (q + 1)) | (r & lowQ);
    const i00 = ((o0 >>> s) << (s + 1)) | (o0 & lowS);
    const i10 = i00 | bitQ;
    const i01 = i00 | bitS;
    const i11 = i10 | bitS;
    const x00 = t[i00]!;
    const x10 = t[i10]!;
    const x01 = t[i01]!;
    const x11 = t[i11]!;
    const y00 = x00 * table[combination[i00]!]!;
    const y10 = x10 * table[combination[i10]!]!;
    const y01 = x01 * table[combination[i01]!]!;
    const y11 = x11 * table[combination[i11]!]!;
    const yes = y00 + y10 + (y01 + y11);
    sumTrue += yes;
    t[o0] = (x00 - y00 + (x10 - y10) + (x01 - y01 + (x11 - y11))) * keepFalse;
    t[o0 | bitQ] = yes * keepTrue;
  }
  return sumTrue;
}

/** The usual step: one driver (at bit q) leaves and v takes its slot: entries i0, i1 in and out. */
function replaceDriver(
  t: Float64Array, q: number, rest: number, combination: Uint32Array, table: Float64Array, keepFalse: number, keepTrue: number,
): number {
  const bit = 1 << q;
  const lowMask = bit - 1;
  let sumTrue = 0;
  for (let r = 0; r < rest; r++) {
    const i0 = ((r >>> q) << (q + 1)) | (r & lowMask);
    const i1 = i0 | bit;
    const x0 = t[i0]!;
    const x1 = t[i1]!;
    const y0 = x0 * table[combination[i0]!]!;
    const y1 = x1 * table[combination[i1]!]!;
    const yes = y0 + y1;
    sumTrue += yes;
    t[i0] = (x0 - y0 + (x1 - y1)) * keepFalse;
    t[i1] = yes * keepTrue;
  }
  return sumTrue;
}

/** Any other step with removals: 2^|removed| entries in per rest index, one or two out. */
function sumOut(t: Float64Array, step: Step, table: Float64Array, keepFalse: number, keepTrue: number): number {
  const removed = step.removed;
  const k = removed.length;
  const rest = 1 << (step.width - k);
  const combination = step.combination;
  const positions = step.parentPositions;
  const bare = positions.length === 0;
  const keep = step.keep;
  const combinations = 1 << k;
  const offsets = new Int32Array(combinations);
  for (let m = 0; m < combinations; m++) {
    for (let j = 0; j < k; j++) if ((m >>> j) & 1) offsets[m]! |= 1 << removed[j]!;
  }
  const low = k > 0 ? removed[0]! : 0;
  const lowMask = (1 << low) - 1;
  let sumTrue = 0;
  for (let r = 0; r < rest; r++) {
    let base = r;
    for (let j = 0; j < k; j++) {
      const q = removed[j]!;
      base = ((base >>> q) << (q + 1)) | (base & ((1 << q) - 1));
    }
    let yes = 0;
    let no = 0;
    for (let m = 0; m < combinations; m++) {
      const i = base | offsets[m]!;
      const p = bare ? table[0]! : table[combination ? combination[i]! : gather(i, positions)]!;
      const x = t[i]!;
      const y = x * p;
      yes += y;
      no += x - y;
    }
    sumTrue += yes;
    if (!keep) {
      t[r] = no * keepFalse + yes * keepTrue;
    } else {
      const o0 = ((r >>> low) << (low + 1)) | (r & lowMask);
      t[o0] = no * keepFalse;
      t[o0 | (1 << low)] = yes * keepTrue;
    }
  }
  return sumTrue;
}
