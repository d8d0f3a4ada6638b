// Shared helpers for the syntax tests.
import type { ScenarioDocument, Span } from '../../server/src/syntax/ast';
import { LineIndex } from '../../server/src/syntax/lines';

/** "line:column", 1-based, as the command line prints positions. */
export function where(text: string, offset: number): string {
  const p = new LineIndex(text).positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
}

/** Every span in a document (declarations, errors, comments), found by walking the tree. */
export function allSpans(doc: ScenarioDocument): Span[] {
  const spans: Span[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.start === 'number' && typeof record.end === 'number' && Object.keys(record).length === 2) {
        spans.push(record as unknown as Span);
      } else Object.values(record).forEach(walk);
    }
  };
  walk(doc.declarations);
  walk(doc.errors);
  walk(doc.comments);
  return spans;
}

export function slice(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}
