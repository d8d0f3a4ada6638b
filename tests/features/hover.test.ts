// Hover (server/src/features/hover.ts) explains names with the forecast's numbers, and the words of
// the language.
import { describe, expect, it } from 'vitest';
import { formatBand, formatPercent, formatPoints } from '../../common/text/numbers';
import type { DocumentState } from '../../server/src/features/context';
import { cursorIn } from '../fixture';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';
import { expectHover, expectHoverMarkdown, expectNoHover, hoverAt, hoverMarkdown, shown } from './expect';
import { marked, stateOf } from './state';

const EXAMPLE = LANGUAGE_EXAMPLE;

/** The example with a cursor where `excerpt` (a piece of it with `<|>`) says. */
const inExample = (excerpt: string) => marked(cursorIn(EXAMPLE, excerpt));

const outcome = (state: DocumentState, name: string) => state.forecast!.outcomes.find((o) => o.name === name)!;

describe('hover on a factor or event', () => {
  it('explains a factor at its declaration: label, probability, phrase, range, note, source, swings', () => {
    const at = inExample('factor c<|>risis');
    const push = outcome(at.state, 'democracy_push').swing.find((s) => s.name === 'crisis')!;
    expectHover(at,
      "**factor** **crisis** — Pakistan's political, constitutional and economic crises",
      '**Probability:** 97.0% on average: *almost certain*, which ICD 203 puts at 95%–99%.',
      '**Note:** Election-fraud allegations against the governing coalition.',
      '**Source:** op-ed, paragraph 2',
      `**democracy_push** (Washington presses Islamabad on democracy and free speech): moderately raises: multiplies the odds by 2 to 4; swing ${formatPoints(push.points)} points`,
      '**trade_up** (US–Pakistan trade grows): weakly raises: multiplies the odds by 1.25 to 2');
  });

  it('gives the same explanation on a use of the name, with the range of the name', () => {
    const use = inExample('  cr<|>isis raises');
    expect(hoverMarkdown(use)).toBe(hoverMarkdown(inExample('factor c<|>risis')));
    const start = use.text.lastIndexOf('crisis', use.offsets[0]);
    expect(hoverAt(use).range).toEqual({ start: use.state.lines.positionAt(start), end: use.state.lines.positionAt(start + 6) });
  });

  it('explains an uncertain probability as its mean, range and phrase', () => {
    expectHover(inExample('factor ra<|>pport'), '**Probability:** 65% on average, uniform over 55%–75%; in words, *likely* (55%–80% in ICD 203).');
  });

  it('names outcomes an input drives only through other outcomes', () => {
    expectHover(inExample('event a<|>ttack'), '**event** **attack** — A major terror attack touches US interests', 'x5..12 raises: multiplies the odds by 5 to 12');
    const rapport = inExample('factor ra<|>pport');
    const indirect = outcome(rapport.state, 'security_ties').swing.some((s) => s.name === 'rapport');
    expectHover(rapport, ...(indirect ? [/\*\*security_ties\*\* \(.*\): indirectly, through other outcomes/] : []));
  });

  it('says when the forecast is missing or stale', () => {
    const text = cursorIn(EXAMPLE, 'factor c<|>risis');
    expectHover(marked(text, { forecast: false }), 'No forecast yet');
    expectHover(marked(text, { staleForecast: stateOf(EXAMPLE).forecast! }), 'earlier version of this file');
  });

  it('escapes hostile labels, notes and sources', () => {
    const at = marked([
      'factor <|>evil "[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **b** `c`" {',
      '  probability 40%',
      '  note "https://evil.example <script>alert(1)</script>"',
      '  source "![i](https://evil.example/i.png) & &amp;"',
      '}',
      'outcome o { base 10%; evil raises weakly }',
    ].join('\n'));
    const raw = expectHoverMarkdown(at, '\\[click\\](command:');
    expect(raw).not.toMatch(/(^|[^\\])[<[`]/);
    expect(raw).not.toMatch(/(^|[^\\])\]\(/); // no `](` that a link could close on
    expect(raw).not.toContain('https://');
    expect(raw).not.toMatch(/(^|[^\\*])\*\*b/);
    expect(shown(raw)).toContain('<script>alert(1)</script>');
  });
});

describe('hover on an outcome', () => {
  it('shows forecast, band, judged vs computed, top drivers, base and drivers', () => {
    const at = inExample('outcome de<|>mocracy_push');
    const computed = outcome(at.state, 'democracy_push');
    expectHover(at,
      `**Forecast:** ${formatPercent(computed.probability)}, *${computed.phrase}*; band ${formatBand(computed.band)}`,
      computed.judged!.agrees ? 'agrees with the computed' : 'contradicted',
      `**Top drivers by swing:** ${computed.swing[0]!.name} ${formatPoints(computed.swing[0]!.points)} points`,
      '**Base:** 20%; in words, *very unlikely* (5%–20% in ICD 203). It is the probability when none of the drivers holds.',
      '- **rapport** (Trump and Khan keep a positive relationship): moderately raises: multiplies the odds by 2 to 4; swing');
  });

  it('lists what to watch and the linchpins, as the report words them', () => {
    // P(o) = 0.3 + 0.6·P(a): seeing a takes it to 90%, not a to 30%; it stays roughly even while a is 25–41.7%.
    const text = 'factor a { probability 30% }\noutcome <|>o { base 30%; a raises x21 }\n';
    expectHover(text,
      '**What to watch:** if a is seen: 48% → 90% (30% if not).',
      '**Linchpins:** stays roughly even chance while a is between 25% and 42%.');
  });

  it('says on a factor which judgments it is a linchpin of', () => {
    expectHover('factor <|>a { probability 30% }\noutcome o { base 30%; a raises x21 }\n',
      '**Linchpin of:**\n- **o**: stays roughly even chance while a is between 25% and 42%');
  });

  it('says when a judgment is contradicted', () => {
    expectHover('outcome <|>o { base 90%; judged very unlikely }',
      '**Forecast:** 90%',
      '**Judged:** very unlikely (5%–20%): contradicted, the computed 90% falls outside it.',
      '**Drivers:** none');
  });

  it('works on an outcome used as a driver', () => {
    expectHover(inExample('  dem<|>ocracy_push lowers'), '**outcome** **democracy_push**');
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
    ['obs<|>erve attack\n', '**observe**'],
    ['<|>observe attack\n', 'conditions on NAME being seen to hold (`observe NAME`) or not (`observe not NAME`): evidence, reasoning backwards as well as forwards, unlike `given`, which makes it so.'],
    ['observe <|>not attack\n', '`observe not NAME` conditions on NAME being seen not to hold'],
    ['given <|>not attack\n', '`given not NAME` forces NAME not to hold'],
    ['crisis <|>raises weakly\n', 'multiplies the outcome\'s odds'],
    ['probability <|>may\n', 'carries no defined probability'],
  ])('%j', (line, expected) => {
    expectHoverMarkdown(line, expected);
  });

  it('explains a written number with its phrase', () => {
    expectHover('factor f {\n  probability 55%..<|>75%\n}\noutcome o { base 1%; f raises x2 }', 'uniform between 55% and 75% (mean 65%); in words, *likely*');
    expectHover('factor f {\n  probability 3<|>0%\n}', '**30%**: a point probability; in words, *unlikely*');
  });

  it('is silent in comments, strings and on punctuation', () => {
    expectNoHover('// likely <|>crisis');
    expectNoHover('factor f "a <|>likely label" { probability 5% }');
    expectNoHover('factor f {<|> probability 5% }');
  });

  it('keeps working around a declaration that does not parse', () => {
    const at = marked('factor a { probability 30% }\nfactor broken { probability }\noutcome o { base 10%; <|>a raises weakly }');
    expect(at.state.document.errors.length).toBeGreaterThan(0);
    expectHover(at, '**factor** **a**');
  });
});
