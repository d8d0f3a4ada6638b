// Where a factor, event or outcome is declared, found in the text. Used when the language server
// gives no document symbol for a name (it is still starting, or the name is in a broken block).
// Pure, for tests.
import { NOT_BEFORE_NAME_PART } from '../../../common/names';
import { DECLARED_NAME } from '../../../common/pageMessages';

export interface OffsetRange {
  start: number;
  end: number;
}

/** The range of NAME in `factor|event|outcome NAME`, or null. Names are matched exactly. */
export function findDeclarationInText(text: string, name: string): OffsetRange | null {
  if (!DECLARED_NAME.test(name)) return null; // names come from the page: never build a pattern from anything else
  const re = new RegExp(`(^|[\\s;}])(factor|event|outcome)[ \\t]+(${name})${NOT_BEFORE_NAME_PART}`, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length - name.length;
    if (!insideCommentOrString(text, start)) return { start, end: start + name.length };
  }
  return null;
}

/** True when the offset lies in a `//` comment or a string of its line (strings never span lines). */
function insideCommentOrString(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let inString = false;
  for (let i = lineStart; i < offset; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '/' && text[i + 1] === '/') return true;
  }
  return inString;
}
