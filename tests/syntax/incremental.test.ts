// The IncrementalParser must always give what parseDocument gives for the same text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { chunkCache } from '../../server/src/syntax/chunk';
import { scenarioGrammar } from '../../server/src/syntax/grammar';
import { IncrementalParser } from '../../server/src/syntax/incremental';
import { parseDocument } from '../../server/src/syntax/parse';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

const example = LANGUAGE_EXAMPLE;

/** A parse with nothing cached: the reference. */
function fresh(text: string) {
  chunkCache.clear();
  return parseDocument(text);
}

afterEach(() => chunkCache.clear());

describe('IncrementalParser', () => {
  it('starts with the parse of its text', () => {
    const parser = new IncrementalParser(example);
    expect(parser.text).toBe(example);
    expect(parser.document).toEqual(fresh(example));
  });

  it('re-matches only the edited declaration when typing inside it, feeding its matcher the edit', () => {
    const matcherPrototype = Object.getPrototypeOf(scenarioGrammar.matcher());
    const replace = vi.spyOn(matcherPrototype, 'replaceInputRange');
    const parser = new IncrementalParser(example);
    const at = example.indexOf('crisis raises weakly') + 'crisis raises '.length;
    // Replace "weakly" by "strongly", one keystroke at a time, through invalid states.
    let text = example;
    const steps: [number, number, string][] = [[at, at + 6, ''], [at, at, 's'], [at + 1, at + 1, 't'], [at + 2, at + 2, 'rongly']];
    for (const [start, end, insert] of steps) {
      chunkCache.clear();
      const doc = parser.applyChange(start, end, insert);
      text = text.slice(0, start) + insert + text.slice(end);
      expect(parser.lastChange).toBe('incremental');
      expect(parser.text).toBe(text);
      expect(doc).toEqual(fresh(text));
    }
    expect(parser.document.errors).toEqual([]);
    expect(text).toContain('crisis raises strongly');
    // After the first keystroke the outcome keeps its matcher, which receives only the edit.
    const chunkEdits = replace.mock.calls.filter(([start, end]) => !(start === 0 && end === 0));
    expect(chunkEdits.map(([, , inserted]) => inserted)).toEqual(['s', 't', 'rongly']);
    replace.mockRestore();
  });

  it('re-parses when an edit changes where declarations start or end', () => {
    const parser = new IncrementalParser(example);
    const at = example.indexOf('event attack');
    const doc = parser.applyChange(at, at, 'factor extra { probability 5% }\n');
    expect(parser.lastChange).toBe('reparse');
    expect(doc).toEqual(fresh(parser.text));
    expect(doc.declarations).toHaveLength(11);
  });

  it('typing after an unclosed declaration stays incremental', () => {
    const parser = new IncrementalParser('factor a { probability 30% }\noutcome o {\n  base 20%');
    let doc = parser.document;
    for (const ch of '\n  a raises weakly\n}') {
      chunkCache.clear();
      doc = parser.applyChange(parser.text.length, parser.text.length, ch);
      expect(doc).toEqual(fresh(parser.text));
    }
    expect(parser.lastChange).toBe('incremental');
    expect(doc.errors).toEqual([]);
    expect(doc.declarations).toHaveLength(2);
  });

  it('clamps offsets outside the text', () => {
    const parser = new IncrementalParser('factor a { probability 30% }');
    const doc = parser.applyChange(-5, 1000, 'event e { probability 1% }');
    expect(parser.text).toBe('event e { probability 1% }');
    expect(doc).toEqual(fresh(parser.text));
  });

  const snippets = [
    '{', '}', '"', '\n', '\r\n', '//', '// c\n', ' ', ';', '\\', '\\"', '%', '..', 'x3', 'x0.5', 'ü', '😀',
    'factor', 'factor ', 'event e ', 'outcome', 'alternative "A" {', 'scenario "S" {\n}', '\nfactor z { probability 1% }\n',
    'probability', ' likely', 'almost  certain', 'may', 'raises', 'lowers', 'moderately', 'given not ', 'base 20%',
    'crisis', 'note "n"', '20%..35%', '2025-02-30', 'samples 5', '\n}\n', '"unclosed',
  ];
  const snippet = fc.oneof(fc.constantFrom(...snippets), fc.string({ maxLength: 6 }));
  const edit = fc.record({ start: fc.nat(), length: fc.nat({ max: 12 }), insert: snippet });

  it('equals a fresh parse after any sequence of edits (property)', () => {
    let incremental = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const parser = new IncrementalParser(example);
        let text = example;
        for (const e of edits) {
          const start = e.start % (text.length + 1);
          const end = Math.min(text.length, start + e.length);
          text = text.slice(0, start) + e.insert + text.slice(end);
          chunkCache.clear(); // make the parser match, not reuse what the reference parse cached
          const doc = parser.applyChange(start, end, e.insert);
          total++;
          if (parser.lastChange === 'incremental') incremental++;
          expect(parser.text).toBe(text);
          expect(doc).toEqual(fresh(text));
        }
      }),
      { numRuns: 250 },
    );
    // Most random edits land inside a declaration; the incremental path must be the common one.
    expect(incremental / total).toBeGreaterThan(0.5);
  });
});
