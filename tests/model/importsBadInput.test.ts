// Imports that lead nowhere or where they may not (LANGUAGE.md, Imports and Checks): a missing
// file, paths that are absolute, URLs, not .scenario, above the root, a symbolic link out of it, a
// folder; a cycle of three files; 1,000 imports in one file; a model past the bounds. Real files in
// a temporary folder, and a symbolic link that points outside the root.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportGraph, MAX_IMPORTED_FILES, MAX_MODEL_CHARS } from '../../server/src/analysis/importGraph';
import type { ImportHost } from '../../server/src/model/imports/host';
import { writtenPathProblem } from '../../server/src/model/imports/paths';
import { analysed, factor, listed, outcome, workspace } from './importsHelpers';

const ws = workspace();
afterAll(() => ws.remove());

/** The diagnostics of a file that holds these lines, then an outcome using `a`. */
function check(name: string, lines: string[]): string[] {
  ws.write({ [name]: `${lines.join('\n')}\n${outcome('o', 'a')}` });
  return listed(analysed(ws.graph().file(ws.path(name))));
}

describe('import-path and import-not-found', () => {
  ws.write({ 'lib/a.scenario': factor('a'), 'lib/notes.txt': 'factor a { probability likely }', 'lib/folder.scenario/x.scenario': factor('a') });
  // Outside the root (beside it, in the temporary folder), and a link to it inside the root.
  const outside = join(dirname(ws.root), 'outside.scenario');
  writeFileSync(outside, factor('a'));
  symlinkSync(outside, ws.path('lib/link.scenario'));
  mkdirSync(join(dirname(ws.root), 'elsewhere'));
  symlinkSync(join(dirname(ws.root), 'elsewhere'), ws.path('linked-folder'));
  writeFileSync(join(dirname(ws.root), 'elsewhere', 'b.scenario'), factor('a'));
  // A link that stays inside the root is fine.
  symlinkSync(ws.path('lib/a.scenario'), ws.path('lib/alias.scenario'));

  it('accepts a link that stays inside the root, and reads the file it leads to once', () => {
    expect(check('ok.scenario', ['import "lib/alias.scenario"', 'import "lib/a.scenario"'])).toEqual([]);
  });

  it.each([
    ['a missing file', 'lib/missing.scenario', 'import-not-found 1:8 "lib/missing.scenario" does not exist: no file lib/missing.scenario in the --root folder. Check the path, which is relative to this file.'],
    ['an absolute path', '/etc/a.scenario', 'import-path 1:8 "/etc/a.scenario" is an absolute path: write it relative to this file, such as "lib/factors.scenario", so the files can move together.'],
    ['a URL', 'https://example.org/a.scenario', 'import-path 1:8 "https://example.org/a.scenario" is a URL: imports read files inside the folder tree only. Copy the file into it and import it by its path relative to this file, such as "lib/factors.scenario".'],
    ['a file that is not .scenario', 'lib/notes.txt', 'import-path 1:8 "lib/notes.txt" does not end in .scenario: only .scenario files can be imported.'],
    ['a folder', 'lib/folder.scenario', 'import-path 1:8 "lib/folder.scenario" is a folder: import a .scenario file inside it.'],
    ['a backslash', 'lib\\a.scenario', 'import-path 1:8 "lib\\a.scenario" has a backslash: separate folders with \'/\', as in "lib/factors.scenario", on every system.'],
    ['an empty path', '', 'import-path 1:8 An import needs a path: write the file\'s path relative to this file, such as "lib/factors.scenario".'],
  ])('%s', (_what, path, expected) => {
    expect(check('bad.scenario', [`import "${path.replace(/\\/g, '\\\\')}"`])).toEqual([expected]);
  });

  it('a path that climbs above the root, even to a file that exists', () => {
    const [line] = check('climb.scenario', ['import "../outside.scenario"']);
    expect(line).toBe(`import-path 1:8 "../outside.scenario" leads outside the --root folder (${ws.root}): imports stay inside it.`);
  });

  it('a symbolic link, to a file or through a folder, that leads outside the root', () => {
    expect(check('link.scenario', ['import "lib/link.scenario"'])).toEqual([
      `import-path 1:8 "lib/link.scenario" is a symbolic link to a file outside the --root folder (${ws.root}): imports stay inside it.`,
    ]);
    expect(check('link2.scenario', ['import "linked-folder/b.scenario"'])[0]).toMatch(/^import-path 1:8 "linked-folder\/b.scenario" is a symbolic link to a file outside/);
  });

  it('a file that is itself outside the root cannot import', () => {
    ws.write({ 'inner/q.scenario': `import "../lib/a.scenario"\n${outcome('o', 'a')}` });
    const narrow = ws.graph(ws.path('lib'));
    expect(listed(analysed(narrow.file(ws.path('inner/q.scenario'))))[0]).toMatch(/^import-path 1:8 This file is outside the --root folder/);
  });

  it('never reports the names a broken import may declare as unknown; the import is the thing to fix', () => {
    const lines = check('quiet.scenario', ['import "lib/missing.scenario"', 'alternative "A" {\n  a 50%\n}']);
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['import-not-found']);
  });

  it('writtenPathProblem reads a drive letter as absolute, and a scheme of two letters or more as a URL', () => {
    expect(writtenPathProblem('C:/x.scenario')).toMatch(/absolute path/);
    expect(writtenPathProblem('file:x.scenario')).toMatch(/is a URL/);
    expect(writtenPathProblem('lib/x.scenario')).toBeNull();
    expect(writtenPathProblem('a\u0000.scenario')).toMatch(/control character/);
  });
});

describe('import-cycle', () => {
  ws.write({
    'cycle/a.scenario': `import "b.scenario"\n${factor('a')}`,
    'cycle/b.scenario': `import "sub/c.scenario"\n${factor('b')}`,
    'cycle/sub/c.scenario': `import "../a.scenario"\n${factor('c')}`,
    'cycle/self.scenario': `import "self.scenario"\n${factor('s')}`,
  });

  it('each file of a cycle of three says so on its import, naming the whole cycle, whichever is read first', () => {
    const expected = {
      'cycle/a.scenario': 'import-cycle 1:8 This import makes a cycle: a.scenario → b.scenario → sub/c.scenario → a.scenario.',
      'cycle/b.scenario': 'import-cycle 1:8 This import makes a cycle: b.scenario → sub/c.scenario → a.scenario → b.scenario.',
      'cycle/sub/c.scenario': 'import-cycle 1:8 This import makes a cycle: c.scenario → ../a.scenario → ../b.scenario → c.scenario.',
    };
    for (const first of Object.keys(expected)) {
      const graph = ws.graph();
      graph.file(ws.path(first));
      for (const [file, line] of Object.entries(expected)) {
        const lines = listed(analysed(graph.file(ws.path(file))), false);
        expect(lines.map((l) => l.split('. Files')[0]!.concat('.')), `${file} after ${first}`).toEqual([line]);
      }
    }
  });

  it('a file that imports itself', () => {
    expect(listed(analysed(ws.graph().file(ws.path('cycle/self.scenario'))), false)).toEqual([
      'import-cycle 1:8 This file imports itself ("self.scenario"): remove this import.',
    ]);
  });

  it('a file importing a cycle gets an import with errors, not a cycle of its own', () => {
    ws.write({ 'cycle/outer.scenario': `import "a.scenario"\n${outcome('o', 'a')}` });
    expect(listed(analysed(ws.graph().file(ws.path('cycle/outer.scenario')))).map((l) => l.split(' ')[0])).toEqual(['import-errors']);
  });
});

describe('1,000 imports in one file', () => {
  it('of 1,000 different files: all read once, every name bound, no error', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) files[`many/lib/f${i}.scenario`] = factor(`f${i}`, `${(i % 90) + 5}%`);
    const imports = Array.from({ length: 1000 }, (_, i) => `import "lib/f${i}.scenario"`);
    files['many/q.scenario'] = `${imports.join('\n')}\n${outcome('o', 'f0', 'f999')}`;
    ws.write(files);
    const graph = ws.graph();
    const q = analysed(graph.file(ws.path('many/q.scenario')));
    expect(listed(q)).toEqual([]);
    expect(q.analysis.model.inputs).toHaveLength(1000);
    expect(graph.files()).toHaveLength(1001);
  });

  it('of one file 1,000 times, and of 1,000 missing files: one diagnostic per import, nothing else', () => {
    ws.write({ 'same/lib.scenario': factor('a') });
    expect(check('same/q.scenario', Array.from({ length: 1000 }, () => 'import "lib.scenario"'))).toEqual([]);
    const missing = check('missing/q.scenario', Array.from({ length: 1000 }, (_, i) => `import "lib/m${i}.scenario"`));
    expect(missing).toHaveLength(1000);
    expect(new Set(missing.map((l) => l.split(' ')[0]))).toEqual(new Set(['import-not-found']));
  });
});

describe('the bounds of one model', () => {
  /** A chain of files in memory: f0 imports f1, … (no disk needed for thousands); without `linked`, files that import nothing. */
  function chain(length: number, linked = true): ImportHost {
    const text = (i: number) => `${linked && i + 1 < length ? `import "f${i + 1}.scenario"\n` : ''}factor f${i} { probability 50% }\n`;
    const index = (path: string) => Number(/\/f(\d+)\.scenario$/.exec(path)?.[1] ?? -1);
    const exists = (path: string) => path.startsWith('/mem/') && index(path) >= 0 && index(path) < length;
    return {
      realpath: (path) => (path === '/mem' || exists(path) ? path : undefined),
      kind: (path) => (path === '/mem' ? 'directory' : exists(path) ? 'file' : undefined),
      read: (path) => (exists(path) ? { text: text(index(path)) } : { problem: 'it does not exist' }),
    };
  }

  it(`imports at most ${MAX_IMPORTED_FILES} files into one model, and says so on each import it did not follow`, () => {
    // One file in memory that imports the first 1,002 files of a chain: past the bound, imports are not followed.
    const host = chain(MAX_IMPORTED_FILES + 2, false);
    const wide = Array.from({ length: MAX_IMPORTED_FILES + 2 }, (_, i) => `import "f${i}.scenario"`).join('\n');
    const graph = new ImportGraph({
      ...host,
      realpath: (p) => (p === '/mem/wide.scenario' ? p : host.realpath(p)),
      kind: (p) => (p === '/mem/wide.scenario' ? 'file' : host.kind(p)),
      read: (p) => (p === '/mem/wide.scenario' ? { text: wide } : host.read(p)),
    }, { path: '/mem', name: 'the memory' });
    const file = analysed(graph.file('/mem/wide.scenario'));
    const errors = listed(file, false);
    expect(errors).toHaveLength(2);
    for (const [k, line] of errors.entries()) {
      const i = MAX_IMPORTED_FILES + k;
      expect(line).toBe(`import-not-found ${i + 1}:8 "f${i}.scenario" was not read: one model imports at most 1,000 files, directly ` +
        `or not, of ${MAX_MODEL_CHARS / 1_000_000} million characters together. Split the model into smaller ones.`);
    }
    expect(file.analysis.model.inputs).toHaveLength(MAX_IMPORTED_FILES);
    // What was analysed in a model cut short is not kept: asked again, the file is analysed again.
    expect(graph.file('/mem/wide.scenario')).not.toBe(file);
  });

  it(`a chain of ${MAX_IMPORTED_FILES + 1} files is analysed without overflowing the stack, every name bound`, () => {
    const graph = new ImportGraph(chain(MAX_IMPORTED_FILES + 1), { path: '/mem', name: 'the memory' });
    const first = analysed(graph.file('/mem/f0.scenario'));
    expect(listed(first, false)).toEqual([]);
    expect(first.analysis.model.inputs).toHaveLength(MAX_IMPORTED_FILES + 1);
  });

  it('a file that cannot be read at all', () => {
    const host = chain(2);
    const graph = new ImportGraph({ ...host, read: () => ({ problem: 'permission denied' }) }, { path: '/mem', name: 'the memory' });
    expect(graph.file('/mem/f0.scenario')).toEqual({ path: '/mem/f0.scenario', problem: 'permission denied' });
  });
});
