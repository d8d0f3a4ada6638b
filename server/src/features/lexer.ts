// A forgiving lexer for the editing features. The parser gives no tree for text that does not
// parse, but completion, hover, tokens and folding must still work while the analyst types, so they
// read tokens straight from the text. Strings and comments never span lines, so every line can be
// lexed on its own.
import { NAME_SOURCE, NOT_BEFORE_NAME_PART } from '../../../common/names';
import { PHRASES } from '../syntax/vocabulary';

export type TokenKind =
  | 'word' // identifiers and keywords
  | 'multiplier' // x3, x2.5, x2..5
  | 'number' // 35%, 0.35, 50000, -5%
  | 'date' // 2025-01-20
  | 'range' // ..
  | 'string'
  | 'comment'
  | 'punct';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offsets in the text given to the lexer (absolute when lexing a whole document). */
  start: number;
  end: number;
}

// As grammar/scenario.ohm: names are the vocabulary's name pattern (common/names.ts); numbers may
// be `.5`, `50_000` or `50,000`; a percent sign may follow a space; multipliers are x, X or ×.
const WORD = new RegExp(NAME_SOURCE, 'uy');
const NUM = String.raw`(?:\d+(?:\.\d+)?|\.\d+)`;
const MULTIPLIER = new RegExp(String.raw`[xX\u00D7]${NUM}(?:[ \t]*(?:\.\.|to${NOT_BEFORE_NAME_PART})[ \t]*[xX\u00D7]?${NUM})?${NOT_BEFORE_NAME_PART}`, 'uy');
const DATE = new RegExp(String.raw`\d{4}-\d{1,2}-\d{1,2}${NOT_BEFORE_NAME_PART}`, 'uy');
const NUMBER = /-?(?:\d+(?:[,_]\d+)*(?:\.\d+)?|\.\d+)(?:[ \t]*%)?/y;

/** The tokens of text[start, end) (end defaults to the end of the text). */
export function lex(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  let i = start;
  const push = (kind: TokenKind, to: number): void => {
    tokens.push({ kind, text: text.slice(i, to), start: i, end: to });
    i = to;
  };
  const sticky = (re: RegExp): number => {
    re.lastIndex = i;
    const m = re.exec(text);
    // A token cut by `end` (the cursor in the middle of a word) is the part before it.
    return m ? Math.min(i + m[0].length, end) : -1;
  };
  while (i < end) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v' || c === '\uFEFF') {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      push('comment', lineEnd(text, i, end));
      continue;
    }
    if (c === '"') {
      push('string', stringEnd(text, i, end));
      continue;
    }
    if (c === '.' && text[i + 1] === '.') {
      push('range', i + 2);
      continue;
    }
    let to = -1;
    if (c === 'x' || c === 'X' || c === '×') to = sticky(MULTIPLIER);
    if (to > 0) {
      push('multiplier', to);
      continue;
    }
    to = sticky(WORD);
    if (to > 0) {
      push('word', to);
      continue;
    }
    to = sticky(DATE);
    if (to > 0) {
      push('date', to);
      continue;
    }
    to = sticky(NUMBER);
    if (to > 0) {
      push('number', to);
      continue;
    }
    // One UTF-16 unit, or a whole surrogate pair.
    const code = text.charCodeAt(i);
    push('punct', code >= 0xd800 && code <= 0xdbff && i + 1 < end ? i + 2 : i + 1);
  }
  return tokens;
}

function lineEnd(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** A string ends at its unescaped closing quote, or (unterminated) at the end of its line. */
function stringEnd(text: string, from: number, end: number): number {
  let i = from + 1;
  while (i < end) {
    const c = text[i];
    if (c === '\\' && i + 1 < end && text[i + 1] !== '\n') i += 2;
    else if (c === '"') return i + 1;
    else if (c === '\n' || c === '\r') return i;
    else i++;
  }
  return i;
}

/** True for a string token that has no closing quote (the analyst is still typing it). */
export function isOpenString(token: string): boolean {
  return !closesAt(token);
}

function closesAt(token: string): boolean {
  let i = 1;
  while (i < token.length) {
    if (token[i] === '\\') i += 2;
    else if (token[i] === '"') return i === token.length - 1;
    else i++;
  }
  return false;
}

/** Phrase forms split into words, longest first, so "very likely" wins over "likely". */
const PHRASE_WORDS: { form: string; phrase: string; words: string[] }[] = PHRASES.flatMap((row) =>
  row.forms.map((form) => ({ form, phrase: row.phrase, words: form.split(' ') })),
).sort((a, b) => b.words.length - a.words.length);

export interface PhraseMatch {
  /** The form as an accepted spelling ("highly probable"). */
  form: string;
  /** Its canonical phrase ("very likely"). */
  phrase: string;
  start: number;
  end: number;
  /** Index of the first token after the phrase. */
  next: number;
}

/**
 * The ICD 203 phrase whose words start at tokens[index], if any. The words must be on one line,
 * separated by spaces only.
 */
export function phraseAt(text: string, tokens: Token[], index: number): PhraseMatch | undefined {
  for (const candidate of PHRASE_WORDS) {
    const n = candidate.words.length;
    if (index + n > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const token = tokens[index + k]!;
      if (token.kind !== 'word' || token.text !== candidate.words[k]) ok = false;
      else if (k > 0 && !/^[ \t]+$/.test(text.slice(tokens[index + k - 1]!.end, token.start))) ok = false;
    }
    if (ok) {
      return {
        form: candidate.form,
        phrase: candidate.phrase,
        start: tokens[index]!.start,
        end: tokens[index + n - 1]!.end,
        next: index + n,
      };
    }
  }
  return undefined;
}

/** The start offsets of every line of text (the first is 0). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The offsets [start, end) of the line that holds offset, without its line break. */
export function lineAround(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

/** The token under a cursor: one that contains it, else one that ends right at it. */
export function tokenAt(tokens: Token[], offset: number): { token: Token; index: number } | undefined {
  let touching: { token: Token; index: number } | undefined;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.start <= offset && offset < token.end) {
      // `crisis|;`: the word before the cursor matters more than the punctuation after it.
      return token.kind === 'punct' && touching ? touching : { token, index };
    }
    if (token.end === offset) touching = { token, index };
  }
  return touching;
}
