// Rename a factor, event or outcome everywhere it occurs. Invalid and clashing names are refused
// with a message for the analyst (InvalidParams), before anything is edited.
import { ErrorCodes, ResponseError, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import { isName } from '../../../common/names';
import { KEYWORDS } from '../syntax/vocabulary';
import type { DocumentState } from './context';
import { importedDeclaration } from './imported';
import { declaredNames, occurrenceAt, occurrencesOf } from './occurrences';
import { offsetAt, spanToRange } from './text';

export function prepareRename(state: DocumentState, position: Position): Range | null {
  const occurrence = occurrenceAt(state, offsetAt(state, position));
  if (!occurrence) return null;
  // Only declared names (here or in an imported file): renaming an unknown name would rename a typo, not a variable.
  if (!declaredNames(state).some((d) => d.name === occurrence.name) && !importedDeclaration(state, occurrence.name)) return null;
  return spanToRange(state, occurrence.span);
}

/** Rename within this one file (a document that is no file on disk: it imports nothing). */
export function rename(state: DocumentState, position: Position, newName: string): WorkspaceEdit {
  const occurrence = occurrenceAt(state, offsetAt(state, position));
  if (occurrence) refuseImported(state, occurrence.name);
  if (!occurrence || !declaredNames(state).some((d) => d.name === occurrence.name)) {
    throw refuse('Put the cursor on a factor, event or outcome name to rename it.');
  }
  const name = validNewName(newName);
  if (name === occurrence.name) return { changes: { [state.uri]: [] } };
  refuseTaken(state, name, 'this file');
  const edits = occurrencesOf(state, occurrence.name).map((o) => ({ range: spanToRange(state, o.span), newText: name }));
  return { changes: { [state.uri]: edits } };
}

/** The new name, trimmed; refused when it is not a name or is a word of the language. */
export function validNewName(newName: string): string {
  const name = newName.trim();
  if (!isName(name)) {
    throw refuse(`"${name}" is not a valid name: start with a letter, then use letters, digits or _ (no spaces).`);
  }
  if (KEYWORDS.has(name)) {
    throw refuse(`"${name}" is a word of the language and cannot be a name; choose another, e.g. "${name}_factor".`);
  }
  return name;
}

/**
 * Refuses a new name that the file already declares, imports or uses: an undeclared use of it would
 * silently start to mean the renamed variable. `where` names the file in the message.
 */
export function refuseTaken(state: DocumentState, name: string, where: string): void {
  const imported = importedDeclaration(state, name);
  if (imported) {
    throw refuse(`"${name}" is already the name of ${imported.kind === 'factor' ? 'a' : 'an'} ${imported.kind} in ${imported.shown}, which ${where} imports; choose another name.`);
  }
  const of = where === 'this file' ? '' : ` of ${where}`;
  const clash = declaredNames(state).find((d) => d.name === name);
  if (clash) {
    const line = state.lines.positionAt(clash.span.start).line + 1;
    throw refuse(`"${name}" is already the name of ${clash.kind === 'factor' ? 'a' : 'an'} ${clash.kind} (line ${line}${of}); choose a name not used in ${where}.`);
  }
  const use = occurrencesOf(state, name)[0];
  if (use) {
    const line = state.lines.positionAt(use.span.start).line + 1;
    throw refuse(`"${name}" is already used on line ${line}${of} (not declared there); choose a name not used in ${where}.`);
  }
}

export function refuse(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

/**
 * Without the workspace, a name declared in an imported file cannot be renamed: this file's uses
 * alone would change, and the name would be unknown here.
 */
function refuseImported(state: DocumentState, name: string): void {
  const imported = importedDeclaration(state, name);
  if (imported) {
    throw refuse(`"${name}" is declared in ${imported.shown}, which this file imports: open that file and rename it there.`);
  }
}
