// Control characters outside strings and comments are syntax errors that name the character, at
// its place (issue 15: a file of NULs checked clean, NUL was read as whitespace).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument } from '../../server/src/syntax/parse';
import { IncrementalParser } from '../../server/src/syntax/incremental';
import { controlCharacterName, isControlCharacter } from '../../server/src/syntax/controlCharacters';
import { slice, where } from './helpers';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

const FACTOR = 'factor a { probability 50% }';

function onlyError(text: string) {
  const doc = parseDocument(text);
  expect(doc.errors).toHaveLength(1);
  return { doc, error: doc.errors[0]! };
}

describe('control characters', () => {
  it('a file of NULs is one error that names NUL, over the whole run', () => {
    const text = '\0'.repeat(500);
    const { error } = onlyError(text);
    expect(error.message).toBe(
      'unexpected control characters, 500 in a row from U+0000 NUL, here: delete them (control characters are allowed only inside strings and comments)',
    );
    expect(error.span).toEqual({ start: 0, end: 500 });
  });

  it('a NUL inside a declaration is an error at the NUL, and the other declarations still parse', () => {
    const text = LANGUAGE_EXAMPLE.replace('probability 55%..75%', 'probability\0 55%..75%');
    const { doc, error } = onlyError(text);
    expect(error.message).toBe(
      'unexpected control character U+0000 NUL here: delete it (control characters are allowed only inside strings and comments)',
    );
    expect(slice(text, error.span)).toBe('\0');
    expect(where(text, error.span.start)).toBe('20:14');
    expect(error.declarationName?.text).toBe('rapport');
    expect(doc.declarations.length).toBe(parseDocument(LANGUAGE_EXAMPLE).declarations.length - 1);
  });

  it('inside a word, the control character is named, not the word', () => {
    const { error } = onlyError('factor a { prob\u0007ability 50% }');
    expect(error.message).toContain('U+0007 BEL');
    expect(error.span).toEqual({ start: 15, end: 16 });
  });

  it('between declarations, before a declaration and at the end of the file', () => {
    for (const [text, name, at] of [
      [`${FACTOR}\n\u000c\nfactor b { probability 5% }`, 'U+000C FF', FACTOR.length + 1],
      [`\u0085${FACTOR}`, 'U+0085 NEL', 0],
      [`${FACTOR}\n\u007f`, 'U+007F DEL', FACTOR.length + 1],
      [`${FACTOR}\u001b`, 'U+001B ESC', FACTOR.length],
    ] as const) {
      const { error } = onlyError(text);
      expect(error.message).toContain(`control character ${name} here`);
      expect(error.span.start).toBe(at);
    }
  });

  it('inside strings and comments they are text, and tab and line breaks are layout', () => {
    const text = 'factor a "x\0y\u0007" {\tprobability 50%\r\n note "\u001b[0m" } // \0\u0001\n';
    expect(parseDocument(text).errors).toEqual([]);
  });

  it('every control character is named, and none of layout or text is one', () => {
    for (let code = 0; code < 0xa0; code++) {
      if (!isControlCharacter(code)) continue;
      expect(controlCharacterName(code)).toMatch(/^U\+00[0-9A-F]{2} [A-Z][A-Z0-9]{1,3}$/);
    }
    for (const c of '\t\n\r !~\u00a0\ufeffé') expect(isControlCharacter(c.charCodeAt(0))).toBe(false);
  });

  it('any control character put anywhere outside strings and comments is an error on it', () => {
    const controls = [...Array(0xa0).keys()].filter(isControlCharacter);
    fc.assert(
      fc.property(fc.nat(LANGUAGE_EXAMPLE.length), fc.constantFrom(...controls), (offset, code) => {
        const text = LANGUAGE_EXAMPLE.slice(0, offset) + String.fromCharCode(code) + LANGUAGE_EXAMPLE.slice(offset);
        const doc = parseDocument(text);
        const inText = /"[^"\n]*$/.test(LANGUAGE_EXAMPLE.slice(0, offset).split('\n').pop()!.replace(/\/\/.*$/, ''))
          || /\/\//.test(LANGUAGE_EXAMPLE.slice(0, offset).split('\n').pop()!);
        if (inText) return;
        expect(doc.errors.map((e) => [e.span.start, e.message.includes(controlCharacterName(code))])).toContainEqual([offset, true]);
      }),
      { seed: 15, numRuns: 400 },
    );
  });

  it('typed into an open document, the incremental parse reports it as a fresh parse does', () => {
    const parser = new IncrementalParser(LANGUAGE_EXAMPLE);
    const at = LANGUAGE_EXAMPLE.indexOf('probability 55%');
    const doc = parser.applyChange(at, at, '\0');
    expect(doc).toEqual(parseDocument(doc.text));
    expect(doc.errors.map((e) => e.message)).toEqual([expect.stringContaining('U+0000 NUL')]);
  });
});
