// Semantic tokens (server/src/features/semanticTokens.ts): every token of the file classified, in
// LSP's relative encoding, also while the file does not parse.
import { describe, expect, it } from 'vitest';
import { semanticTokens, semanticTokensLegend } from '../../server/src/features/semanticTokens';
import { LineIndex } from '../../server/src/syntax/lines';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';
import { stateOf } from './state';

const EXAMPLE = LANGUAGE_EXAMPLE;

/** Decodes LSP's relative encoding into `text type+modifiers` strings, independently of the encoder. */
function decode(text: string, data: number[]): string[] {
  const lines = new LineIndex(text);
  const out: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dLine, dChar, length, type, bits] = data.slice(i, i + 5) as [number, number, number, number, number];
    line += dLine;
    character = dLine === 0 ? character + dChar : dChar;
    const start = lines.offsetAt({ line, character });
    const modifiers = semanticTokensLegend.tokenModifiers.filter((_, k) => bits & (1 << k));
    out.push(`${text.slice(start, start + length)} ${[semanticTokensLegend.tokenTypes[type], ...modifiers].join('+')}`);
  }
  return out;
}

describe('semantic tokens', () => {
  it('classifies keywords, names by kind, phrases, strengths, strings, numbers and comments', () => {
    const tokens = decode(EXAMPLE, semanticTokens(stateOf(EXAMPLE)).data);
    expect(tokens[0]).toBe("// US–Pakistan relations in the first year of Trump's second term comment");
    expect(tokens).toEqual(expect.arrayContaining([
      'scenario keyword',
      '"US–Pakistan relations, 2025" string',
      '2025-01-20 number',
      '50000 number',
      'factor keyword',
      'crisis variable+declaration+readonly',
      'almost certain enumMember+defaultLibrary',
      'event keyword',
      'attack event+declaration+readonly',
      'democracy_push function+declaration+readonly',
      'crisis variable+readonly',
      'raises keyword',
      'moderately enumMember+defaultLibrary',
      'x5..12 number',
      'democracy_push function+readonly',
      'very unlikely enumMember+defaultLibrary',
      '55% number',
      '.. operator',
      'given keyword',
      'attack event+readonly',
    ]));
    expect(tokens.filter((t) => t.startsWith('crisis '))).toEqual(['crisis variable+declaration+readonly', 'crisis variable+readonly', 'crisis variable+readonly']);
  });

  it('colours observe as a keyword and the name after it by its kind, as given', () => {
    const text = 'event attack { probability 10% }\noutcome o { base 5%; attack raises x3 }\nalternative "A" {\n  observe not attack\n  observe o\n  given attack\n}\n';
    const tokens = decode(text, semanticTokens(stateOf(text)).data);
    expect(tokens.slice(tokens.indexOf('"A" string'))).toEqual([
      '"A" string', 'observe keyword', 'not keyword', 'attack event+readonly', 'observe keyword', 'o function+readonly',
      'given keyword', 'attack event+readonly',
    ]);
  });

  it('still colours a file that does not parse', () => {
    const text = 'factor a { probability 30% }\noutcome o { base\n  a raises weakly\n';
    const tokens = decode(text, semanticTokens(stateOf(text)).data);
    expect(tokens.slice(0, 4)).toEqual(['factor keyword', 'a variable+declaration+readonly', 'probability keyword', '30% number']);
    expect(tokens).toEqual(expect.arrayContaining(['outcome keyword', 'base keyword', 'a variable+readonly', 'raises keyword', 'weakly enumMember+defaultLibrary']));
  });
});
