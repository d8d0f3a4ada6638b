// Formatting: canonical, idempotent, every comment kept, nothing done to a file with syntax errors.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDocument } from '../../server/src/features/format';
import type { ResolvedModel } from '../../server/src/model/types';
import { parseDocument } from '../../server/src/syntax/parse';
import { applyEdits, repoRoot } from '../fixture';
import { readFixture, stateOf } from './state';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

const TWO = { tabSize: 2, insertSpaces: true };

function format(text: string, options = TWO): string {
  return applyEdits(text, formatDocument(stateOf(text, { forecast: false }), options));
}

/** The meaning of a model, without positions: what formatting must not change. */
function meaning(model: ResolvedModel): unknown {
  const spec = (p: { low: number; high: number } | null) => (p ? [p.low, p.high] : null);
  return {
    settings: { ...model.settings, titleLit: undefined },
    variables: [...model.variables.values()].map((v) => ({
      name: v.name, kind: v.kind, label: v.label, notes: v.notes, sources: v.sources,
      ...(v.kind === 'outcome'
        ? { base: spec(v.base), judged: spec(v.judged), drivers: v.drivers.map((d) => [d.name, d.direction, d.strength.low, d.strength.high]) }
        : { probability: spec(v.probability) }),
    })),
    alternatives: model.alternatives.map((a) => ({
      title: a.title,
      changes: a.changes.map((c) => (c.kind === 'given' || c.kind === 'observe' ? [c.kind, c.name, c.value]
        : [c.kind, c.name, spec(c.kind === 'set-probability' ? c.probability : c.base)])),
    })),
  };
}

const comments = (text: string) => parseDocument(text).comments.map((c) => c.text.trimEnd()).join(' ');

function expectFaithful(original: string, formatted: string): void {
  expect(parseDocument(formatted).errors).toEqual([]);
  expect(comments(formatted)).toBe(comments(original));
  expect(meaning(stateOf(formatted, { forecast: false }).model)).toEqual(meaning(stateOf(original, { forecast: false }).model));
}

describe('formatDocument', () => {
  it('lays out a messy file canonically, keeping every comment where it belongs', () => {
    const messy = readFixture('messy.scenario');
    const formatted = format(messy);
    expect(formatted).toBe(readFixture('messy.formatted.scenario'));
    expectFaithful(messy, formatted);
    expect(formatDocument(stateOf(formatted, { forecast: false }), TWO)).toEqual([]);
  });

  it('follows the editor\'s indentation and line breaks', () => {
    const text = 'factor a { probability 5% }\r\noutcome o { base 5%; a raises weakly }\r\n';
    expect(format(text, { tabSize: 4, insertSpaces: true })).toBe('factor a {\r\n    probability 5%\r\n}\r\n\r\noutcome o {\r\n    base 5%\r\n    a raises weakly\r\n}\r\n');
    expect(format(text, { tabSize: 4, insertSpaces: false })).toContain('\n\tprobability 5%\r\n');
  });

  it('lays out observe lines as given lines: one space apart, `not` kept, a comment inside moved to the end', () => {
    const text = 'factor a { probability 5% }\nfactor b { probability 5% }\noutcome o { base 5%; a raises weakly; b raises weakly }\n' +
      'alternative "A" { observe   not // unseen\n   a ; given\tb;observe o }\n';
    expect(format(text)).toContain('alternative "A" {\n  observe not a // unseen\n  given b\n  observe o\n}\n');
    expectFaithful(text, format(text));
  });

  it('edits only the stretch that changes', () => {
    const text = 'factor a {\n  probability 5%\n}\n\nfactor b {\n  probability   6%\n}\n';
    const edits = formatDocument(stateOf(text, { forecast: false }), TWO);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.range.start.line).toBe(5);
    expect(applyEdits(text, edits)).toBe(text.replace('   6%', ' 6%'));
  });

  it('refuses a file with syntax errors, so nothing written there is lost', () => {
    const text = 'factor a {   probability 5% }\nfactor b { probability }\n';
    expect(stateOf(text).document.errors.length).toBeGreaterThan(0);
    expect(formatDocument(stateOf(text), TWO)).toEqual([]);
  });

  it('is idempotent on the samples and fixtures', () => {
    const files = [LANGUAGE_EXAMPLE, readFixture('messy.scenario')];
    for (const dir of ['samples', 'tests/fixtures/checks']) {
      try {
        for (const f of readdirSync(join(repoRoot, dir))) if (f.endsWith('.scenario')) files.push(readFileSync(join(repoRoot, dir, f), 'utf8'));
      } catch {
        // the folder may not exist yet
      }
    }
    let formattedCount = 0;
    for (const text of files) {
      if (parseDocument(text).errors.length) continue;
      const once = format(text);
      expect(format(once)).toBe(once);
      expectFaithful(text, once);
      formattedCount++;
    }
    expect(formattedCount).toBeGreaterThanOrEqual(2);
  });
});

// ---- generated models ---------------------------------------------------------------------------

const space = fc.constantFrom(' ', '  ', '\t', ' \t ');
const separator = fc.constantFrom('\n', '\n\n', '\n\n\n', '; ', ' ; ', ' ', '\n    ', ';\n');
const word = fc.constantFrom('why', 'see op-ed', 'TODO: check', '**bold**', '"quoted"', '', 'a // nested');
const comment = word.map((w) => `//${w ? ` ${w}` : ''}`);
const probability = fc.constantFrom('35%', '0.35', '20%..35%', '20 % to 35%', '0.5', 'likely', 'almost  certain', 'very likely', 'remote', '100%', '0%');
const strength = fc.constantFrom('weakly', 'moderately', 'strongly', 'decisively', 'x3', 'x2.5', 'x2..5', 'x2 to 5', 'X4');
const label = fc.option(fc.constantFrom('"Label"', '"With \\"quotes\\""', '"US–Pakistan ✓"', '"a // not a comment"'), { nil: undefined });

/** Statements joined by random layout; a statement followed by a trailing comment ends its line. */
function body(statements: fc.Arbitrary<string>[]): fc.Arbitrary<string> {
  return fc.tuple(
    fc.tuple(...statements),
    fc.array(separator, { minLength: statements.length + 1, maxLength: statements.length + 1 }),
    fc.array(fc.option(comment, { nil: undefined, freq: 3 }), { minLength: statements.length + 1, maxLength: statements.length + 1 }),
  ).map(([parts, seps, trailing]) => {
    let out = '{';
    const open = trailing[0];
    out += open ? ` ${open}\n` : seps[0]!;
    parts.forEach((p, i) => {
      const t = trailing[i + 1];
      // A comment runs to the end of its line.
      out += p + (t ? ` ${t}\n` : p.startsWith('//') ? '\n' : seps[i + 1]!);
    });
    return `${out}}`;
  });
}

const input = (name: string) => fc.tuple(fc.constantFrom('factor', 'event'), label, space, fc.option(fc.constantFrom('note "n"', 'source "s"', '// own line\n'), { nil: undefined }), probability)
  .chain(([kind, l, sp, extra, p]) => body([fc.constant(`probability${sp}${p}`), ...(extra ? [fc.constant(extra.trimEnd())] : [])])
    .map((b) => `${kind} ${name}${l ? ` ${l}` : ''} ${b}`));

const outcome = (name: string, earlier: string[]) => fc.tuple(
  label,
  probability,
  fc.subarray(earlier),
  fc.array(fc.tuple(fc.constantFrom('raises', 'lowers'), strength), { minLength: earlier.length, maxLength: earlier.length }),
  fc.option(probability, { nil: undefined }),
).chain(([l, base, drivers, strengths, judged]) => body([
  fc.constant(`base ${base}`),
  ...drivers.map((d, i) => fc.constant(`${d} ${strengths[i]![0]}  ${strengths[i]![1]}`)),
  ...(judged ? [fc.constant(`judged ${judged}`)] : []),
]).map((b) => `outcome ${name}${l ? ` ${l}` : ''} ${b}`));

const model = fc.integer({ min: 1, max: 3 }).chain((inputs) => fc.integer({ min: 1, max: 3 }).chain((outcomes) => {
  const inputNames = Array.from({ length: inputs }, (_, i) => `in${i}`);
  const decls: fc.Arbitrary<string>[] = inputNames.map(input);
  const names = [...inputNames];
  for (let i = 0; i < outcomes; i++) {
    decls.push(outcome(`out${i}`, [...names]));
    names.push(`out${i}`);
  }
  const observed = names[names.length - 1]!; // an outcome, never names[0]: no conflict with the given
  decls.push(fc.tuple(space, fc.boolean()).chain(([sp, not]) => body([
    fc.constant(`given ${names[0]}`), fc.constant(`${inputNames[0]} likely`), fc.constant(`observe${sp}${not ? `not${sp}` : ''}${observed}`),
  ])).map((b) => `alternative "alt" ${b}`));
  return fc.tuple(fc.tuple(...decls), fc.array(fc.constantFrom('\n', '\n\n', '\n// between\n', '\n\n// loose\n\n', ' '), { minLength: decls.length + 1, maxLength: decls.length + 1 }))
    .map(([ds, gaps]) => gaps[0]!.trimStart() + ds.map((d, i) => d + gaps[i + 1]!).join(''));
}));

describe('formatting generated models', () => {
  it('parses, keeps meaning and comments, and is idempotent', () => {
    fc.assert(
      fc.property(model, (text) => {
        expect(parseDocument(text).errors).toEqual([]);
        const once = format(text);
        expectFaithful(text, once);
        expect(format(once)).toBe(once);
        expect(format(once, { tabSize: 4, insertSpaces: false })).toBe(format(format(once, { tabSize: 4, insertSpaces: false }), { tabSize: 4, insertSpaces: false }));
      }),
      { numRuns: 150 },
    );
  });
});
