// The features' own text helpers: spans and offsets, and a written range in its compact form.
// (Number formats are tested in tests/report/numbers.test.ts, Markdown escaping in
// tests/report/markdown.test.ts.)
import { describe, expect, it } from 'vitest';
import { compactRange, offsetAt, overlaps, rangeToSpan, spanToRange, touches } from '../../server/src/features/text';
import { stateOf } from './state';

describe('spans and ranges', () => {
  const state = stateOf('factor a { probability 30% }\noutcome o { base 20%; a raises weakly }\n');

  it('converts spans to LSP ranges and back', () => {
    const span = { start: 29, end: 36 };
    const range = spanToRange(state, span);
    expect(range).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 7 } });
    expect(rangeToSpan(state, range)).toEqual(span);
    expect(offsetAt(state, { line: 1, character: 8 })).toBe(37);
  });

  it('a cursor touches a span from its start to just after its end; spans overlap when they share a point', () => {
    expect(touches({ start: 5, end: 8 }, 8)).toBe(true);
    expect(touches({ start: 5, end: 8 }, 9)).toBe(false);
    expect(touches({ start: 5, end: 8 }, 4)).toBe(false);
    expect(overlaps({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(true);
    expect(overlaps({ start: 0, end: 4 }, { start: 5, end: 9 })).toBe(false);
  });
});

describe('compactRange', () => {
  it('writes a range or multiplier without inner spaces, with .. for to', () => {
    expect(compactRange('20 % to 35%')).toBe('20%..35%');
    expect(compactRange('x2 .. 5')).toBe('x2..5');
    expect(compactRange('55%..75%')).toBe('55%..75%');
  });
});
