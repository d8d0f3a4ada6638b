// What each check says and the edits it offers: the analyst must be able to act on every message.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/model/analyze';
import type { Diagnostic } from '../../server/src/model/diagnostics';
import { applyEdit, offsetOf, readFixture } from './helpers';

function only(text: string, code: string): Diagnostic {
  const found = analyze(text).diagnostics.filter((d) => d.code === code);
  expect(found).toHaveLength(1);
  return found[0]!;
}

function titles(d: Diagnostic): string[] {
  return (d.fixes ?? []).map((f) => f.title);
}

describe('unknown-name', () => {
  const declared = ['report', 'rapport', 'Raport', 'rapports', 'support', 'zebra']
    .map((n) => `factor ${n} { probability 50% }`).join('\n');

  it('suggests the closest declared names, best first, case-only differences first, at most three', () => {
    const text = `${declared}\noutcome o {\n  base 50%\n  raport raises weakly\n}\n`;
    const d = only(text, 'unknown-name');
    expect(d.candidates).toEqual(['Raport', 'report', 'rapport']);
    expect(d.message).toContain("Did you mean 'Raport' or 'report' or 'rapport'?");
    const at = offsetOf(text, 'raport raises');
    expect(d.span).toEqual({ start: at, end: at + 'raport'.length });
    expect(d.fixes!.map((f) => f.newText)).toEqual(['Raport', 'report', 'rapport']);
    expect(titles(d)[0]).toBe("Change to 'Raport'");
  });

  it('counts a swap of two neighbours as one edit', () => {
    const text = `${declared}\noutcome o {\n  base 50%\n  rapprot raises weakly\n}\n`;
    expect(only(text, 'unknown-name').candidates).toEqual(['rapport', 'rapports', 'Raport']);
  });

  it('suggests nothing far-fetched, and says how to declare the name instead', () => {
    const text = `${declared}\noutcome o {\n  base 50%\n  inflation raises weakly\n}\n`;
    const d = only(text, 'unknown-name');
    expect(d.candidates).toEqual([]);
    expect(d.fixes).toBeUndefined();
    expect(d.message).toContain('factor inflation { probability likely }');
  });

  it('finds a short truncation, with a quick fix to the whole name', () => {
    const text = [
      'factor crisis { probability 50% }',
      'factor china_ties { probability 50% }',
      'outcome o {\n  base 50%\n  cris raises weakly\n  china lowers weakly\n}\n',
    ].join('\n');
    const found = analyze(text).diagnostics.filter((d) => d.code === 'unknown-name');
    expect(found.map((d) => d.candidates)).toEqual([['crisis'], ['china_ties']]);
    expect(found[0]!.message).toContain("Did you mean 'crisis'?");
    expect(found.map((d) => applyEdit(text, d.fixes![0]!))).toEqual([
      text.replace('cris raises', 'crisis raises'),
      text.replace('china lowers', 'china_ties lowers'),
    ]);
  });

  it('allows about 0.4 edits per letter: two for a four-letter name', () => {
    const text = 'factor attack { probability 50% }\noutcome o {\n  base 50%\n  atak raises weakly\n}\n';
    expect(only(text, 'unknown-name').candidates).toEqual(['attack']);
  });

  it('never suggests the outcome itself', () => {
    const text = 'outcome trade { base 50%\n tradee raises weakly }\n';
    expect(only(text, 'unknown-name').candidates).toEqual([]);
  });

  it('is not reported for a name declared in a declaration that does not parse', () => {
    const text = 'factor crisis {\n  probability\n}\noutcome o {\n  base 50%\n  crisis raises weakly\n}\n';
    const { diagnostics, model } = analyze(text);
    expect(diagnostics.map((d) => d.code)).toEqual(['syntax']);
    expect(model.outcomes[0]!.drivers).toEqual([]);
    expect(model.hasErrors).toBe(true);
  });
});

describe('duplicate-name', () => {
  it('sits on the second name and points at the first declaration', () => {
    const text = readFixture('duplicate-name.scenario');
    const d = only(text, 'duplicate-name');
    const first = offsetOf(text, 'crisis "');
    expect(d.span.start).toBe(offsetOf(text, 'crisis "', 1));
    expect(d.related).toEqual([{ span: { start: first, end: first + 6 }, message: "'crisis' is first declared here" }]);
    expect(d.message).toContain('factor on line 4');
  });
});

describe('cycle', () => {
  const text = readFixture('cycle.scenario');
  const d = only(text, 'cycle');

  it('names the whole cycle in the direction of influence', () => {
    expect(d.cycle).toEqual(['democracy_push', 'security_ties', 'trade_up', 'democracy_push']);
    expect(d.message).toContain('democracy_push → security_ties → trade_up → democracy_push');
  });

  it('points at every driver line along the cycle', () => {
    expect(d.related!.map((r) => text.slice(r.span.start, r.span.end))).toEqual([
      'democracy_push lowers weakly', 'security_ties raises weakly', 'trade_up raises weakly',
    ]);
    expect(d.related![0]!.message).toBe("'democracy_push' lowers 'security_ties'");
  });

  it('leaves the closing line out of the model, so an order exists', () => {
    const { model } = analyze(text);
    expect(model.variables.get('security_ties')).toMatchObject({ drivers: [] });
    expect(model.order).toEqual(['crisis', 'security_ties', 'trade_up', 'democracy_push']);
  });

  it('reports an outcome that drives itself', () => {
    const self = 'outcome o {\n  base 50%\n  o raises weakly\n}\n';
    const c = only(self, 'cycle');
    expect(c.cycle).toEqual(['o', 'o']);
    expect(c.message).toContain('o → o');
    expect(c.span.start).toBe(offsetOf(self, 'o raises'));
  });

  it('reports each independent cycle once', () => {
    const two = 'outcome a { base 50%; b raises weakly }\noutcome b { base 50%; a raises weakly }\n' +
      'outcome c { base 50%; d raises weakly }\noutcome d { base 50%; c raises weakly }\n';
    const cycles = analyze(two).diagnostics.filter((x) => x.code === 'cycle').map((x) => x.cycle);
    expect(cycles).toEqual([['a', 'b', 'a'], ['c', 'd', 'c']]);
  });
});

describe('multiplier-below-one', () => {
  const file = (line: string) => `factor f { probability likely }\noutcome o {\n  base 50%\n  ${line}\n}\n`;

  it.each([
    ['f raises x0.5', 'lowers x2'],
    ['f lowers x0.25', 'raises x4'],
    ['f raises x0.2..0.5', 'lowers x2..5'],
    ['f raises x0.3', 'lowers x3.33'],
  ])('%s becomes %s', (line, rewritten) => {
    const text = file(line);
    const d = only(text, 'multiplier-below-one');
    expect(d.message).toContain(`write '${rewritten}'`);
    expect(d.fixes).toEqual([{ span: expect.any(Object), newText: rewritten, title: `Change to '${rewritten}'` }]);
    const fixed = applyEdit(text, d.fixes![0]!);
    expect(fixed).toBe(file(`f ${rewritten}`));
    expect(analyze(fixed).diagnostics).toEqual([]);
  });

  it('without a clean rewrite, explains the rule and suggests the opposite verb', () => {
    const d = only(file('f raises x0.5..2'), 'multiplier-below-one');
    expect(d.fixes).toBeUndefined();
    expect(d.message).toContain("'lowers'");
  });

  it('leaves the driver out of the model', () => {
    expect(analyze(file('f raises x0.5')).model.outcomes[0]!.drivers).toEqual([]);
  });
});

describe('missing-base and missing-probability', () => {
  it('inserts a base line at the top of the block with its indentation', () => {
    const text = readFixture('missing-base.scenario');
    const d = only(text, 'missing-base');
    expect(d.message).toContain("The outcome 'trade_up' has no base");
    const fixed = applyEdit(text, d.fixes![0]!);
    expect(fixed).toContain('outcome trade_up "US–Pakistan trade grows" {\n  base 50%\n  crisis raises weakly\n  judged likely\n}');
    expect(titles(d)).toEqual(["Add 'base 50%'"]);
  });

  it('keeps Windows line breaks', () => {
    const text = 'factor f {\r\n  probability 50%\r\n}\r\noutcome o {\r\n  f raises weakly\r\n}\r\n';
    const d = only(text, 'missing-base');
    expect(applyEdit(text, d.fixes![0]!)).toBe(
      'factor f {\r\n  probability 50%\r\n}\r\noutcome o {\r\n  base 50%\r\n  f raises weakly\r\n}\r\n');
  });

  it.each([
    ['an empty block', 'factor f {}', 'factor f {\n  probability roughly even chance\n}'],
    ['an empty block on two lines', 'factor f {\n}', 'factor f {\n  probability roughly even chance\n}'],
    ['a one-line block', 'factor f { note "n" }', 'factor f { probability roughly even chance; note "n" }'],
    ['a tab-indented file', 'outcome g {\n\tbase 50%\n}\nfactor f {\n\tnote "n"\n}',
      'outcome g {\n\tbase 50%\n}\nfactor f {\n\tprobability roughly even chance\n\tnote "n"\n}'],
    ['an indented block in an empty body', '  factor f {\n  }', '  factor f {\n    probability roughly even chance\n  }'],
  ])('in %s', (_, before, after) => {
    const text = `${before}\noutcome o { base 50%; f raises weakly }\n`;
    const d = only(text, 'missing-probability');
    expect(applyEdit(text, d.fixes![0]!)).toBe(`${after}\noutcome o { base 50%; f raises weakly }\n`);
    expect(analyze(applyEdit(text, d.fixes![0]!)).diagnostics).toEqual([]);
  });
});

describe('hedge-word', () => {
  it('lists the ICD 203 phrases and offers each, the likeliest reading first', () => {
    const text = readFixture('hedge-word.scenario');
    const d = only(text, 'hedge-word');
    for (const phrase of ['almost no chance (1%..5%)', 'roughly even chance (45%..55%)', 'almost certain (95%..99%)']) {
      expect(d.message).toContain(phrase);
    }
    expect(d.fixes!.map((f) => f.newText)).toEqual([
      'roughly even chance', 'almost no chance', 'very unlikely', 'unlikely', 'likely', 'very likely', 'almost certain',
    ]);
    expect(d.span.end - d.span.start).toBe(3);
  });

  it('reads "expected" as leaning towards likely', () => {
    const d = only('factor f { probability expected }\noutcome o { base 50%; f raises weakly }', 'hedge-word');
    expect(d.fixes![0]!.newText).toBe('likely');
  });
});

describe('range-order, probability-bounds, samples, dates', () => {
  const factor = (p: string) => `factor f { probability ${p} }\noutcome o { base 50%; f raises weakly }\n`;

  it.each([
    ['75%..55%', '55%..75%'],
    ['0.6 .. 0.4', '0.4 .. 0.6'],
    ['60% to 40%', '40% to 60%'],
  ])('swaps the ends of %s', (range, swapped) => {
    const d = only(factor(range), 'range-order');
    expect(d.fixes![0]!.newText).toBe(swapped);
  });

  it('swaps the ends of a multiplier range', () => {
    const d = only('factor f { probability 50% }\noutcome o { base 50%; f raises x5..2 }', 'range-order');
    expect(d.fixes![0]!.newText).toBe('x2..5');
  });

  it('reads a decimal above 1 as a forgotten percent sign', () => {
    const d = only(factor('35'), 'probability-bounds');
    expect(d.message).toContain("did you mean '35%'?");
    expect(d.fixes![0]!.newText).toBe('35%');
  });

  it('reports each end of a range outside 0..100% on its own', () => {
    const found = analyze(factor('-5%..120%')).diagnostics.filter((d) => d.code === 'probability-bounds');
    expect(found.map((d) => d.message.split(':')[0])).toEqual(["'-5%' is below 0%", "'120%' is above 100%"]);
  });

  it.each([['500', '1000'], ['2000000', '1000000']])('samples %s: the fix uses the nearest bound', (n, fixed) => {
    const d = only(`scenario "s" { samples ${n} }\n`, 'samples-bounds');
    expect(d.fixes![0]!.newText).toBe(fixed);
    expect(d.message).toContain('1,000..1,000,000');
  });

  it.each([
    ['2025-02-29', "February 2025 has 28 days", '2025-02-28'],
    ['1900-02-29', "February 1900 has 28 days", '1900-02-28'],
    ['2025-04-31', 'April 2025 has 30 days', '2025-04-30'],
    ['2025-13-01', 'the month must be 01 to 12', null],
  ])('%s does not exist', (date, says, fix) => {
    const d = only(`scenario "s" { horizon 2024-01-01 to ${date} }\n`, 'invalid-date');
    expect(d.message).toContain(says);
    expect(d.fixes?.[0]?.newText ?? null).toBe(fix);
  });

  it('accepts 29 February in leap years', () => {
    expect(analyze('scenario "s" { horizon 2000-02-29 to 2024-02-29 }\n').diagnostics).toEqual([]);
  });

  it('horizon-order spans both dates and the fix swaps them', () => {
    const text = 'scenario "s" { horizon 2026-01-20 to 2025-01-20 }\n';
    const d = only(text, 'horizon-order');
    expect(text.slice(d.span.start, d.span.end)).toBe('2026-01-20 to 2025-01-20');
    expect(d.fixes![0]!.newText).toBe('2025-01-20 to 2026-01-20');
  });
});

describe('duplicate-driver and duplicate-scenario', () => {
  it('duplicate-driver points at the first line and removes the second', () => {
    const text = readFixture('duplicate-driver.scenario');
    const d = only(text, 'duplicate-driver');
    expect(d.related![0]!.span.start).toBe(offsetOf(text, 'crisis raises weakly'));
    expect(applyEdit(text, d.fixes![0]!)).not.toContain('crisis raises strongly');
    expect(analyze(text).model.outcomes[0]!.drivers).toMatchObject([{ name: 'crisis', strength: { text: 'weakly' } }]);
  });

  it('duplicate-scenario sits on the second keyword; the first block decides the settings', () => {
    const text = readFixture('duplicate-scenario.scenario');
    const d = only(text, 'duplicate-scenario');
    expect(d.span).toEqual({ start: offsetOf(text, 'scenario "Second"'), end: offsetOf(text, 'scenario "Second"') + 8 });
    expect(d.related![0]!.span.start).toBe(offsetOf(text, 'scenario "First"'));
    expect(analyze(text).model.settings).toMatchObject({ title: 'First', seed: 1 });
  });
});

describe('alternative-target', () => {
  const base = 'factor rapport { probability 50% }\nevent attack { probability 10% }\n' +
    'outcome trade { base 50%; rapport raises weakly; attack raises weakly }\n';

  it('an outcome given a probability: offers base and given', () => {
    const text = `${base}alternative "a" {\n  trade 90%\n}\n`;
    const d = only(text, 'alternative-target');
    expect(d.fixes!.map((f) => f.newText)).toEqual(['trade base 90%', 'given trade']);
    expect(d.message).toContain("'trade base 90%'");
    expect(analyze(applyEdit(text, d.fixes![0]!)).model.alternatives[0]!.changes).toMatchObject([
      { kind: 'set-base', name: 'trade', base: { low: 0.9, high: 0.9 } },
    ]);
  });

  it('a factor given a base: offers the plain form', () => {
    const d = only(`${base}alternative "a" { rapport base 90% }\n`, 'alternative-target');
    expect(d.fixes!.map((f) => f.newText)).toEqual(['rapport 90%']);
  });

  it('an unknown name: suggests names of the kind the line can change', () => {
    const set = only(`${base}alternative "a" { rapprt 90% }\n`, 'alternative-target');
    expect(set.candidates).toEqual(['rapport']);
    const baseLine = only(`${base}alternative "a" { trad base 90% }\n`, 'alternative-target');
    expect(baseLine.candidates).toEqual(['trade']);
    const wrongKind = only(`${base}alternative "a" { tradee 20% }\n`, 'alternative-target');
    expect(wrongKind.candidates).toEqual([]);
    const given = only(`${base}alternative "a" { given attac }\n`, 'alternative-target');
    expect(given.fixes!.map((f) => f.newText)).toEqual(['attack']);
    expect(only(`${base}alternative "a" { given rap }\n`, 'alternative-target').candidates).toEqual(['rapport']);
  });

  it('invalid changes are left out of the model', () => {
    const { model } = analyze(`${base}alternative "a" { trade 90%; nobody 10%; attack 120%; given rapport }\n`);
    expect(model.alternatives[0]!.changes).toMatchObject([{ kind: 'given', name: 'rapport', value: true }]);
  });
});

describe('unused', () => {
  it('removes the whole declaration and its line break', () => {
    const text = readFixture('unused.scenario');
    const d = only(text, 'unused');
    expect(d).toMatchObject({ severity: 'hint', unnecessary: true });
    expect(d.message).toContain("'rapport raises moderately'");
    expect(applyEdit(text, d.fixes![0]!)).toBe(text.replace('factor rapport {\n  probability 55%..75%\n}\n', ''));
  });

  it('removes a declaration with Windows line breaks whole', () => {
    const text = 'factor a { probability 50% }\r\nfactor b { probability 50% }\r\noutcome o { base 50%; a raises weakly }\r\n';
    const d = only(text, 'unused');
    expect(applyEdit(text, d.fixes![0]!)).toBe('factor a { probability 50% }\r\noutcome o { base 50%; a raises weakly }\r\n');
  });

  it('is still reported when an alternative changes the variable, but without the removal', () => {
    const text = 'factor a { probability 50% }\noutcome o { base 50% }\nalternative "x" { given a }\n';
    const d = only(text, 'unused');
    expect(d.message).toContain('nor do the alternatives');
    expect(d.fixes).toBeUndefined();
  });

  it('is not reported while a stretch that mentions the name does not parse', () => {
    const text = 'factor a { probability 50% }\noutcome o {\n  base\n  a raises weakly\n}\n';
    expect(analyze(text).diagnostics.map((d) => d.code)).toEqual(['syntax']);
  });
});
