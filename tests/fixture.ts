/**
 * Texts for tests, with nothing of the protocol: cursor markers, positions and edits. The feature
 * tests (pure functions, tests/features) and the protocol tests (the real server, tests/server)
 * write their fixtures the same way:
 *
 *   const { text, cursors, offsets } = fixture('factor a { probability <|>likely }');
 *   cursorIn(EXAMPLE, 'factor c<|>risis')   // EXAMPLE with a cursor inside its first `factor crisis`
 *   applyEdits(text, edits)                 // LSP text edits applied to the text they were made for
 *
 * Positions are computed with vscode-languageserver-textdocument, independently of the server's
 * own line index, so a test never checks the server's arithmetic with itself.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const CURSOR = '<|>';

export interface Fixture {
  text: string;
  /** Cursor positions in order, as LSP positions (0-based line and UTF-16 character). */
  cursors: Position[];
  offsets: number[];
}

/** Strips every `<|>` from `marked` and returns the text with the cursors' positions. */
export function fixture(marked: string): Fixture {
  const offsets: number[] = [];
  let text = '';
  let rest = marked;
  for (let at = rest.indexOf(CURSOR); at >= 0; at = rest.indexOf(CURSOR)) {
    text += rest.slice(0, at);
    offsets.push(text.length);
    rest = rest.slice(at + CURSOR.length);
  }
  text += rest;
  return { text, offsets, cursors: offsets.map((o) => positionAt(text, o)) };
}

/**
 * `text` with a cursor where `excerpt` puts one: `excerpt` is a piece of `text` with one `<|>` in
 * it, found at its `occurrence`-th (0-based) place in `text`.
 */
export function cursorIn(text: string, excerpt: string, occurrence = 0): string {
  const { text: needle, offsets } = fixture(excerpt);
  if (offsets.length !== 1) throw new Error(`one ${CURSOR} expected in ${JSON.stringify(excerpt)}`);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} does not occur ${occurrence + 1} time(s) in the text`);
  }
  const cursor = at + offsets[0]!;
  return `${text.slice(0, cursor)}${CURSOR}${text.slice(cursor)}`;
}

export function positionAt(text: string, offset: number): Position {
  return TextDocument.create('memory://x', 'scenario', 0, text).positionAt(offset);
}

export function offsetAt(text: string, position: Position): number {
  return TextDocument.create('memory://x', 'scenario', 0, text).offsetAt(position);
}

/** Applies LSP text edits (ranges in `text`, not overlapping) and returns the new text. */
export function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  return TextDocument.applyEdits(TextDocument.create('memory://x', 'scenario', 0, text), [...edits]);
}
