// Puts the parsed chunks of a file together into its ScenarioDocument. parseDocument and the
// IncrementalParser both end here, so their results are equal by construction.
import type { Comment, Declaration, ScenarioDocument, SyntaxError } from './ast';
import type { ChunkResult } from './chunk';
import type { Chunk } from './scan';
import { shifted, shiftInPlace } from './shift';

/**
 * Files longer than this (in UTF-16 code units) get one error instead of a parse, in the editor
 * and on the command line alike. The language server keeps a file's tree, checks and cache, and
 * makes each version's anew: at 1,000,000 characters of small declarations its peak RSS passed
 * 400 MB after ten edits (issue 15); at this size the worst shape measured (empty declarations,
 * 11 characters each) stays near 230 MB, inside the 300 MB budget (bench/memory.mjs). A realistic
 * model of this size has some 15,000 lines.
 */
export const MAX_DOCUMENT_CHARS = 300_000;

/** One chunk's result moved to its place in the document. */
export interface PlacedChunk {
  result: ChunkResult;
  start: number;
  declaration: Declaration | null;
  error: SyntaxError | null;
}

/**
 * The document for chunks and their results. `previous` (aligned with `chunks`) lets the
 * incremental parser reuse the placed copy of a chunk whose result and start did not change.
 */
export function assembleDocument(
  text: string,
  chunks: readonly Chunk[],
  results: readonly ChunkResult[],
  comments: readonly Comment[],
  previous?: readonly (PlacedChunk | undefined)[],
  /** The results belong to this document alone (no cache holds them): moved in place, not copied. */
  owned = false,
): { document: ScenarioDocument; placed: PlacedChunk[] } {
  const place = owned ? shiftInPlace : shifted;
  const declarations: Declaration[] = [];
  const errors: SyntaxError[] = [];
  const placed: PlacedChunk[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const { start } = chunks[i]!;
    const result = results[i]!;
    const old = previous?.[i];
    const placedChunk: PlacedChunk =
      old && old.result === result && old.start === start
        ? old
        : {
            result,
            start,
            declaration: result.declaration ? place(result.declaration, start) : null,
            error: result.error ? place(result.error, start) : null,
          };
    placed.push(placedChunk);
    if (placedChunk.declaration) declarations.push(placedChunk.declaration);
    if (placedChunk.error) errors.push(placedChunk.error);
  }
  const document = { text, declarations, errors, comments: comments.map((c) => ({ text: c.text, span: { ...c.span } })) };
  return { document, placed };
}

export function tooLargeDocument(text: string): ScenarioDocument {
  return {
    text,
    declarations: [],
    errors: [
      {
        span: { start: 0, end: Math.min(1, text.length) },
        skipped: { start: 0, end: text.length },
        message: `this file is too large to check (${characters(text.length)}; the limit is ${characters(MAX_DOCUMENT_CHARS)}, which keeps the editor's memory bounded): split it into smaller files`,
        expected: [],
      },
    ],
    comments: [],
  };
}

/** A count of characters with thousands separators: "1,500,000 characters". */
function characters(count: number): string {
  return `${count.toLocaleString('en-US')} characters`;
}
