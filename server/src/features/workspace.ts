// Editor features across the files of a workspace (issue 14): references and rename of a name in
// every file that binds it to the same declaration (the file that declares it and every file that
// imports it, directly or not), and workspace symbols. Pure functions of the files' analysed
// states; which files there are is the server's (analysis/editorImports.ts reads them).
import { SymbolKind, type Location, type Position, type SymbolInformation, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import type { ModelFile } from '../analysis/importGraph';
import { LineIndex } from '../syntax/lines';
import type { DocumentState } from './context';
import { declaredNames, occurrenceAt, occurrencesOf } from './occurrences';
import { refuse, refuseTaken, validNewName } from './rename';
import { offsetAt, spanToRange } from './text';

/** One file of the workspace, analysed: its real path says which declarations are its own. */
export interface WorkspaceFile {
  /** Its real path (imports name files by real path). */
  path: string;
  state: DocumentState;
}

const states = new WeakMap<ModelFile, DocumentState>();

/** A file no editor has open, as the features read it: its analysis by the import graph (no forecast). */
export function stateOfFile(file: ModelFile): DocumentState {
  let state = states.get(file);
  if (!state) {
    const { analysis } = file;
    state = {
      uri: pathToFileURL(file.path).href, version: 0, text: file.text, lines: new LineIndex(file.text), document: analysis.document,
      model: analysis.model, scope: analysis.scope, diagnostics: analysis.diagnostics, forecast: null, forecastStale: false,
      imports: file.context,
    };
    states.set(file, state);
  }
  return state;
}

/** The file that declares `name` as `file` binds it: an imported file, or `file` itself; null when unbound. */
function declaringFile(file: WorkspaceFile, name: string): string | null {
  const v = file.state.model.variables.get(name);
  if (v) return v.origin?.file ?? file.path;
  return declaredNames(file.state).some((d) => d.name === name) ? file.path : null;
}

/** The files in which `name` means what it means at the cursor of `current` (it first). */
function bindingFiles(current: WorkspaceFile, files: readonly WorkspaceFile[], name: string): WorkspaceFile[] {
  const declaring = declaringFile(current, name);
  if (declaring === null) return [current];
  const out = [current];
  for (const f of files) if (f.path !== current.path && declaringFile(f, name) === declaring) out.push(f);
  return out;
}

export function referencesAcrossFiles(
  current: WorkspaceFile, position: Position, includeDeclaration: boolean, files: readonly WorkspaceFile[],
): Location[] {
  const occurrence = occurrenceAt(current.state, offsetAt(current.state, position));
  if (!occurrence) return [];
  return bindingFiles(current, files, occurrence.name).flatMap(({ state }) => occurrencesOf(state, occurrence.name)
    .filter((o) => includeDeclaration || o.role === 'reference')
    .map((o) => ({ uri: state.uri, range: spanToRange(state, o.span) })));
}

/**
 * Renames a factor, event or outcome in every file that binds the name to the same declaration,
 * open or not. Refused, before anything is edited, when the new name is not a name or is declared
 * or used in one of those files.
 */
export function renameAcrossFiles(current: WorkspaceFile, position: Position, newName: string, files: readonly WorkspaceFile[]): WorkspaceEdit {
  const occurrence = occurrenceAt(current.state, offsetAt(current.state, position));
  if (!occurrence || declaringFile(current, occurrence.name) === null) throw refuse('Put the cursor on a factor, event or outcome name to rename it.');
  const name = validNewName(newName);
  const affected = bindingFiles(current, files, occurrence.name);
  const changes: Record<string, TextEdit[]> = {};
  for (const file of affected) {
    const { state } = file;
    if (name !== occurrence.name) refuseTaken(state, name, file === current ? 'this file' : shownPath(current, file));
    changes[state.uri] = name === occurrence.name ? []
      : occurrencesOf(state, occurrence.name).map((o) => ({ range: spanToRange(state, o.span), newText: name }));
  }
  return { changes };
}

const KINDS = { factor: SymbolKind.Variable, event: SymbolKind.Event, outcome: SymbolKind.Function } as const;

/** Every factor, event and outcome declared in the files whose name contains the query's letters in order (as VS Code filters). */
export function workspaceSymbols(query: string, files: readonly WorkspaceFile[], max = 1000): SymbolInformation[] {
  const wanted = query.toLowerCase();
  const out: SymbolInformation[] = [];
  for (const { state } of files) {
    for (const d of declaredNames(state)) {
      if (d.broken || !inOrder(wanted, d.name.toLowerCase())) continue;
      out.push({
        name: d.name, kind: KINDS[d.kind], containerName: d.label ?? undefined,
        location: { uri: state.uri, range: spanToRange(state, d.span) },
      });
      if (out.length >= max) return out;
    }
  }
  return out;
}

/** True when every character of `query` appears in `text`, in order. */
function inOrder(query: string, text: string): boolean {
  let i = 0;
  for (let k = 0; k < text.length && i < query.length; k++) if (text[k] === query[i]) i++;
  return i === query.length;
}

/** Another file as a message names it: its path relative to the current file's folder, when known. */
function shownPath(current: WorkspaceFile, file: WorkspaceFile): string {
  return current.state.imports?.show(file.path) ?? file.path;
}
