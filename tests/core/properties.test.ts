// Property tests of the core: analyze() never throws, on random text and on valid files mangled at
// random, and every diagnostic (with its related places and fixes) lies inside the document.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/model/analyze';
import type { Span } from '../../server/src/syntax/ast';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'checks');
const VALID = readdirSync(fixtures).filter((f) => f.endsWith('.scenario')).sort()
  .map((f) => readFileSync(join(fixtures, f), 'utf8'));

function inside(span: Span, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end &&
    span.end <= length;
}

/** analyze() must not throw, and everything it points at must exist in the text. */
function assertSound(text: string): void {
  const { document, model, diagnostics } = analyze(text);
  expect(document.text).toBe(text);
  for (const d of diagnostics) {
    expect(inside(d.span, text.length), `${d.code} ${JSON.stringify(d.span)}`).toBe(true);
    for (const r of d.related ?? []) expect(inside(r.span, text.length)).toBe(true);
    for (const f of d.fixes ?? []) expect(inside(f.span, text.length)).toBe(true);
  }
  for (let i = 1; i < diagnostics.length; i++) {
    expect(diagnostics[i - 1]!.span.start).toBeLessThanOrEqual(diagnostics[i]!.span.start);
  }
  expect(model.hasErrors).toBe(diagnostics.some((d) => d.severity === 'error'));
  expect(new Set(model.order)).toEqual(new Set(model.variables.keys()));
}

// Pieces of the language, so that random text often gets past the first token.
const TOKENS = [
  'factor ', 'event ', 'outcome ', 'alternative ', 'scenario ', '{', '}', ';', '\n', '  ', '"', '"label"',
  'probability ', 'base ', 'judged ', 'raises ', 'lowers ', 'given ', 'not ', 'note "n"', 'source "s"',
  'samples ', 'seed ', 'horizon ', ' to ', '2025-02-30', '2025-01-20', '35%', '0.35', '..', '150%', '-5%',
  'likely', 'very unlikely', 'may', 'x0.5', 'x2..5', 'weakly', 'strongly', 'a', 'b', 'crisis', 'x', '//c\n',
  '\\', '\r\n', 'é', '😀', '\u0000',
];

const MUTATION = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 5 })) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
);
type Mutation = typeof MUTATION extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
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

describe('core properties', () => {
  it('never throws on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), assertSound), { numRuns: 300 });
  });

  it('never throws on random sequences of language tokens', () => {
    const tokens = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((t) => t.join(''));
    fc.assert(fc.property(tokens, assertSound), { numRuns: 400 });
  });

  it('never throws on valid files with characters and lines deleted, inserted, duplicated or swapped', () => {
    const mangled = fc.tuple(fc.constantFrom(...VALID), fc.array(MUTATION, { minLength: 1, maxLength: 6 }))
      .map(([text, mutations]) => mutations.reduce(mutate, text));
    fc.assert(fc.property(mangled, assertSound), { numRuns: 400 });
  });
});
