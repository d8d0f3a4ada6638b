// The names a document sees through its imports, for the editor's features: where each is
// declared (its file, and the place there as a position, from the import graph's reading of that
// file), as the model binds it.
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver';
import type { VariableKind } from '../syntax/ast';
import type { DocumentState } from './context';

export interface ImportedDeclaration {
  name: string;
  kind: VariableKind;
  label: string;
  /** The declaring file's real path. */
  file: string;
  /** That file as this one's messages show it: relative to this file's folder. */
  shown: string;
}

/** Every imported factor, event and outcome the model binds, in model order. */
export function importedDeclarations(state: DocumentState): ImportedDeclaration[] {
  const out: ImportedDeclaration[] = [];
  for (const v of state.model.variables.values()) {
    if (!v.origin) continue;
    out.push({ name: v.name, kind: v.kind, label: v.label, file: v.origin.file, shown: state.imports?.show(v.origin.file) ?? v.origin.file });
  }
  return out;
}

/** The imported declaration of a name, or undefined when the name is not imported. */
export function importedDeclaration(state: DocumentState, name: string): ImportedDeclaration | undefined {
  const v = state.model.variables.get(name);
  if (!v?.origin) return undefined;
  return { name, kind: v.kind, label: v.label, file: v.origin.file, shown: state.imports?.show(v.origin.file) ?? v.origin.file };
}

/** Where an imported name is declared: its name in the declaring file. */
export function importedLocation(state: DocumentState, name: string): Location | null {
  const v = state.model.variables.get(name);
  const library = v?.origin ? state.imports?.files.get(v.origin.file) : undefined;
  if (!v?.origin || !library) return null;
  const span = v.declaration.name.span;
  return { uri: pathToFileURL(v.origin.file).href, range: { start: library.positionAt(span.start), end: library.positionAt(span.end) } };
}
