// The mixed models of an attribution: the old model with a subset of the changes applied. Every
// declaration of either version is in it (the engine leaves out what drives no outcome, and an
// outcome neither version compares changes nothing else); parameters and driver lines are the
// old ones except where an applied change says otherwise. The variables are ordered
// topologically over the mixed driver lines; a mix of two acyclic versions can close a cycle
// (a line reversed in the new version while the old one is still there), and then the line that
// closes it is left out, as the engine leaves out the lines of a `cycle` in a file.
import type { Driver, ModelVariable, OutcomeVariable, ResolvedModel } from '../model/types';
import type { EngineModel, EngineVariable } from '../engine/types';
import type { ChangeEdit } from './changes';

export interface MixBase {
  /** The old model with the renames applied. */
  before: ResolvedModel;
  after: ResolvedModel;
}

/**
 * The old model with `edits` applied, as the engine reads it (no alternatives); only the
 * variables in `keep` when given (a set closed under the driver lines of both versions, such as
 * an outcome's ancestors: exact probabilities of what is kept do not depend on the rest).
 */
export function mixedModel(base: MixBase, edits: readonly ChangeEdit[], keep?: ReadonlySet<string>): EngineModel {
  const { before, after } = base;
  const variables = new Map<string, EngineVariable>();
  const replaced = new Set(edits.flatMap((e) => (e.type === 'replace' ? [e.name] : [])));
  for (const v of before.variables.values()) variables.set(v.name, strip(replaced.has(v.name) ? after.variables.get(v.name)! : v));
  for (const v of after.variables.values()) if (!variables.has(v.name)) variables.set(v.name, strip(v));
  const settings = { ...before.settings };
  for (const edit of edits) {
    if (edit.type === 'settings') settings[edit.field] = edit.value;
    else if (edit.type === 'parameter') {
      const v = variables.get(edit.name);
      if (!v) continue;
      variables.set(edit.name, v.kind === 'outcome' ? { ...v, base: edit.spec } : { ...v, probability: edit.spec });
    } else if (edit.type === 'driver') {
      const v = variables.get(edit.outcome);
      if (v?.kind !== 'outcome') continue;
      const drivers: Driver[] = v.drivers.filter((d) => d.name !== edit.driver);
      if (edit.line) {
        // In the new version's place among the outcome's lines (the order of lines changes nothing).
        drivers.push(edit.line);
      }
      variables.set(edit.outcome, { ...v, drivers });
    }
  }
  // File order: the new version's, then what only the old one had.
  const names = [...after.order, ...before.order.filter((n) => !after.variables.has(n))]
    .filter((n) => variables.has(n) && (!keep || keep.has(n)));
  if (keep) for (const name of [...variables.keys()]) if (!keep.has(name)) variables.delete(name);
  const order = topologicalOrder(names, variables);
  for (const [name, cut] of order.cut) {
    const v = variables.get(name) as Omit<OutcomeVariable, 'declaration'>;
    variables.set(name, { ...v, drivers: v.drivers.filter((d) => !cut.has(d.name)) });
  }
  const list = names.map((n) => variables.get(n)!);
  return {
    settings,
    variables,
    inputs: list.filter((v) => v.kind !== 'outcome') as EngineModel['inputs'],
    outcomes: list.filter((v) => v.kind === 'outcome') as EngineModel['outcomes'],
    order: order.order,
    alternatives: [],
    hasErrors: false,
  };
}

function strip(v: ModelVariable): EngineVariable {
  const { declaration: _declaration, ...rest } = v;
  return rest;
}

/** Drivers before what they drive, ties in `names` order; the lines that would close a cycle are cut. */
function topologicalOrder(names: string[], variables: Map<string, EngineVariable>): { order: string[]; cut: Map<string, Set<string>> } {
  const state = new Map<string, 1 | 2>(); // 1 on the stack, 2 done
  const order: string[] = [];
  const cut = new Map<string, Set<string>>();
  const visit = (name: string): void => {
    // An explicit stack: models can be thousands of variables deep.
    const stack: { name: string; next: number }[] = [{ name, next: 0 }];
    state.set(name, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const v = variables.get(top.name)!;
      const drivers = v.kind === 'outcome' ? v.drivers : [];
      if (top.next < drivers.length) {
        const d = drivers[top.next++]!.name;
        const s = state.get(d);
        if (!variables.has(d) || s === 2) continue;
        if (s === 1) {
          (cut.get(top.name) ?? cut.set(top.name, new Set()).get(top.name)!).add(d);
          continue;
        }
        state.set(d, 1);
        stack.push({ name: d, next: 0 });
        continue;
      }
      state.set(top.name, 2);
      order.push(top.name);
      stack.pop();
    }
  };
  for (const name of names) if (!state.has(name)) visit(name);
  return { order, cut };
}
