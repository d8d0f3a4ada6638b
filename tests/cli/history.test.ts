// `scenario diff` and `scenario history`, run as real processes on a real repository: LANGUAGE.md's
// JSON, the text and Markdown outputs, exit 2 with one line outside a repository, in a shallow
// clone or for a bad revision, exit 1 naming the side with errors and where, awkward file names.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_ENV, makeRepo, SAMPLE, smallModel, type TempRepo } from '../history/repo';
import { useBundledCli } from './bundle';

const { dir: tempDir, run } = useBundledCli('scenario-cli-history-');
let repo: TempRepo;
let file: string;

beforeAll(() => {
  process.env.SCENARIO_CACHE_DIR = join(tempDir(), 'cache');
  repo = makeRepo();
  file = repo.write('us pakistan.scenario', SAMPLE);
  repo.commit('Op-ed model', 1);
  repo.write('us pakistan.scenario', SAMPLE.replace('probability likely\n  note "The op-ed says', 'probability 40%\n  note "The op-ed says'));
  repo.commit('Rapport: 40%', 2);
  repo.write('us pakistan.scenario', SAMPLE.replace('base 50%', 'base maybe'));
  repo.commit('Broken base <b>*', 3);
  repo.write('us pakistan.scenario', SAMPLE.replace('probability 10%..25%', 'probability 30%').replace('probability likely\n  note "The op-ed says', 'probability 40%\n  note "The op-ed says'));
  repo.commit('Trigger 30%', 4);
});

afterAll(() => {
  repo.remove();
  delete process.env.SCENARIO_CACHE_DIR;
});

describe('scenario history', () => {
  it('prints LANGUAGE.md\'s JSON, oldest first, a version with errors as outcomes: null', () => {
    const { code, stdout, stderr } = run('history', file, '--format', 'json', '--no-timing');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const h = JSON.parse(stdout);
    expect(h.file).toBe(file);
    expect(h.versions.map((v: { subject: string }) => v.subject)).toEqual(['Op-ed model', 'Rapport: 40%', 'Broken base <b>*', 'Trigger 30%']);
    for (const v of h.versions) expect(Object.keys(v)).toEqual(expect.arrayContaining(['commit', 'date', 'subject', 'outcomes', 'errors']));
    expect(h.versions[2]).toMatchObject({ outcomes: null, errors: 1 });
    const push = h.versions[0].outcomes.find((o: { name: string }) => o.name === 'democracy_push');
    expect(push.probability).toBeGreaterThan(0.55);
    expect(h.versions[1].outcomes.find((o: { name: string }) => o.name === 'democracy_push').probability).toBeLessThan(push.probability);
  });

  it('text: one row per version, one column per outcome, the working copy marked; a second run comes from the cache', () => {
    writeFileSync(file, SAMPLE);
    try {
      const first = run('history', file);
      expect(first.code).toBe(0);
      const lines = first.stdout.split('\n');
      expect(lines[0]).toContain('4 committed versions and the working copy, oldest first');
      expect(lines[1]).toMatch(/^commit\s+date\s+democracy_push\s+.*errors\s+subject$/);
      expect(lines[4]).toMatch(/\s1 error\s+Broken base <b>\*$/);
      expect(lines[6]).toMatch(/^working\s+copy\s+\d+%/);
      const second = run('history', file);
      expect(second.stdout).toMatch(/\(0 forecast, 5 from the cache\)/);
    } finally {
      repo.git('checkout', '--', 'us pakistan.scenario');
    }
  });

  it('Markdown escapes only what would be markup in a subject', () => {
    const { stdout } = run('history', file, '--format', 'markdown');
    expect(stdout).toContain('| Broken base \\<b>\\* |');
    expect(stdout).toContain('`democracy_push`');
  });

  it('outside a repository and in a shallow clone: one line on stderr, exit 2', () => {
    const outside = mkdtempSync(join(tmpdir(), 'scenario-cli-norepo-'));
    try {
      writeFileSync(join(outside, 'm.scenario'), smallModel());
      const none = run('history', join(outside, 'm.scenario'));
      expect(none.code).toBe(2);
      expect(none.stdout).toBe('');
      expect(none.stderr).toMatch(/^scenario history: .*m\.scenario is not in a git repository\n$/);
      const clone = join(outside, 'clone');
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone], { env: { ...process.env, ...GIT_ENV } });
      const shallow = run('history', join(clone, 'us pakistan.scenario'));
      expect(shallow.code).toBe(2);
      expect(shallow.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(shallow.stderr).toMatch(/shallow clone/);
      const diff = run('diff', join(clone, 'us pakistan.scenario'));
      expect([diff.code, /shallow clone/.test(diff.stderr)]).toEqual([2, true]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a file whose name starts with a dash, after --', () => {
    const r = makeRepo();
    try {
      r.write('-odd.scenario', smallModel());
      r.commit('odd', 1);
      const result = execFileSync(process.execPath, [join(tempDir(), 'cli.js'), 'history', '--format', 'json', '--', '-odd.scenario'], { cwd: r.dir, encoding: 'utf8' });
      expect(JSON.parse(result).versions).toHaveLength(1);
    } finally {
      r.remove();
    }
  });
});

describe('scenario diff', () => {
  it('PATH@REV against PATH@REV: LANGUAGE.md\'s JSON, the points adding up to each delta', () => {
    const { code, stdout, stderr } = run('diff', `${file}@HEAD~3`, `${file}@HEAD`, '--format', 'json', '--no-timing');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const d = JSON.parse(stdout);
    expect(d.before).toMatchObject({ file, rev: 'HEAD~3' });
    expect(d.after).toMatchObject({ file, rev: 'HEAD' });
    expect(d.attributionMethod).toBe('exact');
    expect(d.changes.map((c: { kind: string; name: string; before: string; after: string }) => [c.kind, c.name, c.before, c.after])).toEqual([
      ['probability', 'rapport', 'likely', '40%'],
      ['probability', 'trigger', '10%..25%', '30%'],
    ]);
    expect(d.changes[0]).toMatchObject({ id: 1, line: 45 });
    const reengage = d.outcomes.find((o: { name: string }) => o.name === 'security_reengage');
    expect(reengage.delta).toBeGreaterThan(0);
    for (const o of d.outcomes) {
      expect(Object.keys(o)).toEqual(expect.arrayContaining(['name', 'before', 'after', 'delta', 'attribution']));
      const sum = o.attribution.reduce((s: number, a: { points: number }) => s + a.points, 0);
      expect(Math.abs(sum - o.delta)).toBeLessThan(1e-9);
    }
    expect(reengage.explanation).toMatch(/ rose from \d+% to \d+% .*because `trigger` was raised from 10%\.\.25% to 30% \(\+\d+\.\d points\)/);
  });

  it('diff FILE: the last commit against the working copy, in text', () => {
    writeFileSync(file, SAMPLE.replace('probability 10%..25%', 'probability 30%'));
    try {
      const { code, stdout } = run('diff', file, '--no-timing');
      expect(code).toBe(0);
      expect(stdout.split('\n')[0]).toBe(`${file}@HEAD → ${file} (working copy)`);
      expect(stdout).toMatch(/#1\s+line 45\s+probability\s+rapport: 40% → likely/);
      expect(stdout).toMatch(/democracy_push\s+\d+% → \d+%\s+\+\d+\.\d points/);
      expect(stdout).toMatch(/\+\d+\.\d\s+#1 `rapport` was raised from 40% to likely/);
      expect(stdout).toContain('Unchanged: ');
      expect(stdout).not.toContain('Computed in');
    } finally {
      repo.git('checkout', '--', 'us pakistan.scenario');
    }
  });

  it('Markdown: sentences, a table of changes and of outcomes', () => {
    const { code, stdout } = run('diff', `${file}@HEAD~3`, `${file}@HEAD`, '--format', 'markdown');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^## Forecast changes: /);
    expect(stdout).toContain('| # | Line | Change | What |');
    expect(stdout).toMatch(/^- .* (rose|fell) from /m);
  });

  it('a version with errors: which side, and where; exit 1', () => {
    const { code, stdout, stderr } = run('diff', `${file}@HEAD~1`, `${file}@HEAD`);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}@HEAD~1:\\d+:\\d+: error `, 'm'));
    expect(stderr).toMatch(/scenario diff: the old version \(.*@HEAD~1\) has 1 error, first at line \d+, column \d+; fix it to compare forecasts/);
  });

  it('a revision that does not exist, a file not in it, no file at all: one line, exit 2', () => {
    for (const args of [[`${file}@nope`, file], [`${join(repo.dir, 'other.scenario')}@HEAD`, file], [join(repo.dir, 'missing.scenario'), file]]) {
      const { code, stdout, stderr } = run('diff', ...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);
      expect(stderr).toMatch(/^scenario diff: /);
    }
    expect(run('diff', `${file}@nope`, file).stderr).toBe("scenario diff: 'nope' is not a revision of this repository\n");
  });

  it('two files on disk need no repository', () => {
    const a = join(tempDir(), 'a.scenario');
    const b = join(tempDir(), 'b.scenario');
    writeFileSync(a, smallModel());
    writeFileSync(b, smallModel({ rapport: '40%' }));
    const { code, stdout } = run('diff', a, b, '--format', 'json');
    expect(code).toBe(0);
    const d = JSON.parse(stdout);
    expect(d.before.rev).toBeNull();
    expect(d.outcomes[0].attribution).toEqual([{ change: 1, points: d.outcomes[0].delta }]);
  });
});
