// keepNoChunks (syntax/chunk.ts): a process that parses each file once keeps no cache of
// declarations, and each parse's results are placed in its document without a copy
// (shift.ts shiftInPlace). The documents equal those parsed with the cache, broken files included.
import { describe, expect, it, vi } from 'vitest';
import { chunkCache, chunksCached, keepNoChunks } from '../../server/src/syntax/chunk';
import { scenarioGrammar } from '../../server/src/syntax/grammar';
import { parseDocument } from '../../server/src/syntax/parse';
import { shifted, shiftInPlace } from '../../server/src/syntax/shift';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';
import { mutated, random, samples } from './ohmRuns';

/** The samples, the language example, and mutated copies of them (broken ones among them). */
function texts(): string[] {
  const next = random(17);
  const whole = [...samples, LANGUAGE_EXAMPLE];
  return [...whole, ...whole.flatMap((text) => Array.from({ length: 6 }, () => mutated(text, next)))];
}

describe('keepNoChunks', () => {
  it('gives the documents of the cached parse, owning their trees, and caches nothing', () => {
    const inputs = texts();
    const cached = inputs.map((text) => parseDocument(text));
    expect(cached.some((d) => d.errors.length > 0)).toBe(true);
    expect(chunksCached()).toBe(true);
    keepNoChunks();
    expect(chunksCached()).toBe(false);
    expect(chunkCache.size).toBe(0);
    const owned = inputs.map((text) => parseDocument(text));
    expect(owned).toEqual(cached);
    expect(chunkCache.size).toBe(0);
    // Each parse matches again (no cache), and its documents share nothing with another's.
    const match = vi.spyOn(scenarioGrammar, 'match');
    const a = parseDocument(LANGUAGE_EXAMPLE);
    const b = parseDocument(LANGUAGE_EXAMPLE);
    expect(match).toHaveBeenCalledTimes(2 * a.declarations.length);
    (a.declarations[1]!.span as { start: number }).start = 999;
    expect(b.declarations[1]!.span.start).not.toBe(999);
  });
});

describe('shiftInPlace', () => {
  it('moves every span as shifted() does, an object reached twice once', () => {
    const span = { start: 1, end: 2 };
    const name = { text: 'x', span: { start: 3, end: 4 } };
    const tree = { span, nameSpan: span, name, again: name, list: [name, { skipped: { start: 5, end: 9 } }], n: 7 };
    const copy = shifted(tree, 10);
    expect(shiftInPlace(tree, 10)).toBe(tree);
    expect(tree).toEqual(copy);
    expect(tree.span).toEqual({ start: 11, end: 12 });
    expect(tree.name.span).toEqual({ start: 13, end: 14 });
    expect(tree.list[1]).toEqual({ skipped: { start: 15, end: 19 } });
  });
});
