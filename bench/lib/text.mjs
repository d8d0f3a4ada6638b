// Positions in a text as the language server protocol counts them (0-based line and character),
// for the benchmarks that drive the server.

/** The line and character of `offset` in `text`. */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
