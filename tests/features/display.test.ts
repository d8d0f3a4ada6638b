// Semantic tokens, folding, inlay hints and the code lens.
import { describe, expect, it } from 'vitest';
import { codeLenses } from '../../server/src/features/codeLens';
import { foldingRanges } from '../../server/src/features/folding';
import { inlayHints } from '../../server/src/features/inlayHints';
import { semanticTokens, semanticTokensLegend } from '../../server/src/features/semanticTokens';
import { formatPercent } from '../../common/text/numbers';
import { LineIndex } from '../../server/src/syntax/lines';
import { stateOf, TEST_URI } from './state';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

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

  it('still colours a file that does not parse', () => {
    const text = 'factor a { probability 30% }\noutcome o { base\n  a raises weakly\n';
    const tokens = decode(text, semanticTokens(stateOf(text)).data);
    expect(tokens.slice(0, 4)).toEqual(['factor keyword', 'a variable+declaration+readonly', 'probability keyword', '30% number']);
    expect(tokens).toEqual(expect.arrayContaining(['outcome keyword', 'base keyword', 'a variable+readonly', 'raises keyword', 'weakly enumMember+defaultLibrary']));
  });
});

describe('folding', () => {
  it('folds every multi-line block and runs of comments, keeping the closing brace visible', () => {
    const text = '// one\n// two\nfactor a {\n  probability 5%\n  // inside\n}\nfactor b { probability 5% }\noutcome o {\n  base 5%\n  a raises weakly // trailing\n  b raises weakly\n}\n';
    expect(foldingRanges(stateOf(text))).toEqual([
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 2, endLine: 4 },
      { startLine: 7, endLine: 10 },
    ]);
  });

  it('folds an unclosed block to the end of the file', () => {
    expect(foldingRanges(stateOf('factor a {\n  probability\n\n'))).toEqual([{ startLine: 0, endLine: 3 }]);
  });

  it('folds each declaration of the example', () => {
    expect(foldingRanges(stateOf(EXAMPLE)).length).toBe(10);
  });
});

describe('inlay hints', () => {
  it('puts the computed probability after each outcome header', () => {
    const state = stateOf(EXAMPLE);
    const hints = inlayHints(state, { start: { line: 0, character: 0 }, end: state.lines.positionAt(EXAMPLE.length) });
    expect(hints).toHaveLength(3);
    state.forecast!.outcomes.forEach((o, i) => {
      const header = EXAMPLE.indexOf(`outcome ${o.name}`);
      const lineEnd = EXAMPLE.indexOf(' {', header);
      expect(hints[i]!.position).toEqual(state.lines.positionAt(lineEnd));
      expect(hints[i]!.label).toBe(`≈ ${formatPercent(o.probability)} ${o.phrase}`);
    });
  });

  it('shows only hints in the range asked for, and none without a forecast', () => {
    const state = stateOf(EXAMPLE);
    const line = state.lines.positionAt(EXAMPLE.indexOf('outcome trade_up')).line;
    expect(inlayHints(state, { start: { line, character: 0 }, end: { line: line + 1, character: 0 } })).toHaveLength(1);
    const none = stateOf(EXAMPLE, { forecast: false });
    expect(inlayHints(none, { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } })).toEqual([]);
  });

  it('marks a stale forecast', () => {
    const fresh = stateOf(EXAMPLE);
    const stale = stateOf(EXAMPLE, { staleForecast: fresh.forecast! });
    const hints = inlayHints(stale, { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } });
    expect(hints[0]!.label).toMatch(/\(earlier version\)$/);
  });
});

describe('code lens', () => {
  it('opens the preview from the scenario block, or from the first line', () => {
    const state = stateOf(EXAMPLE);
    const [lens] = codeLenses(state);
    expect(lens!.range.start.line).toBe(1);
    expect(lens!.command).toEqual({ title: 'Open forecast preview', command: 'scenario.showPreviewToSide', arguments: [TEST_URI] });
    expect(codeLenses(stateOf('factor a { probability 5% }'))[0]!.range.start).toEqual({ line: 0, character: 0 });
  });
});
