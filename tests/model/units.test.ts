// Pure helpers, without the parser: edit distance, topological order, calendar, quick-fix edits.
import { describe, expect, it } from 'vitest';
import { editDistance, spellingLimit, spellingScore, suggestNames } from '../../server/src/model/editDistance';
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

  it('agrees with a plain full-matrix distance, with and without a limit (property)', () => {
    const full = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      }
      return d[a.length]![b.length]!;
    };
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const word = () => Array.from({ length: random(9) }, () => 'abc'[random(3)]).join('');
    for (let k = 0; k < 2000; k++) {
      const a = word();
      const b = word();
      const d = full(a, b);
      expect(editDistance(a, b), `${a} ${b}`).toBe(d);
      const limit = random(4);
      expect(editDistance(a, b, limit), `${a} ${b} ${limit}`).toBe(Math.min(d, limit + 1));
    }
  });

  it('answers for two 6,000-letter names within its band', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const long = Array.from({ length: 6000 }, (_, i) => letters[(i * 7 + (i >> 3)) % 26]).join('');
    const edited = `${long.slice(0, 1000)}X${long.slice(1001, 4000)}${long[4001]}${long[4000]}${long.slice(4002)}Z`;
    expect(editDistance(long, edited)).toBe(3); // a substitution, a swap, an insertion
    expect(editDistance(long, edited, 2)).toBe(3);
    expect(editDistance(long, [...long].reverse().join(''), 10)).toBe(11);
    const other = Array.from({ length: 6000 }, (_, i) => letters[(i * 11 + 3) % 26]).join('');
    expect(editDistance(long, other, spellingLimit(6000))).toBeGreaterThan(0);
    // Too long to compare by edits (a hostile file): only the name it starts is offered.
    expect(suggestNames(long, [other, edited, `${long}_2`])).toEqual([`${long}_2`]);
    const shorter = long.slice(0, 200);
    expect(suggestNames(shorter, [`${shorter.slice(0, 100)}X${shorter.slice(101)}`, other])).toEqual([`${shorter.slice(0, 100)}X${shorter.slice(101)}`]);
  });

  it('200 names of 2,000 letters sharing a prefix, each misspelt once: suggestions stay cheap and right', () => {
    const prefix = 'a'.repeat(1990);
    const names = Array.from({ length: 200 }, (_, i) => `${prefix}${String(i).padStart(10, '0')}`);
    const typos = names.map((n) => `${n.slice(0, 1995)}z${n.slice(1996)}`);
    // Over 256 letters: no edit suggestions (each would be 2,000 rows of a 17-cell band, 40,000 times).
    for (const typo of typos.slice(0, 5)) expect(suggestNames(typo, names)).toEqual([]);
    expect(spellingLimit(2000)).toBe(8);
  });
});

describe('did you mean', () => {
  it('allows floor(0.4 × length) + 1 edits, as TypeScript\'s spelling suggestions do', () => {
    expect([1, 2, 3, 4, 5, 6, 10, 20, 100].map(spellingLimit)).toEqual([1, 1, 2, 2, 3, 3, 5, 8, 8]);
    expect(suggestNames('crises', ['crisis', 'cries', 'prices', 'x'])).toEqual(['crisis', 'cries', 'prices']);
    expect(suggestNames('ab', ['xy', 'ax'])).toEqual(['ax']);
    expect(suggestNames('a', ['b', 'c'])).toEqual([]);
    // Skipped without computing: lengths too far apart.
    expect(spellingScore('khan', 'popular_khan_support')).toBeNull();
  });

  it('offers names the typed word (three letters or more) is the start of', () => {
    expect(suggestNames('cris', ['attack', 'crisis'])).toEqual(['crisis']);
    expect(suggestNames('china', ['trade_up', 'china_ties'])).toEqual(['china_ties']);
    expect(suggestNames('Chin', ['china_ties'])).toEqual(['china_ties']);
    expect(suggestNames('ch', ['china_ties'])).toEqual([]);
    // A start ranks after a case-only difference and before one edit.
    expect(suggestNames('rap', ['map', 'rapport', 'Rap'])).toEqual(['Rap', 'rapport', 'map']);
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
