// Readers for what the renderers write: a strict RFC 4180 reader, Markdown table cells, and
// Markdown escapes undone (what a reader of the rendered text sees).

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; throws on anything else. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"' && field === '') (quoted = true), i++;
    else if (c === ',') row.push(field), (field = ''), i++;
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else if (c === '"' || c === '\r' || c === '\n') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else (field += c), i++;
  }
  if (field !== '' || row.length > 0) throw new Error('last record without CRLF');
  return rows;
}

/** Splits a Markdown table row on the pipes that are not escaped. */
export function markdownCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 1; i < line.length - 1; i++) {
    const c = line[i]!;
    if (c === '\\') {
      cell += c + (line[i + 1] ?? '');
      i++;
    } else if (c === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** Undoes CommonMark backslash escapes. */
export const unescapeMarkdown = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
