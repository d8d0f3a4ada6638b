// Exact inference over the binary variables for given tables: the joint distribution of a
// "frontier" of variables is carried forward in topological order. A factor or event joins just
// before the first outcome it drives, and a variable leaves (summed out) once everything it
// drives has joined, unless it is kept (outcomes, for the worlds). The cost is Σ 2^width, far
// below 2^n for the sparse graphs analysts write.
import { gather, gatherAll } from './bits';
import { type CompiledModel, reachable } from './compile';

interface AddStep {
  op: 'add';
  v: number;
  /** Frontier width before the step. */
  width: number;
  /** Frontier positions of v's drivers, in driver-line order. */
  parentPositions: Int32Array;
  /** For each frontier index, the combination of v's drivers (precomputed when small). */
  combination: Uint32Array | null;
}

interface RemoveStep {
  op: 'remove';
  position: number;
  width: number;
}

export interface Plan {
  steps: (AddStep | RemoveStep)[];
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
  const steps: (AddStep | RemoveStep)[] = [];
  let maxSeen = 0;
  let cost = 0;
  const ready = new Set<number>();
  for (let v = 0; v < n; v++) if (isTarget[v] && pendingParents[v] === 0) ready.add(v);
  const keep = (v: number) => keepOutcomes && c.isOutcome[v] === 1;

  const add = (v: number): boolean => {
    if (frontier.length + 1 > maxWidth) return false;
    const parentPositions = new Int32Array(c.drvStart[v + 1]! - c.drvStart[v]!);
    for (let j = c.drvStart[v]!; j < c.drvStart[v + 1]!; j++) {
      parentPositions[j - c.drvStart[v]!] = frontier.indexOf(c.drvParent[j]!);
    }
    const width = frontier.length;
    const half = 1 << width;
    const precomputed = parentPositions.length > 0 && half <= PRECOMPUTE_LIMIT;
    const combination = precomputed && tables ? gatherAll(width, parentPositions) : null;
    steps.push({ op: 'add', v, width, parentPositions, combination });
    cost += 2 * half * (1 + (precomputed ? 0 : parentPositions.length));
    frontier.push(v);
    inFrontier[v] = 1;
    maxSeen = Math.max(maxSeen, frontier.length);
    return true;
  };
  const remove = (v: number): void => {
    const position = frontier.indexOf(v);
    steps.push({ op: 'remove', position, width: frontier.length });
    cost += 1 << frontier.length;
    frontier.splice(position, 1);
    inFrontier[v] = 0;
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
    if (!add(v)) return null;
    for (let j = c.drvStart[v]!; j < c.drvStart[v + 1]!; j++) {
      const p = c.drvParent[j]!;
      remaining[p]!--;
      if (remaining[p] === 0 && !keep(p) && inFrontier[p]) remove(p);
    }
    if (remaining[v] === 0 && !keep(v)) remove(v);
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
    if (step.op === 'add') {
      if (resume?.record?.[step.v]) resume.snapshots![step.v] = { step: k, state: t.slice(0, 1 << step.width) };
      const half = 1 << step.width;
      const table = tables[step.v]!;
      let sumTrue = 0;
      if (step.parentPositions.length === 0) {
        const p = table[0]!;
        const q = 1 - p;
        for (let i = 0; i < half; i++) {
          const x = t[i]!;
          t[i + half] = x * p;
          t[i] = x * q;
        }
        sumTrue = p; // the frontier's total is 1, so P(v) = p exactly
      } else if (step.combination) {
        const combination = step.combination;
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
      marginals[step.v] = sumTrue;
      width = step.width + 1;
      const seen = evidence ? evidence[step.v]! : -1;
      if (seen >= 0) t.fill(0, seen === 1 ? 0 : half, seen === 1 ? half : 2 * half);
    } else {
      const position = step.position;
      const half = 1 << (step.width - 1);
      const lowMask = (1 << position) - 1;
      const bit = 1 << position;
      for (let i = 0; i < half; i++) {
        const a = ((i >>> position) << (position + 1)) | (i & lowMask);
        t[i] = t[a]! + t[a | bit]!;
      }
      width = step.width - 1;
    }
  }
  return t.subarray(0, 1 << width);
}
