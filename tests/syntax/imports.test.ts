// `import "path.scenario"` in the syntax: its own chunk (no body), the path as written, errors in
// analyst words, and the incremental parser agreeing with a fresh parse around it.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportDeclaration } from '../../server/src/syntax/ast';
import { chunkCache } from '../../server/src/syntax/chunk';
import { IncrementalParser } from '../../server/src/syntax/incremental';
import { parseDocument } from '../../server/src/syntax/parse';
import { scanDocument } from '../../server/src/syntax/scan';
import { KEYWORDS, KEYWORD_MEANINGS } from '../../server/src/syntax/vocabulary';

afterEach(() => chunkCache.clear());

const imports = (text: string) =>
  parseDocument(text).declarations.filter((d): d is ImportDeclaration => d.kind === 'import');

describe('import statements', () => {
  it('parse at top level, any number, with the path as written (escapes resolved) and its span', () => {
    const text = 'import "lib/pakistan.scenario"\nimport "a \\"b\\".scenario"\n\nfactor x { probability 1% }\n';
    const doc = parseDocument(text);
    expect(doc.errors).toEqual([]);
    expect(doc.declarations.map((d) => d.kind)).toEqual(['import', 'import', 'factor']);
    const [first, second] = imports(text);
    expect(first!.path.value).toBe('lib/pakistan.scenario');
    expect(text.slice(first!.path.span.start, first!.path.span.end)).toBe('"lib/pakistan.scenario"');
    expect(text.slice(first!.keywordSpan.start, first!.keywordSpan.end)).toBe('import');
    expect(text.slice(first!.span.start, first!.span.end)).toBe('import "lib/pakistan.scenario"');
    expect(second!.path.value).toBe('a "b".scenario');
    expect(first!.statements).toEqual([]);
  });

  it('end at their string: several on one line, `;` between them, a comment after one', () => {
    const text = 'import "a.scenario" import "b.scenario"; import "c.scenario" // shared\nfactor x { probability 1% }';
    expect(scanDocument(text).chunks.map((c) => [text.slice(c.start, c.end), c.keyword])).toEqual([
      ['import "a.scenario"', 'import'],
      ['import "b.scenario"', 'import'],
      ['import "c.scenario"', 'import'],
      ['factor x { probability 1% }', 'factor'],
    ]);
    expect(parseDocument(text).comments.map((c) => c.text)).toEqual(['// shared']);
  });

  it('explain what is wrong in analyst words, and the rest of the file still parses', () => {
    const cases: [string, string][] = [
      ['import lib.scenario', 'expected a file path in double quotes, such as "lib/factors.scenario"'],
      ['import', 'expected a file path in double quotes, such as "lib/factors.scenario"'],
      ['import "lib.scenario', 'expected a closing quote'],
      ['import "a.scenario" { }', 'expected a declaration: scenario, import, factor, event, outcome or alternative'],
    ];
    for (const [bad, message] of cases) {
      const doc = parseDocument(`${bad}\nfactor x { probability 1% }\n`);
      expect(doc.errors.map((e) => e.message), bad).toEqual([message]);
      expect(doc.declarations.map((d) => d.kind), bad).toContain('factor');
    }
  });

  it('make `import` a reserved word with a meaning', () => {
    expect(KEYWORDS.has('import')).toBe(true);
    expect(KEYWORD_MEANINGS.import).toMatch(/relative to this file/);
    expect(parseDocument('factor import { probability 1% }').errors[0]!.message).toBe("'import' is a reserved word and cannot be a name");
    // A longer word that starts with it is a name.
    expect(parseDocument('factor imports { probability 1% }').errors).toEqual([]);
  });
});

describe('the incremental parser around imports', () => {
  const base = 'import "lib/a.scenario"\nimport "lib/b.scenario"\n\nfactor x { probability 1% }\n';

  it('gives what a fresh parse gives while an import path is typed, keystroke by keystroke', () => {
    const parser = new IncrementalParser('');
    let text = '';
    for (const c of 'import "lib/a.scenario"\nfactor x { probability 1% }') {
      parser.applyChange(text.length, text.length, c);
      text += c;
      const fresh = parseDocument(text);
      chunkCache.clear();
      expect(parser.document).toEqual(fresh);
    }
    expect(imports(text).map((d) => d.path.value)).toEqual(['lib/a.scenario']);
  });

  it('gives what a fresh parse gives after any edit of a file with imports', () => {
    fc.assert(fc.property(
      fc.nat(base.length), fc.nat(6), fc.constantFrom('', '"', 'import ', '\n', ' x', '; ', '.scenario', '{'),
      (at, length, inserted) => {
        const parser = new IncrementalParser(base);
        const end = Math.min(base.length, at + length);
        const doc = parser.applyChange(at, end, inserted);
        const text = base.slice(0, at) + inserted + base.slice(end);
        chunkCache.clear();
        expect(doc).toEqual(parseDocument(text));
      },
    ), { numRuns: 300 });
  });
});
