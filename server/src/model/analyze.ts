// The core's entry points: a syntax tree (or a text) in, the resolved model and every diagnostic
// out (syntax errors and every check except `judgment`, which needs a forecast). Never throws on
// any tree the parser produces; imports nothing from VS Code or LSP.
import type { ScenarioDocument } from '../syntax/ast';
import { LineIndex } from '../syntax/lines';
import { parseDocument } from '../syntax/parse';
import { CHECKS } from './checks';
import type { CheckContext } from './checks/context';
import { collectProbabilities } from './checks/context';
import type { Diagnostic } from './diagnostics';
import { indentationAt, startsLine } from './edits';
import { buildDriverGraph } from './graph';
import { resolveModel } from './resolve';
import { buildSymbols } from './symbols';
import type { ResolvedModel } from './types';

export interface Analysis {
  model: ResolvedModel;
  diagnostics: Diagnostic[];
}

export function analyzeDocument(doc: ScenarioDocument): Analysis {
  const symbols = buildSymbols(doc);
  const graph = buildDriverGraph(symbols);
  const ctx: CheckContext = {
    doc,
    text: doc.text,
    symbols,
    graph,
    lineOf: lineCounter(doc.text),
    indentUnit: indentUnitOf(doc),
    probabilities: collectProbabilities(doc),
  };
  const diagnostics = sortByPosition(CHECKS.flatMap((check) => check(ctx)));
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  return { model: resolveModel(symbols, graph, hasErrors), diagnostics };
}

export function analyze(text: string): Analysis & { document: ScenarioDocument } {
  const document = parseDocument(text);
  return { document, ...analyzeDocument(document) };
}

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
