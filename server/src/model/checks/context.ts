// What every check reads: the document, its declarations by name and its driver graph. Each check
// is a pure function of this context that returns its own diagnostics.
import type {
  ProbabilityExpr, ScenarioDocument, Span, Statement, Declaration,
} from '../../syntax/ast';
import type { Diagnostic, DiagnosticCode, Replacement, RelatedInformation } from '../diagnostics';
import { SEVERITY } from '../diagnostics';
import type { DriverGraph } from '../graph';
import type { MergedImports } from '../imports/merge';
import type { SymbolTable } from '../symbols';

export interface CheckContext {
  doc: ScenarioDocument;
  text: string;
  symbols: SymbolTable;
  graph: DriverGraph;
  /** 1-based line of an offset, for messages that point elsewhere ("first declared on line 12"). */
  lineOf(offset: number): number;
  /** One level of indentation as the file writes it (two spaces when it cannot tell). */
  indentUnit: string;
  /** Every probability written in the document, in file order. */
  probabilities: ProbabilityUse[];
  /** What the imports brought in, and what their statements were found to have wrong. */
  imports: MergedImports;
}

export interface ProbabilityUse {
  expr: ProbabilityExpr;
  statement: Statement;
  declaration: Declaration;
}

export type Check = (ctx: CheckContext) => Diagnostic[];

export function diagnostic(
  code: DiagnosticCode,
  span: Span,
  message: string,
  extra: { related?: RelatedInformation[]; fixes?: Replacement[]; cycle?: string[]; candidates?: string[]; unnecessary?: boolean } = {},
): Diagnostic {
  const d: Diagnostic = { code, severity: SEVERITY[code], message, span };
  if (extra.related?.length) d.related = extra.related;
  if (extra.fixes?.length) d.fixes = extra.fixes;
  if (extra.cycle) d.cycle = extra.cycle;
  if (extra.candidates) d.candidates = extra.candidates;
  if (extra.unnecessary) d.unnecessary = true;
  return d;
}

/** Every probability written in the document, with the statement and declaration holding it. */
export function collectProbabilities(doc: ScenarioDocument): ProbabilityUse[] {
  const uses: ProbabilityUse[] = [];
  for (const declaration of doc.declarations) {
    for (const statement of declaration.statements) {
      switch (statement.kind) {
        case 'probability': case 'base': case 'judged': case 'alt-set': case 'alt-base':
          uses.push({ expr: statement.value, statement, declaration });
      }
    }
  }
  return uses;
}

/** `'name'` as messages quote it. */
export function q(text: string): string {
  return `'${text}'`;
}
