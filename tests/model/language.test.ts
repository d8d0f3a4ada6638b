// LANGUAGE.md's normative example and every form its tables and rules show parse and check clean.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/model/analyze';
import { PHRASES, STRENGTHS } from '../../server/src/syntax/vocabulary';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

describe("LANGUAGE.md's example", () => {
  const text = LANGUAGE_EXAMPLE;
  const { document, model, diagnostics } = analyze(text);

  it('parses and checks with no diagnostic at all', () => {
    expect(document.errors).toEqual([]);
    expect(diagnostics).toEqual([]);
    expect(model.hasErrors).toBe(false);
  });

  it('resolves every declaration', () => {
    expect(model.inputs.map((v) => v.name)).toEqual(['crisis', 'khan_popular', 'rapport', 'attack']);
    expect(model.outcomes.map((v) => v.name)).toEqual(['democracy_push', 'trade_up', 'security_ties']);
    expect(model.settings).toMatchObject({
      title: 'US–Pakistan relations, 2025',
      question: 'Where will US–Pakistan relations stand at the end of 2025?',
      horizon: { from: '2025-01-20', to: '2026-01-20' },
      samples: 50000,
      seed: 2025,
    });
    expect(model.alternatives.map((a) => a.title)).toEqual(['Khan released', 'Attack happens']);
    expect(model.alternatives[1]!.changes).toMatchObject([{ kind: 'given', name: 'attack', value: true }]);
  });
});

/** Factors named f0, f1…, each with one of `probabilities`, all driving one outcome: nothing unused. */
function probabilitiesFile(probabilities: string[]): string {
  const factors = probabilities.map((p, i) => `factor f${i} {\n  probability ${p}\n}\n`).join('\n');
  const drivers = probabilities.map((_, i) => `  f${i} raises weakly`).join('\n');
  return `${factors}\noutcome o {\n  base 50%\n${drivers}\n}\n`;
}

describe('every probability form of LANGUAGE.md', () => {
  const forms = PHRASES.flatMap((r) => r.forms);
  it.each([
    ['a percentage', '35%', 0.35, 0.35],
    ['a decimal', '0.35', 0.35, 0.35],
    ['a percentage range', '20%..35%', 0.2, 0.35],
    ['a decimal range', '0.2..0.35', 0.2, 0.35],
    ['0%', '0%', 0, 0],
    ['100%', '100%', 1, 1],
  ])('%s (%s)', (_, written, low, high) => {
    const { model, diagnostics } = analyze(probabilitiesFile([written as string]));
    expect(diagnostics).toEqual([]);
    expect(model.inputs[0]!.probability).toMatchObject({ low, high, text: written });
  });

  it('every ICD 203 phrase and its other form stand for the range of its row', () => {
    expect(forms).toHaveLength(14);
    const { model, diagnostics } = analyze(probabilitiesFile(forms));
    expect(diagnostics).toEqual([]);
    forms.forEach((form, i) => {
      const row = PHRASES.find((r) => r.forms.includes(form))!;
      expect(model.inputs[i]!.probability).toMatchObject({ low: row.low, high: row.high, phrase: row.phrase, text: form });
    });
  });
});

describe('every strength form of LANGUAGE.md', () => {
  const cases: [string, number, number][] = [
    ...STRENGTHS.map((s): [string, number, number] => [s.word, s.low, s.high]),
    ['x3', 3, 3],
    ['x2.5', 2.5, 2.5],
    ['x2..5', 2, 5],
  ];
  it.each(cases)('raises and lowers %s', (strength, low, high) => {
    const text = `factor a { probability likely }\nfactor b { probability 30% }\n` +
      `outcome o {\n  base 20%\n  a raises ${strength}\n  b lowers ${strength}\n}\n`;
    const { model, diagnostics } = analyze(text);
    expect(diagnostics).toEqual([]);
    expect(model.outcomes[0]!.drivers).toMatchObject([
      { name: 'a', direction: 'raises', strength: { low, high, text: strength } },
      { name: 'b', direction: 'lowers', strength: { low, high, text: strength } },
    ]);
  });
});

describe('the other rules of LANGUAGE.md', () => {
  it('layout, labels, escapes, comments, outcome drivers, pinned bases and every alternative form', () => {
    const text = [
      '// no scenario block: it is optional',
      'factor a "Quote \\" and backslash \\\\ and Unicode: Привет, 漢字, ✓" { probability 35%; note "n"; source "s1"; source "s2" }',
      'event e { probability unlikely } // a trailing comment',
      'outcome o1 { base 0%; a raises strongly }',
      'outcome o2 "Pinned" {',
      '  base 100%',
      '  e lowers x2..5',
      '  o1 raises decisively',
      '  judged almost certain',
      '  note "an outcome may drive another"',
      '}',
      'alternative "Every change" {',
      '  a 85%..95%',
      '  e very likely',
      '  o1 base 30%',
      '  given not e',
      '  given o1',
      '}',
      '',
    ].join('\n');
    const { document, model, diagnostics } = analyze(text);
    expect(document.errors).toEqual([]);
    expect(diagnostics).toEqual([]);
    const a = model.variables.get('a')!;
    expect(a.label).toBe('Quote " and backslash \\ and Unicode: Привет, 漢字, ✓');
    expect(a.notes).toEqual(['n']);
    expect(a.sources).toEqual(['s1', 's2']);
    expect(model.variables.get('e')!.label).toBe('e');
    expect(model.settings).toMatchObject({ title: null, question: null, horizon: null, samples: 20000, seed: 1 });
    expect(model.order).toEqual(['a', 'e', 'o1', 'o2']);
    expect(model.alternatives[0]!.changes.map((c) => c.kind)).toEqual([
      'set-probability', 'set-probability', 'set-base', 'given', 'given',
    ]);
    expect(model.alternatives[0]!.changes.slice(3)).toMatchObject([
      { name: 'e', value: false }, { name: 'o1', value: true },
    ]);
  });

  it('a factor that drives nothing is the only thing reported, as an unused hint', () => {
    const text = 'factor lonely { probability 35% }\n';
    const { diagnostics, model } = analyze(text);
    expect(diagnostics).toMatchObject([
      { code: 'unused', severity: 'hint', unnecessary: true, span: { start: 7, end: 13 } },
    ]);
    expect(model.hasErrors).toBe(false);
  });
});
