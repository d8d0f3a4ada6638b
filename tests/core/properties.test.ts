// Property tests of the core: analyze() never throws, on random text and on valid files mangled at
// random, and every diagnostic (with its related places and fixes) lies inside the document.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/model/analyze';
import type { Span } from '../../server/src/syntax/ast';
import { MUTATION, TOKENS, mutate } from '../../fuzz/generators/text';

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
