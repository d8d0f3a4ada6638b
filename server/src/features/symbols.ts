// The outline: the scenario, every factor, event and outcome (with its driver lines) and every
// alternative (with its changes).
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Declaration, Span, Statement } from '../syntax/ast';
import { STATEMENTS, leadingKeyword } from '../syntax/vocabulary';
import type { DocumentState } from './context';
import { spanToRange } from './text';

export function documentSymbols(state: DocumentState): DocumentSymbol[] {
  return state.document.declarations.map((d) => declarationSymbol(state, d));
}

function declarationSymbol(state: DocumentState, decl: Declaration): DocumentSymbol {
  const symbol = (name: string, kind: SymbolKind, selection: Span, detail: string, children: DocumentSymbol[]): DocumentSymbol => ({
    name: nonEmpty(name),
    detail,
    kind,
    range: spanToRange(state, decl.span),
    selectionRange: spanToRange(state, selection),
    children,
  });
  switch (decl.kind) {
    case 'scenario': {
      const question = decl.statements.find((s) => s.kind === 'question');
      return symbol(decl.title.value, SymbolKind.Namespace, decl.title.span, question?.kind === 'question' ? question.text.value : 'scenario', []);
    }
    case 'alternative':
      return symbol(decl.title.value, SymbolKind.Object, decl.title.span, 'alternative', childSymbols(state, decl.statements));
    case 'import':
      return symbol(decl.path.value, SymbolKind.Module, decl.path.span, 'import', []);
    default: {
      const value = decl.statements.find((s) => s.kind === (decl.kind === 'outcome' ? 'base' : 'probability'));
      const valueText = value && 'value' in value && typeof value.value === 'object' ? `${value.kind} ${value.value.text}` : '';
      const detail = [decl.kind, decl.label?.value, valueText].filter((x) => x).join(' · ');
      const kind = decl.kind === 'factor' ? SymbolKind.Variable : decl.kind === 'event' ? SymbolKind.Event : SymbolKind.Function;
      return symbol(decl.name.text, kind, decl.name.span, detail, decl.kind === 'outcome' ? childSymbols(state, decl.statements) : []);
    }
  }
}

/** Driver lines of an outcome, changes of an alternative. */
function childSymbols(state: DocumentState, statements: Statement[]): DocumentSymbol[] {
  const children: DocumentSymbol[] = [];
  for (const st of statements) {
    let detail: string | null = null;
    if (st.kind === 'driver') detail = `${st.direction} ${st.strength.text}`;
    else if (st.kind === 'alt-set') detail = st.value.text;
    else if (st.kind === 'alt-base') detail = `base ${st.value.text}`;
    else if (st.kind === 'alt-given' || st.kind === 'alt-observe') detail = `${leadingKeyword(STATEMENTS[st.kind])}${st.negated ? ' not' : ''}`;
    if (detail === null || !('name' in st)) continue;
    children.push({
      name: nonEmpty(st.name.text),
      detail,
      kind: SymbolKind.Field,
      range: spanToRange(state, st.span),
      selectionRange: spanToRange(state, st.name.span),
    });
  }
  return children;
}

/** VS Code rejects a symbol with an empty name. */
function nonEmpty(name: string): string {
  return name.trim() ? name : '(untitled)';
}
