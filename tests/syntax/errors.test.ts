// Syntax errors in analyst words, at exact places. Each case breaks the LANGUAGE.md example in
// one spot: exactly one error, with its message, its line:column (1-based) and the text under
// it, and the other nine declarations still parse.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../server/src/syntax/parse';
import { scenarioGrammar } from '../../server/src/syntax/grammar';
import { slice, where } from './helpers';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

const example = LANGUAGE_EXAMPLE;

interface Case {
  what: string;
  from: string;
  to: string;
  message: string;
  at: string;
  token: string;
}

const cases: Case[] = [
  {
    what: 'a word that is not a probability',
    from: 'probability 55%..75%', to: 'probability somewhat',
    message: 'expected a probability such as 35%, 20%..35% or likely', at: '20:15', token: 'somewhat',
  },
  {
    what: 'a range with no high end',
    from: 'probability 10%..25%', to: 'probability 10%..',
    message: 'expected a probability such as 35%, 20%..35% or likely', at: '24:15', token: '10',
  },
  {
    what: 'a strength that is not one',
    from: 'attack raises x5..12', to: 'attack raises hugely',
    message: 'expected a strength: weakly, moderately, strongly, decisively or x3', at: '43:17', token: 'hugely',
  },
  {
    what: 'a factor without a name',
    from: 'factor rapport "Trump', to: 'factor "Trump',
    message: 'expected a name such as trade_up', at: '19:8', token: '"',
  },
  {
    what: 'a keyword as a name',
    from: 'factor khan_popular', to: 'factor likely',
    message: "'likely' is a reserved word and cannot be a name", at: '15:8', token: 'likely',
  },
  {
    what: 'a note without its closing quote',
    from: 'note "Election-fraud allegations against the governing coalition."', to: 'note "Election-fraud allegations',
    message: 'expected a closing quote', at: '11:35', token: '',
  },
  {
    what: 'a label without its closing quote',
    from: 'counter-terrorism" {', to: 'counter-terrorism {',
    message: 'expected a closing quote', at: '41:78', token: '',
  },
  {
    what: 'an outcome without its closing brace',
    from: '  judged likely\n}\n\noutcome security_ties', to: '  judged likely\n\noutcome security_ties',
    message: "expected '}' to close the outcome 'trade_up'", at: '38:16', token: '',
  },
  {
    what: 'a misspelt verb',
    from: 'crisis raises weakly', to: 'crisis rises weakly',
    message: "expected 'raises' or 'lowers' (did you mean 'raises'?)", at: '37:10', token: 'rises',
  },
  {
    what: 'a misspelt statement keyword',
    from: 'probability very likely', to: 'probabilty very likely',
    message: "expected 'probability', 'resolved', 'note', 'source' or '}' to close the factor 'khan_popular' (did you mean 'probability'?)",
    at: '16:3', token: 'probabilty',
  },
  {
    what: 'a statement that belongs to another declaration',
    from: '  base 50%\n', to: '  probability 50%\n',
    message: "'probability' is not allowed here: expected 'base', 'judged', 'resolved', 'note', 'source', a driver line such as crisis raises weakly, or '}' to close the outcome 'trade_up'",
    at: '36:3', token: 'probability',
  },
  {
    what: 'an unknown statement in the scenario block',
    from: '  seed 2025\n', to: '  seed 2025\n  color "red"\n',
    message: "expected 'question', 'horizon', 'samples', 'seed', 'note', 'source' or '}' to close the scenario 'US–Pakistan relations, 2025'",
    at: '7:3', token: 'color',
  },
  {
    what: 'an incomplete date',
    from: 'horizon 2025-01-20 to', to: 'horizon 2025-01 to',
    message: 'expected a date such as 2025-01-20', at: '4:11', token: '2025',
  },
  {
    what: 'a horizon without `to`',
    from: '2025-01-20 to 2026', to: '2025-01-20 until 2026',
    message: "expected 'to' between the two dates", at: '4:22', token: 'until',
  },
  {
    what: 'samples that are not a number',
    from: 'samples 50000', to: 'samples many',
    message: 'expected a whole number such as 20000', at: '5:11', token: 'many',
  },
  {
    what: 'a misspelt declaration keyword',
    from: 'factor crisis "Pakistan', to: 'factr crisis "Pakistan',
    message: 'expected a declaration: scenario, import, factor, event, outcome or alternative', at: '9:1', token: 'factr',
  },
  {
    what: 'an alternative without a title',
    from: 'alternative "Attack happens"', to: 'alternative',
    message: 'expected a title in double quotes', at: '53:13', token: '{',
  },
  {
    what: 'a change without a probability',
    from: 'rapport 85%..95%', to: 'rapport @85%',
    message: "expected 'base' or a probability such as 35%, 20%..35% or likely", at: '49:11', token: '@',
  },
  {
    what: '`given not` without a name (reported at the end of the line)',
    from: 'given attack', to: 'given not',
    message: 'expected a name such as trade_up', at: '54:12', token: '',
  },
  {
    what: 'a label in single quotes',
    from: 'factor khan_popular "Imran Khan and the PTI remain the most popular force"', to: "factor khan_popular 'Imran Khan'",
    message: "expected a label in double quotes or '{'", at: '15:21', token: "'",
  },
  {
    what: 'a driver line without its strength, followed by the next statement (reported after the verb)',
    from: 'rapport raises moderately', to: 'rapport raises',
    message: 'expected a strength: weakly, moderately, strongly, decisively or x3', at: '31:17', token: '',
  },
  {
    what: 'a driver line without its strength, followed by another driver line',
    from: 'khan_popular raises moderately', to: 'khan_popular raises',
    message: 'expected a strength: weakly, moderately, strongly, decisively or x3', at: '30:22', token: '',
  },
  {
    what: 'a base without its probability, followed by a driver line (reported after the keyword)',
    from: 'base 50%', to: 'base',
    message: 'expected a probability such as 35%, 20%..35% or likely', at: '36:7', token: '',
  },
  {
    what: 'a change without its probability, followed by the next change',
    from: 'rapport 85%..95%', to: 'rapport',
    message: "expected 'base' or a probability such as 35%, 20%..35% or likely", at: '49:10', token: '',
  },
  {
    what: 'a misspelt verb on the next line stays on the word it names',
    from: 'crisis raises weakly', to: 'crisis\n  rises weakly',
    message: "expected 'raises' or 'lowers' (did you mean 'raises'?)", at: '38:3', token: 'rises',
  },
  {
    what: 'a truncated statement keyword',
    from: 'probability very likely', to: 'prob very likely',
    message: "expected 'probability', 'resolved', 'note', 'source' or '}' to close the factor 'khan_popular' (did you mean 'probability'?)",
    at: '16:3', token: 'prob',
  },
  {
    what: 'a truncated strength',
    from: 'crisis raises weakly', to: 'crisis raises wea',
    message: "expected a strength: weakly, moderately, strongly, decisively or x3 (did you mean 'weakly'?)", at: '37:17', token: 'wea',
  },
  {
    what: 'a misspelt phrase of two words',
    from: 'judged very unlikely', to: 'judged very unlikley',
    message: "expected a probability such as 35%, 20%..35% or likely (did you mean 'very unlikely'?)", at: '45:10', token: 'very',
  },
];

describe('syntax errors in analyst words', () => {
  it.each(cases)('$what', ({ from, to, message, at, token }) => {
    expect(example).toContain(from);
    const text = example.replace(from, to);
    const doc = parseDocument(text);
    expect(doc.errors.map((e) => e.message)).toEqual([message]);
    const error = doc.errors[0]!;
    expect(where(text, error.span.start)).toBe(at);
    expect(slice(text, error.span)).toBe(token);
    expect(doc.declarations).toHaveLength(9);
  });

  it('no message shows a grammar rule name', () => {
    const ruleNames = Object.keys(scenarioGrammar.rules).filter((r) => /[A-Z_]/.test(r.slice(1)) || r.endsWith('Kw'));
    for (const { from, to } of cases) {
      const error = parseDocument(example.replace(from, to)).errors[0]!;
      for (const rule of ruleNames) {
        expect(error.message).not.toContain(rule);
        for (const e of error.expected) expect(e).not.toContain(rule);
      }
    }
  });

  it('describes the broken declaration: kind, name (or title) and the skipped stretch', () => {
    const text = example.replace('crisis raises weakly', 'crisis rises weakly');
    const error = parseDocument(text).errors[0]!;
    expect(error.declarationKind).toBe('outcome');
    expect(error.declarationName?.text).toBe('trade_up');
    expect(slice(text, error.declarationName!.span)).toBe('trade_up');
    expect(slice(text, error.skipped)).toMatch(/^outcome trade_up "US–Pakistan trade grows" \{[\s\S]*judged likely\n\}$/);
    expect(error.expected).toEqual(["'raises' or 'lowers'"]);

    const alt = example.replace('given attack', 'given not');
    const altError = parseDocument(alt).errors[0]!;
    expect(altError.declarationKind).toBe('alternative');
    expect(altError.declarationName?.text).toBe('Attack happens');
    expect(slice(alt, altError.declarationName!.span)).toBe('"Attack happens"');
  });

  it('a missing closing quote expects only the quote', () => {
    const error = parseDocument('factor a { note "open \\ \n}').errors[0]!;
    expect(error.message).toBe('expected a closing quote');
    expect(error.expected).toEqual(['a closing quote']);
  });

  it('lists what was expected for completion', () => {
    const error = parseDocument('outcome o {\n  base 20%\n  @\n}').errors[0]!;
    expect(error.expected).toEqual([
      "'base'", "'judged'", "'resolved'", "'note'", "'source'", 'a driver line such as crisis raises weakly', "'}'",
    ]);
    expect(error.message).toBe(
      "expected 'base', 'judged', 'resolved', 'note', 'source', a driver line such as crisis raises weakly, or '}' to close the outcome 'o'",
    );
  });

  it('at a statement start, each body lists what may start a statement in it', () => {
    const message = (text: string): string => parseDocument(text).errors[0]!.message;
    expect(message('alternative "x" {\n  @\n}')).toBe(
      "expected 'given', 'observe', 'note', 'source', a change such as rapport 85%, or '}' to close the alternative 'x'",
    );
    expect(message('event e {\n  base 20%\n}')).toBe(
      "'base' is not allowed here: expected 'probability', 'resolved', 'note', 'source' or '}' to close the event 'e'",
    );
    expect(message('scenario "s" { seed 1 probability 20% }')).toBe(
      "'probability' is not allowed here: expected 'question', 'horizon', 'samples', 'seed', 'note', 'source' or '}' to close the scenario 's'",
    );
  });

  it('a reserved word in a driver line', () => {
    const doc = parseDocument('outcome o {\n  base 20%\n  likely raises weakly\n}');
    expect(doc.errors.map((e) => [e.message, where(doc.text, e.span.start)])).toEqual([
      ["'likely' is a reserved word and cannot be a name", '3:3'],
    ]);
  });

  it('several broken declarations give one error each, and the rest parse', () => {
    const text = [
      'factor a { probability 30% }',
      'factor b { probability lots }',
      'junk here',
      'event c { probability 10% }',
      'outcome d { base 20%',
      '  a raises weakly',
      'outcome e { base 20% }',
    ].join('\n');
    const doc = parseDocument(text);
    expect(doc.declarations.map((d) => d.kind === 'scenario' || d.kind === 'alternative' || d.kind === 'import' ? d.kind : d.name.text)).toEqual([
      'a', 'c', 'e',
    ]);
    expect(doc.errors.map((e) => `${where(text, e.span.start)} ${e.message}`)).toEqual([
      '2:24 expected a probability such as 35%, 20%..35% or likely',
      '3:1 expected a declaration: scenario, import, factor, event, outcome or alternative',
      "6:18 expected '}' to close the outcome 'd'",
    ]);
    expect(doc.errors.map((e) => slice(text, e.skipped))).toEqual([
      'factor b { probability lots }',
      'junk here',
      'outcome d { base 20%\n  a raises weakly',
    ]);
  });
});
