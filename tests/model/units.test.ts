// Pure helpers, without the parser: edit distance, topological order, calendar, quick-fix edits.
import { describe, expect, it } from 'vitest';
import { editDistance, suggestNames } from '../../server/src/model/editDistance';
import { removalSpan } from '../../server/src/model/edits';
import { topologicalOrder } from '../../server/src/model/graph';
import { dateExists, formatNumber } from '../../server/src/model/values';

describe('editDistance', () => {
  it.each([
    ['rapport', 'rapport', 0],
    ['rapprot', 'rapport', 1],
    ['raport', 'rapport', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['ca', 'abc', 3],
  ])('%s → %s: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('stops early past the limit', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
  });

  it('suggests only names within about a third of the length', () => {
    expect(suggestNames('crises', ['crisis', 'cries', 'prices', 'x'])).toEqual(['crisis', 'cries', 'prices']);
    expect(suggestNames('ab', ['xy', 'ax'])).toEqual(['ax']);
    expect(suggestNames('a', ['b', 'c'])).toEqual([]);
  });
});

describe('topologicalOrder', () => {
  it('puts drivers first and breaks ties by the given order', () => {
    const drivers: Record<string, string[]> = { c: ['a'], d: ['c', 'b'], a: [], b: [] };
    expect(topologicalOrder(['d', 'c', 'b', 'a'], (n) => drivers[n] ?? [])).toEqual(['b', 'a', 'c', 'd']);
  });

  it('handles a 100,000-long chain without recursion', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `v${i}`);
    const order = topologicalOrder([...names].reverse(), (n) => (n === 'v0' ? [] : [`v${Number(n.slice(1)) - 1}`]));
    expect(order).toEqual(names);
  });
});

describe('calendar', () => {
  it.each([
    [2024, 2, 29, true], [2025, 2, 29, false], [1900, 2, 29, false], [2000, 2, 29, true],
    [2025, 4, 31, false], [2025, 12, 31, true], [2025, 0, 1, false], [2025, 1, 0, false],
  ])('%i-%i-%i exists: %s', (year, month, day, exists) => {
    expect(dateExists({ year, month, day })).toBe(exists);
  });
});

describe('helpers', () => {
  it('formats numbers with at most three significant digits', () => {
    expect([2, 1 / 0.3, 12.5, 0.125].map(formatNumber)).toEqual(['2', '3.33', '12.5', '0.125']);
  });

  it('removes a construct alone on its lines with its line break, otherwise only itself', () => {
    const text = 'a\n  factor x {}\nb';
    expect(removalSpan(text, { start: 4, end: 15 })).toEqual({ start: 2, end: 16 });
    const inline = 'a; factor x {} b';
    expect(removalSpan(inline, { start: 3, end: 14 })).toEqual({ start: 3, end: 15 });
  });
});
