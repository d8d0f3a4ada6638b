// What can be forecast while a file has errors: the model without the declarations that have an
// error (or do not parse) and without everything that depends on one of them. The rest is
// forecast anew; what is left out keeps its last good numbers, marked (analysis/partialForecast).
// An import statement with an error (a file that does not check, a duplicate name) leaves out
// everything it brings in. Imported declarations stand at their import statement in file order.
import type { Declaration, ScenarioDocument, Span, VariableDeclaration } from '../syntax/ast';
import type { ForecastExclusion } from '../../../common/forecast';
import { NOT_BEFORE_NAME_PART } from '../../../common/names';
import { declarationName } from '../syntax/chunk';
import type { Diagnostic } from './diagnostics';
import type { Alternative, ModelVariable, ResolvedModel } from './types';

export interface ForecastScope {
  /** The forecastable part, without errors (the whole model when the file has none). */
  model: ResolvedModel;
  /** What was left out, in file order; empty when the file has no errors. */
  excluded: ForecastExclusion[];
  /**
   * Every name of the file in file order, those that do not parse included: where an earlier
   * forecast's numbers go. Empty when nothing is excluded (nothing needs placing).
   */
  order: FileOrder;
}

/** True when something can be forecast now: the whole model, or its part without errors. */
export function isForecastable(scope: ForecastScope): boolean {
  return scope.model.outcomes.length > 0;
}

/** A file without errors leaves nothing out: nothing to place among earlier numbers either. */
const NO_ORDER: FileOrder = { inputs: [], outcomes: [], alternatives: [] };

export interface FileOrder {
  inputs: readonly string[];
  outcomes: readonly string[];
  alternatives: readonly string[];
}

export function forecastScope(
  doc: ScenarioDocument,
  model: ResolvedModel,
  diagnostics: readonly Diagnostic[],
  lineOf: (offset: number) => number,
): ForecastScope {
  if (!model.hasErrors) return { model, excluded: [], order: NO_ORDER };
  const broken = new Map<string, string>();
  const brokenAlternatives = new Map<Declaration, string>();
  const holder = declarationFinder(doc);
  const importedBy = importedNames(model);
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const decl = holder(d.span);
    if (!decl) continue; // top-level junk or the scenario block: settings fall back to their defaults
    const reason = `line ${lineOf(d.span.start)} has an error`;
    if (decl.kind === 'import') {
      const because = `its import on line ${lineOf(decl.span.start)} has an error`;
      for (const name of importedBy.get(decl.span.start) ?? []) if (!broken.has(name)) broken.set(name, because);
    } else if (decl.kind === 'alternative') {
      if (!brokenAlternatives.has(decl)) brokenAlternatives.set(decl, reason);
    } else if (decl.kind !== 'scenario' && !broken.has(decl.name.text)) {
      broken.set(decl.name.text, reason);
    }
  }
  // A declaration that does not parse is not in the model, nor is any declaration its broken
  // braces swallowed: their names are read from the skipped text, so they keep their places.
  const unparsed = unparsedDeclarations(doc);
  for (const u of unparsed) {
    if (u.kind !== 'alternative' && !broken.has(u.name)) {
      broken.set(u.name, `its declaration on line ${lineOf(u.at)} does not parse`);
    }
  }
  // Outcomes in topological order, so a driver's verdict is known before what it drives. Every
  // driver line counts, also those the resolved model dropped (unknown or broken names).
  for (const name of model.order) {
    const v = model.variables.get(name);
    if (v?.kind !== 'outcome' || broken.has(name)) continue;
    const cause = driverNames(v.declaration).find((d) => broken.has(d) || !model.variables.has(d));
    if (cause !== undefined) broken.set(name, `depends on ${cause}, which ${broken.has(cause) ? 'has an error' : 'is not declared'}`);
  }
  const keep = <T extends { name: string }>(list: readonly T[]) => list.filter((v) => !broken.has(v.name));
  const alternatives: Alternative[] = [];
  const excludedAlternatives = new Map<Alternative, string>();
  for (const a of model.alternatives) {
    const own = brokenAlternatives.get(a.declaration);
    const target = a.changes.find((c) => broken.has(c.name))?.name;
    if (own) excludedAlternatives.set(a, own);
    else if (target !== undefined) excludedAlternatives.set(a, `it changes ${target}, which has an error`);
    else alternatives.push(a);
  }
  const scoped: ResolvedModel = {
    ...model,
    variables: new Map([...model.variables].filter(([name]) => !broken.has(name))),
    inputs: keep(model.inputs),
    outcomes: keep(model.outcomes),
    order: model.order.filter((name) => !broken.has(name)),
    alternatives,
    hasErrors: false,
  };
  // In file order: the model's variables, and the names whose declaration does not parse.
  const placed: { at: number; exclusion: ForecastExclusion }[] = [];
  for (const v of [...model.inputs, ...model.outcomes]) {
    const reason = broken.get(v.name);
    if (reason !== undefined) placed.push({ at: positionOf(model, v), exclusion: { kind: v.kind, name: v.name, reason } });
  }
  for (const u of unparsed) {
    if (u.kind === 'alternative' || model.variables.has(u.name)) continue;
    placed.push({ at: u.at, exclusion: { kind: u.kind, name: u.name, reason: broken.get(u.name)! } });
  }
  for (const u of unparsed) {
    if (u.kind !== 'alternative' || model.alternatives.some((a) => a.title === u.name)) continue;
    placed.push({ at: u.at, exclusion: { kind: 'alternative', name: u.name, reason: `its declaration on line ${lineOf(u.at)} does not parse` } });
  }
  for (const [a, reason] of excludedAlternatives) {
    placed.push({ at: a.declaration.span.start, exclusion: { kind: 'alternative', name: a.title, reason } });
  }
  placed.sort((a, b) => a.at - b.at);
  const excluded = placed.map((p) => p.exclusion);
  return { model: scoped, excluded, order: fileOrder(model, placed) };
}

/** Where a variable stands in this file: its declaration, or the import statement that brings it. */
function positionOf(model: ResolvedModel, v: ModelVariable): number {
  return model.importedVia?.get(v.name)?.start ?? v.declaration.span.start;
}

/** The imported names by the start of the import statement that brings them in. */
function importedNames(model: ResolvedModel): Map<number, string[]> {
  const byImport = new Map<number, string[]>();
  for (const [name, span] of model.importedVia ?? []) {
    const at = span.start;
    const names = byImport.get(at);
    if (names) names.push(name);
    else byImport.set(at, [name]);
  }
  return byImport;
}

/** The declaration whose span holds a span, by binary search over the file-ordered declarations. */
function declarationFinder(doc: ScenarioDocument): (span: Span) => Declaration | undefined {
  const list = doc.declarations;
  return (span) => {
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = list[mid]!;
      if (span.start < d.span.start) hi = mid - 1;
      else if (span.start > d.span.end) lo = mid + 1;
      else return d; // a zero-width span at the closing brace still belongs to it
    }
    return undefined;
  };
}

function driverNames(decl: VariableDeclaration): string[] {
  const names: string[] = [];
  for (const s of decl.statements) if (s.kind === 'driver') names.push(s.name.text);
  return names;
}

interface Unparsed {
  kind: 'factor' | 'event' | 'outcome' | 'alternative';
  name: string;
  at: number;
}

/** A keyword that starts a factor, event, outcome or alternative, after a blank or a brace. */
const HEAD = new RegExp(String.raw`(?<=^|[\s;{}])(factor|event|outcome|alternative)${NOT_BEFORE_NAME_PART}`, 'gu');

/** The declaration heads inside the text each syntax error skipped, in file order. */
function unparsedDeclarations(doc: ScenarioDocument): Unparsed[] {
  const out: Unparsed[] = [];
  for (const error of doc.errors) {
    const start = error.skipped.start;
    const stretch = doc.text.slice(start, Math.min(error.skipped.end, start + 200_000));
    for (const m of stretch.matchAll(HEAD)) {
      const kind = m[1] as Unparsed['kind'];
      // The chunk reader's own way of reading a head: a name, or an alternative's quoted title.
      const name = declarationName(stretch.slice(m.index!), kind)?.text;
      if (name !== undefined) out.push({ kind, name, at: start + m.index! });
    }
  }
  return out;
}

/** The model's names plus the unparsed ones, by position in the file. */
function fileOrder(model: ResolvedModel, placed: readonly { at: number; exclusion: ForecastExclusion }[]): FileOrder {
  const items: { at: number; kind: string; name: string }[] = [
    ...model.inputs.map((v) => ({ at: positionOf(model, v), kind: v.kind, name: v.name })),
    ...model.outcomes.map((v) => ({ at: positionOf(model, v), kind: v.kind, name: v.name })),
    ...model.alternatives.map((a) => ({ at: a.declaration.span.start, kind: 'alternative', name: a.title })),
    ...placed.filter((p) => !model.variables.has(p.exclusion.name) || p.exclusion.kind === 'alternative')
      .map((p) => ({ at: p.at, kind: p.exclusion.kind, name: p.exclusion.name })),
  ].sort((a, b) => a.at - b.at);
  const names = (kinds: string[]) => [...new Set(items.filter((i) => kinds.includes(i.kind)).map((i) => i.name))];
  return { inputs: names(['factor', 'event']), outcomes: names(['outcome']), alternatives: names(['alternative']) };
}
