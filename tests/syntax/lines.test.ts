import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/syntax/lines';

describe('LineIndex', () => {
  it('maps offsets to 0-based lines and UTF-16 characters', () => {
    const text = 'ab\ncd–x\r\n\r\nlast';
    const index = new LineIndex(text);
    expect(index.lineCount).toBe(4);
    expect(index.positionAt(0)).toEqual({ line: 0, character: 0 });
    expect(index.positionAt(2)).toEqual({ line: 0, character: 2 });
    expect(index.positionAt(3)).toEqual({ line: 1, character: 0 });
    expect(index.positionAt(6)).toEqual({ line: 1, character: 3 }); // after the en dash (one unit)
    expect(index.positionAt(9)).toEqual({ line: 2, character: 0 }); // after \r\n
    expect(index.positionAt(11)).toEqual({ line: 3, character: 0 });
    expect(index.positionAt(text.length)).toEqual({ line: 3, character: 4 });
  });

  it('counts characters beyond the BMP as two UTF-16 units', () => {
    const index = new LineIndex('a😀b');
    expect(index.positionAt(3)).toEqual({ line: 0, character: 3 });
    expect(index.offsetAt({ line: 0, character: 3 })).toBe(3);
  });

  it('treats a lone \\r as a line break', () => {
    const index = new LineIndex('a\rb');
    expect(index.lineCount).toBe(2);
    expect(index.positionAt(2)).toEqual({ line: 1, character: 0 });
  });

  it('clamps positions outside the text', () => {
    const index = new LineIndex('ab\r\ncd');
    expect(index.positionAt(-5)).toEqual({ line: 0, character: 0 });
    expect(index.positionAt(99)).toEqual({ line: 1, character: 2 });
    expect(index.offsetAt({ line: 0, character: 99 })).toBe(2); // before the \r\n
    expect(index.offsetAt({ line: 7, character: 0 })).toBe(6);
    expect(index.offsetAt({ line: -1, character: 3 })).toBe(0);
  });

  it('an empty text has one empty line', () => {
    const index = new LineIndex('');
    expect(index.lineCount).toBe(1);
    expect(index.positionAt(0)).toEqual({ line: 0, character: 0 });
    expect(index.offsetAt({ line: 0, character: 5 })).toBe(0);
  });

  it('offsetAt inverts positionAt for every offset (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', '–', ' ') }), (text) => {
        const index = new LineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) {
          const position = index.positionAt(offset);
          const back = index.offsetAt(position);
          // Between \r and \n both offsets name the same place on the line.
          if (text[offset - 1] === '\r' && text[offset] === '\n') expect(back).toBe(offset - 1);
          else expect(back).toBe(offset);
        }
        const breaks = text.match(/\r\n|\r|\n/g)?.length ?? 0;
        expect(index.lineCount).toBe(breaks + 1);
      }),
      { numRuns: 300 },
    );
  });
});
