// The versions of a file that imports (issue 14): its own commits and the commits that changed
// only files its imports reached at that commit (importerLog.ts), on real repositories made in a
// temporary folder. A library-only commit is a version with its own forecast; a commit of a file
// it does not import (yet, or any more) is not; a library that begins to import another brings
// that one's commits in; --max bounds the union; a renamed importer is followed; score's forecast
// of record is the last version before the resolution, a library commit included.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VersionCache } from '../../server/src/history/cache';
import { editorCommits, editorCompare, editorHistory } from '../../server/src/history/editor';
import { parseHistoryMessage } from '../../client/webview/validateHistory';
import { scoreFile } from '../../server/src/history/records';
import { fileHistory, type HistoryVersion } from '../../server/src/history/versions';
import { makeRepo, type TempRepo } from './repo';

const library = (rapport: string, extra = '') => `${extra}factor rapport "Leaders get on" {
  probability ${rapport}
}
`;

const question = (imports: string[], extra = '') => `${imports.map((p) => `import "${p}"\n`).join('')}
scenario "Question" {
  seed 3
}
${imports.length === 0 ? '\nfactor rapport "Leaders get on" {\n  probability 50%\n}\n' : ''}
outcome ties "Security re-engagement" {
  base 20%
  rapport raises x3
${extra}}
`;

const ties = (v: HistoryVersion) => v.outcomes?.find((o) => o.name === 'ties')?.probability ?? null;

let repos: TempRepo[] = [];
function repo(): TempRepo {
  const r = makeRepo('scenario-importer-log-');
  repos.push(r);
  return r;
}
afterEach(() => {
  for (const r of repos) r.remove();
  repos = [];
});

const history = (r: TempRepo, file: string, options: { max?: number; cache?: VersionCache } = {}) =>
  fileHistory(join(r.dir, file), { cache: options.cache ?? new VersionCache(), max: options.max, workingCopy: false });

/** A question that imports lib/base.scenario, committed with it on day 1 ('likely'); the library then alone changed on day 2. */
function questionThenLibrary(r: TempRepo, change = '10%', subject = 'Library: rapport 10%', day = 2): { c1: string; c2: string } {
  r.write('lib/base.scenario', library('likely'));
  r.write('q.scenario', question(['lib/base.scenario']));
  const c1 = r.commit('Question and library', 1);
  r.write('lib/base.scenario', library(change));
  const c2 = r.commit(subject, day);
  return { c1, c2 };
}

describe('versions of a file that imports', () => {
  it('a commit that changes only the library is a version, with its own forecast and the file it changed', async () => {
    const r = repo();
    const { c1, c2 } = questionThenLibrary(r);
    r.write('lib/other.scenario', library('90%').replace('rapport', 'other'));
    r.commit('Another library, not imported', 3);
    r.write('q.scenario', question(['lib/base.scenario'], '  note "label only"\n'));
    const c4 = r.commit('Question: a note', 4);
    const h = await history(r, 'q.scenario');
    expect(h.versions.map((v) => v.commit)).toEqual([c1, c2, c4]);
    expect(h.versions.map((v) => v.changedImports ?? null)).toEqual([null, ['lib/base.scenario'], null]);
    expect(h.versions[1]).toMatchObject({ subject: 'Library: rapport 10%', path: 'q.scenario', errors: 0 });
    expect(ties(h.versions[1]!)).toBeLessThan(ties(h.versions[0]!)! - 0.05);
    expect(ties(h.versions[2]!)).toBeCloseTo(ties(h.versions[1]!)!, 12);
    expect(h.truncated).toBe(false);
  });

  it('a second run with the same cache forecasts nothing', async () => {
    const r = repo();
    r.write('lib/base.scenario', library('likely'));
    r.write('q.scenario', question(['lib/base.scenario']));
    r.commit('Question and library', 1);
    for (let day = 2; day <= 6; day++) {
      r.write('lib/base.scenario', library(`${10 * day}%`));
      r.commit(`Library ${day}`, day);
    }
    const cache = new VersionCache();
    const cold = await history(r, 'q.scenario', { cache });
    expect(cold.versions).toHaveLength(6);
    expect(cold.computed).toBe(6);
    const warm = await history(r, 'q.scenario', { cache });
    expect(warm.versions.map((v) => v.commit)).toEqual(cold.versions.map((v) => v.commit));
    expect(warm).toMatchObject({ computed: 0, cached: 6 });
  });

  it('an import added later: the library\'s commits count only from the commit that imports it', async () => {
    const r = repo();
    r.write('lib/base.scenario', library('likely'));
    r.write('q.scenario', question([]));
    const c1 = r.commit('Question with its own factor', 1);
    r.write('lib/base.scenario', library('30%'));
    r.commit('Library, not imported yet', 2);
    r.write('q.scenario', question(['lib/base.scenario']));
    const c3 = r.commit('Question imports the library', 3);
    r.write('lib/base.scenario', library('10%'));
    const c4 = r.commit('Library: rapport 10%', 4);
    const h = await history(r, 'q.scenario');
    expect(h.versions.map((v) => v.commit)).toEqual([c1, c3, c4]);
    expect(h.versions[2]!.changedImports).toEqual(['lib/base.scenario']);
    expect(ties(h.versions[2]!)).toBeLessThan(ties(h.versions[1]!)!);
  });

  it('an import removed: the library\'s later commits are no versions', async () => {
    const r = repo();
    r.write('lib/base.scenario', library('likely'));
    r.write('q.scenario', question(['lib/base.scenario']));
    const c1 = r.commit('Question and library', 1);
    r.write('q.scenario', question([]));
    const c2 = r.commit('Question: its own factor', 2);
    r.write('lib/base.scenario', library('10%'));
    r.commit('Library: rapport 10%', 3);
    const h = await history(r, 'q.scenario');
    expect(h.versions.map((v) => v.commit)).toEqual([c1, c2]);
  });

  it('a library that begins to import another: that one\'s later commits are versions too', async () => {
    const r = repo();
    r.write('lib/a.scenario', library('likely'));
    r.write('lib/b.scenario', 'event attack "An attack" {\n  probability 10%\n}\n');
    r.write('q.scenario', question(['lib/a.scenario']));
    const c1 = r.commit('Question and library a', 1);
    r.write('lib/b.scenario', 'event attack "An attack" {\n  probability 20%\n}\n');
    r.commit('b, not imported yet', 2);
    r.write('lib/a.scenario', library('likely', 'import "b.scenario"\n\n'));
    const c3 = r.commit('a imports b', 3);
    r.write('lib/b.scenario', 'event attack "An attack" {\n  probability 40%\n}\n');
    const c4 = r.commit('b: attack 40%', 4);
    const h = await history(r, 'q.scenario');
    expect(h.versions.map((v) => v.commit)).toEqual([c1, c3, c4]);
    expect(h.versions.map((v) => v.changedImports ?? null)).toEqual([null, ['lib/a.scenario'], ['lib/b.scenario']]);
  });

  it('a library missing at first, added, then deleted: each of those commits is a version', async () => {
    const r = repo();
    r.write('q.scenario', question(['lib/base.scenario']));
    const c1 = r.commit('Question before its library', 1);
    r.write('lib/base.scenario', library('likely'));
    const c2 = r.commit('Library', 2);
    r.git('rm', '-q', 'lib/base.scenario');
    const c3 = r.commit('Library deleted', 3);
    const h = await history(r, 'q.scenario');
    expect(h.versions.map((v) => v.commit)).toEqual([c1, c2, c3]);
    expect(h.versions.map((v) => v.errors)).toEqual([1, 0, 1]);
    expect(h.versions[2]!.importError).toMatch(/^line 1: import-not-found: /);
    expect(h.versions[2]!.changedImports).toEqual(['lib/base.scenario']);
  });

  it('--max bounds the union of the file\'s commits and its library\'s, the newest kept', async () => {
    const r = repo();
    r.write('lib/base.scenario', library('50%'));
    r.write('q.scenario', question(['lib/base.scenario']));
    const all = [r.commit('Question and library', 1)];
    for (let day = 2; day <= 7; day++) {
      if (day % 2 === 0) r.write('lib/base.scenario', library(`${10 * day}%`));
      else r.write('q.scenario', question(['lib/base.scenario'], `  note "version ${day}"\n`));
      all.push(r.commit(`Commit ${day}`, day));
    }
    const full = await history(r, 'q.scenario');
    expect(full.versions.map((v) => v.commit)).toEqual(all);
    expect(full.truncated).toBe(false);
    const three = await history(r, 'q.scenario', { max: 3 });
    expect(three.versions.map((v) => v.commit)).toEqual(all.slice(-3));
    expect(three.truncated).toBe(true);
    const seven = await history(r, 'q.scenario', { max: 7 });
    expect(seven.versions).toHaveLength(7);
    expect(seven.truncated).toBe(false);
  });

  it('a renamed importer is followed: its library commits before and after the rename, each with the path it had', async () => {
    const r = repo();
    const { c1, c2 } = questionThenLibrary(r, '30%', 'Library: 30%', 2);
    r.git('mv', 'q.scenario', 'questions.scenario');
    const c3 = r.commit('Renamed', 3);
    r.write('lib/base.scenario', library('10%'));
    const c4 = r.commit('Library: 10%', 4);
    const h = await history(r, 'questions.scenario');
    expect(h.versions.map((v) => v.commit)).toEqual([c1, c2, c3, c4]);
    expect(h.versions.map((v) => v.path)).toEqual(['q.scenario', 'q.scenario', 'questions.scenario', 'questions.scenario']);
    expect(h.versions.map((v) => v.changedImports ?? null)).toEqual([null, ['lib/base.scenario'], null, ['lib/base.scenario']]);
  });

  it('commits of the same second (a rebase) keep git\'s order', async () => {
    const r = repo();
    const { c1, c2 } = questionThenLibrary(r, '30%', 'Library: 30%', 1);
    r.write('q.scenario', question(['lib/base.scenario'], '  note "same second"\n'));
    const c3 = r.commit('Question: a note', 1);
    r.write('lib/base.scenario', library('10%'));
    const c4 = r.commit('Library: 10%', 1);
    const h = await history(r, 'q.scenario');
    expect(h.versions.map((v) => v.commit)).toEqual([c1, c2, c3, c4]);
  });

  it('bad input: a file with 1,000 imports has its history, a commit of one of them among its versions', async () => {
    const r = repo();
    const n = 1000;
    for (let i = 1; i <= n; i++) r.write(`lib/f${i}.scenario`, `factor f${i} "F${i}" {\n  probability 50%\n}\n`);
    const imports = Array.from({ length: n }, (_, i) => `lib/f${i + 1}.scenario`);
    r.write('q.scenario', question(imports).replace('rapport raises x3', 'f500 raises x3'));
    const c1 = r.commit('A thousand imports', 1);
    r.write('lib/f500.scenario', 'factor f500 "F500" {\n  probability 90%\n}\n');
    const c2 = r.commit('f500: 90%', 2);
    const h = await history(r, 'q.scenario');
    expect(h.versions.map((v) => v.commit)).toEqual([c1, c2]);
    expect(h.versions.map((v) => v.errors)).toEqual([0, 0]);
    expect(h.versions[1]!.changedImports).toEqual(['lib/f500.scenario']);
    expect(ties(h.versions[1]!)).toBeGreaterThan(ties(h.versions[0]!)!);
  }, 60_000);

  it('a file in a folder names the library relative to its folder', async () => {
    const r = repo();
    r.write('shared/base.scenario', library('likely'));
    r.write('questions/q.scenario', question(['../shared/base.scenario']));
    r.commit('Question and library', 1);
    r.write('shared/base.scenario', library('10%'));
    r.commit('Library: 10%', 2);
    const h = await history(r, 'questions/q.scenario');
    expect(h.versions.map((v) => v.changedImports ?? null)).toEqual([null, ['../shared/base.scenario']]);
  });
});

describe('the editor', () => {
  it('offers a library commit in the quick pick of revisions, and compares the file with it', async () => {
    const r = repo();
    const { c1, c2 } = questionThenLibrary(r);
    const picked = await editorCommits(join(r.dir, 'q.scenario'), undefined, {}, new VersionCache());
    expect(picked.commits.map((c) => [c.commit, c.subject, c.path])).toEqual([[c2, 'Library: rapport 10%', 'q.scenario'], [c1, 'Question and library', 'q.scenario']]);
    // Compared with the first commit, the working copy (the library at 10%) shows the library's change.
    const compared = await editorCompare(join(r.dir, 'q.scenario'), c1, null);
    expect(compared.notice).toBeNull();
    expect(compared.diff!.changes.map((c) => [c.name, c.before, c.after])).toEqual([['rapport', 'likely', '10%']]);
  });

  it('sends the preview\u2019s History a library commit\u2019s changedImports, which the page\u2019s validation keeps', async () => {
    const r = repo();
    questionThenLibrary(r);
    const answer = await editorHistory(join(r.dir, 'q.scenario'), undefined, new VersionCache());
    expect(answer.notice).toBeNull();
    expect(answer.history!.versions.map((v) => v.changedImports ?? null)).toEqual([null, ['lib/base.scenario']]);
    // Through JSON, as the webview gets it.
    const page = parseHistoryMessage(JSON.parse(JSON.stringify({ type: 'history', uri: 'file:///q.scenario', ...answer })));
    expect(page!.history!.versions.map((v) => v.changedImports ?? null)).toEqual([null, ['lib/base.scenario']]);
  });
});

describe('score of a file that imports', () => {
  it('the forecast of record is the last version before the resolution: a library commit before it, not one after', async () => {
    const r = repo();
    const resolved = question(['lib/base.scenario'], '  resolved yes on 2025-01-04\n');
    r.write('lib/base.scenario', library('likely'));
    r.write('q.scenario', resolved);
    r.commit('Question and library', 1);
    r.write('lib/base.scenario', library('10%'));
    const before = r.commit('Library: rapport 10%', 2);
    r.write('lib/base.scenario', library('almost certain'));
    r.commit('Library after the resolution', 6);
    const cache = new VersionCache();
    const h = await history(r, 'q.scenario', { cache });
    expect(h.versions).toHaveLength(3);
    const score = await scoreFile(join(r.dir, 'q.scenario'), { cache });
    expect(score.questions).toHaveLength(1);
    const q = score.questions[0]!;
    expect(q).toMatchObject({ name: 'ties', recordedBefore: true, commit: before, recordedAt: '2025-01-02T12:00:00+00:00' });
    expect(q.forecast).toBeCloseTo(ties(h.versions[1]!)!, 12);
    // The mean daily Brier weighs the question's first version (1 day) and the library commit (1.5 days, to D at 00:00 UTC).
    const brier = (p: number) => (1 - p) ** 2;
    expect(q.meanDailyBrier).toBeCloseTo((brier(ties(h.versions[0]!)!) + 1.5 * brier(ties(h.versions[1]!)!)) / 2.5, 12);
  });
});
