// Go to definition and find references of factor, event and outcome names; an imported name's
// declaration is in the file it is imported from.
import type { Location, Position } from 'vscode-languageserver';
import type { DocumentState } from './context';
import { importedLocation } from './imported';
import { declarationOf, occurrenceAt, occurrencesOf } from './occurrences';
import { offsetAt, spanToRange } from './text';

export function definition(state: DocumentState, position: Position): Location | null {
  const occurrence = occurrenceAt(state, offsetAt(state, position));
  if (!occurrence) return null;
  // The declaration the model binds: an imported one first (a declaration here too is a duplicate).
  const imported = importedLocation(state, occurrence.name);
  if (imported) return imported;
  const declared = declarationOf(state, occurrence.name);
  return declared ? { uri: state.uri, range: spanToRange(state, declared.span) } : null;
}

export function references(state: DocumentState, position: Position, includeDeclaration: boolean): Location[] {
  const occurrence = occurrenceAt(state, offsetAt(state, position));
  if (!occurrence) return [];
  const here = occurrencesOf(state, occurrence.name)
    .filter((o) => includeDeclaration || o.role === 'reference')
    .map((o) => ({ uri: state.uri, range: spanToRange(state, o.span) }));
  const imported = includeDeclaration ? importedLocation(state, occurrence.name) : null;
  return imported ? [imported, ...here] : here;
}
