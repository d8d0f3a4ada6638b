// Re-parsing an edited file only matches the declarations whose text changed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChunkCache, chunkCache } from '../../server/src/syntax/chunk';
import { scenarioGrammar } from '../../server/src/syntax/grammar';
import { parseDocument } from '../../server/src/syntax/parse';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

const example = LANGUAGE_EXAMPLE;

afterEach(() => {
  vi.restoreAllMocks();
  chunkCache.clear();
});

describe('the chunk cache', () => {
  it('re-matches only the edited declaration, and results equal a fresh parse', () => {
    chunkCache.clear();
    const match = vi.spyOn(scenarioGrammar, 'match');
    parseDocument(example);
    expect(match).toHaveBeenCalledTimes(10);
    match.mockClear();
    const edited = example.replace('base 50%', 'base 45%');
    const doc = parseDocument(edited);
    expect(match).toHaveBeenCalledTimes(1);
    expect(match.mock.calls[0]![0]).toMatch(/^outcome trade_up/);
    chunkCache.clear();
    expect(doc).toEqual(parseDocument(edited));
  });

  it('documents never share objects with the cache or with each other', () => {
    const a = parseDocument(example);
    const b = parseDocument(example);
    expect(a).toEqual(b);
    expect(a.declarations[0]).not.toBe(b.declarations[0]);
    (a.declarations[1]!.span as { start: number }).start = 999;
    expect(parseDocument(example).declarations[1]!.span.start).not.toBe(999);
  });

  it('is bounded by total text and by entries, dropping the least recently used', () => {
    const cache = new ChunkCache(10, 3);
    const result = { declaration: null, error: null };
    cache.set('aaaa', result);
    cache.set('bbbb', result);
    cache.get('aaaa');
    cache.set('cccc', result); // 12 characters > 10: drops bbbb, the least recently used
    expect(cache.get('bbbb')).toBeUndefined();
    expect(cache.get('aaaa')).toBe(result);
    expect(cache.size).toBe(2);
    cache.set('d', result);
    cache.set('e', result); // 4 entries > 3
    expect(cache.size).toBe(3);
    cache.set('x'.repeat(11), result); // longer than the whole cache: not kept
    expect(cache.get('x'.repeat(11))).toBeUndefined();
  });
});

describe('the whole-file start rule', () => {
  it('Document matches the LANGUAGE.md example in one piece', () => {
    expect(scenarioGrammar.match(example, 'Document').succeeded()).toBe(true);
  });
});
