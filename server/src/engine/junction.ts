// Exact inference with evidence: a junction tree over the binary variables. Variables are
// eliminated one by one (greedy min-fill on the moral graph); eliminating v makes the clique
// {v} ∪ its neighbours, whose parent is the clique of the next of them to go. One propagation
// (collect towards the roots, distribute back, Hugin style) gives P(v | E) for every variable and
// P(E), for any evidence E. Unlike the frontier (frontier.ts), which only runs forward, this
// reasons backwards too: seeing an outcome changes what its drivers are likely to be.
// The cost is Σ 2^|clique| per pass: the treewidth of the model, not its number of variables.
// This file builds the tree and drives the sweeps; the loops run in WebAssembly (junction.wat,
// laid out by junctionKernel.ts).
import { IndexHeap } from '../util/heap';
import { gatherAll } from './bits';
import { JunctionBuffers } from './junctionKernel';
import type { CompiledModel } from './compile';

/** Cliques larger than this are not planned (2^22 doubles = 32 MB per table). */
export const MAX_CLIQUE = 22;
/** Index maps are precomputed for cliques up to this many entries; larger ones compute bits. */
const MAP_LIMIT = 1 << 17;

/** What one clique holds: its variables (bit k of an index = variables[k]) and its links. */
interface Clique {
  /** The variables eliminated here; their marginals are read from this clique. */
  owned: Int32Array;
  /** Bits of the owned variables in this clique's index. */
  ownedBits: Int32Array;
  variables: Int32Array;
  size: number;
  /** The parent clique, or −1 for a root. */
  parent: number;
  /** The separator (the variables shared with the parent): 2^|separator| entries. */
  separatorSize: number;
  /** For each index here: its separator index (null for large cliques: computed from the bits). */
  childMap: Uint32Array | null;
  /** For each index of the parent: this clique's separator index. */
  parentMap: Uint32Array | null;
  /** Bits of the separator variables here and in the parent, in separator order. */
  childBits: Int32Array;
  parentBits: Int32Array;
  /** The variables whose tables (P(v | drivers)) are multiplied in here. */
  families: Family[];
}

interface Family {
  v: number;
  /** Bit of v in the clique's index. */
  bit: number;
  /** Bits in the clique's index of v's drivers, in driver-line order. */
  driverBits: Int32Array;
  /** For each clique index: the driver combination (precomputed when small). */
  combination: Uint32Array | null;
}

export interface JunctionTree {
  /** Every clique comes before its parent. */
  cliques: Clique[];
  n: number;
  /** Σ 2^|clique|: about the table entries one pass touches per operation. */
  cost: number;
  /** The most variables in one clique (the widest elimination step). */
  largest: number;
  /** The child cliques of each clique (the tree read downwards, for updates from one clique). */
  children: Int32Array[];
  /** The clique that owns each variable (where its marginal is read and its evidence entered). */
  ownerOf: Int32Array;
}

interface Draft {
  owned: number[];
  variables: number[];
  parent: number;
  families: number[];
  removed: boolean;
}

/**
 * The junction tree of c's driver graph, or null when a clique would exceed maxClique variables
 * or the tables' total size (Σ 2^|clique|) would exceed maxCost: the planning stops there, which
 * spares a dense model of a thousand variables the whole elimination.
 * Deterministic: ties in the greedy order are broken by fewer neighbours, then by index.
 */
export function buildJunctionTree(c: CompiledModel, maxClique = MAX_CLIQUE, maxCost = Infinity): JunctionTree | null {
  const n = c.n;
  const familyOf = (v: number): number[] => {
    const family = [v];
    for (let j = c.drvStart[v]!; j < c.drvStart[v + 1]!; j++) family.push(c.drvParent[j]!);
    return family;
  };
  const neighbours = Array.from({ length: n }, () => new Set<number>());
  for (let v = 0; v < n; v++) {
    const family = familyOf(v);
    for (const a of family) for (const b of family) if (a !== b) neighbours[a]!.add(b);
  }
  const eliminated = new Uint8Array(n);
  const order: number[] = [];
  const members: number[][] = [];
  const fillOf = (v: number): number => {
    const list = [...neighbours[v]!];
    let fill = 0;
    for (let i = 0; i < list.length; i++) {
      for (let k = i + 1; k < list.length; k++) if (!neighbours[list[i]!]!.has(list[k]!)) fill++;
    }
    return fill;
  };
  // Fill counts change only near an elimination, so they are kept and updated locally.
  const fill = Int32Array.from({ length: n }, (_, v) => fillOf(v));
  // The next to eliminate: least fill, then fewest neighbours, then first declared, from a heap of
  // keys packed as (fill, degree, v) with stale entries skipped. Fill and degree are capped where
  // any vertex beyond the cap would make a clique over maxClique (fill ≤ d(d − 1)/2), which stops
  // the build whichever such vertex comes first.
  const degreeCap = Math.min(maxClique, n);
  const fillCap = degreeCap * degreeCap;
  if ((fillCap + 1) * (degreeCap + 1) * n > Number.MAX_SAFE_INTEGER) throw new RangeError('buildJunctionTree: maxClique too large to order by');
  const keyOf = (v: number) => (Math.min(fill[v]!, fillCap) * (degreeCap + 1) + Math.min(neighbours[v]!.size, degreeCap)) * n + v;
  const key = new Float64Array(n);
  const next = new IndexHeap(4 * n);
  const rekey = (v: number) => {
    const k = keyOf(v);
    if (k !== key[v]) next.push((key[v] = k));
  };
  for (let v = 0; v < n; v++) next.push((key[v] = keyOf(v)));
  let planned = 0; // Σ 2^|clique| so far (before merging, which only lowers it)
  for (let step = 0; step < n; step++) {
    let best = -1;
    while (best < 0) {
      const k = next.pop();
      const v = k % n;
      if (!eliminated[v] && key[v] === k) best = v;
    }
    const around = [...neighbours[best]!];
    if (around.length + 1 > maxClique) return null;
    planned += 2 ** (around.length + 1);
    if (planned > maxCost) return null;
    order.push(best);
    members.push([best, ...around].sort((a, b) => a - b));
    eliminated[best] = 1;
    const added: [number, number][] = [];
    for (let i = 0; i < around.length; i++) {
      for (let k = i + 1; k < around.length; k++) {
        const a = around[i]!;
        const b = around[k]!;
        if (neighbours[a]!.has(b)) continue;
        neighbours[a]!.add(b);
        neighbours[b]!.add(a);
        added.push([a, b]);
      }
    }
    for (const a of around) neighbours[a]!.delete(best);
    // Outside the clique, a fill count changes only where a new edge joins two neighbours.
    const inClique = new Set(around);
    for (const [a, b] of added) {
      const [small, large] = neighbours[a]!.size <= neighbours[b]!.size ? [a, b] : [b, a];
      for (const t of neighbours[small]!) {
        if (inClique.has(t) || !neighbours[large]!.has(t)) continue;
        fill[t]!--;
        rekey(t);
      }
    }
    for (const a of around) {
      fill[a] = fillOf(a);
      rekey(a);
    }
  }
  const step = new Int32Array(n); // elimination step of each variable
  order.forEach((v, i) => (step[v] = i));
  const drafts: Draft[] = order.map((own, i) => {
    let parent = -1;
    for (const v of members[i]!) if (v !== own && (parent < 0 || step[v]! < parent)) parent = step[v]!;
    return { owned: [own], variables: members[i]!, parent, families: [], removed: false };
  });
  // A table goes to the clique of its family's first variable to be eliminated, which holds it all.
  for (let v = 0; v < n; v++) {
    let first = v;
    for (const u of familyOf(v)) if (step[u]! < step[first]!) first = u;
    drafts[step[first]!]!.families.push(v);
  }
  // A parent whose variables all lie in its child adds nothing: the child takes its place.
  const kids = drafts.map((): number[] => []);
  drafts.forEach((d, i) => d.parent >= 0 && kids[d.parent]!.push(i));
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (d.parent < 0) continue;
    const p = drafts[d.parent]!;
    const inChild = new Set(d.variables);
    if (!p.variables.every((v) => inChild.has(v))) continue;
    p.variables = d.variables;
    p.owned = [...d.owned, ...p.owned];
    p.families = [...d.families, ...p.families];
    for (const k of kids[i]!) {
      drafts[k]!.parent = d.parent;
      kids[d.parent]!.push(k);
    }
    d.removed = true;
  }
  const kept = drafts.map((d, i) => (d.removed ? -1 : i)).filter((i) => i >= 0);
  const renumber = new Map<number, number>();
  kept.forEach((i, k) => renumber.set(i, k));
  const cliques: Clique[] = [];
  let cost = 0;
  let largest = 0;
  for (const i of kept) {
    const d = drafts[i]!;
    const variables = Int32Array.from(d.variables);
    const size = 1 << variables.length;
    cost += size;
    largest = Math.max(largest, variables.length);
    const bitOf = (v: number) => variables.indexOf(v);
    const families = d.families.map((v): Family => {
      const driverBits = Int32Array.from(familyOf(v).slice(1), bitOf);
      const combination = driverBits.length > 0 && size <= MAP_LIMIT ? gatherAll(variables.length, driverBits) : null;
      return { v, bit: bitOf(v), driverBits, combination };
    });
    cliques.push({
      owned: Int32Array.from(d.owned), ownedBits: Int32Array.from(d.owned, bitOf), variables, size,
      parent: d.parent < 0 ? -1 : renumber.get(d.parent)!, separatorSize: 1, childMap: null, parentMap: null,
      childBits: new Int32Array(0), parentBits: new Int32Array(0), families,
    });
  }
  for (const q of cliques) {
    if (q.parent < 0) continue;
    const up = cliques[q.parent]!;
    const owned = new Set(q.owned);
    const separator = Array.from(q.variables).filter((v) => !owned.has(v));
    q.childBits = Int32Array.from(separator, (v) => q.variables.indexOf(v));
    q.parentBits = Int32Array.from(separator, (v) => up.variables.indexOf(v));
    q.separatorSize = 1 << separator.length;
    if (q.size <= MAP_LIMIT && up.size <= MAP_LIMIT) {
      q.childMap = gatherAll(q.variables.length, q.childBits);
      q.parentMap = gatherAll(up.variables.length, q.parentBits);
    }
  }
  const children = cliques.map(() => [] as number[]);
  cliques.forEach((q, i) => q.parent >= 0 && children[q.parent]!.push(i));
  const ownerOf = new Int32Array(n);
  cliques.forEach((q, i) => q.owned.forEach((v) => (ownerOf[v] = i)));
  return { cliques, n, cost, largest, children: children.map((list) => Int32Array.from(list)), ownerOf };
}

/** Reusable memory for propagations over one tree. */
/** Reusable memory for propagations over one tree (junctionKernel.ts). */
export function junctionBuffers(tree: JunctionTree, withScratch = false): JunctionBuffers {
  return new JunctionBuffers(tree, withScratch);
}

/** Evidence: −1 for a variable not observed, 0 or 1 for one seen false or true. */
export type Evidence = Int8Array;

/**
 * One propagation: fills `marginals[v]` = P(v true | E) for every variable and returns P(E)
 * (0 when the evidence is impossible; the marginals are then NaN). P(E) of many improbable
 * observations can be below the smallest double: `propagateLog` keeps its logarithm.
 */
export function propagate(
  tree: JunctionTree, tables: readonly Float64Array[], evidence: Evidence | null, marginals: Float64Array,
  buffers: JunctionBuffers = junctionBuffers(tree),
): number {
  return Math.exp(propagateLog(tree, tables, evidence, marginals, buffers));
}

/**
 * As `propagate`, returning ln P(E) (−Infinity when the evidence is impossible). Each message is
 * scaled to sum 1 on its way up and its sum kept as a logarithm, so nothing underflows; the
 * clique tables end proportional to P(clique | E).
 */
export function propagateLog(
  tree: JunctionTree, tables: readonly Float64Array[], evidence: Evidence | null, marginals: Float64Array,
  buffers: JunctionBuffers = junctionBuffers(tree),
): number {
  if (buffers.tree !== tree) throw new Error('propagateLog: the buffers were made for another tree');
  buffers.loadTables(tables);
  return buffers.propagate(evidence, marginals);
}

/** Clique i's table summed onto its separator (indexed by its own index map). */
function marginalizeUp(m: JunctionBuffers, i: number, table: Float64Array, out: Float64Array): void {
  const q = m.tree.cliques[i]!;
  const at = m.child[i]!;
  m.kernel.marginalize(table.byteOffset, q.size, out.byteOffset, out.length, at.map, at.bits, at.nbits);
}

/**
 * A calibrated tree: every clique's table is P(clique | E), summing to 1, and every separator's
 * table P(separator | E). From it, one more observation costs one sweep outwards from the clique
 * that owns the variable (`observeOne`), instead of a whole propagation.
 */
export interface Calibrated {
  tree: JunctionTree;
  /** The memory every table below lives in. */
  memory: JunctionBuffers;
  /** ln P(E); −Infinity when E is impossible (and nothing else is then filled). */
  logEvidence: number;
  /** P(v | E) for every variable. */
  marginals: Float64Array;
  beliefs: Float64Array[];
  /** Per clique: P(separator with its parent | E). */
  separators: Float64Array[];
  /** Scratch for observeOne: updated beliefs, separators and ratios. */
  scratch: Float64Array[];
  ratio: Float64Array[];
  /** Cliques in the order of a sweep from a source, and the clique each was reached from. */
  order: Int32Array;
  from: Int32Array;
}

export function calibrate(tree: JunctionTree, tables: readonly Float64Array[], evidence: Evidence | null): Calibrated {
  const buffers = junctionBuffers(tree, true);
  const marginals = new Float64Array(tree.n);
  const logEvidence = propagateLog(tree, tables, evidence, marginals, buffers);
  const beliefs = buffers.tables;
  const separators = buffers.messages;
  const k = buffers.kernel;
  if (logEvidence > -Infinity) {
    tree.cliques.forEach((q, i) => {
      const table = beliefs[i]!;
      k.divide(table.byteOffset, q.size, k.sum(table.byteOffset, q.size));
      if (q.parent >= 0) marginalizeUp(buffers, i, table, separators[i]!);
    });
  }
  return {
    tree, memory: buffers, logEvidence, marginals, beliefs, separators, scratch: buffers.scratch, ratio: buffers.calibrated,
    order: new Int32Array(tree.cliques.length), from: new Int32Array(tree.cliques.length),
  };
}

/**
 * P(v | E, x = value) for the variables v with `wanted[v]` (into `out`, which gets P(v | E) for
 * the others), from a calibrated tree:
 * the owner of x keeps its entries with x = value, scaled to sum 1, and the change sweeps outwards
 * through every separator (new / old, Hugin's update). False when P(x = value | E) is 0.
 * With `reach`, the sweep crosses only separators holding a variable marked there: the caller
 * vouches that the others' joint distribution does not depend on x (d-separated from it), so
 * their update would be a ratio of 1 and everything behind them keeps its values.
 */
export function observeOne(
  cal: Calibrated, x: number, value: 0 | 1, wanted: Uint8Array, out: Float64Array,
  visit?: (clique: number, table: Float64Array) => void, reach: Uint8Array | null = null,
): boolean {
  const { tree, beliefs, scratch, separators, ratio, order, from, memory } = cal;
  const { cliques, children } = tree;
  const k = memory.kernel;
  const px = value === 1 ? cal.marginals[x]! : 1 - cal.marginals[x]!;
  if (!(px > 0)) return false;
  // Cliques of other trees (unconnected parts of the model) are not reached, and keep their values.
  out.set(cal.marginals);
  const source = tree.ownerOf[x]!;
  const q = cliques[source]!;
  const bit = 1 << q.ownedBits[q.owned.indexOf(x)]!;
  k.condition(scratch[source]!.byteOffset, beliefs[source]!.byteOffset, q.size, bit, value === 1 ? bit : 0, px);
  // Breadth-first from the source over the tree's edges, parent and children alike.
  order[0] = source;
  from[0] = -1;
  let length = 1;
  for (let s = 0; s < length; s++) {
    const a = order[s]!;
    const qa = cliques[a]!;
    readMarginals(memory, qa, scratch[a]!, wanted, out);
    visit?.(a, scratch[a]!);
    if (qa.parent >= 0 && qa.parent !== from[s] && (!reach || crosses(qa, reach))) {
      // Upwards: a's own separator, new / old, into its parent.
      const up = memory.parent[a]!;
      const own = memory.child[a]!;
      const p = qa.parent;
      k.relay(scratch[a]!.byteOffset, qa.size, own.map, own.bits, own.nbits, ratio[a]!.byteOffset, qa.separatorSize,
        separators[a]!.byteOffset, scratch[p]!.byteOffset, beliefs[p]!.byteOffset, cliques[p]!.size, up.map, up.bits, up.nbits);
      order[length] = p;
      from[length++] = a;
    }
    for (const b of children[a]!) {
      if (b === from[s]) continue;
      const qb = cliques[b]!;
      if (reach && !crosses(qb, reach)) continue;
      // Downwards: b's separator, summed from a, new / old, into b.
      const down = memory.parent[b]!;
      const own = memory.child[b]!;
      k.relay(scratch[a]!.byteOffset, qa.size, down.map, down.bits, down.nbits, ratio[b]!.byteOffset, qb.separatorSize,
        separators[b]!.byteOffset, scratch[b]!.byteOffset, beliefs[b]!.byteOffset, qb.size, own.map, own.bits, own.nbits);
      order[length] = b;
      from[length++] = a;
    }
  }
  return true;
}

/** Whether the separator of q with its parent holds a variable marked in `reach`. */
function crosses(q: Clique, reach: Uint8Array): boolean {
  for (let k = 0; k < q.childBits.length; k++) if (reach[q.variables[q.childBits[k]!]!]) return true;
  return false;
}

/**
 * What do(F) makes of a distribution over clique `at`'s variables, for each variable F whose table
 * is multiplied in there (its family: F and its drivers U): Σ_u P(F = 1, U = u) / θ(1 | u) into
 * `whenTrue[F]` and Σ_u P(F = 0, U = u) / θ(0 | u) into `whenFalse[F]`. do(F = f) replaces θ(f | u)
 * by 1, and U, F's parents, is all it takes (the back-door adjustment), so for any event A,
 * P(A | do(F = f)) = Σ_u P(A, F = f, U = u) / θ(f | u). NaN where some θ is 0 or 1: the event's
 * share under do() is then not in the table. Only families with `wanted[F]`; `table` is a view
 * into `memory` (a calibrated tree's belief or scratch), and θ is as its calibration loaded it.
 */
export function interventionSums(
  memory: JunctionBuffers, at: number, table: Float64Array, wanted: Uint8Array, whenTrue: Float64Array, whenFalse: Float64Array,
): void {
  memory.tree.cliques[at]!.families.forEach((f, j) => {
    if (wanted[f.v]) memory.interventionSums(at, j, table, whenTrue, whenFalse);
  });
}

function readMarginals(m: JunctionBuffers, q: Clique, table: Float64Array, wanted: Uint8Array, out: Float64Array): void {
  for (let k = 0; k < q.owned.length; k++) {
    const v = q.owned[k]!;
    if (wanted[v]) out[v] = m.kernel.ownSum(table.byteOffset, q.size, 1 << q.ownedBits[k]!);
  }
}
