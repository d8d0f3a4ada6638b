// LSP content changes → offset edits. Each change's range refers to the text as left by the
// previous change, so the caller converts one change at a time, against the current line index.
import type { LineIndex } from '../syntax/lines';

export interface LspPosition {
  line: number;
  character: number;
}

export type ContentChange =
  | { range: { start: LspPosition; end: LspPosition }; text: string }
  | { text: string };

export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** The offsets a ranged change replaces, clamped to the text (out-of-range positions are legal LSP). */
export function toOffsetEdit(
  change: { range: { start: LspPosition; end: LspPosition }; text: string },
  lines: LineIndex,
  length: number,
): OffsetEdit {
  const clamp = (offset: number) => Math.min(length, Math.max(0, Number.isFinite(offset) ? offset : 0));
  let start = clamp(lines.offsetAt(change.range.start));
  let end = clamp(lines.offsetAt(change.range.end));
  if (end < start) [start, end] = [end, start];
  return { start, end, text: change.text };
}

export function isFullChange(change: ContentChange): change is { text: string } {
  return !('range' in change) || !change.range;
}
