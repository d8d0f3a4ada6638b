// Folding: every multi-line `{ … }` block (matched from the tokens, so a block that does not parse
// still folds) and every run of two or more whole-line comments.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { DocumentState } from './context';
import { lex } from './lexer';

export function foldingRanges(state: DocumentState): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const line = (offset: number): number => state.lines.positionAt(offset).line;
  const open: number[] = [];
  let run: { start: number; end: number } | null = null;
  let lastCodeLine = -1;
  const flushRun = (): void => {
    if (run && run.end > run.start) ranges.push({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
    run = null;
  };
  for (const token of lex(state.text)) {
    const at = line(token.start);
    if (token.kind === 'comment') {
      if (at === lastCodeLine) continue; // a trailing comment
      if (run && run.end === at - 1) run.end = at;
      else {
        flushRun();
        run = { start: at, end: at };
      }
      continue;
    }
    lastCodeLine = at;
    if (run && run.end < at) flushRun();
    if (token.text === '{') open.push(at);
    else if (token.text === '}') {
      const start = open.pop();
      // Keep the closing brace visible: fold up to the line before it.
      if (start !== undefined && at - 1 > start) ranges.push({ startLine: start, endLine: at - 1 });
    }
  }
  flushRun();
  // Blocks left open at the end of the file (still being typed) fold to the last line.
  const last = line(state.text.length);
  for (const start of open) if (last > start) ranges.push({ startLine: start, endLine: last });
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
