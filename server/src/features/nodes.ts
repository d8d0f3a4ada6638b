// Finding syntax-tree nodes under a cursor.
import type { Declaration, ProbabilityExpr, Span, Statement } from '../syntax/ast';
import type { DocumentState } from './context';

export function probabilityOf(statement: Statement): ProbabilityExpr | undefined {
  switch (statement.kind) {
    case 'probability':
    case 'base':
    case 'judged':
    case 'alt-set':
    case 'alt-base':
      return statement.value;
    default:
      return undefined;
  }
}

/** Every probability written in the document, with the statement that holds it. */
export function* probabilityExprs(state: DocumentState): Generator<{ declaration: Declaration; statement: Statement; expr: ProbabilityExpr }> {
  for (const declaration of state.document.declarations) {
    for (const statement of declaration.statements) {
      const expr = probabilityOf(statement);
      if (expr) yield { declaration, statement, expr };
    }
  }
}

/** The probability expression that touches a span (a cursor is an empty span). */
export function probabilityExprAt(state: DocumentState, span: Span): { declaration: Declaration; statement: Statement; expr: ProbabilityExpr } | undefined {
  for (const found of probabilityExprs(state)) {
    if (found.expr.span.start <= span.end && span.start <= found.expr.span.end) return found;
  }
  return undefined;
}
