// The tolerant top-level scan that cuts a file into declarations.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nestedBraceOffset, scanDocument } from '../../server/src/syntax/scan';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

function chunks(text: string): [string, string | null][] {
  return scanDocument(text).chunks.map((c) => [text.slice(c.start, c.end), c.keyword]);
}

describe('scanDocument', () => {
  it('cuts the LANGUAGE.md example into its ten declarations', () => {
    const example = LANGUAGE_EXAMPLE;
    const found = chunks(example);
    expect(found.map(([, k]) => k)).toEqual([
      'scenario', 'factor', 'factor', 'factor', 'event', 'outcome', 'outcome', 'outcome', 'alternative', 'alternative',
    ]);
    expect(found.every(([t]) => t.endsWith('}'))).toBe(true);
  });

  it('a declaration runs to its matching brace; several may share a line; `;` between them is skipped', () => {
    expect(chunks('factor a { } ; event b {note "}"} outcome c { // }\n}')).toEqual([
      ['factor a { }', 'factor'],
      ['event b {note "}"}', 'event'],
      ['outcome c { // }\n}', 'outcome'],
    ]);
  });

  it('an unclosed declaration ends before the next line that starts with a declaration keyword', () => {
    const text = 'factor a {\n  probability 30%\n  // trailing\n\n  factor b { probability 1% }';
    expect(chunks(text)).toEqual([
      ['factor a {\n  probability 30%', 'factor'],
      ['factor b { probability 1% }', 'factor'],
    ]);
    // The trailing comment belongs to no chunk but is collected once.
    expect(scanDocument(text).comments.map((c) => c.text)).toEqual(['// trailing']);
  });

  it('a line inside a block that starts with a declaration keyword ends the block there', () => {
    expect(chunks('outcome o {\n  base 20%\nevent e { probability 1% }\n}')).toEqual([
      ['outcome o {\n  base 20%', 'outcome'],
      ['event e { probability 1% }', 'event'],
      ['}', null],
    ]);
  });

  it('text that is not a declaration runs to the next declaration line', () => {
    expect(chunks('junk factor x {\n more junk }\n  factor_y\nfactor z {}')).toEqual([
      ['junk factor x {\n more junk }\n  factor_y', null],
      ['factor z {}', 'factor'],
    ]);
  });

  it('a stray closing brace is not a declaration', () => {
    expect(chunks('factor a {}}\nfactor b {}')).toEqual([
      ['factor a {}', 'factor'],
      ['}', null],
      ['factor b {}', 'factor'],
    ]);
  });

  it('keywords need a word boundary: `factors` and `event_x` do not start declarations', () => {
    expect(chunks('factors a {}\nevent_x {}')).toEqual([['factors a {}\nevent_x {}', null]]);
  });

  it('an unterminated string ends at the end of its line', () => {
    expect(chunks('factor a { note "open {\n}\nfactor b {}')).toEqual([
      ['factor a { note "open {\n}', 'factor'],
      ['factor b {}', 'factor'],
    ]);
  });

  it('handles \\r\\n and a lone \\r as line breaks', () => {
    expect(chunks('factor a {\r\n  x\r\nfactor b {}\rfactor c {')).toEqual([
      ['factor a {\r\n  x', 'factor'],
      ['factor b {}', 'factor'],
      ['factor c {', 'factor'],
    ]);
  });

  it('chunks and comments are in order, never overlap, and comments are whole lines of comment (property)', () => {
    const unit = fc.constantFrom('factor ', 'event', 'x', ' ', '\n', '\r\n', '{', '}', '"', '\\', '//', '/', ';', 'é');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        const { chunks: found, comments } = scanDocument(text);
        const ordered = (spans: { start: number; end: number }[]): void => {
          for (let i = 0; i < spans.length; i++) {
            expect(spans[i]!.start).toBeLessThanOrEqual(spans[i]!.end);
            expect(spans[i]!.end).toBeLessThanOrEqual(text.length);
            if (i > 0) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
          }
        };
        ordered(found);
        ordered(comments.map((c) => c.span));
        // A comment lies inside one chunk or outside all of them.
        for (const c of comments) {
          const overlapping = found.filter((k) => k.start < c.span.end && c.span.start < k.end);
          for (const k of overlapping) expect(k.start <= c.span.start && c.span.end <= k.end).toBe(true);
        }
        for (const chunk of found) expect(chunk.end).toBeGreaterThan(chunk.start);
        for (const c of comments) {
          expect(c.text.startsWith('//')).toBe(true);
          expect(c.text).toBe(text.slice(c.span.start, c.span.end));
          expect(/[\r\n]/.test(c.text)).toBe(false);
        }
        // Everything outside chunks and comments is blank or `;`.
        const covered = new Array<boolean>(text.length).fill(false);
        for (const s of [...found, ...comments.map((c) => c.span)]) covered.fill(true, s.start, s.end);
        const rest = text.split('').filter((_, i) => !covered[i]).join('');
        expect(rest.replace(/[\s;\uFEFF]/g, '')).toBe('');
      }),
      { numRuns: 500 },
    );
  });
});

describe('nestedBraceOffset', () => {
  it('finds the first brace inside a body, ignoring strings and comments', () => {
    expect(nestedBraceOffset('factor a { note "{" // {\n {')).toBe(26);
    expect(nestedBraceOffset('factor a { } {')).toBe(-1);
  });
});
