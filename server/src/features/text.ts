// Small helpers shared by the features: spans ↔ LSP ranges, and a written range in its compact
// form. Numbers are formatted by common/text/numbers.ts, Markdown escaped by common/text/markdown.ts.
import type { Position, Range } from 'vscode-languageserver';
import type { Span } from '../syntax/ast';
import type { DocumentState } from './context';

export function spanToRange(state: DocumentState, span: Span): Range {
  return { start: state.lines.positionAt(span.start), end: state.lines.positionAt(span.end) };
}

export function rangeToSpan(state: DocumentState, range: Range): Span {
  return { start: state.lines.offsetAt(range.start), end: state.lines.offsetAt(range.end) };
}

export function offsetAt(state: DocumentState, position: Position): number {
  return state.lines.offsetAt(position);
}

/** True when offset is inside the span or touches its end (a cursor right after a word is on it). */
export function touches(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** A range or multiplier without inner spaces, with `..` for `to`: `20 % to 35%` → `20%..35%`. */
export function compactRange(raw: string): string {
  return raw.replace(/\s*(?:\.\.|to)\s*/, '..').replace(/\s+/g, '');
}
