// The core's entry points: a syntax tree (or a text) in, the resolved model and every diagnostic
// out (syntax errors and every check except `judgment`, which needs a forecast). Never throws on
// any tree the parser produces; imports nothing from VS Code or LSP.
import type { ImportDeclaration, ScenarioDocument } from '../syntax/ast';
import { LineIndex } from '../syntax/lines';
import { parseDocument } from '../syntax/parse';
import { CHECKS } from './checks';
import type { CheckContext } from './checks/context';
import { collectProbabilities } from './checks/context';
import type { Diagnostic } from './diagnostics';
import { indentationAt, startsLine } from './edits';
import { buildDriverGraph } from './graph';
import { mergeImports } from './imports/merge';
import type { ImportContext } from './imports/types';
import { resolveModel } from './resolve';
import { buildSymbols } from './symbols';
import type { ResolvedModel } from './types';

export interface Analysis {
  model: ResolvedModel;
  diagnostics: Diagnostic[];
}

/**
 * `imports` says what the file's `import` statements resolved to (analysis/importGraph.ts reads
 * the files); without it, a file that imports is analysed as though its imports could not be read.
 */
export function analyzeDocument(doc: ScenarioDocument, imports?: ImportContext): Analysis {
  const own = buildSymbols(doc);
  const merged = mergeImports(imports ?? unresolved(own.imports), own.variables, own.duplicates);
  const symbols = { ...own, imported: merged.names, importFailed: merged.failed };
  const graph = buildDriverGraph(symbols);
  const ctx: CheckContext = {
    doc,
    text: doc.text,
    symbols,
    graph,
    lineOf: lineCounter(doc.text),
    indentUnit: indentUnitOf(doc),
    probabilities: collectProbabilities(doc),
    imports: merged,
  };
  const diagnostics = sortByPosition(CHECKS.flatMap((check) => check(ctx)));
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  return { model: resolveModel(symbols, graph, hasErrors), diagnostics };
}

export function analyze(text: string): Analysis & { document: ScenarioDocument } {
  const document = parseDocument(text);
  return { document, ...analyzeDocument(document) };
}

/** Imports with nothing to read them from (no ImportContext): each one cannot be read. */
function unresolved(declarations: readonly ImportDeclaration[]): ImportContext | undefined {
  if (declarations.length === 0) return undefined;
  return {
    imports: declarations.map((declaration) => ({
      declaration,
      result: { kind: 'problem', code: 'import-not-found', message: NOT_READ },
    })),
    files: new Map(),
    show: (file) => file,
  };
}

/** Why an import was not read where no folder is known (an unsaved file, or a tool that reads one text). */
export const NOT_READ = 'Imports are not read here: this file is checked on its own, with no folder to read them from. ' +
  'Save it in a folder (the workspace, or the --root folder on the command line) to check it with its imports.';

/** By start, then end; equal spans keep the order of the checks (a stable sort). */
export function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** 1-based line of an offset; the line index is built on first use (most files never need it). */
function lineCounter(text: string): (offset: number) => number {
  let lines: LineIndex | undefined;
  return (offset) => (lines ??= new LineIndex(text)).positionAt(offset).line + 1;
}

/** The file's own indentation step: how far the first statement on its own line sits inside its block. */
function indentUnitOf(doc: ScenarioDocument): string {
  for (const decl of doc.declarations) {
    const first = decl.statements[0];
    if (!first || !startsLine(doc.text, first.span.start)) continue;
    const outer = indentationAt(doc.text, decl.span.start);
    const inner = indentationAt(doc.text, first.span.start);
    if (inner.length > outer.length && inner.startsWith(outer)) return inner.slice(outer.length);
  }
  return '  ';
}
