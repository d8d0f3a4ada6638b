// Where every factor, event and outcome name occurs: declarations, driver lines and alternative
// lines from the syntax tree, plus the names inside stretches that did not parse (read from the
// tokens), so go-to-definition and rename keep working while one declaration is broken.
import type { Span, VariableKind } from '../syntax/ast';
import { KEYWORDS } from '../syntax/vocabulary';
import type { DocumentState } from './context';
import { lex } from './lexer';

export interface Occurrence {
  name: string;
  span: Span;
  /** A declaration's own name, or a use. */
  role: 'declaration' | 'reference';
}

export interface DeclaredName {
  name: string;
  kind: VariableKind;
  /** The label's value when there is one. */
  label: string | null;
  span: Span;
  /** The whole declaration (or the skipped stretch, for a broken one). */
  declarationSpan: Span;
  /** True when it comes from a stretch that did not parse. */
  broken: boolean;
}

const cache = new WeakMap<DocumentState, { occurrences: Occurrence[]; declared: DeclaredName[] }>();

function collect(state: DocumentState): { occurrences: Occurrence[]; declared: DeclaredName[] } {
  const hit = cache.get(state);
  if (hit) return hit;
  const occurrences: Occurrence[] = [];
  const declared: DeclaredName[] = [];
  for (const decl of state.document.declarations) {
    if (decl.kind === 'factor' || decl.kind === 'event' || decl.kind === 'outcome') {
      occurrences.push({ name: decl.name.text, span: decl.name.span, role: 'declaration' });
      declared.push({
        name: decl.name.text,
        kind: decl.kind,
        label: decl.label?.value ?? null,
        span: decl.name.span,
        declarationSpan: decl.span,
        broken: false,
      });
    }
    for (const st of decl.statements) {
      // Every statement that names a variable: driver lines and each change of an alternative.
      if ('name' in st) {
        occurrences.push({ name: st.name.text, span: st.name.span, role: 'reference' });
      }
    }
  }
  for (const error of state.document.errors) {
    const declName = error.declarationName;
    const kind = error.declarationKind;
    if (declName && (kind === 'factor' || kind === 'event' || kind === 'outcome')) {
      occurrences.push({ name: declName.text, span: declName.span, role: 'declaration' });
      declared.push({
        name: declName.text,
        kind,
        label: null,
        span: declName.span,
        declarationSpan: error.skipped,
        broken: true,
      });
    }
    for (const token of lex(state.text, error.skipped.start, error.skipped.end)) {
      if (token.kind !== 'word' || KEYWORDS.has(token.text)) continue;
      if (declName && token.start === declName.span.start) continue;
      occurrences.push({ name: token.text, span: { start: token.start, end: token.end }, role: 'reference' });
    }
  }
  occurrences.sort((a, b) => a.span.start - b.span.start);
  const result = { occurrences, declared };
  cache.set(state, result);
  return result;
}

export function allOccurrences(state: DocumentState): Occurrence[] {
  return collect(state).occurrences;
}

/** Every declared variable name in file order, including those of declarations that are broken. */
export function declaredNames(state: DocumentState): DeclaredName[] {
  return collect(state).declared;
}

/** The name occurrence under the cursor (a cursor right after the name counts). */
export function occurrenceAt(state: DocumentState, offset: number): Occurrence | undefined {
  let touching: Occurrence | undefined;
  for (const occ of collect(state).occurrences) {
    if (occ.span.start <= offset && offset < occ.span.end) return occ;
    if (occ.span.end === offset) touching = occ;
  }
  return touching;
}

export function occurrencesOf(state: DocumentState, name: string): Occurrence[] {
  return collect(state).occurrences.filter((o) => o.name === name);
}

/** The first declaration of a name: the one the model binds uses to. */
export function declarationOf(state: DocumentState, name: string): DeclaredName | undefined {
  const variable = state.model.variables.get(name);
  const all = collect(state).declared.filter((d) => d.name === name);
  // An imported variable's span is its own file's: never one of this file's declarations.
  if (variable && !variable.origin) {
    const bound = all.find((d) => d.span.start === variable.declaration.name.span.start);
    if (bound) return bound;
  }
  return all.find((d) => !d.broken) ?? all[0];
}
