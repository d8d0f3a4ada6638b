// The driver graph: which driver lines close a cycle (found by one depth-first search, so removing
// them always leaves an acyclic graph), and a topological order with ties in file order.
import type { DriverStatement } from '../syntax/ast';
import { isDeclared, type SymbolTable } from './symbols';
import { IndexHeap } from '../util/heap';

export interface DriverGraph {
  /**
   * For each outcome of this file (first declarations): its driver lines that name a declared
   * variable (here or imported), each name once. Imported outcomes are driven only by what their
   * own file sees, so no cycle runs through another file.
   */
  edges: Map<string, DriverStatement[]>;
  /**
   * Driver lines that close a cycle, each with the cycle in the direction of influence,
   * first name = last name: `a → b → a` is ['a', 'b', 'a'], where this line says a drives b.
   */
  closing: Map<DriverStatement, string[]>;
}

export function buildDriverGraph(symbols: SymbolTable): DriverGraph {
  const edges = new Map<string, DriverStatement[]>();
  for (const [name, decl] of symbols.variables) {
    if (decl.kind !== 'outcome') continue;
    const all = symbols.drivers.get(decl)!;
    const lines: DriverStatement[] = [];
    // Outcomes have a handful of drivers: a scan beats a Set, except in a pathological file.
    const seen = all.length > 16 ? new Set<string>() : null;
    for (const d of all) {
      const name = d.name.text;
      if (!isDeclared(symbols, name)) continue;
      if (seen ? seen.has(name) : lines.some((l) => l.name.text === name)) continue;
      seen?.add(name);
      lines.push(d);
    }
    edges.set(name, lines);
  }
  return { edges, closing: findClosingLines(edges) };
}

/**
 * Depth-first search from each outcome (file order) towards its drivers (line order), without
 * recursion so that long chains cannot overflow the stack. A driver line that leads back to a
 * name on the current path closes a cycle.
 */
function findClosingLines(edges: Map<string, DriverStatement[]>): Map<DriverStatement, string[]> {
  const closing = new Map<DriverStatement, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const next: number[] = [0];
    state.set(start, 'open');
    while (path.length > 0) {
      const node = path[path.length - 1]!;
      const lines = edges.get(node) ?? [];
      const i = next[next.length - 1]!;
      if (i >= lines.length) {
        state.set(node, 'done');
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = i + 1;
      const line = lines[i]!;
      const driver = line.name.text;
      const seen = state.get(driver);
      if (seen === 'open') {
        // path = [driver, …, node], each a driver of the one before; this line: driver drives node.
        const k = path.lastIndexOf(driver);
        closing.set(line, [driver, ...path.slice(k).reverse()]);
      } else if (seen === undefined && edges.has(driver)) {
        state.set(driver, 'open');
        path.push(driver);
        next.push(0);
      }
    }
  }
  return closing;
}

/**
 * Every name, drivers before what they drive, ties broken by file order (the order of `names`).
 * `driversOf` must describe an acyclic graph; names it mentions that are not in `names` are ignored.
 * Kahn's algorithm with the ready names in a heap of file positions.
 */
export function topologicalOrder(names: string[], driversOf: (name: string) => readonly string[]): string[] {
  const index = new Map<string, number>();
  for (let i = 0; i < names.length; i++) index.set(names[i]!, i);
  const waiting = new Int32Array(names.length);
  const drives: number[][] = new Array<number[]>(names.length);
  for (let i = 0; i < names.length; i++) drives[i] = [];
  for (let i = 0; i < names.length; i++) {
    // A driver named twice counts twice on both sides, so the counts still meet zero together.
    for (const d of driversOf(names[i]!)) {
      const j = index.get(d);
      if (j === undefined) continue;
      waiting[i]!++;
      drives[j]!.push(i);
    }
  }
  const ready = new IndexHeap(names.length);
  for (let i = 0; i < names.length; i++) if (waiting[i] === 0) ready.push(i);
  const order: string[] = [];
  while (ready.size > 0) {
    const i = ready.pop();
    order.push(names[i]!);
    for (const j of drives[i]!) if (--waiting[j]! === 0) ready.push(j);
  }
  return order;
}

