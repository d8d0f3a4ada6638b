// The tolerant top-level scan: a flat, non-recursive pass that cuts a file into declaration
// chunks (each matched by ohm on its own) and stretches of text that are not declarations, and
// collects every `//` comment. It knows only strings, comments, braces and line starts.
import type { Comment, Declaration } from './ast';
import { isNamePart } from '../../../common/names';
import { DECLARATION_KEYWORDS } from './vocabulary';

export type DeclarationKeyword = Declaration['kind'];

export interface Chunk {
  start: number;
  end: number;
  /** The declaration keyword that starts the chunk; null for text that is not a declaration. */
  keyword: DeclarationKeyword | null;
}

export interface ScanResult {
  chunks: Chunk[];
  comments: Comment[];
}

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const SLASH = 47;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const SEMICOLON = 59;

/**
 * The grammar's whitespace: space, tab, line breaks, no-break space and the byte-order mark. Other
 * control characters are not (a file of NULs must not check clean): see controlCharacters.ts.
 */
export function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 0xa0 || code === 0xfeff;
}

function isLineBreak(code: number): boolean {
  return code === NEWLINE || code === CARRIAGE_RETURN;
}

/** The name-like word (a run of name characters: a word, or digits) that starts at offset, or null. */
export function wordAt(text: string, offset: number): string | null {
  let end = offset;
  while (end < text.length && isNamePart(text, end)) end += text.codePointAt(end)! > 0xffff ? 2 : 1;
  return end > offset ? text.slice(offset, end) : null;
}

/** The declaration keyword that starts at offset (followed by a word boundary), if any. */
export function declarationKeywordAt(text: string, offset: number): DeclarationKeyword | null {
  const c = text.charCodeAt(offset);
  // Quick reject: every declaration keyword starts with one of s, f, e, o, a, i.
  if (c !== 115 && c !== 102 && c !== 101 && c !== 111 && c !== 97 && c !== 105) return null;
  for (const keyword of DECLARATION_KEYWORDS) {
    if (text.startsWith(keyword, offset) && !isNamePart(text, offset + keyword.length)) return keyword;
  }
  return null;
}

/** The end of the `//` comment that starts at offset: the next line break or the end. */
export function commentEnd(text: string, offset: number): number {
  let i = offset + 2;
  while (i < text.length && !isLineBreak(text.charCodeAt(i))) i++;
  return i;
}

/** The end of the string that starts at offset: after its closing quote, or at the line's end. */
export function stringEnd(text: string, offset: number): number {
  let i = offset + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (isLineBreak(c)) return i;
    i += c === BACKSLASH && i + 1 < text.length && !isLineBreak(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

export interface ChunkScan {
  end: number;
  comments: Comment[];
}

/**
 * Scans one chunk that starts at `start`. A declaration (`braces` true) runs to the `}` that
 * closes its first `{`. Otherwise, and whenever braces do not balance, the chunk ends before the
 * next line that starts with a declaration keyword (no valid line inside a block starts with
 * one), trimmed of trailing spaces and comments. Comments inside the chunk are returned.
 */
export function scanChunk(text: string, start: number, braces: boolean): ChunkScan {
  const comments: Comment[] = [];
  let depth = 0;
  let lastSignificantEnd = start;
  let i = start;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      i += c === CARRIAGE_RETURN && text.charCodeAt(i + 1) === NEWLINE ? 2 : 1;
      let j = i;
      while (j < n && isSpace(text.charCodeAt(j)) && !isLineBreak(text.charCodeAt(j))) j++;
      if (declarationKeywordAt(text, j) !== null) break;
      i = j;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      const end = commentEnd(text, i);
      comments.push({ text: text.slice(i, end), span: { start: i, end } });
      i = end;
      continue;
    }
    if (c === QUOTE) {
      i = stringEnd(text, i);
      lastSignificantEnd = i;
      continue;
    }
    i++;
    lastSignificantEnd = i;
    if (!braces) continue;
    if (c === OPEN_BRACE) depth++;
    else if (c === CLOSE_BRACE && --depth <= 0) return { end: i, comments };
  }
  return { end: lastSignificantEnd, comments: comments.filter((k) => k.span.start < lastSignificantEnd) };
}

/**
 * Scans the declaration that starts at `start` with `keyword`. An `import` has no body: it ends
 * after the string that follows its keyword on the same line, so what follows on that line (another
 * import, junk) is a chunk of its own. Without such a string it is read like a declaration whose
 * braces do not balance, up to the next line that starts with a declaration keyword.
 */
export function scanDeclaration(text: string, start: number, keyword: DeclarationKeyword): ChunkScan {
  if (keyword !== 'import') return scanChunk(text, start, true);
  let i = start + keyword.length;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (text.charCodeAt(i) === QUOTE) return { end: stringEnd(text, i), comments: [] };
  return scanChunk(text, start, false);
}

/**
 * The offset of the first `{` inside a declaration's body (outside strings and comments), or
 * -1. No statement contains a brace, so a declaration always fails to match at or before it.
 */
export function nestedBraceOffset(text: string): number {
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === SLASH && text.charCodeAt(i + 1) === SLASH) i = commentEnd(text, i);
    else if (c === QUOTE) i = stringEnd(text, i);
    else {
      if (c === OPEN_BRACE && ++depth === 2) return i;
      if (c === CLOSE_BRACE) depth--;
      i++;
    }
  }
  return -1;
}

/** Skips what lies between declarations (spaces, `;`, comments) and collects the comments. */
export function skipBlank(text: string, offset: number): { end: number; comments: Comment[] } {
  const comments: Comment[] = [];
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === SEMICOLON) i++;
    else if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      const end = commentEnd(text, i);
      comments.push({ text: text.slice(i, end), span: { start: i, end } });
      i = end;
    } else break;
  }
  return { end: i, comments };
}

/** Cuts a whole file into chunks and comments. Linear, no recursion. */
export function scanDocument(text: string): ScanResult {
  const chunks: Chunk[] = [];
  const comments: Comment[] = [];
  let i = 0;
  while (i < text.length) {
    const blank = skipBlank(text, i);
    for (const comment of blank.comments) comments.push(comment);
    i = blank.end;
    if (i >= text.length) break;
    const keyword = declarationKeywordAt(text, i);
    const scan = keyword !== null ? scanDeclaration(text, i, keyword) : scanChunk(text, i, false);
    chunks.push({ start: i, end: scan.end, keyword });
    for (const comment of scan.comments) comments.push(comment);
    i = scan.end;
  }
  return { chunks, comments };
}
