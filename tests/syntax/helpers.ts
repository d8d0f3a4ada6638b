// Shared helpers for the syntax tests.
import type { Span } from '../../server/src/syntax/ast';
import { LineIndex } from '../../server/src/syntax/lines';

/** "line:column", 1-based, as the command line prints positions. */
export function where(text: string, offset: number): string {
  const p = new LineIndex(text).positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
}

/** Every span in a document (declarations, errors, comments): the fuzz campaign's walk of the tree. */
export { treeSpans as allSpans } from '../../fuzz/oracles';

export function slice(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}
