// Small text helpers for quick fixes: where a line starts, its indentation, and the stretch to
// delete so that removing a construct leaves no blank line behind.
import type { Span } from '../syntax/ast';

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The spaces and tabs that begin the line holding `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start, Math.min(text.length, start + 200)))![0];
}

/** True when only spaces or tabs stand between the start of its line and `offset`. */
export function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset));
}

/** The line break the document uses ("\r\n" when its first line break is one). */
export function lineBreakOf(text: string): string {
  const n = text.indexOf('\n');
  return n > 0 && text[n - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * What to delete to remove `span`: when the construct stands alone on its lines, the whole lines
 * including the trailing line break; otherwise the construct and the spaces after it.
 */
export function removalSpan(text: string, span: Span): Span {
  const start = lineStartOf(text, span.start);
  let end = span.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t' || text[end] === ';')) end++;
  const alone = startsLine(text, span.start) && (end === text.length || text[end] === '\n' || text[end] === '\r');
  if (!alone) return { start: span.start, end };
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return { start, end };
}
