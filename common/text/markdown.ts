// File content as inert Markdown text, for hovers, the CLI's Markdown and the preview's export.
// Only what CommonMark and GitHub Flavored Markdown would read as markup is escaped, so ordinary
// punctuation reads as written ("relations, 2025", "Trump's", "(op-ed)", "R&D"):
//
// - always: `\` (it would escape what follows), `*` `~` (emphasis, strikethrough), `` ` `` (code),
//   `[` `]` (links, images, reference definitions), `<` (raw HTML, `<https://…>` autolinks),
//   `|` (a table-cell break) and `@` (GFM's e-mail autolinks);
// - `_` unless it sits between two letters or digits (`democracy_push`: CommonMark never opens or
//   closes emphasis there);
// - `&` where it would start an entity or character reference (`&amp;`, `&#60;`);
// - the `:` of `scheme://` and the `.` of `www.` (GFM's bare autolinks);
// - at the start of the text, which a renderer may place at the start of a line: a heading `#`,
//   a block quote `>`, a list or thematic-break `-` `+`, a setext underline `=`, and the `.` or
//   `)` of an ordered-list number ("2025. A year").
//
// Line breaks and tabs become spaces (the text stays on its line, so it can never start a block of
// its own) and spaces at either end go (four at the start would open an indented code block; at
// the end they would be a hard line break or keep a closing `*` from closing); control and
// bidirectional characters are replaced first (common/text/controls.ts).
import { replaceControls } from './controls';

const ALWAYS = /[\\*~`[\]<|@]/;
const WORD = /[\p{L}\p{N}]/u;
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/;
const BLOCK_START = /^(?:[#>+=-]|\d{1,9}[.)](?=\s|$))/;

export function escapeMarkdown(text: string): string {
  const flat = replaceControls(text.replace(/[\r\n\t\f\v\u0085\u2028\u2029]+/g, ' ')).replace(/^ +| +$/g, '');
  let out = '';
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i]!;
    const before = flat[i - 1] ?? '';
    const after = flat[i + 1] ?? '';
    let escape = ALWAYS.test(c);
    if (c === '_') escape = !(WORD.test(before) && WORD.test(after));
    else if (c === '&') escape = ENTITY.test(flat.slice(i, i + 40));
    else if (c === ':') escape = flat.startsWith('//', i + 1);
    else if (c === '.') escape = /www$/i.test(flat.slice(Math.max(0, i - 3), i));
    out += escape ? `\\${c}` : c;
  }
  const start = BLOCK_START.exec(out);
  if (start) {
    // The marker is the first character, or the `.`/`)` after the digits of a list number.
    const at = start[0].length - 1;
    out = `${out.slice(0, at)}\\${out.slice(at)}`;
  }
  return out;
}
