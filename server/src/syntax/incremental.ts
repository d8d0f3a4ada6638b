// IncrementalParser: one per open document. An edit inside one declaration (or in the blank
// text after it) re-scans just that declaration and re-matches it with its own ohm Matcher via
// replaceInputRange; anything else re-parses the file, where unchanged declarations come from
// the chunk cache. The result always equals parseDocument(text) (a property test checks it).
// Successive documents share the objects of declarations that did not move: treat documents as
// read-only.
import type * as ohm from 'ohm-js';
import type { Comment, ScenarioDocument } from './ast';
import { MAX_DOCUMENT_CHARS, type PlacedChunk, assembleDocument, tooLargeDocument } from './assemble';
import { type ChunkResult, MAX_DECLARATION_CHARS, type ParsedChunks, chunkCache, matchChunk, parseChunks } from './chunk';
import { scenarioGrammar } from './grammar';
import { ownCopy } from './ownCopy';
import { type Chunk, declarationKeywordAt, scanDeclaration, skipBlank } from './scan';

/** Matchers kept per document: those of the declarations edited last (memo tables cost memory). */
const MAX_MATCHERS = 4;

export class IncrementalParser {
  private current: string;
  private parsed: ParsedChunks = { chunks: [], texts: [], results: [], comments: [] };
  /** The chunks as placed in the current document, reused when a chunk did not move. */
  private placed: PlacedChunk[] = [];
  private doc: ScenarioDocument;
  /** Matchers by the chunk text they hold, least recently used first. */
  private readonly matchers = new Map<string, ohm.Matcher>();
  /** How the last change was parsed: within one declaration, or the whole file (for tests). */
  lastChange: 'incremental' | 'reparse' | null = null;

  constructor(text: string) {
    this.current = text;
    this.doc = this.reparse();
  }

  get text(): string {
    return this.current;
  }

  get document(): ScenarioDocument {
    return this.doc;
  }

  /** Replaces [start, end) of the text with newText (offsets are clamped into the text). */
  applyChange(start: number, end: number, newText: string): ScenarioDocument {
    const old = this.current;
    const from = clamp(Math.floor(start), 0, old.length);
    const to = clamp(Math.floor(end), from, old.length);
    this.current = old.slice(0, from) + newText + old.slice(to);
    const incremental = this.applyInsideDeclaration(old, from, to, newText);
    this.lastChange = incremental ? 'incremental' : 'reparse';
    this.doc = incremental ?? this.reparse();
    return this.doc;
  }

  private reparse(): ScenarioDocument {
    const text = this.current;
    if (text.length > MAX_DOCUMENT_CHARS) {
      this.parsed = { chunks: [], texts: [], results: [], comments: [] };
      this.placed = [];
      return tooLargeDocument(text);
    }
    this.parsed = parseChunks(text);
    return this.assemble();
  }

  private assemble(previous?: PlacedChunk[]): ScenarioDocument {
    const { chunks, results, comments } = this.parsed;
    const { document, placed } = assembleDocument(this.current, chunks, results, comments, previous);
    this.placed = placed;
    return document;
  }

  /** The incremental path, or null when the edit may change the chunk boundaries. */
  private applyInsideDeclaration(old: string, start: number, end: number, inserted: string): ScenarioDocument | null {
    const text = this.current;
    if (old.length > MAX_DOCUMENT_CHARS || text.length > MAX_DOCUMENT_CHARS) return null;
    const { chunks, texts, results, comments } = this.parsed;
    const i = chunkBefore(chunks, start);
    const chunk = chunks[i];
    if (!chunk || chunk.keyword === null || start <= chunk.start) return null;
    // The edit must lie in this chunk or the blank text after it, before the next chunk.
    const nextStart = i + 1 < chunks.length ? chunks[i + 1]!.start : old.length;
    if (i + 1 < chunks.length ? end >= nextStart : end > nextStart) return null;
    const delta = inserted.length - (end - start);
    if (declarationKeywordAt(text, chunk.start) !== chunk.keyword) return null;
    const scan = scanDeclaration(text, chunk.start, chunk.keyword);
    const trailing = skipBlank(text, scan.end);
    if (trailing.end !== nextStart + delta) return null;
    // Kept after this version (texts, matchers, cache, the declaration's strings): a copy, not a
    // view into this version's whole text (ownCopy.ts).
    const chunkText = ownCopy(text.slice(chunk.start, scan.end));
    if (chunkText.length > MAX_DECLARATION_CHARS) return null;

    const result = this.matchEdited(texts[i]!, chunkText, chunk.keyword);
    const newChunk: Chunk = { start: chunk.start, end: scan.end, keyword: chunk.keyword };
    const newChunks = chunks.slice(0, i);
    newChunks.push(newChunk);
    for (let k = i + 1; k < chunks.length; k++) {
      const c = chunks[k]!;
      newChunks.push({ start: c.start + delta, end: c.end + delta, keyword: c.keyword });
    }
    const newTexts = texts.slice();
    newTexts[i] = chunkText;
    const newResults: ChunkResult[] = results.slice();
    newResults[i] = result;
    const newComments: Comment[] = [];
    for (const c of comments) if (c.span.start < chunk.start) newComments.push(c);
    for (const c of [...scan.comments, ...trailing.comments]) newComments.push({ text: ownCopy(c.text), span: c.span });
    for (const c of comments) {
      if (c.span.start >= nextStart) {
        newComments.push({ text: c.text, span: { start: c.span.start + delta, end: c.span.end + delta } });
      }
    }
    this.parsed = { chunks: newChunks, texts: newTexts, results: newResults, comments: newComments };
    return this.assemble(this.placed);
  }

  /**
   * Re-matches an edited declaration with its matcher, fed only the changed range (what differs
   * between the old and new chunk text), or with a fresh matcher.
   */
  private matchEdited(oldText: string, newText: string, keyword: NonNullable<Chunk['keyword']>): ChunkResult {
    let matcher = this.matchers.get(oldText);
    this.matchers.delete(oldText);
    if (matcher) {
      const { start, oldEnd, newEnd } = changedRange(oldText, newText);
      matcher.replaceInputRange(start, oldEnd, newText.slice(start, newEnd));
    } else {
      matcher = scenarioGrammar.matcher();
      matcher.setInput(newText);
    }
    this.matchers.set(newText, matcher);
    for (const key of this.matchers.keys()) {
      if (this.matchers.size <= MAX_MATCHERS) break;
      this.matchers.delete(key);
    }
    const cached = chunkCache.get(newText);
    if (cached) return cached;
    const result = matchChunk(newText, keyword, matcher);
    chunkCache.set(newText, result);
    return result;
  }
}

/** The range that differs between two texts: common prefix and suffix excluded. */
function changedRange(a: string, b: string): { start: number; oldEnd: number; newEnd: number } {
  const shorter = Math.min(a.length, b.length);
  let start = 0;
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < shorter - start && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { start, oldEnd: a.length - suffix, newEnd: b.length - suffix };
}

function clamp(value: number, low: number, high: number): number {
  return Number.isNaN(value) ? low : Math.max(low, Math.min(high, value));
}

/** The index of the last chunk that starts before offset, or -1. */
function chunkBefore(chunks: readonly Chunk[], offset: number): number {
  let low = 0;
  let high = chunks.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (chunks[mid]!.start < offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
