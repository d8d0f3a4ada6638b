// Pathological input gives a SyntaxError, never a crash, a stack overflow or an out-of-memory.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ScenarioDocument } from '../../server/src/syntax/ast';
import { parseDocument } from '../../server/src/syntax/parse';
import { allSpans, slice, where } from './helpers';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

const example = LANGUAGE_EXAMPLE;

function expectSpansInside(doc: ScenarioDocument): void {
  const length = doc.text.length;
  for (const span of allSpans(doc)) {
    expect(0 <= span.start && span.start <= span.end && span.end <= length).toBe(true);
  }
  for (const error of doc.errors) {
    expect(error.skipped.start <= error.span.start && error.span.end <= error.skipped.end).toBe(true);
  }
}

describe('pathological input', () => {
  it('100,000 opening braces', () => {
    const text = '{'.repeat(100_000);
    const doc = parseDocument(text);
    expect(doc.errors).toHaveLength(1);
    expect(doc.errors[0]!.message).toBe('expected a declaration: scenario, import, factor, event, outcome or alternative');
    expect(doc.errors[0]!.span).toEqual({ start: 0, end: 1 });
    expectSpansInside(doc);
  });

  it('a declaration followed by 100,000 nested braces, and one by 100,000 parentheses', () => {
    const braces = `factor a {\n  probability 30%\n  ${'{'.repeat(100_000)}`;
    const doc = parseDocument(braces);
    expect(doc.errors.map((e) => [e.message, where(braces, e.span.start)])).toEqual([
      ["expected 'probability', 'resolved', 'note', 'source' or '}' to close the factor 'a'", '3:3'],
    ]);
    const parens = `outcome o { base ${'('.repeat(100_000)} }`;
    const parenDoc = parseDocument(parens);
    // Past the size limit for one declaration, without a brace to stop at: one clear error.
    expect(parenDoc.errors.map((e) => [e.message, e.span])).toEqual([
      ['this outcome is 98 KB long; declarations over 64 KB are not checked', { start: 0, end: 7 }],
    ]);
    const shortParens = `outcome o { base ${'('.repeat(10_000)} }`;
    expect(parseDocument(shortParens).errors.map((e) => [e.message, e.span.start])).toEqual([
      ['expected a probability such as 35%, 20%..35% or likely', 17],
    ]);
  });

  it('a valid file after deep nesting still parses', () => {
    const text = `${'{'.repeat(50_000)}\n${example}`;
    const doc = parseDocument(text);
    expect(doc.declarations).toHaveLength(10);
    expect(doc.errors).toHaveLength(1);
  });

  it('a single 10,000-character line: a long note parses, a long bad line is reported where it breaks', () => {
    const long = 'word '.repeat(2_000);
    const good = parseDocument(`factor a { probability 1%; note "${long}" }`);
    expect(good.errors).toEqual([]);
    expect(good.declarations[0]!.statements[1]).toMatchObject({ kind: 'note', text: { value: long } });

    const bad = `factor a { probability 1%; ${'note "x"; '.repeat(1_000)}oops }`;
    expect(bad.length).toBeGreaterThan(10_000);
    const doc = parseDocument(bad);
    expect(doc.errors.map((e) => slice(bad, e.span))).toEqual(['oops']);
    expect(doc.errors[0]!.span.start).toBe(bad.indexOf('oops'));

    const garbage = 'x'.repeat(10_000);
    const garbageDoc = parseDocument(`${garbage}\n${example}`);
    expect(garbageDoc.errors.map((e) => e.span)).toEqual([{ start: 0, end: 10_000 }]);
    expect(garbageDoc.declarations).toHaveLength(10);
  });

  it('a 5 MB file gets one clear error instead of a parse', () => {
    const text = example.repeat(Math.ceil((5 * 1024 * 1024) / example.length)).slice(0, 5 * 1024 * 1024);
    const doc = parseDocument(text);
    expect(doc.declarations).toEqual([]);
    expect(doc.errors).toEqual([
      {
        span: { start: 0, end: 1 },
        skipped: { start: 0, end: text.length },
        message: "this file is too large to check (5,242,880 characters; the limit is 300,000 characters, which keeps the editor's memory bounded): split it into smaller files",
        expected: [],
      },
    ]);
  });

  it('a declaration over 64 KB is reported, the rest of the file is parsed', () => {
    const huge = `factor big { note "${'a'.repeat(100 * 1024)}" }\n`;
    const doc = parseDocument(huge + example);
    expect(doc.declarations).toHaveLength(10);
    expect(doc.errors.map((e) => e.message)).toEqual(['this factor is 101 KB long; declarations over 64 KB are not checked']);
    expect(doc.errors[0]!.declarationName?.text).toBe('big');
  });

  it('an unterminated string, a lone quote, a lone slash and control characters', () => {
    for (const text of ['"', 'factor a { note "', '/', 'factor a {\u0000\u0001}', '\uFEFFfactor a { probability 1% }', '\uD800']) {
      const doc = parseDocument(text);
      expectSpansInside(doc);
    }
    expect(parseDocument('\uFEFFfactor a { probability 1% }').errors).toEqual([]);
  });
});

describe('properties', () => {
  it('never throws on arbitrary text, and every span lies inside it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expectSpansInside(parseDocument(text));
      }),
      { numRuns: 400 },
    );
  });

  const tokens = [
    '{', '}', '"', '\n', ';', '//', '%', '..', '\\', 'x', '-', '.', 'factor', 'outcome', 'event', 'alternative',
    'scenario', 'probability', 'base', 'judged', 'given', 'observe', 'not', 'likely', 'raises', '0.5', '20%', ' ',
  ];

  it('never throws on mutated valid files, and every span lies inside them', () => {
    const mutation = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 20 }),
      insert: fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 5 })),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        let text = example;
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.remove);
        }
        const doc = parseDocument(text);
        expectSpansInside(doc);
        // Declarations and errors come in document order and do not overlap.
        const stretches = [...doc.declarations.map((d) => d.span), ...doc.errors.map((e) => e.skipped)]
          .sort((a, b) => a.start - b.start);
        for (let i = 1; i < stretches.length; i++) expect(stretches[i]!.start).toBeGreaterThanOrEqual(stretches[i - 1]!.end);
      }),
      { numRuns: 300 },
    );
  });
});
