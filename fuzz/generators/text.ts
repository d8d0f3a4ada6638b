// Texts for the parse-and-check target: random strings, soups of the language's tokens, valid
// files mangled at random (tests/core/properties.test.ts uses the same tokens and mutations), and
// hostile shapes a new user's file may have (issue 15: long misspelt names, NUL, deep nesting,
// long lines, huge numbers, many declarations).
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function scenarioFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...scenarioFiles(path));
    else if (entry.name.endsWith('.scenario')) out.push(path);
  }
  return out.sort();
}

/** Every check fixture (one file per diagnostic code, all valid but for its point). */
export const CHECK_FIXTURES: readonly string[] = scenarioFiles(join(root, 'tests', 'fixtures', 'checks'))
  .map((f) => readFileSync(f, 'utf8'));

const samplePaths = [...scenarioFiles(join(root, 'samples')), join(root, 'tests', 'fixtures', 'language-example.scenario')];

/** Real models: the samples and LANGUAGE.md's example. */
export const SAMPLE_FILES: readonly string[] = samplePaths.map((f) => readFileSync(f, 'utf8'));

/** Their paths in the repository, to name them in a finding. */
export const SAMPLE_NAMES: readonly string[] = samplePaths.map((f) => f.slice(root.length + 1));

// Pieces of the language, so that random text often gets past the first token.
export const TOKENS = [
  'factor ', 'event ', 'outcome ', 'alternative ', 'scenario ', '{', '}', ';', '\n', '  ', '"', '"label"',
  'probability ', 'base ', 'judged ', 'raises ', 'lowers ', 'given ', 'not ', 'note "n"', 'source "s"',
  'samples ', 'seed ', 'horizon ', ' to ', '2025-02-30', '2025-01-20', '35%', '0.35', '..', '150%', '-5%',
  'likely', 'very unlikely', 'may', 'x0.5', 'x2..5', 'weakly', 'strongly', 'a', 'b', 'crisis', 'x', '//c\n',
  '\\', '\r\n', 'é', '😀', '\u0000',
];

/** Further pieces the campaign mixes in: statements of every kind, imports, control characters. */
export const MORE_TOKENS = [
  'observe ', 'resolved yes on 2025-03-01', 'resolved no on 2030-01-01', 'import "lib.scenario"', 'import "../up.scenario"',
  'question "q"', 'horizon 2025-01-20 to 2026-01-20', 'samples 1000', 'seed 3', 'x1e9', 'x999999999999999999999',
  '0.0000001%', '100%', '0%', 'almost certain', 'roughly even odds', 'decisively', 'x1..1000000', '\u0007', '\u001b',
  '\u007f', '\u0085', '\uFEFF', '\u00A0', '\u2028', '\ud800', '\udfff', '\u202e', 'ß', 'Ω', '名前', '\r', '\t',
];

export const MUTATION = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 5 })) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
);
export type Mutation = typeof MUTATION extends fc.Arbitrary<infer M> ? M : never;

export function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.kind) {
    case 'delete': return text.slice(0, at) + text.slice(at + m.length);
    case 'insert': return text.slice(0, at) + m.piece + text.slice(at);
    case 'duplicate': return text.slice(0, at) + text.slice(at, at + m.length) + text.slice(at);
    default: {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      if (m.kind === 'delete-line') lines.splice(i, 1);
      else if (m.kind === 'duplicate-line') lines.splice(i, 0, lines[i]!);
      else {
        const j = m.other % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return lines.join('\n');
    }
  }
}

const letters = (n: number, seed: number): string => {
  let out = '';
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out += String.fromCharCode(97 + (s >>> 16) % 26);
  }
  return out;
};

/** Names misspelt by one letter somewhere, for "did you mean" (issue 15: 6,000-letter names). */
function misspeltNames(length: number, count: number, seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `n${i}${letters(length, seed + i)}`;
    const at = 1 + ((seed * 7 + i) % Math.max(1, name.length - 1));
    const typo = name.slice(0, at) + (name[at] === 'z' ? 'y' : 'z') + name.slice(at + 1);
    out.push(`factor ${name} { probability likely }`, `outcome o${i} { base 20%\n  ${typo} raises weakly }`);
  }
  return out.join('\n');
}

/** Hostile shapes, each sized by `n` (kept so that one input stays well under the size limit). */
export const HOSTILE = fc.oneof(
  fc.record({ n: fc.integer({ min: 1, max: 6_000 }), count: fc.integer({ min: 1, max: 4 }), seed: fc.nat() })
    .map(({ n, count, seed }) => misspeltNames(n, count, seed)),
  fc.record({ n: fc.integer({ min: 100, max: 2_000 }), count: fc.integer({ min: 10, max: 60 }), seed: fc.nat() })
    .map(({ n, count, seed }) => misspeltNames(n, count, seed)),
  fc.integer({ min: 1, max: 50_000 }).map((n) => '{'.repeat(n)),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `factor a { ${'{'.repeat(n)} probability 5% }`),
  fc.integer({ min: 1, max: 50_000 }).map((n) => '"'.repeat(n)),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `factor a { note "${'\\'.repeat(n)}" probability 5% }`),
  fc.integer({ min: 1, max: 100_000 }).map((n) => `factor ${'a'.repeat(n)} { probability 5% }`),
  fc.integer({ min: 1, max: 100_000 }).map((n) => '\u0000'.repeat(n)),
  fc.integer({ min: 1, max: 5_000 }).map((n) => `factor a { probability 5% }${'\u0000 '.repeat(n)}`),
  fc.integer({ min: 1, max: 3_000 }).map((n) => `factor a { probability ${'9'.repeat(n)}% }\noutcome o { base 0.${'0'.repeat(n)}1\n a raises x${'9'.repeat(n)} }`),
  fc.integer({ min: 1, max: 400 }).map((n) => `scenario "s" { samples ${'9'.repeat(n)}\n seed ${'9'.repeat(n)} }\nfactor a { probability 5% }`),
  fc.integer({ min: 1, max: 4_000 }).map((n) => Array.from({ length: n }, (_, i) => `factor f${i} { probability 50% }`).join('\n')),
  fc.integer({ min: 2, max: 2_000 }).map((n) => // a chain of outcomes, each driven by the one before
    ['factor f { probability 50% }', ...Array.from({ length: n }, (_, i) => `outcome o${i} { base 10%\n ${i === 0 ? 'f' : `o${i - 1}`} raises strongly }`)].join('\n')),
  fc.integer({ min: 1, max: 2_000 }).map((n) => // one outcome with n drivers
    [...Array.from({ length: n }, (_, i) => `factor f${i} { probability 50% }`), `outcome o { base 10%\n${Array.from({ length: n }, (_, i) => ` f${i} raises weakly`).join('\n')} }`].join('\n')),
  fc.integer({ min: 1, max: 2_000 }).map((n) => // a cycle through n outcomes
    Array.from({ length: n }, (_, i) => `outcome o${i} { base 10%\n o${(i + 1) % n} raises weakly }`).join('\n')),
  fc.integer({ min: 1, max: 60_000 }).map((n) => `factor a "${'é😀'.repeat(n)}" { probability 5% }`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => 'factor a { probability 5% }\r'.repeat(Math.ceil(n / 28))),
  fc.integer({ min: 1, max: 2_000 }).map((n) => `alternative "a" {\n${Array.from({ length: n }, (_, i) => ` observe o${i % 7}\n given not f${i}`).join('\n')} }`),
);

/** Random text of every kind, mostly small; hostile shapes are rarer (they are large). */
export const TEXT: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 25, arbitrary: fc.array(fc.constantFrom(...TOKENS, ...MORE_TOKENS), { maxLength: 120 }).map((t) => t.join('')) },
  {
    weight: 45,
    arbitrary: fc.tuple(fc.constantFrom(...CHECK_FIXTURES, ...SAMPLE_FILES), fc.array(MUTATION, { minLength: 1, maxLength: 8 }))
      .map(([text, mutations]) => mutations.reduce(mutate, text)),
  },
  { weight: 2, arbitrary: fc.constantFrom(...CHECK_FIXTURES, ...SAMPLE_FILES) },
  { weight: 1, arbitrary: HOSTILE },
);
