// `resolved yes|no on DATE` in factors, events and outcomes (LANGUAGE.md: Declarations), on the
// language side: the syntax tree, the model's resolution, the checks duplicate-resolution,
// resolution-future (today passed in) and invalid-date, completion, hover with the Brier score,
// formatting, semantic tokens; and that a resolution never changes the forecast.
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../server/src/analysis/analyzeSource';
import { forecast } from '../../server/src/engine/forecast';
import { formatDocument } from '../../server/src/features/format';
import { semanticTokens, semanticTokensLegend } from '../../server/src/features/semanticTokens';
import { analyze } from '../../server/src/model/analyze';
import { LineIndex } from '../../server/src/syntax/lines';
import { parseDocument } from '../../server/src/syntax/parse';
import { applyEdits } from '../fixture';
import { expectCompletion, expectHover } from '../features/expect';
import { stateOf } from '../features/state';
import { applyEdit, lineColumn } from './helpers';

const MODEL = `factor crisis "Crises" {
  probability 85%
  resolved yes on 2025-06-30
}
event attack {
  probability 10%..30%
  resolved no on 2025-12-31
}
outcome talks "Talks resume" {
  base 40%
  crisis lowers weakly
  attack lowers strongly
  judged likely
  resolved yes on 2025-11-02
}
`;

const codes = (text: string, code: string, today?: string) =>
  analyzeSource({ text, today }).diagnostics.filter((d) => d.code === code);

describe('the syntax tree and the model', () => {
  it('reads yes or no and the date, in factors, events and outcomes', () => {
    const doc = parseDocument(MODEL);
    expect(doc.errors).toEqual([]);
    const resolved = doc.declarations.flatMap((d) => d.statements.filter((s) => s.kind === 'resolved'));
    expect(resolved.map((s) => s.kind === 'resolved' && [s.value, s.date.text, MODEL.slice(s.valueSpan.start, s.valueSpan.end)])).toEqual([
      [true, '2025-06-30', 'yes'], [false, '2025-12-31', 'no'], [true, '2025-11-02', 'yes'],
    ]);
    const { model, diagnostics } = analyze(MODEL);
    expect(diagnostics).toEqual([]);
    expect([...model.variables.values()].map((v) => [v.name, v.resolution?.value, v.resolution?.date])).toEqual([
      ['crisis', true, '2025-06-30'], ['attack', false, '2025-12-31'], ['talks', true, '2025-11-02'],
    ]);
  });

  it('is not accepted in the scenario block or in alternatives, and its words are reserved', () => {
    expect(parseDocument('scenario "S" {\n  resolved yes on 2025-01-01\n}').errors).toHaveLength(1);
    expect(parseDocument('alternative "A" {\n  resolved yes on 2025-01-01\n}').errors).toHaveLength(1);
    expect(parseDocument('factor f { probability 5%; resolved maybe on 2025-01-01 }').errors[0]!.message).toContain('yes or no');
    for (const word of ['resolved', 'yes', 'on']) expect(parseDocument(`factor ${word} { probability 5% }`).errors, word).toHaveLength(1);
  });

  it('never changes the forecast: the same numbers to the last digit, resolved yes, no or not at all', () => {
    const unresolved = MODEL.replace(/^\s*resolved .*\n/gm, '');
    const flipped = MODEL.replace(/resolved yes/g, 'resolved x').replace(/resolved no/g, 'resolved yes').replace(/resolved x/g, 'resolved no');
    const numbers = (text: string) => {
      const f = forecast(analyze(text).model, { seed: 7 });
      return { outcomes: f.outcomes.map((o) => [o.probability, o.band, o.swing]), inputs: f.inputs.map((i) => i.probability), worlds: f.worlds };
    };
    expect(unresolved).not.toContain('resolved');
    expect(numbers(MODEL)).toEqual(numbers(unresolved));
    expect(numbers(flipped)).toEqual(numbers(unresolved));
    expect(numbers(MODEL).outcomes[0]![0]).toBeGreaterThan(0);
  });
});

describe('checks', () => {
  it('duplicate-resolution: at the second line, the first as related information, a fix that removes it; the first counts', () => {
    const text = MODEL.replace('  resolved yes on 2025-11-02\n', '  resolved yes on 2025-11-02\n  resolved no on 2025-11-03\n');
    const [d, ...rest] = codes(text, 'duplicate-resolution');
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('error');
    expect(lineColumn(text, d!.span.start)).toEqual({ line: 15, column: 3 });
    expect(d!.message).toBe("'talks' is already resolved on line 14 ('resolved yes on 2025-11-02'): a question resolves once, " +
      'so keep the one line that says how it turned out (this one is ignored).');
    expect(d!.related![0]!.span.start).toBe(text.indexOf('resolved yes on 2025-11-02'));
    expect(analyze(text).model.variables.get('talks')!.resolution).toMatchObject({ value: true, date: '2025-11-02' });
    const fixed = applyEdit(text, d!.fixes![0]!);
    expect(fixed).toBe(MODEL);
  });

  it('resolution-future: a warning on a date after the today passed in, with a fix to today; none on or before it, none without a today', () => {
    expect(codes(MODEL, 'resolution-future', '2025-11-02')).toHaveLength(1);
    const [d] = codes(MODEL, 'resolution-future', '2025-11-02');
    expect(d!.severity).toBe('warning');
    expect(MODEL.slice(d!.span.start, d!.span.end)).toBe('2025-12-31');
    expect(d!.message).toContain("'2025-12-31' is after today (2025-11-02)");
    expect(d!.fixes![0]!.newText).toBe('2025-11-02');
    expect(codes(MODEL, 'resolution-future', '2025-12-31')).toEqual([]);
    expect(codes(MODEL, 'resolution-future')).toEqual([]);
    expect(codes(MODEL, 'resolution-future', '2025-06-29').map((x) => MODEL.slice(x.span.start, x.span.end)))
      .toEqual(['2025-06-30', '2025-12-31', '2025-11-02']);
    // A warning only: the file is still forecast.
    expect(analyzeSource({ text: MODEL, today: '2025-01-01' }).model.hasErrors).toBe(false);
  });

  it('invalid-date: a resolution on a day that does not exist, with the fix to the month\'s last day, and no resolution in the model', () => {
    const text = MODEL.replace('2025-11-02', '2025-11-31');
    const [d, ...rest] = codes(text, 'invalid-date');
    expect(rest).toEqual([]);
    expect(d!.message).toBe("'2025-11-31' is not a date: November 2025 has 30 days.");
    expect(d!.fixes![0]!.newText).toBe('2025-11-30');
    expect(analyze(text).model.variables.get('talks')!.resolution).toBeNull();
    expect(codes(MODEL.replace('2025-06-30', '2025-13-01'), 'invalid-date')[0]!.message).toContain('the month must be 01 to 12');
  });
});

describe('editor features', () => {
  it('completion offers resolved in factors, events and outcomes, then yes or no, then on', () => {
    expectCompletion('factor f {\n  probability 5%\n  <|>\n}', { includes: ['resolved'] });
    expectCompletion('outcome o {\n  base 5%\n  <|>\n}', { includes: ['resolved'] });
    expectCompletion('factor f {\n  probability 5%\n  resolved <|>\n}', { exactly: ['yes', 'no'] });
    expectCompletion('factor f {\n  probability 5%\n  resolved yes <|>\n}', { exactly: ['on'] });
    expectCompletion('scenario "S" {\n  <|>\n}', { excludes: ['resolved'] });
  });

  it('hover: the keyword says what it means; the name says how it resolved and the Brier score of its forecast', () => {
    expectHover(MODEL.replace('resolved yes on 2025-06-30', '<|>resolved yes on 2025-06-30'), 'How the question turned out', 'never changes the forecast');
    expectHover(MODEL.replace('resolved no', 'resolved <|>no'), 'turned out false');
    // crisis: 85%, resolved yes: (0.85 − 1)² = 0.0225.
    expectHover(MODEL.replace('factor crisis', 'factor <|>crisis'), '**Resolved:** yes on 2025-06-30.', 'Brier score 0.0225 for this forecast (85%)');
    // talks: judged likely (55%–80%), its middle 67.5%: (0.675 − 1)² = 0.105625 → 0.1056.
    const talks = expectHover(MODEL.replace('outcome talks', 'outcome <|>talks'), '**Resolved:** yes on 2025-11-02.', "your judged call's 0.1056");
    const p = forecast(analyze(MODEL).model).outcomes[0]!.probability;
    expect(talks).toContain(`Brier score ${((p - 1) ** 2).toFixed(4)} for this forecast`);
  });

  it('formatting puts the line in its block like any other statement, and keeps it', () => {
    const text = 'factor f {\nprobability 5%\n      resolved   no   on   2025-01-02\n}\n';
    const formatted = applyEdits(text, formatDocument(stateOf(text, { forecast: false }), { tabSize: 2, insertSpaces: true }));
    expect(formatted).toBe('factor f {\n  probability 5%\n  resolved no on 2025-01-02\n}\n');
  });

  it('semantic tokens: resolved, yes/no and on are keywords, the date a number', () => {
    const text = 'factor f {\n  probability 5%\n  resolved no on 2025-01-02\n}\n';
    const data = semanticTokens(stateOf(text)).data;
    const lines = new LineIndex(text);
    const out: string[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      const [dLine, dChar, length, type] = data.slice(i, i + 4) as [number, number, number, number];
      line += dLine;
      character = dLine === 0 ? character + dChar : dChar;
      const start = lines.offsetAt({ line, character });
      out.push(`${text.slice(start, start + length)} ${semanticTokensLegend.tokenTypes[type]}`);
    }
    expect(out).toEqual(expect.arrayContaining(['resolved keyword', 'no keyword', 'on keyword']));
    expect(out.find((t) => t.startsWith('2025-01-02'))).toMatch(/^2025-01-02 number/);
  });
});
