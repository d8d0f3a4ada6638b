// The history layer on real git repositories made in a temporary folder: versions oldest first
// with their dates, renames followed, a worktree, a shallow clone, bad revisions, a version with
// errors, binary and huge blobs, awkward file names, and the cache by blob id.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LruCache, VersionCache, DiskVersionStore } from '../../server/src/history/cache';
import { GitError, MAX_BLOB_BYTES, parseFileLog, parseRawLog } from '../../server/src/history/git';
import { fileHistory, loadVersion, parseVersionArg } from '../../server/src/history/versions';
import { GIT_ENV, makeRepo, smallModel, type TempRepo } from './repo';

let repo: TempRepo;
let commits: string[];

beforeAll(() => {
  repo = makeRepo();
  repo.write('model.scenario', smallModel());
  commits = [repo.commit('First model', 1)];
  repo.write('model.scenario', smallModel({ rapport: '40%' }));
  commits.push(repo.commit('Rapport lowered', 2));
  repo.write('model.scenario', smallModel({ rapport: '40%', base: 'maybe' }));
  commits.push(repo.commit('Half-written base', 3));
  repo.git('mv', 'model.scenario', 'renamed.scenario');
  repo.write('renamed.scenario', smallModel({ rapport: '40%', base: '25%' }));
  commits.push(repo.commit('Renamed, base 25%', 4));
});

afterAll(() => repo.remove());

const cache = () => new VersionCache();

async function gitError(promise: Promise<unknown>): Promise<GitError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(GitError);
  return error as GitError;
}

describe('history', () => {
  it('lists every committed version oldest first, through the rename, with dates and subjects', async () => {
    const history = await fileHistory(join(repo.dir, 'renamed.scenario'), { cache: cache() });
    expect(history.versions.map((v) => v.commit)).toEqual(commits);
    expect(history.versions.map((v) => v.subject)).toEqual(['First model', 'Rapport lowered', 'Half-written base', 'Renamed, base 25%']);
    expect(history.versions.map((v) => v.date!.slice(0, 10))).toEqual(['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-04']);
    expect(history.versions.map((v) => v.path)).toEqual(['model.scenario', 'model.scenario', 'model.scenario', 'renamed.scenario']);
    expect(history.versions.some((v) => v.workingCopy)).toBe(false);
    const ties = history.versions.map((v) => v.outcomes?.find((o) => o.name === 'ties')?.probability ?? null);
    expect(ties[0]).toBeGreaterThan(ties[1]!); // rapport lowered
    expect(ties[2]).toBeNull();
    expect(ties[3]).toBeGreaterThan(ties[1]!); // base raised
  });

  it('a version that does not check has its error count and no numbers', async () => {
    const history = await fileHistory(join(repo.dir, 'renamed.scenario'), { cache: cache() });
    expect(history.versions[2]).toMatchObject({ outcomes: null, errors: 1 });
    expect(history.versions.filter((v) => v.errors === 0)).toHaveLength(3);
  });

  it('--max keeps the newest versions, still oldest first', async () => {
    const history = await fileHistory(join(repo.dir, 'renamed.scenario'), { cache: cache(), max: 2 });
    expect(history.versions.map((v) => v.commit)).toEqual(commits.slice(2));
    expect(history.truncated).toBe(true);
  });

  it('adds the working copy when it differs, and only then', async () => {
    const file = join(repo.dir, 'renamed.scenario');
    writeFileSync(file, smallModel({ rapport: '40%', base: '30%' }));
    try {
      const history = await fileHistory(file, { cache: cache() });
      expect(history.versions).toHaveLength(5);
      expect(history.versions[4]).toMatchObject({ commit: null, workingCopy: true, errors: 0 });
      // Reformatting changes the blob: a new row, the same numbers.
      expect(history.versions[4]!.outcomes![0]!.probability).toBeGreaterThan(history.versions[3]!.outcomes![0]!.probability);
    } finally {
      repo.git('checkout', '--', 'renamed.scenario');
    }
    expect((await fileHistory(file, { cache: cache() })).versions).toHaveLength(4);
  });

  it('a second run takes every version from the cache, memory or disk', async () => {
    const file = join(repo.dir, 'renamed.scenario');
    const memory = cache();
    const first = await fileHistory(file, { cache: memory });
    expect([first.computed, first.cached]).toEqual([4, 0]);
    const second = await fileHistory(file, { cache: memory });
    expect([second.computed, second.cached]).toEqual([0, 4]);
    expect(second.versions).toEqual(first.versions);
    const folder = mkdtempSync(join(tmpdir(), 'scenario-cache-'));
    try {
      await fileHistory(file, { cache: new VersionCache(new DiskVersionStore(folder, 'test')) });
      const fromDisk = await fileHistory(file, { cache: new VersionCache(new DiskVersionStore(folder, 'test')) });
      expect([fromDisk.computed, fromDisk.cached]).toEqual([0, 4]);
      expect(fromDisk.versions).toEqual(first.versions);
      // Another program (another build) never reads these numbers.
      const other = await fileHistory(file, { cache: new VersionCache(new DiskVersionStore(folder, 'other')) });
      expect(other.computed).toBe(4);
      // --samples or --seed are part of the key.
      expect((await fileHistory(file, { cache: memory, seed: 9 })).computed).toBe(4);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('the LRU keeps the most recently used entries', () => {
    const lru = new LruCache<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
  });

  it('works in a linked worktree', async () => {
    const tree = join(mkdtempSync(join(tmpdir(), 'scenario-worktree-')), 'tree');
    repo.git('worktree', 'add', '-q', tree, commits[1]!);
    try {
      const history = await fileHistory(join(tree, 'model.scenario'), { cache: cache() });
      expect(history.versions.map((v) => v.commit)).toEqual(commits.slice(0, 2));
      const old = await loadVersion({ path: join(tree, 'model.scenario'), rev: 'HEAD~1' });
      expect(old.text).toBe(smallModel());
    } finally {
      repo.git('worktree', 'remove', '--force', tree);
    }
  });

  it('refuses a shallow clone, a folder outside any repository, and says so', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'scenario-norepo-'));
    const clone = join(outside, 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone], { env: { ...process.env, ...GIT_ENV } });
    try {
      const shallow = await gitError(fileHistory(join(clone, 'renamed.scenario'), { cache: cache() }));
      expect(shallow.kind).toBe('shallow');
      expect(shallow.message).toMatch(/shallow clone.*--unshallow/);
      writeFileSync(join(outside, 'loose.scenario'), smallModel());
      const none = await gitError(fileHistory(join(outside, 'loose.scenario'), { cache: cache(), git: { timeoutMs: 10_000 } }));
      expect(none.kind).toBe('not-a-repository');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('versions', () => {
  it('PATH@REV reads any revision; the rename is in the revision\'s own tree', async () => {
    const v = await loadVersion({ path: join(repo.dir, 'model.scenario'), rev: commits[0]! });
    expect(v.text).toBe(smallModel());
    expect(v.commit).toBe(commits[0]);
    // The file's name now, at a revision from before it was renamed: followed back.
    expect((await loadVersion({ path: join(repo.dir, 'renamed.scenario'), rev: commits[1]! })).text).toBe(smallModel({ rapport: '40%' }));
    const tag = await loadVersion({ path: join(repo.dir, 'renamed.scenario'), rev: 'main' });
    expect(tag.text).toBe(smallModel({ rapport: '40%', base: '25%' }));
  });

  it('a revision that does not exist, or a file not in it, is a GitError with one line', async () => {
    const bad = await gitError(loadVersion({ path: join(repo.dir, 'renamed.scenario'), rev: 'no-such-branch' }));
    expect(bad.kind).toBe('bad-revision');
    expect(bad.message).toBe("'no-such-branch' is not a revision of this repository");
    const dash = await gitError(loadVersion({ path: join(repo.dir, 'renamed.scenario'), rev: '--output=x' }));
    expect(dash.kind).toBe('bad-revision');
    const missing = await gitError(loadVersion({ path: join(repo.dir, 'never.scenario'), rev: commits[0]! }));
    expect(missing.kind).toBe('not-in-revision');
    expect(missing.message).toBe(`never.scenario does not exist in '${commits[0]}'`);
  });

  it('binary and huge blobs are refused with a message; the history shows them unreadable', async () => {
    const r = makeRepo();
    try {
      r.write('odd.scenario', 'factor a { probability 50% }\0\0\0');
      r.commit('binary', 1);
      const binary = await gitError(loadVersion({ path: join(r.dir, 'odd.scenario'), rev: 'HEAD' }));
      expect(binary.kind).toBe('binary');
      r.write('odd.scenario', `// ${'x'.repeat(MAX_BLOB_BYTES + 10)}\n`);
      r.commit('huge', 2);
      const huge = await gitError(loadVersion({ path: join(r.dir, 'odd.scenario'), rev: 'HEAD' }));
      expect(huge.kind).toBe('too-large');
      expect(huge.message).toMatch(/too large to read \(4\.0 MB; the limit is 4 MB\)/);
      const history = await fileHistory(join(r.dir, 'odd.scenario'), { cache: cache() });
      expect(history.versions.map((v) => [v.outcomes, v.errors, v.message?.replace(/ [0-9a-f]{12} /, ' ID ')])).toEqual([
        [null, 1, 'version ID is a binary file, not a .scenario text'],
        [null, 1, 'version ID is too large to read (4.0 MB; the limit is 4 MB)'],
      ]);
    } finally {
      r.remove();
    }
  });

  it('file names with spaces, quotes, a leading dash, glob characters or an @ work', async () => {
    const r = makeRepo();
    try {
      const names = ['my model.scenario', 'it\'s "q".scenario', '-dash.scenario', '[ab]*.scenario', 'at@home.scenario'];
      for (const n of names) r.write(n, smallModel());
      r.write('a.scenario', 'decoy');
      r.write('b.scenario', 'decoy');
      r.commit('all', 1);
      for (const n of names) r.write(n, smallModel({ rapport: '30%' }));
      r.commit('changed', 2);
      for (const n of names) {
        const file = join(r.dir, n);
        const history = await fileHistory(file, { cache: cache() });
        expect(history.versions.map((v) => v.subject), n).toEqual(['all', 'changed']);
        expect((await loadVersion({ path: file, rev: 'HEAD~1' })).text, n).toBe(smallModel());
      }
      // `PATH@REV` of a file whose name has an @.
      expect(parseVersionArg(`${join(r.dir, 'at@home.scenario')}@HEAD~1`)).toEqual({ path: join(r.dir, 'at@home.scenario'), rev: 'HEAD~1' });
    } finally {
      r.remove();
    }
  });

  it('parses PATH@REV: the revision may hold an @ of its own; an existing file is a path', () => {
    const none = () => false;
    expect(parseVersionArg('m.scenario@HEAD', none)).toEqual({ path: 'm.scenario', rev: 'HEAD' });
    expect(parseVersionArg('m.scenario@HEAD@{1}', none)).toEqual({ path: 'm.scenario', rev: 'HEAD@{1}' });
    expect(parseVersionArg('dir/m.scenario@main~2', none)).toEqual({ path: 'dir/m.scenario', rev: 'main~2' });
    expect(parseVersionArg('m.scenario', none)).toEqual({ path: 'm.scenario', rev: null });
    expect(parseVersionArg('odd@name.scenario', (p) => p === 'odd@name.scenario')).toEqual({ path: 'odd@name.scenario', rev: null });
  });

  it('parses git log -z --raw: renames, deletions, subjects with separators', () => {
    const id = (c: string) => c.repeat(40);
    const out = `\x1e${id('a')}\x1f2025-01-02T00:00:00Z\x1fmove\x1fit\0\n:100644 100644 ${id('1')} ${id('2')} R090\0old.scenario\0new.scenario\0`
      + `\x1e${id('b')}\x1f2025-01-01T00:00:00Z\x1fgone\0\n:100644 000000 ${id('1')} ${id('0')} D\0old.scenario\0`;
    expect(parseFileLog(out)).toEqual([
      { commit: id('a'), date: '2025-01-02T00:00:00Z', subject: 'move\x1fit', blob: id('2'), path: 'new.scenario' },
      { commit: id('b'), date: '2025-01-01T00:00:00Z', subject: 'gone', blob: null, path: 'old.scenario' },
    ]);
  });

  it('parses a log over several paths: every change of a commit, and a commit with none', () => {
    const id = (c: string) => c.repeat(40);
    const out = `\x1e${id('a')}\x1f2025-01-02T00:00:00Z\x1fboth\0\n:100644 100644 ${id('1')} ${id('2')} M\0lib/a.scenario\0`
      + `:000000 100644 ${id('0')} ${id('3')} A\0lib/b.scenario\0:100644 000000 ${id('4')} ${id('0')} D\0lib/c.scenario\0`
      + `\x1e${id('b')}\x1f2025-01-01T00:00:00Z\x1fmerge\0`;
    expect(parseRawLog(out)).toEqual([
      {
        commit: id('a'), date: '2025-01-02T00:00:00Z', subject: 'both', changes: [
          { status: 'M', path: 'lib/a.scenario', blob: id('2') },
          { status: 'A', path: 'lib/b.scenario', blob: id('3') },
          { status: 'D', path: 'lib/c.scenario', blob: null },
        ],
      },
      { commit: id('b'), date: '2025-01-01T00:00:00Z', subject: 'merge', changes: [] },
    ]);
    // The followed file's log keeps each commit's last change, and leaves out a commit without one.
    expect(parseFileLog(out).map((c) => [c.path, c.blob])).toEqual([['lib/c.scenario', null]]);
  });
});
