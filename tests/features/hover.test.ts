// Hover explains names with the forecast's numbers, and the words of the language.
import { describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { hover } from '../../server/src/features/hover';
import { formatBand, formatPercent, formatPoints } from '../../common/text/numbers';
import { marked, stateOf } from './state';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

const EXAMPLE = LANGUAGE_EXAMPLE;

/** The example with a cursor before the n-th occurrence of `needle` (plus `shift` characters). */
function at(needle: string, n = 0, shift = 1, text = EXAMPLE) {
  let offset = -1;
  for (let i = 0; i <= n; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`no ${needle}`);
  return marked(`${text.slice(0, offset + shift)}<|>${text.slice(offset + shift)}`);
}

function value(h: Hover | null): string {
  expect(h).not.toBeNull();
  return (h!.contents as MarkupContent).value;
}

/** What the reader sees: Markdown escapes removed. */
const shown = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('hover on a factor or event', () => {
  it('explains a factor at its declaration: label, probability, phrase, range, note, source, swings', () => {
    const { state, cursors } = at('factor crisis', 0, 8);
    const text = shown(value(hover(state, cursors[0]!)));
    expect(text).toContain("**factor** **crisis** — Pakistan's political, constitutional and economic crises");
    expect(text).toContain('**Probability:** 97.0% on average: *almost certain*, which ICD 203 puts at 95%–99%.');
    expect(text).toContain('**Note:** Election-fraud allegations against the governing coalition.');
    expect(text).toContain('**Source:** op-ed, paragraph 2');
    const push = state.forecast!.outcomes.find((o) => o.name === 'democracy_push')!.swing.find((s) => s.name === 'crisis')!;
    expect(text).toContain(`**democracy_push** (Washington presses Islamabad on democracy and free speech): moderately raises: multiplies the odds by 2 to 4; swing ${formatPoints(push.points)} points`);
    expect(text).toContain('**trade_up** (US–Pakistan trade grows): weakly raises: multiplies the odds by 1.25 to 2');
  });

  it('gives the same explanation on a use of the name, with the range of the name', () => {
    const { state, cursors, offsets, text } = at('  crisis raises', 0, 4);
    const h = hover(state, cursors[0]!);
    const declared = at('factor crisis', 0, 8);
    expect(value(h)).toBe(value(hover(declared.state, declared.cursors[0]!)));
    const start = text.lastIndexOf('crisis', offsets[0]);
    expect(h!.range).toEqual({ start: state.lines.positionAt(start), end: state.lines.positionAt(start + 6) });
  });

  it('explains an uncertain probability as its mean, range and phrase', () => {
    const { state, cursors } = at('factor rapport', 0, 9);
    const text = shown(value(hover(state, cursors[0]!)));
    expect(text).toContain('**Probability:** 65% on average, uniform over 55%–75%; in words, *likely* (55%–80% in ICD 203).');
  });

  it('names outcomes an input drives only through other outcomes', () => {
    const { state, cursors } = at('event attack', 0, 7);
    const text = shown(value(hover(state, cursors[0]!)));
    expect(text).toContain('**event** **attack** — A major terror attack touches US interests');
    expect(text).toContain('x5..12 raises: multiplies the odds by 5 to 12');
    const rapport = at('factor rapport', 0, 9);
    const rapportText = shown(value(hover(rapport.state, rapport.cursors[0]!)));
    if (rapport.state.forecast!.outcomes.find((o) => o.name === 'security_ties')!.swing.some((s) => s.name === 'rapport')) {
      expect(rapportText).toMatch(/\*\*security_ties\*\* \(.*\): indirectly, through other outcomes/);
    }
  });

  it('says when the forecast is missing or stale', () => {
    const fresh = stateOf(EXAMPLE);
    const { text, cursors } = at('factor crisis', 0, 8);
    const missing = stateOf(text, { forecast: false });
    expect(shown(value(hover(missing, cursors[0]!)))).toContain('No forecast yet');
    const stale = stateOf(text, { staleForecast: fresh.forecast! });
    expect(shown(value(hover(stale, cursors[0]!)))).toContain('earlier version of this file');
  });

  it('escapes hostile labels, notes and sources', () => {
    const { state, cursors } = marked([
      'factor <|>evil "[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **b** `c`" {',
      '  probability 40%',
      '  note "https://evil.example <script>alert(1)</script>"',
      '  source "![i](https://evil.example/i.png) & &amp;"',
      '}',
      'outcome o { base 10%; evil raises weakly }',
    ].join('\n'));
    const raw = value(hover(state, cursors[0]!));
    expect(raw).not.toMatch(/(^|[^\\])[<[`]/);
    expect(raw).not.toMatch(/(^|[^\\])\]\(/); // no `](` that a link could close on
    expect(raw).toContain('\\[click\\](command:');
    expect(raw).not.toContain('https://');
    expect(raw).not.toMatch(/(^|[^\\*])\*\*b/);
    expect(shown(raw)).toContain('<script>alert(1)</script>');
  });
});

describe('hover on an outcome', () => {
  it('shows forecast, band, judged vs computed, top drivers, base and drivers', () => {
    const { state, cursors } = at('outcome democracy_push', 0, 10);
    const computed = state.forecast!.outcomes.find((o) => o.name === 'democracy_push')!;
    const text = shown(value(hover(state, cursors[0]!)));
    expect(text).toContain(`**Forecast:** ${formatPercent(computed.probability)}, *${computed.phrase}*; band ${formatBand(computed.band)}`);
    expect(text).toContain(computed.judged!.agrees ? 'agrees with the computed' : 'contradicted');
    expect(text).toContain(`**Top drivers by swing:** ${computed.swing[0]!.name} ${formatPoints(computed.swing[0]!.points)} points`);
    expect(text).toContain('**Base:** 20%; in words, *very unlikely* (5%–20% in ICD 203). It is the probability when none of the drivers holds.');
    expect(text).toContain('- **rapport** (Trump and Khan keep a positive relationship): moderately raises: multiplies the odds by 2 to 4; swing');
  });

  it('says when a judgment is contradicted', () => {
    const { state, cursors } = marked('outcome <|>o { base 90%; judged very unlikely }');
    const text = shown(value(hover(state, cursors[0]!)));
    expect(text).toContain('**Forecast:** 90%');
    expect(text).toContain('**Judged:** very unlikely (5%–20%): contradicted, the computed 90% falls outside it.');
    expect(text).toContain('**Drivers:** none');
  });

  it('works on an outcome used as a driver', () => {
    const { state, cursors } = at('  democracy_push lowers', 0, 5);
    expect(shown(value(hover(state, cursors[0]!)))).toContain('**outcome** **democracy_push**');
  });
});

describe('hover on words of the language', () => {
  it.each([
    ['judged <|>likely\n', '**likely**: 55%–80% (ICD 203)'],
    ['judged very un<|>likely\n', '**very unlikely**: 5%–20% (ICD 203)'],
    ['probability <|>almost certain\n', '**almost certain**: 95%–99% (ICD 203)'],
    ['probability highly pro<|>bable\n', 'Also written "very likely"'],
    ['crisis raises <|>moderately\n', '**moderately**: multiplies the odds by 2 to 4'],
    ['attack raises <|>x5..12\n', 'multiplies the odds by 5 to 12 with `raises`'],
    ['attack lowers <|>×2 to x4\n', '**×2..x4**: multiplies the odds by 2 to 4 with `raises`, divides them with `lowers`. Uncertain'],
    ['attack raises <|>x0.5\n', 'A multiplier below 1 is an error'],
    ['probability 20% <|>to 35%\n', 'the two ends of a range'],
    ['<|>base 20%\n', 'when none of its drivers holds'],
    ['<|>judged likely\n', 'Your own call'],
    ['<|>given attack\n', 'forces a factor, event or outcome to hold'],
    ['crisis <|>raises weakly\n', 'multiplies the outcome\'s odds'],
    ['probability <|>may\n', 'carries no defined probability'],
  ])('%j', (line, expected) => {
    const { state, cursors } = marked(line);
    expect(value(hover(state, cursors[0]!))).toContain(expected);
  });

  it('explains a written number with its phrase', () => {
    const { state, cursors } = marked('factor f {\n  probability 55%..<|>75%\n}\noutcome o { base 1%; f raises x2 }');
    expect(shown(value(hover(state, cursors[0]!)))).toContain('uniform between 55% and 75% (mean 65%); in words, *likely*');
    const point = marked('factor f {\n  probability 3<|>0%\n}');
    expect(shown(value(hover(point.state, point.cursors[0]!)))).toContain('**30%**: a point probability; in words, *unlikely*');
  });

  it('is silent in comments, strings and on punctuation', () => {
    for (const text of ['// likely <|>crisis', 'factor f "a <|>likely label" { probability 5% }', 'factor f {<|> probability 5% }']) {
      const { state, cursors } = marked(text);
      expect(hover(state, cursors[0]!)).toBeNull();
    }
  });

  it('keeps working around a declaration that does not parse', () => {
    const { state, cursors } = marked('factor a { probability 30% }\nfactor broken { probability }\noutcome o { base 10%; <|>a raises weakly }');
    expect(state.document.errors.length).toBeGreaterThan(0);
    expect(shown(value(hover(state, cursors[0]!)))).toContain('**factor** **a**');
  });
});
