// The grammar accepts all of LANGUAGE.md and builds the tree of ast.ts with exact spans.
import { describe, expect, it } from 'vitest';
import type {
  AltBaseStatement, AltGivenStatement, AltObserveStatement, AltSetStatement, DriverStatement, HorizonStatement, NumberStatement,
  ProbabilityStatement, ScenarioDocument, TextStatement, VariableDeclaration,
} from '../../server/src/syntax/ast';
import { parseDocument } from '../../server/src/syntax/parse';
import { HEDGES, KEYWORDS, PHRASES, STRENGTHS } from '../../server/src/syntax/vocabulary';
import { allSpans, slice, where } from './helpers';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

const example = LANGUAGE_EXAMPLE;

function clean(text: string): ScenarioDocument {
  const doc = parseDocument(text);
  expect(doc.errors).toEqual([]);
  return doc;
}

function only<T>(text: string): T {
  const doc = clean(text);
  expect(doc.declarations).toHaveLength(1);
  return doc.declarations[0]!.statements[0] as T;
}

describe('the example of LANGUAGE.md', () => {
  const doc = parseDocument(example);

  it('parses with no errors, every declaration in order', () => {
    expect(doc.errors).toEqual([]);
    expect(doc.declarations.map((d) => d.kind)).toEqual([
      'scenario', 'factor', 'factor', 'factor', 'event', 'outcome', 'outcome', 'outcome', 'alternative', 'alternative',
    ]);
    expect(doc.text).toBe(example);
  });

  it('collects the comment', () => {
    expect(doc.comments).toEqual([
      { text: "// US–Pakistan relations in the first year of Trump's second term", span: { start: 0, end: 65 } },
    ]);
  });

  it('gives names, labels and keywords exact spans', () => {
    const crisis = doc.declarations[1] as VariableDeclaration;
    expect(crisis.name.text).toBe('crisis');
    expect(where(example, crisis.name.span.start)).toBe('9:8');
    expect(slice(example, crisis.name.span)).toBe('crisis');
    expect(slice(example, crisis.keywordSpan)).toBe('factor');
    expect(crisis.label!.value).toBe("Pakistan's political, constitutional and economic crises");
    expect(slice(example, crisis.label!.span)).toBe('"Pakistan\'s political, constitutional and economic crises"');
    expect(slice(example, crisis.bodySpan).startsWith('{')).toBe(true);
    expect(slice(example, crisis.bodySpan).endsWith('}')).toBe(true);
    expect(slice(example, crisis.span).startsWith('factor crisis')).toBe(true);
    expect(where(example, crisis.span.end)).toBe('13:2');
  });

  it('reads the scenario block', () => {
    const scenario = doc.declarations[0]!;
    expect(scenario.kind).toBe('scenario');
    if (scenario.kind !== 'scenario') return;
    expect(scenario.title.value).toBe('US–Pakistan relations, 2025');
    const [question, horizon, samples, seed] = scenario.statements as [
      TextStatement, HorizonStatement, NumberStatement, NumberStatement,
    ];
    expect(question.text.value).toBe('Where will US–Pakistan relations stand at the end of 2025?');
    expect(horizon.from).toMatchObject({ year: 2025, month: 1, day: 20, text: '2025-01-20' });
    expect(horizon.to).toMatchObject({ year: 2026, month: 1, day: 20 });
    expect(slice(example, horizon.to.span)).toBe('2026-01-20');
    expect(samples).toMatchObject({ kind: 'samples', value: 50000, text: '50000' });
    expect(slice(example, samples.valueSpan)).toBe('50000');
    expect(seed).toMatchObject({ kind: 'seed', value: 2025 });
  });

  it('reads phrases, ranges, drivers and alternatives', () => {
    const crisis = doc.declarations[1]!.statements[0] as ProbabilityStatement;
    expect(crisis.value).toMatchObject({ kind: 'phrase', phrase: 'almost certain', text: 'almost certain' });
    expect(where(example, crisis.value.span.start)).toBe('10:15');
    const rapport = doc.declarations[3]!.statements[0] as ProbabilityStatement;
    expect(rapport.value).toMatchObject({
      kind: 'range', text: '55%..75%', low: { value: 0.55, unit: '%', text: '55%' }, high: { value: 0.75, unit: '%' },
    });
    const security = doc.declarations[7]!;
    const [base, attack, push, judged] = security.statements as [
      ProbabilityStatement, DriverStatement, DriverStatement, ProbabilityStatement,
    ];
    expect(base.value).toMatchObject({ kind: 'point', value: 0.1, unit: 'decimal', text: '0.10' });
    expect(attack).toMatchObject({
      kind: 'driver', direction: 'raises', name: { text: 'attack' },
      strength: { kind: 'multiplier', low: 5, high: 12, text: 'x5..12' },
    });
    expect(slice(example, attack.keywordSpan)).toBe('attack');
    expect(slice(example, attack.directionSpan)).toBe('raises');
    expect(slice(example, attack.span)).toBe('attack raises x5..12');
    expect(push).toMatchObject({ direction: 'lowers', strength: { kind: 'word', word: 'weakly' } });
    expect(judged.value).toMatchObject({ kind: 'phrase', phrase: 'very unlikely' });
    const released = doc.declarations[8]!;
    expect(released.kind === 'alternative' && released.title.value).toBe('Khan released');
    expect(released.statements[0]).toMatchObject({ kind: 'alt-set', name: { text: 'rapport' }, value: { kind: 'range' } });
    expect(released.statements[1]).toMatchObject({ kind: 'alt-set', name: { text: 'khan_popular' }, value: { phrase: 'almost certain' } });
    const attackAlt = doc.declarations[9]!.statements[0] as AltGivenStatement;
    expect(attackAlt).toMatchObject({ kind: 'alt-given', negated: false, name: { text: 'attack' } });
    expect(slice(example, attackAlt.keywordSpan)).toBe('given');
  });

  it('every span lies inside the text and every node span covers its children', () => {
    for (const span of allSpans(doc)) {
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(example.length);
      expect(span.start).toBeLessThanOrEqual(span.end);
    }
    for (const d of doc.declarations) {
      if (d.kind === 'import') continue; // no body
      for (const s of d.statements) {
        expect(s.span.start).toBeGreaterThanOrEqual(d.bodySpan.start);
        expect(s.span.end).toBeLessThanOrEqual(d.bodySpan.end);
      }
    }
  });
});

describe('the inline examples of LANGUAGE.md', () => {
  const factor = (p: string): ProbabilityStatement => only(`factor f { probability ${p} }`);

  it('points: 35% and 0.35', () => {
    expect(factor('35%').value).toEqual({ kind: 'point', value: 0.35, unit: '%', text: '35%', span: { start: 23, end: 26 } });
    expect(factor('0.35').value).toMatchObject({ kind: 'point', value: 0.35, unit: 'decimal' });
  });

  it('ranges: 20%..35% and 0.2..0.35', () => {
    expect(factor('20%..35%').value).toMatchObject({ kind: 'range', low: { value: 0.2 }, high: { value: 0.35 } });
    expect(factor('0.2..0.35').value).toMatchObject({ low: { value: 0.2, unit: 'decimal' }, high: { value: 0.35 } });
  });

  it('every ICD 203 phrase, in every spelling, stands for its canonical row', () => {
    for (const row of PHRASES) {
      for (const form of row.forms) {
        expect(factor(form).value).toMatchObject({ kind: 'phrase', phrase: row.phrase, text: form });
      }
    }
  });

  it('phrases allow any inner spaces and keep the text as written', () => {
    expect(factor('roughly   even\todds').value).toMatchObject({ phrase: 'roughly even chance', text: 'roughly   even\todds' });
    expect(factor('almost\n  no chance').value).toMatchObject({ phrase: 'almost no chance' });
  });

  it('every strength: words, x3, x2.5, x2..5', () => {
    const strength = (s: string): DriverStatement => only(`outcome o { d raises ${s} }`);
    for (const row of STRENGTHS) expect(strength(row.word).strength).toMatchObject({ kind: 'word', word: row.word });
    expect(strength('x3').strength).toMatchObject({ kind: 'multiplier', low: 3, high: 3, text: 'x3' });
    expect(strength('x2.5').strength).toMatchObject({ low: 2.5, high: 2.5 });
    expect(strength('x2..5').strength).toMatchObject({ low: 2, high: 5 });
  });

  it('alternative lines: NAME P, NAME base P, given NAME, given not NAME', () => {
    const text = 'alternative "a" {\n  f 30%\n  o base likely\n  given e\n  given not g\n}';
    const doc = clean(text);
    const [set, base, given, givenNot] = doc.declarations[0]!.statements as [
      AltSetStatement, AltBaseStatement, AltGivenStatement, AltGivenStatement,
    ];
    expect(set).toMatchObject({ kind: 'alt-set', name: { text: 'f' }, value: { value: 0.3 } });
    expect(base).toMatchObject({ kind: 'alt-base', name: { text: 'o' }, value: { phrase: 'likely' } });
    expect(given).toMatchObject({ kind: 'alt-given', negated: false, name: { text: 'e' } });
    const g = text.indexOf('g\n}');
    expect(givenNot).toMatchObject({ kind: 'alt-given', negated: true, name: { text: 'g', span: { start: g, end: g + 1 } } });
    expect(slice(text, givenNot.span)).toBe('given not g');
  });

  it('alternative lines: observe NAME, observe not NAME; `observe` is reserved', () => {
    const text = 'alternative "a" {\n  observe e\n  observe   not g ; given h\n}';
    const [observe, observeNot, given] = clean(text).declarations[0]!.statements as [
      AltObserveStatement, AltObserveStatement, AltGivenStatement,
    ];
    expect(observe).toMatchObject({ kind: 'alt-observe', negated: false, name: { text: 'e' } });
    expect(slice(text, observe.keywordSpan)).toBe('observe');
    const g = text.indexOf('g ;');
    expect(observeNot).toMatchObject({ kind: 'alt-observe', negated: true, name: { text: 'g', span: { start: g, end: g + 1 } } });
    expect(slice(text, observeNot.span)).toBe('observe   not g');
    expect(given).toMatchObject({ kind: 'alt-given', name: { text: 'h' } });
    // A keyword cannot be a name; a longer word that starts with it can.
    expect(parseDocument('factor observe { probability 10% }').errors).toHaveLength(1);
    expect(clean('factor observed { probability 10% }').declarations).toHaveLength(1);
  });

  it('labels are optional; events and outcomes read like factors', () => {
    const doc = clean('event e { probability 10% }\noutcome o { base 20%\n e raises x3\n judged likely }');
    expect(doc.declarations.map((d) => [d.kind, (d as VariableDeclaration).label])).toEqual([
      ['event', null],
      ['outcome', null],
    ]);
  });
});

describe('lexical rules', () => {
  it('statements may be separated by `;`, spaces or line breaks', () => {
    const doc = clean('factor f { probability 30%; note "a";; source "b" source "c" }');
    expect(doc.declarations[0]!.statements.map((s) => s.kind)).toEqual(['probability', 'note', 'source', 'source']);
  });

  it('strings: escapes resolved, any Unicode kept, spans include the quotes', () => {
    const note = only<TextStatement>('factor f { note "say \\"hi\\" \\\\ Lahore–Karachi 😀 \\n" }');
    expect(note.text.value).toBe('say "hi" \\ Lahore–Karachi 😀 \\n');
    expect(note.text.span.start).toBe(16);
    expect(note.text.span.end).toBe(16 + '"say \\"hi\\" \\\\ Lahore–Karachi 😀 \\n"'.length);
  });

  it('names: letters (any script), digits and _, case-sensitive', () => {
    const doc = clean('factor Übergang_2 { probability 1% }\nfactor übergang_2 { probability 2% }');
    expect(doc.declarations.map((d) => (d as VariableDeclaration).name.text)).toEqual(['Übergang_2', 'übergang_2']);
  });

  it('keywords end at a word boundary', () => {
    const doc = clean(
      'factor unlikely_x { probability unlikely }\nfactor notes { probability 1% }\n'
      + 'factor evenx { probability 1% }\nfactor maybes { probability 1% }\nfactor x2 { probability 1% }',
    );
    expect(doc.declarations.map((d) => (d as VariableDeclaration).name.text)).toEqual([
      'unlikely_x', 'notes', 'evenx', 'maybes', 'x2',
    ]);
    expect((doc.declarations[0]!.statements[0] as ProbabilityStatement).value).toMatchObject({ phrase: 'unlikely' });
  });

  it('every reserved word is refused as a name, with the same message', () => {
    for (const word of KEYWORDS) {
      const doc = parseDocument(`factor ${word} { probability 1% }`);
      expect(doc.declarations).toEqual([]);
      expect(doc.errors.map((e) => e.message)).toEqual([`'${word}' is a reserved word and cannot be a name`]);
      expect(doc.errors[0]!.span).toEqual({ start: 7, end: 7 + word.length });
    }
  });

  it('comments anywhere, collected in order; `//` inside a string is text', () => {
    const text = '// a\nfactor f { // b\n  note "x // not a comment" // c\n}\n// d';
    const doc = clean(text);
    expect(doc.comments.map((c) => c.text)).toEqual(['// a', '// b', '// c', '// d']);
    expect(doc.comments.map((c) => slice(text, c.span))).toEqual(['// a', '// b', '// c', '// d']);
    expect((doc.declarations[0]!.statements[0] as TextStatement).text.value).toBe('x // not a comment');
  });

  it('CRLF line endings parse like LF', () => {
    const crlf = example.replace(/\n/g, '\r\n');
    const doc = clean(crlf);
    expect(doc.declarations).toHaveLength(10);
    expect(doc.comments[0]!.text.endsWith('\r')).toBe(false);
  });

  it('an empty file, or one with only comments, has nothing and no errors', () => {
    expect(clean('')).toEqual({ text: '', declarations: [], errors: [], comments: [] });
    expect(clean('  // only a comment\n\n').comments).toHaveLength(1);
  });
});

describe('values the checks explain, not the grammar', () => {
  const value = (p: string): unknown => only<ProbabilityStatement>(`factor f { probability ${p} }`).value;

  it('out-of-bounds percentages and decimals', () => {
    expect(value('150%')).toMatchObject({ kind: 'point', value: 1.5, unit: '%' });
    expect(value('-5%')).toMatchObject({ kind: 'point', value: -0.05 });
    expect(value('1.5')).toMatchObject({ kind: 'point', value: 1.5, unit: 'decimal' });
    expect(value('50')).toMatchObject({ kind: 'point', value: 50, unit: 'decimal', text: '50' });
  });

  it('ranges whose low end is above the high end', () => {
    expect(value('60%..40%')).toMatchObject({ kind: 'range', low: { value: 0.6 }, high: { value: 0.4 } });
  });

  it('every hedge word becomes a HedgeProbability', () => {
    for (const hedge of HEDGES) expect(value(hedge)).toMatchObject({ kind: 'hedge', text: hedge });
    const alt = parseDocument('alternative "a" { rapport may }');
    expect(alt.errors).toEqual([]);
    expect(alt.declarations[0]!.statements[0]).toMatchObject({ kind: 'alt-set', value: { kind: 'hedge', text: 'may' } });
  });

  it('multipliers below 1', () => {
    const driver = only<DriverStatement>('outcome o { d lowers x0.5 }');
    expect(driver.strength).toMatchObject({ kind: 'multiplier', low: 0.5, high: 0.5 });
  });

  it('impossible dates keep their numbers', () => {
    const horizon = only<HorizonStatement>('scenario "s" { horizon 2025-02-30 to 2025-13-01 }');
    expect(horizon.from).toMatchObject({ year: 2025, month: 2, day: 30 });
    expect(horizon.to).toMatchObject({ year: 2025, month: 13, day: 1 });
  });

  it('any whole number after samples', () => {
    const samples = (n: string): number => only<NumberStatement>(`scenario "s" { samples ${n} }`).value;
    expect(samples('5')).toBe(5);
    expect(samples('-3')).toBe(-3);
    expect(samples('50,000')).toBe(50000);
    expect(samples('2_000_000')).toBe(2000000);
    expect(samples('99999999999999999999')).toBe(1e20);
  });
});
