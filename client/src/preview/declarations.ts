// Where a factor, event or outcome is declared, found in the text. Used when the language server
// gives no document symbol for a name (it is still starting, or the name is in a broken block),
// for the declaration at the editor's cursor (the preview picks out its row) and for the line of
// a statement inside one (the bottom line's links to `judged` lines). Pure, for tests.
import { NAME_SOURCE, NOT_BEFORE_NAME_PART } from '../../../common/names';
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

/** A declaration's name and the extent of its text: from its keyword to its closing brace. */
export interface DeclarationExtent extends OffsetRange {
  name: string;
}

const DECLARATION_START = new RegExp(`(^|[\\s;}])(factor|event|outcome)[ \\t]+(${NAME_SOURCE})${NOT_BEFORE_NAME_PART}`, 'gu');

/**
 * Every factor, event and outcome with its extent, in text order (for the editor → preview sync).
 * A block that does not close runs to the next declaration.
 */
export function declarationExtents(text: string): DeclarationExtent[] {
  const found: DeclarationExtent[] = [];
  DECLARATION_START.lastIndex = 0;
  for (let m = DECLARATION_START.exec(text); m; m = DECLARATION_START.exec(text)) {
    const start = m.index + m[1]!.length;
    if (insideCommentOrString(text, start) || !DECLARED_NAME.test(m[3]!)) continue;
    found.push({ name: m[3]!, start, end: blockEnd(text, m.index + m[0].length) });
  }
  for (let i = 0; i + 1 < found.length; i++) found[i]!.end = Math.min(found[i]!.end, found[i + 1]!.start);
  return found;
}

/** The declaration whose text holds the offset, or null. */
export function declarationAt(extents: readonly DeclarationExtent[], offset: number): string | null {
  return extents.find((d) => d.start <= offset && offset <= d.end)?.name ?? null;
}

/** The range of a statement keyword (`judged`) inside NAME's declaration, or null. */
export function findStatementInDeclaration(text: string, name: string, keyword: string): OffsetRange | null {
  const declaration = declarationExtents(text).find((d) => d.name === name);
  if (!declaration) return null;
  const re = new RegExp(`\\b${keyword}\\b`, 'g');
  re.lastIndex = declaration.start;
  for (let m = re.exec(text); m && m.index < declaration.end; m = re.exec(text)) {
    if (!insideCommentOrString(text, m.index)) {
      const lineEnd = text.indexOf('\n', m.index);
      const end = lineEnd < 0 ? text.length : lineEnd;
      return { start: m.index, end: Math.min(end, declaration.end) };
    }
  }
  return null;
}

/** The offset just after the brace that closes the block opened after `from`, or the text's end. */
function blockEnd(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"' || c === '\n') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '/' && text[i + 1] === '/') {
      const lineEnd = text.indexOf('\n', i);
      if (lineEnd < 0) return text.length;
      i = lineEnd;
    } else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth <= 0) return i + 1;
    }
  }
  return text.length;
}
