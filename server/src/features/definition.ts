// Go to definition and find references of factor, event and outcome names.
import type { Location, Position } from 'vscode-languageserver';
import type { DocumentState } from './context';
import { declarationOf, occurrenceAt, occurrencesOf } from './occurrences';
import { offsetAt, spanToRange } from './text';

export function definition(state: DocumentState, position: Position): Location | null {
  const occurrence = occurrenceAt(state, offsetAt(state, position));
  if (!occurrence) return null;
  const declared = declarationOf(state, occurrence.name);
  return declared ? { uri: state.uri, range: spanToRange(state, declared.span) } : null;
}

export function references(state: DocumentState, position: Position, includeDeclaration: boolean): Location[] {
  const occurrence = occurrenceAt(state, offsetAt(state, position));
  if (!occurrence) return [];
  return occurrencesOf(state, occurrence.name)
    .filter((o) => includeDeclaration || o.role === 'reference')
    .map((o) => ({ uri: state.uri, range: spanToRange(state, o.span) }));
}
