// What changed between two versions of a file, on the resolved model (LANGUAGE.md, More commands:
// `scenario diff`): a probability, a base, a driver line added, removed or re-weighted, a
// declaration added or removed, a settings line, a rename, or text only (label, note, source,
// `judged`). Values are compared as the engine reads them (`likely` and `55%..80%` are the same
// probability), so reordering or reformatting a file is no change at all. A renamed declaration
// is one `rename`; the driver lines that use it follow it. A new or removed declaration comes
// with its driver lines, which are the changes that move probabilities; its own statements go
// with it. Pure: no git, no engine.
import type { DocumentAnalysis } from '../analysis/analyzeSource';
import type { Alternative, Driver, ModelVariable, ProbabilitySpec, ResolvedModel } from '../model/types';
import type { ScenarioDeclaration, Span } from '../syntax/ast';
import { LineIndex } from '../syntax/lines';

export type ChangeKind =
  | 'probability' | 'base' | 'driver-added' | 'driver-removed' | 'driver-reweighted'
  | 'declaration-added' | 'declaration-removed' | 'rename' | 'settings' | 'text' | 'alternative';

export type TextField = 'label' | 'note' | 'source' | 'judged' | 'kind';
export type SettingsField = 'title' | 'question' | 'horizon' | 'samples' | 'seed';

/** One change, as `scenario diff` reports it (LANGUAGE.md's JSON, plus the fields that place it). */
export interface ModelChange {
  id: number;
  kind: ChangeKind;
  /** The variable (its new name when renamed), the driver of a driver line, a settings key, an alternative's title. */
  name: string;
  /** Driver lines: the outcome the line is in. */
  outcome?: string;
  /** Text and settings changes: which statement. */
  field?: TextField | SettingsField;
  /** The statement as written before and after (null where there was none). */
  before: string | null;
  after: string | null;
  /** 1-based line of the statement in the new version, or in the old one when it was removed. */
  line: number | null;
  /** Which version `line` is in. */
  side: 'before' | 'after';
  /**
   * The imported file the statement is in (relative to the file's folder, as `origin` shows it),
   * when it is not in the file itself; `line` is then a line of that file.
   */
  file?: string;
  /** True when the change can move a probability (it gets a share of the deltas). */
  attributed: boolean;
}

/** How an attributed change is applied to the old model (mixed.ts). */
export type ChangeEdit =
  | { type: 'parameter'; name: string; spec: ProbabilitySpec }
  | { type: 'driver'; outcome: string; driver: string; line: Driver | null }
  | { type: 'settings'; field: 'samples' | 'seed'; value: number }
  | { type: 'replace'; name: string };

export interface ModelDiff {
  changes: ModelChange[];
  /** For each attributed change (by id): how to apply it. */
  edits: Map<number, ChangeEdit>;
  /** Old name → new name, for every renamed declaration. */
  renames: Map<string, string>;
  /** The old model with the renames applied (names as in the new model): what mixed models start from. */
  before: ResolvedModel;
  after: ResolvedModel;
}

type Side = Pick<DocumentAnalysis, 'text' | 'document' | 'model' | 'imports'>;

/** The changes from `before` to `after` (both without errors: the caller checks). */
export function diffModels(before: Side, after: Side): ModelDiff {
  const lines = { before: lineOf(before.text), after: lineOf(after.text) };
  const sides = { before, after };
  const renames = detectRenames(before.model, after.model);
  const old = renameModel(before.model, renames);
  const found: { change: Omit<ModelChange, 'id'>; edit?: ChangeEdit }[] = [];
  const add = (change: Omit<ModelChange, 'id'>, edit?: ChangeEdit): void => {
    found.push({ change, edit });
  };
  const at: At = (span, side, owner) => {
    const origin = owner?.origin?.file;
    const imports = sides[side].imports;
    const library = origin !== undefined ? imports?.files.get(origin) : undefined;
    if (origin === undefined || !imports || !library) return { line: span ? lines[side](span.start) : null, side };
    return { line: span ? library.positionAt(span.start).line + 1 : null, side, file: imports.show(origin) };
  };

  diffSettings(before, after, add, lines);

  for (const [oldName, newName] of renames) {
    const v = after.model.variables.get(newName)!;
    add({ kind: 'rename', name: newName, before: oldName, after: newName, ...at(v.declaration.name.span, 'after', v), attributed: false });
  }

  const ordered = [...fileOrder(after.model), ...fileOrder(old).filter((n) => !after.model.variables.has(n))];
  for (const name of ordered) {
    const a = old.variables.get(name);
    const b = after.model.variables.get(name);
    if (a && b && isOutcome(a) === isOutcome(b)) {
      diffVariable(a, b, add, owned(at, a, b));
      continue;
    }
    // Added, removed, or an input that became an outcome (or back): the declaration as a whole.
    if (a) {
      add({ kind: 'declaration-removed', name, before: summary(a), after: null, ...at(a.declaration.span, 'before', a), attributed: false });
      if (a.kind === 'outcome') for (const d of a.drivers) driverChange(name, d, null, add, owned(at, a, a));
    }
    if (b) {
      const replaced = a !== undefined;
      add({ kind: 'declaration-added', name, before: null, after: summary(b), ...at(b.declaration.span, 'after', b), attributed: replaced },
        replaced ? { type: 'replace', name } : undefined);
      if (b.kind === 'outcome' && !replaced) for (const d of b.drivers) driverChange(name, null, d, add, owned(at, b, b));
    }
  }

  diffAlternatives(old.alternatives, after.model.alternatives, add, at);
  // A new or removed declaration's driver lines come right after it.
  const declared = (f: (typeof found)[number]) =>
    f.change.kind === 'declaration-added' || f.change.kind === 'declaration-removed';
  const followers = (f: (typeof found)[number]) => found.filter((g) =>
    (g.change.kind === 'driver-added' || g.change.kind === 'driver-removed') && g.change.name === f.change.name
    && (f.change.kind === 'declaration-added') === (g.change.kind === 'driver-added'));
  const placed = new Set<(typeof found)[number]>();
  const grouped: typeof found = [];
  const follows = new Set(found.filter(declared).flatMap(followers));
  for (const f of found) {
    if (placed.has(f) || follows.has(f)) continue;
    const group = declared(f) ? [f, ...followers(f).filter((g) => !placed.has(g))] : [f];
    for (const g of group) {
      placed.add(g);
      grouped.push(g);
    }
  }
  const changes: ModelChange[] = [];
  const edits = new Map<number, ChangeEdit>();
  grouped.forEach(({ change, edit }, i) => {
    changes.push({ id: i + 1, ...change });
    if (edit) edits.set(i + 1, edit);
  });
  return { changes, edits, renames, before: old, after: after.model };
}

type Add = (change: Omit<ModelChange, 'id'>, edit?: ChangeEdit) => void;
/** Where a statement is: its line, in the file or (for a declaration `owner` imported) in the file that declares it. */
type At = (span: Span | undefined, side: 'before' | 'after', owner?: ModelVariable) =>
  { line: number | null; side: 'before' | 'after'; file?: string };

/** `at` for the statements of one declaration: in the old version's file or the new one's. */
function owned(at: At, before: ModelVariable, after: ModelVariable): At {
  return (span, side) => at(span, side, side === 'before' ? before : after);
}

function lineOf(text: string): (offset: number) => number {
  let index: LineIndex | undefined;
  return (offset) => (index ??= new LineIndex(text)).positionAt(offset).line + 1;
}

function isOutcome(v: ModelVariable): boolean {
  return v.kind === 'outcome';
}

/** Variables in the order they are declared: the imported ones first, as the model has them, then the file's own in file order. */
function fileOrder(model: ResolvedModel): string[] {
  const all = [...model.variables.values()];
  const own = all.filter((v) => !v.origin).sort((x, y) => x.declaration.span.start - y.declaration.span.start);
  return [...all.filter((v) => v.origin), ...own].map((v) => v.name);
}

function sameSpec(a: ProbabilitySpec | null, b: ProbabilitySpec | null): boolean {
  if (!a || !b) return a === b;
  return a.low === b.low && a.high === b.high;
}

function sameLine(a: Driver, b: Driver): boolean {
  return a.direction === b.direction && a.strength.low === b.strength.low && a.strength.high === b.strength.high;
}

function lineText(d: Driver): string {
  return `${d.direction} ${d.strength.text}`;
}

/** A declaration in a few words: `factor, likely`, `outcome, base 20%, 3 drivers`. */
function summary(v: ModelVariable): string {
  if (v.kind !== 'outcome') return `${v.kind}, ${v.probability?.text ?? 'no probability'}`;
  const n = v.drivers.length;
  return `outcome, base ${v.base?.text ?? '?'}${n > 0 ? `, ${n} driver${n === 1 ? '' : 's'}` : ''}`;
}

function driverChange(outcome: string, a: Driver | null, b: Driver | null, add: Add, at: At): void {
  const name = (a ?? b)!.name;
  if (a && b) {
    if (sameLine(a, b)) return;
    add({ kind: 'driver-reweighted', name, outcome, before: lineText(a), after: lineText(b), ...at(b.span, 'after'), attributed: true },
      { type: 'driver', outcome, driver: name, line: b });
  } else if (b) {
    add({ kind: 'driver-added', name, outcome, before: null, after: lineText(b), ...at(b.span, 'after'), attributed: true },
      { type: 'driver', outcome, driver: name, line: b });
  } else {
    add({ kind: 'driver-removed', name, outcome, before: lineText(a!), after: null, ...at(a!.span, 'before'), attributed: true },
      { type: 'driver', outcome, driver: name, line: null });
  }
}

function diffVariable(a: ModelVariable, b: ModelVariable, add: Add, at: At): void {
  const name = b.name;
  const statementSpan = (v: ModelVariable, kind: string): Span | undefined =>
    v.declaration.statements.find((s) => s.kind === kind)?.span;
  if (a.kind !== b.kind) {
    add({ kind: 'text', name, field: 'kind', before: a.kind, after: b.kind, ...at(b.declaration.keywordSpan, 'after'), attributed: false });
  }
  const labels = [a.declaration.label?.value ?? null, b.declaration.label?.value ?? null];
  if (labels[0] !== labels[1]) {
    add({ kind: 'text', name, field: 'label', before: labels[0] ?? null, after: labels[1] ?? null, ...at(b.declaration.label?.span ?? b.declaration.name.span, 'after'), attributed: false });
  }
  for (const field of ['note', 'source'] as const) {
    const x = field === 'note' ? a.notes : a.sources;
    const y = field === 'note' ? b.notes : b.sources;
    if (x.length === y.length && x.every((t, i) => t === y[i])) continue;
    const span = statementSpan(b, field) ?? statementSpan(a, field);
    add({
      kind: 'text', name, field, before: x.length ? x.join(' | ') : null, after: y.length ? y.join(' | ') : null,
      ...at(span, statementSpan(b, field) ? 'after' : 'before'), attributed: false,
    });
  }
  if (a.kind !== 'outcome' && b.kind !== 'outcome') {
    if (!sameSpec(a.probability, b.probability) && b.probability) {
      add({ kind: 'probability', name, before: a.probability?.text ?? null, after: b.probability.text, ...at(b.probability.span, 'after'), attributed: true },
        { type: 'parameter', name, spec: b.probability });
    }
    return;
  }
  if (a.kind !== 'outcome' || b.kind !== 'outcome') return;
  if (!sameSpec(a.base, b.base) && b.base) {
    add({ kind: 'base', name, before: a.base?.text ?? null, after: b.base.text, ...at(b.base.span, 'after'), attributed: true },
      { type: 'parameter', name, spec: b.base });
  }
  const before = new Map(a.drivers.map((d) => [d.name, d]));
  const after = new Map(b.drivers.map((d) => [d.name, d]));
  for (const d of b.drivers) driverChange(name, before.get(d.name) ?? null, d, add, at);
  for (const d of a.drivers) if (!after.has(d.name)) driverChange(name, d, null, add, at);
  if (!sameSpec(a.judged, b.judged)) {
    const span = b.judged?.span ?? a.judged?.span;
    add({ kind: 'text', name, field: 'judged', before: a.judged?.text ?? null, after: b.judged?.text ?? null, ...at(span, b.judged ? 'after' : 'before'), attributed: false });
  }
}

function diffSettings(before: Side, after: Side, add: Add, lines: { before: (o: number) => number; after: (o: number) => number }): void {
  const blocks = {
    before: before.document.declarations.find((d): d is ScenarioDeclaration => d.kind === 'scenario'),
    after: after.document.declarations.find((d): d is ScenarioDeclaration => d.kind === 'scenario'),
  };
  const lineFor = (field: SettingsField): { line: number | null; side: 'before' | 'after' } => {
    for (const side of ['after', 'before'] as const) {
      const block = blocks[side];
      if (!block) continue;
      const span = field === 'title' ? block.title.span : block.statements.find((s) => s.kind === field)?.span;
      if (span) return { line: lines[side](span.start), side };
    }
    return { line: null, side: 'after' };
  };
  const a = before.model.settings;
  const b = after.model.settings;
  const horizon = (h: typeof a.horizon) => (h ? `${h.from} to ${h.to}` : null);
  const fields: [SettingsField, string | null, string | null][] = [
    ['title', a.title, b.title],
    ['question', a.question, b.question],
    ['horizon', horizon(a.horizon), horizon(b.horizon)],
    ['samples', String(a.samples), String(b.samples)],
    ['seed', String(a.seed), String(b.seed)],
  ];
  for (const [field, x, y] of fields) {
    if (x === y) continue;
    const numeric = field === 'samples' || field === 'seed';
    add({ kind: 'settings', name: field, field, before: x, after: y, ...lineFor(field), attributed: numeric },
      numeric ? { type: 'settings', field, value: field === 'samples' ? b.samples : b.seed } : undefined);
  }
}

function alternativeText(alt: Alternative): string {
  return alt.changes.map((c) => {
    switch (c.kind) {
      case 'set-probability': return `${c.name} ${c.probability.text}`;
      case 'set-base': return `${c.name} base ${c.base.text}`;
      case 'given': return `given ${c.value ? '' : 'not '}${c.name}`;
      case 'observe': return `observe ${c.value ? '' : 'not '}${c.name}`;
    }
  }).join('; ');
}

/** Alternatives do not move the baseline: listed, never attributed (their own deltas are in the forecast). */
function diffAlternatives(before: Alternative[], after: Alternative[], add: Add, at: At): void {
  const old = new Map(before.map((a) => [a.title, a]));
  const seen = new Set<string>();
  for (const b of after) {
    seen.add(b.title);
    const a = old.get(b.title);
    const y = alternativeText(b);
    const x = a ? alternativeText(a) : null;
    if (x === y) continue;
    add({ kind: 'alternative', name: b.title, before: x, after: y, ...at(b.declaration.span, 'after'), attributed: false });
  }
  for (const a of before) {
    if (seen.has(a.title)) continue;
    add({ kind: 'alternative', name: a.title, before: alternativeText(a), after: null, ...at(a.declaration.span, 'before'), attributed: false });
  }
}

// ---- renames ---------------------------------------------------------------------------------

/** What a declaration is apart from its name: its kind, numbers, driver lines and where it is used. */
function signature(model: ResolvedModel, v: ModelVariable, self: string): string {
  const spec = (s: ProbabilitySpec | null) => (s ? [s.low, s.high] : null);
  const uses: string[] = [];
  for (const o of model.outcomes) {
    for (const d of o.drivers) if (d.name === v.name) uses.push(`${o.name === v.name ? self : o.name} ${d.direction} ${d.strength.low} ${d.strength.high}`);
  }
  const own = v.kind === 'outcome'
    ? { base: spec(v.base), judged: spec(v.judged), drivers: v.drivers.map((d) => `${d.name} ${d.direction} ${d.strength.low} ${d.strength.high}`).sort() }
    : { probability: spec(v.probability) };
  return JSON.stringify({ outcome: v.kind === 'outcome', own, uses: uses.sort(), notes: v.notes, sources: v.sources });
}

/**
 * Old name → new name for each declaration that is only in the old model and has a twin only in
 * the new one: the same explicit label, or the same kind, numbers, driver lines and uses.
 */
export function detectRenames(before: ResolvedModel, after: ResolvedModel): Map<string, string> {
  const gone = fileOrder(before).filter((n) => !after.variables.has(n));
  const fresh = fileOrder(after).filter((n) => !before.variables.has(n));
  const renames = new Map<string, string>();
  const taken = new Set<string>();
  for (const oldName of gone) {
    const a = before.variables.get(oldName)!;
    const label = a.declaration.label?.value;
    const twin = fresh.find((n) => {
      if (taken.has(n)) return false;
      const b = after.variables.get(n)!;
      if (isOutcome(a) !== isOutcome(b)) return false;
      if (label !== undefined && label === b.declaration.label?.value) return true;
      return signature(before, a, '\0') === signature(after, b, '\0');
    });
    if (twin === undefined) continue;
    renames.set(oldName, twin);
    taken.add(twin);
  }
  return renames;
}

/** The model with declarations renamed, and every driver line that names them. */
export function renameModel(model: ResolvedModel, renames: ReadonlyMap<string, string>): ResolvedModel {
  if (renames.size === 0) return model;
  const to = (n: string) => renames.get(n) ?? n;
  const variables = new Map<string, ModelVariable>();
  for (const v of model.variables.values()) {
    const renamed: ModelVariable = v.kind === 'outcome'
      ? { ...v, name: to(v.name), drivers: v.drivers.map((d) => ({ ...d, name: to(d.name) })) }
      : { ...v, name: to(v.name) };
    variables.set(renamed.name, renamed);
  }
  const pick = <T extends ModelVariable>(list: T[]) => list.map((v) => variables.get(to(v.name)) as T);
  return {
    ...model,
    variables,
    inputs: pick(model.inputs),
    outcomes: pick(model.outcomes),
    order: model.order.map(to),
    alternatives: model.alternatives.map((a) => ({ ...a, changes: a.changes.map((c) => ({ ...c, name: to(c.name) })) })),
  };
}
