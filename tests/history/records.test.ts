// The forecast of record and the mean daily Brier from real git repositories with fixed commit
// dates (GIT_COMMITTER_DATE), against values computed by hand; and the bad input of issue 12:
// a question not in the version of record, none before D, no repository, a shallow clone, a file
// that does not check, a folder with nothing resolved.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionCache } from '../../server/src/history/cache';
import { scorePaths } from '../../server/src/history/records';
import { runScore } from '../../server/src/cli/score';
import { GIT_ENV, makeRepo, type TempRepo } from './repo';

/** Commits everything at an exact committer (and author) date, offset and all. */
function commitAt(repo: TempRepo, message: string, date: string): string {
  repo.git('add', '-A');
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
    cwd: repo.dir, env: { ...process.env, ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
  return repo.git('rev-parse', 'HEAD').trim();
}

const model = (x: string, extra = '') => `factor x "A factor" {
  probability ${x}
}
outcome talks "Talks resume" {
  base 40%
  judged likely
}
${extra}`;

const RESOLVED = `factor x "A factor" {
  probability 90%
  resolved yes on 2025-03-21
}
outcome talks "Talks resume" {
  base 40%
  judged likely
  resolved no on 2025-03-21
}
event late "Added after the fact" {
  probability 20%
  resolved yes on 2025-03-21
}
event early "Resolved before the first commit" {
  probability 70%
  resolved no on 2025-02-01
}
`;

let repo: TempRepo;
let commits: string[];

beforeAll(() => {
  repo = makeRepo('scenario-score-');
  repo.write('f.scenario', model('30%'));
  commits = [commitAt(repo, 'first', '2025-03-01T12:00:00Z')];
  repo.write('f.scenario', model('60%'));
  commits.push(commitAt(repo, 'second', '2025-03-11T12:00:00Z'));
  repo.write('f.scenario', model('70%'));
  // 01:00 at +02:00 is 23:00 UTC the day before D: before D.
  commits.push(commitAt(repo, 'third, late in the evening before D (UTC)', '2025-03-21T01:00:00+02:00'));
  repo.write('f.scenario', model('80%'));
  // Exactly D at 00:00 UTC: not before D.
  commits.push(commitAt(repo, 'fourth, on D', '2025-03-21T00:00:00Z'));
  repo.write('f.scenario', RESOLVED);
  commits.push(commitAt(repo, 'resolved', '2025-03-25T09:00:00Z'));
});
afterAll(() => repo.remove());

describe('the forecast of record', () => {
  it('is the last commit before D at 00:00 UTC, read in UTC whatever the offset', async () => {
    const record = await scorePaths([join(repo.dir, 'f.scenario')], { cache: new VersionCache() });
    const x = record.questions.find((q) => q.name === 'x')!;
    expect(x).toMatchObject({ kind: 'factor', label: 'A factor', resolved: true, date: '2025-03-21', forecast: 0.7, commit: commits[2], recordedBefore: true });
    expect(x.recordedAt).toBe('2025-03-21T01:00:00+02:00');
    expect(x.brier).toBeCloseTo(0.09, 12); // (0.7 − 1)²
    expect(x.logScore).toBeCloseTo(Math.log(0.7), 12);
    expect(x.judged).toBeNull();
    // 30% from Mar 1 12:00 to Mar 11 12:00 (10 days, 0.49), 60% to Mar 20 23:00 (9.458333 days, 0.16),
    // 70% to Mar 21 00:00 (1/24 day, 0.09): (4.9 + 1.513333 + 0.00375) / 19.5 = 0.329081.
    const days = [10, 9 + 11 / 24, 1 / 24];
    const expected = (days[0]! * 0.49 + days[1]! * 0.16 + days[2]! * 0.09) / 19.5;
    expect(x.meanDailyBrier).toBeCloseTo(expected, 10);
    expect(x.meanDailyBrier).toBeCloseTo(0.329081, 6);
    expect(x.line).toBe(1);
  });

  it('scores an outcome\'s model probability and its judged call from the version of record', async () => {
    const record = await scorePaths([join(repo.dir, 'f.scenario')], { cache: new VersionCache() });
    const talks = record.questions.find((q) => q.name === 'talks')!;
    // base 40%, no drivers: 0.4 in every version; resolved no: 0.16; judged likely, 0.675: 0.455625.
    expect(talks).toMatchObject({ kind: 'outcome', forecast: 0.4, judged: 0.675, resolved: false, recordedBefore: true, commit: commits[2] });
    expect(talks.brier).toBeCloseTo(0.16, 12);
    expect(talks.judgedBrier).toBeCloseTo(0.455625, 12);
    expect(talks.logScore).toBeCloseTo(Math.log(0.6), 12);
    expect(talks.meanDailyBrier).toBeCloseTo(0.16, 12);
  });

  it('falls back on the working file, with the reason, for a question not in the version of record or resolved before the first commit', async () => {
    const record = await scorePaths([join(repo.dir, 'f.scenario')], { cache: new VersionCache() });
    const late = record.questions.find((q) => q.name === 'late')!;
    expect(late).toMatchObject({ forecast: 0.2, recordedBefore: false, commit: null, recordedAt: null, meanDailyBrier: null });
    expect(late.reason).toBe(`'late' did not exist in the version of record (commit ${commits[2]!.slice(0, 12)})`);
    const early = record.questions.find((q) => q.name === 'early')!;
    expect(early).toMatchObject({ forecast: 0.7, recordedBefore: false, reason: 'no commit of this file before 2025-02-01' });
    expect(record.summary.count).toBe(4);
    expect(record.summary.recordedBefore).toBe(2);
  });

  it('reads the versions from the cache the second time, with the same numbers', async () => {
    const cache = new VersionCache();
    const first = await scorePaths([repo.dir], { cache });
    const filled = cache.memory.size;
    // Five versions' numbers, and what each of their blobs imports (nothing: versionImports.ts).
    expect(filled).toBe(10);
    const second = await scorePaths([repo.dir], { cache });
    expect(cache.memory.size).toBe(filled);
    expect(second.questions).toEqual(first.questions);
  });
});

describe('bad input', () => {
  let plain: string;
  beforeAll(() => {
    plain = mkdtempSync(join(tmpdir(), 'scenario-score-plain-'));
    writeFileSync(join(plain, 'a.scenario'), RESOLVED);
    writeFileSync(join(plain, 'broken.scenario'), 'factor b {\n  probability 150%\n  resolved yes on 2025-01-01\n}\n');
    writeFileSync(join(plain, 'none.scenario'), 'factor n {\n  probability 50%\n}\n');
  });
  afterAll(() => rmSync(plain, { recursive: true, force: true }));

  it('outside a repository: the working file, history missing said once, files that do not check listed as skipped', async () => {
    const record = await scorePaths([plain], { cache: new VersionCache() });
    expect(record.files).toBe(3);
    expect(record.questions.map((q) => q.name)).toEqual(['x', 'talks', 'late', 'early']);
    expect(record.questions.every((q) => !q.recordedBefore && q.reason!.startsWith('no history:'))).toBe(true);
    expect(record.historyMissing).toHaveLength(1);
    expect(record.historyMissing[0]!.message).toMatch(/not in a git repository/);
    expect(record.skipped).toEqual([expect.objectContaining({ errors: 1 })]);
    expect(record.skipped[0]!.file).toMatch(/broken\.scenario$/);
    const text = (await runScore([plain], { format: 'text', cache: new VersionCache() })).output;
    expect(text).toMatch(/Skipped .*broken\.scenario: 1 error/);
    expect(text).toMatch(/History missing for .*a\.scenario: .*not in a git repository/);
    expect(text).toContain('0 of 4 were forecast before they resolved; 4 questions are scored on the working file');
  });

  it('a shallow clone says that history is missing', async () => {
    const clone = mkdtempSync(join(tmpdir(), 'scenario-score-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone], { env: { ...process.env, ...GIT_ENV } });
      const record = await scorePaths([clone], { cache: new VersionCache() });
      expect(record.historyMissing[0]!.message).toMatch(/shallow clone/);
      expect(record.questions.every((q) => !q.recordedBefore)).toBe(true);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('a folder with nothing resolved: an empty report that says so, exit 0; a path that does not exist: exit 2', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'scenario-score-empty-'));
    try {
      writeFileSync(join(empty, 'none.scenario'), 'factor n {\n  probability 50%\n}\n');
      const text = await runScore([empty], { format: 'text', cache: new VersionCache() });
      expect(text.exitCode).toBe(0);
      expect(text.output).toMatch(/^No resolved questions in 1 file/);
      const json = JSON.parse((await runScore([empty], { format: 'json', cache: new VersionCache() })).output);
      expect(json.questions).toEqual([]);
      expect(json.summary).toMatchObject({ count: 0, brier: null, decomposition: null });
      expect(json.summary.calibration).toHaveLength(7);
      const missing = await runScore([join(empty, 'nope')], { format: 'text', cache: new VersionCache() });
      expect(missing.exitCode).toBe(2);
      expect(missing.errorOutput).toMatch(/no such file or folder/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the JSON of scenario score', () => {
  it('has LANGUAGE.md\'s fields in its order, rounded to 6 decimals', async () => {
    const json = JSON.parse((await runScore([join(repo.dir, 'f.scenario')], { format: 'json', cache: new VersionCache() })).output);
    expect(Object.keys(json.questions[0])).toEqual([
      'file', 'name', 'kind', 'label', 'resolved', 'date', 'forecast', 'judged', 'commit', 'recordedAt', 'recordedBefore',
      'brier', 'logScore', 'judgedBrier', 'meanDailyBrier', 'line',
    ]);
    expect(Object.keys(json.summary)).toEqual([
      'count', 'recordedBefore', 'brier', 'logScore', 'judgedBrier', 'judgedCount', 'modelBeatsJudged', 'calibration', 'decomposition',
    ]);
    expect(json.questions[0].meanDailyBrier).toBe(0.329081);
    expect(json.questions[0].brier).toBe(0.09);
    expect(json.summary.judgedCount).toBe(1);
    expect(json.summary.modelBeatsJudged).toBe(1);
    expect(Object.keys(json.summary.decomposition)).toEqual(['reliability', 'resolution', 'uncertainty']);
  });

  it('CSV: one row per question, the text cells made safe', async () => {
    const csv = (await runScore([join(repo.dir, 'f.scenario')], { format: 'csv', cache: new VersionCache() })).output;
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('file,name,kind,label,resolved,date,forecast,judged,commit,recorded_at,recorded_before,brier,log_score,judged_brier,mean_daily_brier,reason,changed_imports');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(',x,factor,A factor,yes,2025-03-21,0.7,,');
  });
});
