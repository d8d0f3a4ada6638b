// Matching one top-level chunk with ohm, and a bounded cache of the results by chunk text, so a
// re-parse after an edit only matches the chunks that changed. Results are relative to the chunk
// (offset 0 = the chunk's first character) and must be shifted (and so copied) before use.
import type * as ohm from 'ohm-js';
import type { Comment, Declaration, Name, SyntaxError } from './ast';
import { buildDeclaration, unescapeString } from './build';
import { START_RULES, expectationsOf, scenarioGrammar } from './grammar';
import { NAME_SOURCE } from '../../../common/names';
import { analystMessage, joinAlternatives } from './syntaxMessages';
import { controlCharacterError, firstControlCharacter } from './controlCharacters';
import { ownCopy } from './ownCopy';
import { type Chunk, type DeclarationKeyword, nestedBraceOffset, scanDocument, wordAt } from './scan';
import { DECLARATION_KEYWORDS, KEYWORDS } from './vocabulary';

export interface ChunkResult {
  declaration: Declaration | null;
  error: SyntaxError | null;
}

/**
 * Longer declarations are reported instead of matched: ohm keeps a memo entry per position, about
 * 0.8 KB of heap per character of one declaration (a real one is well under 5 KB).
 */
export const MAX_DECLARATION_CHARS = 64 * 1024;

const NOT_A_DECLARATION = `expected a declaration: ${joinAlternatives(DECLARATION_KEYWORDS)}`;

/** The result for a chunk, matched with `matcher` when given (its input must be `text`). */
export function matchChunk(text: string, keyword: DeclarationKeyword | null, matcher?: ohm.Matcher): ChunkResult {
  if (keyword === null) return { declaration: null, error: notADeclaration(text) };
  if (text.length > MAX_DECLARATION_CHARS) return { declaration: null, error: oversized(text, keyword) };
  try {
    return matchDeclaration(text, keyword, matcher);
  } catch {
    // Never expected; a parser failure must not take the file (or the server) down with it.
    return { declaration: null, error: unreadable(text, keyword) };
  }
}

/**
 * An oversized declaration that is deeply nested ({{{{…) is matched up to its first inner brace,
 * where it must fail, so the error is reported where it is; any other gets a "too long" error.
 */
function oversized(text: string, keyword: DeclarationKeyword): SyntaxError {
  const brace = nestedBraceOffset(text);
  if (brace < 0 || brace >= MAX_DECLARATION_CHARS) return tooLong(text, keyword);
  try {
    const { error } = matchDeclaration(text.slice(0, brace + 1), keyword);
    if (error) return { ...error, skipped: { start: 0, end: text.length } };
  } catch {
    // fall through
  }
  return tooLong(text, keyword);
}

function matchDeclaration(text: string, keyword: DeclarationKeyword, matcher?: ohm.Matcher): ChunkResult {
  const rule = START_RULES[keyword];
  const result = matcher ? matcher.match(rule) : scenarioGrammar.match(text, rule);
  if (result.succeeded()) return { declaration: buildDeclaration(result, text), error: null };
  // Read the failures now: they are computed lazily from the matcher's current input.
  const { position, expected } = expectationsOf(result);
  const name = declarationName(text, keyword);
  // A control character outside strings always fails the match; ohm's failure there reads as a
  // puzzle ("expected a name"), so the character itself is the error.
  const control = firstControlCharacter(text);
  const { message, expected: expectedText, span } = control >= 0
    ? { ...controlCharacterError(text, control), expected: [] }
    : analystMessage({ text, position, expected, declaration: { kind: keyword, name: name?.text ?? null } });
  const error: SyntaxError = {
    span,
    skipped: { start: 0, end: text.length },
    message,
    expected: expectedText,
    declarationKind: keyword,
  };
  if (name) error.declarationName = name;
  return { declaration: null, error };
}

function notADeclaration(text: string): SyntaxError {
  const word = wordAt(text, 0);
  const length = word !== null ? word.length : text.codePointAt(0)! > 0xffff ? 2 : 1;
  // A control character at the start, or right after the first token (`o\0utcome`), is the error.
  const control = firstControlCharacter(text);
  if (control === 0 || control === length) {
    return { ...controlCharacterError(text, control), skipped: { start: 0, end: text.length }, expected: [...DECLARATION_KEYWORDS] };
  }
  return {
    span: { start: 0, end: Math.min(length, text.length) },
    skipped: { start: 0, end: text.length },
    message: NOT_A_DECLARATION,
    expected: [...DECLARATION_KEYWORDS],
  };
}

function tooLong(text: string, keyword: DeclarationKeyword): SyntaxError {
  const kb = Math.ceil(text.length / 1024);
  const limit = MAX_DECLARATION_CHARS / 1024;
  return wholeChunkError(text, keyword, `this ${keyword} is ${kb} KB long; declarations over ${limit} KB are not checked`);
}

function unreadable(text: string, keyword: DeclarationKeyword): SyntaxError {
  return wholeChunkError(text, keyword, `this ${keyword} could not be read; check its braces and quotes`);
}

function wholeChunkError(text: string, keyword: DeclarationKeyword, message: string): SyntaxError {
  const error: SyntaxError = {
    span: { start: 0, end: keyword.length },
    skipped: { start: 0, end: text.length },
    message,
    expected: [],
    declarationKind: keyword,
  };
  const name = declarationName(text, keyword);
  if (name) error.declarationName = name;
  return error;
}

const HEAD_NAME = new RegExp(`^\\s*(${NAME_SOURCE})`, 'u');
const HEAD_TITLE = /^\s*("(?:[^"\\\r\n]|\\[^\r\n])*"?)/u;

/**
 * The declaration's name when its head is readable: the name of a factor, event or outcome, or
 * the title of a scenario or alternative (as a Name whose span covers the quoted title).
 */
export function declarationName(text: string, keyword: DeclarationKeyword): Name | undefined {
  const rest = text.slice(keyword.length, keyword.length + 400);
  if (keyword === 'scenario' || keyword === 'alternative' || keyword === 'import') {
    const m = HEAD_TITLE.exec(rest);
    if (!m || !m[1]!.endsWith('"') || m[1]!.length < 2) return undefined;
    const start = keyword.length + m[0].length - m[1]!.length;
    return { text: unescapeString(m[1]!), span: { start, end: start + m[1]!.length } };
  }
  const m = HEAD_NAME.exec(rest);
  if (!m || KEYWORDS.has(m[1]!)) return undefined;
  const start = keyword.length + m[0].length - m[1]!.length;
  return { text: m[1]!, span: { start, end: start + m[1]!.length } };
}

/** Results by chunk text, least recently used first; bounded by total text and entries. */
export class ChunkCache {
  private readonly entries = new Map<string, ChunkResult>();
  private chars = 0;

  constructor(
    private readonly maxChars = 3 * 1024 * 1024,
    private readonly maxEntries = 50_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(text: string): ChunkResult | undefined {
    const hit = this.entries.get(text);
    if (hit) {
      this.entries.delete(text);
      this.entries.set(text, hit);
    }
    return hit;
  }

  set(text: string, result: ChunkResult): void {
    if (text.length > this.maxChars) return;
    if (this.entries.has(text)) this.entries.delete(text);
    else this.chars += text.length;
    this.entries.set(text, result);
    for (const oldest of this.entries.keys()) {
      if (this.chars <= this.maxChars && this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  delete(text: string): void {
    if (this.entries.delete(text)) this.chars -= text.length;
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }
}

export const chunkCache = new ChunkCache();

let cacheChunks = true;

/**
 * For a process that parses each file once (the CLI's check, forecast, report and draft): chunk
 * results are no longer cached, so each belongs to its document alone and is placed in it without
 * a copy (the 60-variable forecast: 177 -> 172 ms). The language server, history and diff keep the cache.
 */
export function keepNoChunks(): void {
  cacheChunks = false;
  chunkCache.clear();
}

/** Whether parseChunk's results are cached (and so shared by every parse of the same text). */
export function chunksCached(): boolean {
  return cacheChunks;
}

/** The result for a chunk, from the cache or matched (and cached). */
export function parseChunk(text: string, keyword: DeclarationKeyword | null): ChunkResult {
  if (!cacheChunks) return matchChunk(text, keyword);
  const cached = chunkCache.get(text);
  if (cached) return cached;
  // The cache outlives the document: its key and the declaration's strings come from a copy.
  const own = ownCopy(text);
  const result = matchChunk(own, keyword);
  chunkCache.set(own, result);
  return result;
}

/** A file cut into chunks, with each chunk's text and parse result. */
export interface ParsedChunks {
  chunks: Chunk[];
  texts: string[];
  results: ChunkResult[];
  comments: Comment[];
}

export function parseChunks(text: string): ParsedChunks {
  const { chunks, comments } = scanDocument(text);
  const texts = chunks.map((chunk) => text.slice(chunk.start, chunk.end));
  const results = chunks.map((chunk, i) => parseChunk(texts[i]!, chunk.keyword));
  return { chunks, texts, results, comments };
}
