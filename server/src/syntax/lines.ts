// Offsets ↔ 0-based line/character positions (UTF-16 code units, as LSP counts them).
// Line breaks are \n, \r\n and a lone \r, like vscode-languageserver-textdocument.

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  /** The offset at which each line starts; lineStarts[0] is 0. */
  private readonly lineStarts: number[];
  /** The offset at which each line's content ends (before its line break). */
  private readonly lineEnds: number[];
  private readonly length: number;

  constructor(text: string) {
    const starts = [0];
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */ || c === 10 /* \n */) {
        ends.push(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    ends.push(text.length);
    this.lineStarts = starts;
    this.lineEnds = ends;
    this.length = text.length;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of an offset; offsets outside the text are clamped to it. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(Math.floor(offset), this.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= o) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: o - this.lineStarts[low]! };
  }

  /**
   * The offset of a position. A character past the end of its line is clamped to the line's end
   * (before its line break); a line before the first gives 0, after the last the text's length.
   */
  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.length;
    const start = this.lineStarts[pos.line]!;
    const end = this.lineEnds[pos.line]!;
    return Math.min(start + Math.max(0, Math.floor(pos.character)), end);
  }
}
