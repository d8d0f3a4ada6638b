// The pure parts behind drafts in the editor: the paragraph-by-paragraph check equals a fresh
// check of the whole text after any edits (prose/incremental.ts), and the workspace bounds and
// globs of scenario.prose.files (session/workspaceFiles.ts).
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProse, proseModelOf } from '../../server/src/prose/check';
import { IncrementalProseCheck } from '../../server/src/prose/incremental';
import { paragraphsOf } from '../../server/src/prose/segment';
import { WorkspaceFolders, globToRegExp, isInside, matchesGlobs } from '../../server/src/session/workspaceFiles';
import { OPED } from '../prose/oped';

const MODEL = proseModelOf({ outcomes: [{ name: 'trade_up', label: 'US–Pakistan trade grows', probability: 0.1 }] });
const PIECES = [' may ', '\n\n', ' `trade_up` is likely. ', 'US–Pakistan trade grows is expected to rise. ', ' with high confidence ', '.', '\n', 'x'];

describe('the paragraph-by-paragraph check', () => {
  it('finds what checkProse finds, after any sequence of edits, with and without a model', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 40 }), piece: fc.constantFrom(...PIECES) }), { minLength: 1, maxLength: 12 }),
      fc.boolean(),
      (edits, withModel) => {
        const model = withModel ? MODEL : null;
        const checker = new IncrementalProseCheck();
        let text = OPED;
        for (const { at, cut, piece } of edits) {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + piece + text.slice(Math.min(text.length, start + cut));
          const kept = checker.check(text, paragraphsOf(text), model, String(withModel));
          expect(kept).toEqual(checkProse(text, model));
        }
      },
    ), { numRuns: 40 });
  });

  it('drops what it keeps when the model changes', () => {
    const checker = new IncrementalProseCheck();
    const text = '`trade_up` is likely.';
    expect(checker.check(text, paragraphsOf(text), null, 'none').diagnostics).toEqual([]);
    expect(checker.check(text, paragraphsOf(text), MODEL, 'ten percent').diagnostics.map((d) => d.code)).toEqual(['prose-contradiction']);
  });
});

describe('workspace bounds and globs', () => {
  const root = join('/', 'work', 'space');

  it('keeps paths inside their folder, whatever .. says', () => {
    expect(isInside(root, join(root, 'a', 'b.scenario'))).toBe(true);
    expect(isInside(root, join(root, '..foo.scenario'))).toBe(true);
    expect(isInside(root, join(root, '..', 'other', 'x.scenario'))).toBe(false);
    expect(isInside(root, join('/', 'work', 'spaced', 'x.scenario'))).toBe(false);
    const folders = new WorkspaceFolders();
    folders.set([root, join(root, 'nested')]);
    expect(folders.folderOf(join(root, 'nested', 'a.md'))).toBe(join(root, 'nested'));
    expect(folders.folderOf(join(root, 'a.md'))).toBe(root);
    folders.change([], [root]);
    expect(folders.folderOf(join(root, 'a.md'))).toBeNull();
  });

  it.each([
    ['**/*.md', 'a.md', true], ['**/*.md', 'x/y/a.md', true], ['**/*.md', 'a.mdx', false],
    ['*.md', 'a.md', true], ['*.md', 'x/a.md', false],
    ['drafts/**/*.txt', 'drafts/a.txt', true], ['drafts/**/*.txt', 'drafts/2025/q1/a.txt', true], ['drafts/**/*.txt', 'other/a.txt', false],
    ['drafts/**', 'drafts/a/b.md', true], ['./notes/{a,b}.md', 'notes/b.md', true], ['notes/{a,b}.md', 'notes/c.md', false],
    ['[!_]*.md', 'draft.md', true], ['[!_]*.md', '_draft.md', false], ['op?ed.md', 'op-ed.md', true], ['op?ed.md', 'op/ed.md', false],
    ['a.b+c(d).md', 'a.b+c(d).md', true], ['a.b+c(d).md', 'aXb+c(d).md', false],
  ])('%s matches %s: %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });

  it('matches relative to the folder, never outside it', () => {
    const globs = [globToRegExp('**/*.md')];
    expect(matchesGlobs(root, join(root, 'x', 'a.md'), globs)).toBe(true);
    expect(matchesGlobs(root, join('/', 'elsewhere', 'a.md'), globs)).toBe(false);
    expect(matchesGlobs(root, join(root, 'a.md'), [])).toBe(false);
  });
});
