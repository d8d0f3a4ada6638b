// Rename a factor, event or outcome everywhere it occurs. Invalid and clashing names are refused
// with a message for the analyst (InvalidParams), before anything is edited.
import { ErrorCodes, ResponseError, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import { isName } from '../../../common/names';
import { KEYWORDS } from '../syntax/vocabulary';
import type { DocumentState } from './context';
import { declaredNames, occurrenceAt, occurrencesOf } from './occurrences';
import { offsetAt, spanToRange } from './text';

export function prepareRename(state: DocumentState, position: Position): Range | null {
  const occurrence = occurrenceAt(state, offsetAt(state, position));
  if (!occurrence) return null;
  // Only declared names: renaming an unknown name would rename a typo, not a variable.
  if (!declaredNames(state).some((d) => d.name === occurrence.name)) return null;
  return spanToRange(state, occurrence.span);
}

export function rename(state: DocumentState, position: Position, newName: string): WorkspaceEdit {
  const occurrence = occurrenceAt(state, offsetAt(state, position));
  if (!occurrence || !declaredNames(state).some((d) => d.name === occurrence.name)) {
    throw refuse('Put the cursor on a factor, event or outcome name to rename it.');
  }
  const name = newName.trim();
  if (!isName(name)) {
    throw refuse(`"${name}" is not a valid name: start with a letter, then use letters, digits or _ (no spaces).`);
  }
  if (KEYWORDS.has(name)) {
    throw refuse(`"${name}" is a word of the language and cannot be a name; choose another, e.g. "${name}_factor".`);
  }
  if (name === occurrence.name) return { changes: { [state.uri]: [] } };
  const clash = declaredNames(state).find((d) => d.name === name);
  if (clash) {
    const line = state.lines.positionAt(clash.span.start).line + 1;
    throw refuse(`"${name}" is already the name of ${clash.kind === 'factor' ? 'a' : 'an'} ${clash.kind} (line ${line}); choose a name not used in this file.`);
  }
  // An undeclared use of the new name would silently start to mean the renamed variable.
  const use = occurrencesOf(state, name)[0];
  if (use) {
    const line = state.lines.positionAt(use.span.start).line + 1;
    throw refuse(`"${name}" is already used on line ${line} (not declared there); choose a name not used in this file.`);
  }
  const edits = occurrencesOf(state, occurrence.name).map((o) => ({ range: spanToRange(state, o.span), newText: name }));
  return { changes: { [state.uri]: edits } };
}

function refuse(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}
