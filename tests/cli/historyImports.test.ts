// The git-based commands read imports (issue 14): `history`, `diff` (PATH@REV), `score` and the
// textconv driver analyse a version at a revision with its imports read from that revision (the
// library as it was committed then), the working copy with its imports from the disk. As real
// processes, run at the top of a real repository, as an analyst (or git, for textconv) runs them.
// Bad input: an import missing at a revision, a cycle at a revision, a path leaving the root.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_ENV, makeRepo, type TempRepo } from '../history/repo';
import { useBundledCli } from './bundle';

const { dir: tempDir, run: runHere } = useBundledCli('scenario-cli-history-imports-');
let repo: TempRepo;
const commits: string[] = [];

/** The CLI run at the top of the repository (the current directory is the default --root). */
function run(...args: string[]) {
  const result = spawnSync(process.execPath, [join(tempDir(), 'cli.js'), ...args], {
    cwd: repo.dir, encoding: 'utf8', env: { ...process.env, ...GIT_ENV, NO_COLOR: undefined },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const library = (rapport: string) => `// The shared factors.

factor rapport "Leaders get on" {
  probability ${rapport}
}

event attack "An attack" {
  probability 10%
}
`;

const question = (label = 'Security re-engagement', extra = '') => `import "lib/base.scenario"
${extra}
scenario "Question" {
  seed 3
}

outcome ties "${label}" {
  base 20%
  rapport raises x3
  attack raises x5
}
`;

type Version = {
  commit: string | null; outcomes: { name: string; probability: number }[] | null; errors: number; importError?: string; changedImports?: string[];
};

beforeAll(() => {
  process.env.SCENARIO_CACHE_DIR = join(tempDir(), 'cache');
  repo = makeRepo('scenario-history-imports-');
  repo.write('lib/base.scenario', library('likely'));
  repo.write('q.scenario', question());
  commits.push(repo.commit('Question and library', 1));
  repo.write('lib/base.scenario', library('10%'));
  commits.push(repo.commit('Library: rapport 10%', 2));
  repo.write('q.scenario', question('Re-engagement on security'));
  commits.push(repo.commit('Question: label only', 3));
});

afterAll(() => {
  repo.remove();
  delete process.env.SCENARIO_CACHE_DIR;
});

const ties = (v: Version) => v.outcomes!.find((o) => o.name === 'ties')!.probability;

describe('history of a file that imports', () => {
  it('each version reads the library as committed with it; a commit of the library alone is a version of its own', () => {
    const { code, stdout, stderr } = run('history', 'q.scenario', '--format', 'json', '--no-timing', '--no-cache');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const versions = JSON.parse(stdout).versions as Version[];
    expect(versions.map((v) => v.commit)).toEqual(commits);
    expect(versions.map((v) => v.changedImports ?? null)).toEqual([null, ['lib/base.scenario'], null]);
    expect(versions.every((v) => v.errors === 0)).toBe(true);
    // rapport likely (55%..80%) then 10%: ties falls at the library's commit, and the label-only commit keeps it.
    expect(ties(versions[1]!)).toBeLessThan(ties(versions[0]!) - 0.05);
    expect(ties(versions[2]!)).toBe(ties(versions[1]!));
  });

  it('text and Markdown say which imported file a library commit changed', () => {
    const text = run('history', 'q.scenario', '--no-timing', '--no-cache').stdout;
    expect(text).toMatch(/^q\.scenario: 3 committed versions \(1 of them a change of imported files only\), oldest first$/m);
    expect(text).toMatch(/^commit\s+date\s+ties\s+import changed\s+subject$/m);
    expect(text).toMatch(new RegExp(`^${commits[1]!.slice(0, 8)}\\s+2025-01-02\\s+\\d+%\\s+lib/base\\.scenario\\s+Library: rapport 10%$`, 'm'));
    const markdown = run('history', 'q.scenario', '--format', 'markdown').stdout;
    expect(markdown).toContain('| Errors | Import changed | Subject |');
    expect(markdown).toMatch(new RegExp(`^\\| \`${commits[1]!.slice(0, 8)}\` \\| 2025-01-02 \\| \\d+% \\|  \\| lib/base\\.scenario \\| Library: rapport 10% \\|$`, 'm'));
  });

  it('a second run comes from the cache; a library changed on disk only adds the working copy', () => {
    run('history', 'q.scenario');
    expect(run('history', 'q.scenario').stdout).toMatch(/\(0 forecast, 3 from the cache\)/);
    repo.write('lib/base.scenario', library('almost certain'));
    try {
      const h = JSON.parse(run('history', 'q.scenario', '--format', 'json').stdout) as { versions: (Version & { workingCopy?: true })[] };
      expect(h.versions).toHaveLength(4);
      expect(h.versions[3]!.workingCopy).toBe(true);
      expect(ties(h.versions[3]!)).toBeGreaterThan(ties(h.versions[2]!) + 0.1);
    } finally {
      repo.git('checkout', '--', 'lib/base.scenario');
    }
  });

  it('a version whose import is missing at its revision is an error for that version, said in the output', () => {
    const r = makeRepo('scenario-history-imports-missing-');
    try {
      r.write('q.scenario', question());
      r.commit('Question before its library', 1);
      r.write('lib/base.scenario', library('likely'));
      r.commit('Library', 2);
      r.write('q.scenario', question('Re-engagement'));
      r.commit('Label', 3);
      const out = spawnSync(process.execPath, [join(tempDir(), 'cli.js'), 'history', 'q.scenario', '--format', 'json', '--no-cache'], { cwd: r.dir, encoding: 'utf8' });
      expect(out.status).toBe(0);
      const versions = JSON.parse(out.stdout).versions as Version[];
      // The commit that adds the library is a version of the question: its import is found from then on.
      expect(versions).toHaveLength(3);
      expect(versions[0]).toMatchObject({ outcomes: null, errors: 1 });
      expect(versions[0]!.importError).toMatch(/^line 1: import-not-found: "lib\/base\.scenario" does not exist/);
      expect(versions[1]).toMatchObject({ errors: 0, changedImports: ['lib/base.scenario'] });
      expect(versions[2]!.errors).toBe(0);
      const text = spawnSync(process.execPath, [join(tempDir(), 'cli.js'), 'history', 'q.scenario', '--no-cache'], { cwd: r.dir, encoding: 'utf8' }).stdout;
      expect(text).toMatch(/^[0-9a-f]{8}: line 1: import-not-found: "lib\/base\.scenario" does not exist/m);
    } finally {
      r.remove();
    }
  });

  it('bad input at a revision: a cycle of imports, an import leaving the root', () => {
    const r = makeRepo('scenario-history-imports-bad-');
    try {
      r.write('a.scenario', 'import "b.scenario"\n\nfactor x {\n  probability 50%\n}\n');
      r.write('b.scenario', 'import "a.scenario"\n\noutcome y {\n  base 20%\n  x raises x2\n}\n');
      r.write('sub/q.scenario', 'import "../a.scenario"\n\noutcome z {\n  base 20%\n}\n');
      r.commit('A cycle, and a question above its root', 1);
      const cli = (...args: string[]) => spawnSync(process.execPath, [join(tempDir(), 'cli.js'), ...args], { cwd: r.dir, encoding: 'utf8' });
      const cycle = cli('history', 'a.scenario', '--format', 'json', '--no-cache');
      expect(cycle.status).toBe(0);
      expect(JSON.parse(cycle.stdout).versions[0].importError).toMatch(/^line 1: import-cycle: This import makes a cycle: a\.scenario → b\.scenario → a\.scenario/);
      const outside = cli('history', 'sub/q.scenario', '--root', 'sub', '--format', 'json', '--no-cache');
      expect(outside.status).toBe(0);
      expect(JSON.parse(outside.stdout).versions[0].importError).toMatch(/^line 1: import-path: "\.\.\/a\.scenario" leads outside the --root folder/);
      const diff = cli('diff', 'a.scenario@HEAD', 'a.scenario');
      expect(diff.status).toBe(1);
      expect(diff.stderr).toMatch(/^a\.scenario@HEAD:1:8: error import-cycle: /m);
    } finally {
      r.remove();
    }
  });
});

describe('diff of a file that imports', () => {
  it('PATH@REV against PATH@REV: the library\'s change is a change, placed in its file, and gets the delta', () => {
    const { code, stdout, stderr } = run('diff', `q.scenario@${commits[0]}`, 'q.scenario@HEAD', '--format', 'json', '--no-timing');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const d = JSON.parse(stdout);
    const rapport = d.changes.find((c: { name: string }) => c.name === 'rapport');
    expect(rapport).toMatchObject({ kind: 'probability', before: 'likely', after: '10%', file: 'lib/base.scenario', line: 4, side: 'after' });
    expect(d.changes.find((c: { kind: string; field?: string }) => c.kind === 'text' && c.field === 'label')).not.toHaveProperty('file');
    const o = d.outcomes.find((x: { name: string }) => x.name === 'ties');
    expect(o.delta).toBeLessThan(-5);
    expect(o.attribution).toEqual([{ change: rapport.id, points: o.delta }]);
    expect(o.explanation).toContain('`rapport` (in lib/base.scenario) was lowered from likely to 10%');
  });

  it('diff FILE: HEAD against the working copy, whose library is read from the disk', () => {
    repo.write('lib/base.scenario', library('almost certain'));
    try {
      const { code, stdout } = run('diff', 'q.scenario', '--no-timing');
      expect(code).toBe(0);
      expect(stdout).toMatch(/#1\s+lib\/base\.scenario line 4\s+probability\s+rapport: 10% → almost certain/);
    } finally {
      repo.git('checkout', '--', 'lib/base.scenario');
    }
  });
});

describe('a library that does not check', () => {
  it('diff names the importer\'s import-errors and, after it, the library\'s first error at the same revision; history says it too', () => {
    const r = makeRepo('scenario-diff-broken-library-');
    try {
      r.write('lib/base.scenario', library('likely'));
      r.write('lib/chain.scenario', 'import "base.scenario"\n');
      r.write('q.scenario', question());
      r.write('sub/q.scenario', question().replace('"lib/base.scenario"', '"../lib/chain.scenario"'));
      r.commit('Questions and library', 1);
      r.write('lib/base.scenario', library('maybe'));
      r.commit('Library: a hedge', 2);
      const cli = (...args: string[]) => spawnSync(process.execPath, [join(tempDir(), 'cli.js'), ...args], { cwd: r.dir, encoding: 'utf8' });
      const diff = cli('diff', 'q.scenario@HEAD~1', 'q.scenario@HEAD');
      expect(diff.status).toBe(1);
      expect(diff.stderr.split('\n')).toEqual([
        expect.stringMatching(/^q\.scenario@HEAD:1:8: error import-errors: lib\/base\.scenario has an error: fix it in that file\./),
        expect.stringMatching(/^lib\/base\.scenario@HEAD:4:15: error hedge-word: 'maybe' carries no defined probability/),
        'scenario diff: the new version (q.scenario@HEAD) has 1 error, first at line 1, column 8; fix it to compare forecasts',
        '',
      ]);
      // Through a library that imports the broken one: the error behind it, named from where diff runs.
      const chained = cli('diff', 'sub/q.scenario@HEAD~1', 'sub/q.scenario');
      expect(chained.status).toBe(1);
      expect(chained.stderr).toMatch(/^sub\/q\.scenario:1:8: error import-errors: \.\.\/lib\/chain\.scenario has an error/m);
      expect(chained.stderr).toMatch(/^lib\/base\.scenario:4:15: error hedge-word: /m);
      const h = JSON.parse(cli('history', 'q.scenario', '--format', 'json', '--no-cache').stdout) as { versions: Version[] };
      expect(h.versions[1]!.importError).toMatch(/^line 1: import-errors: .* The first error there: lib\/base\.scenario:4:15: hedge-word: 'maybe' carries/);
    } finally {
      r.remove();
    }
  });
});

describe('textconv of a file that imports', () => {
  it('git log -p shows each version with the library of its own commit', () => {
    repo.write('.gitattributes', '*.scenario diff=scenario\n');
    repo.git('config', 'diff.scenario.textconv', `'${process.execPath}' '${join(tempDir(), 'cli.js')}' textconv`);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo.dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
    const log = git('log', '-p', '-1', '--format=%s', '--', 'q.scenario');
    const before = /^-\/\/ forecast ties: (\d+(?:\.\d)?)% /m.exec(log);
    const after = /^\+\/\/ forecast ties: (\d+(?:\.\d)?)% /m.exec(log);
    expect(log).not.toContain('no forecast');
    // The first version with the library at its commit (rapport likely), the last with rapport 10%.
    expect(Number(before?.[1])).toBeGreaterThan(Number(after?.[1]) + 5);
    const working = run('textconv', 'q.scenario');
    expect(working.stdout).toContain(`// forecast ties: ${after![1]}%`);
    // A copy outside the work tree, as git hands the driver, of a text no commit has.
    writeFileSync(join(tempDir(), 'XXXXXX_q.scenario'), question('Never committed'));
    const copy = run('textconv', join(tempDir(), 'XXXXXX_q.scenario'));
    expect(copy.code).toBe(0);
    expect(copy.stdout).toMatch(/\/\/ no forecast: 1 error, it imports files, and this copy is no committed version/);
  });
});

describe('score of files that import', () => {
  it('samples/: the pakistan questions, which import a shared library, are scored, not skipped', () => {
    const { code, stdout } = runHere('score', 'samples', '--format', 'json', '--no-cache');
    expect(code).toBe(0);
    const record = JSON.parse(stdout) as { skipped?: { file: string }[]; files?: number };
    expect((record.skipped ?? []).map((s) => s.file)).toEqual([]);
    const text = runHere('score', 'samples', '--no-cache').stdout;
    expect(text).not.toContain('Skipped samples/pakistan');
  });

  it('a resolved question is scored on its version of record, with the library as committed then: a library commit is one', () => {
    const r = makeRepo('scenario-score-imports-');
    try {
      const resolvedQuestion = question('Ties', '').replace('  attack raises x5\n', '  attack raises x5\n  resolved yes on 2025-02-01\n');
      r.write('lib/base.scenario', library('likely'));
      r.write('q.scenario', resolvedQuestion);
      r.commit('Question', 1);
      r.write('lib/base.scenario', library('10%'));
      const record = r.commit('Library: rapport 10%', 2);
      const cli = (...args: string[]) => spawnSync(process.execPath, [join(tempDir(), 'cli.js'), ...args], { cwd: r.dir, encoding: 'utf8' });
      const h = JSON.parse(cli('history', 'q.scenario', '--format', 'json', '--no-cache').stdout) as { versions: Version[] };
      const s = JSON.parse(cli('score', '.', '--format', 'json', '--no-cache').stdout) as { questions: { name: string; forecast: number; recordedBefore: boolean; commit: string }[] };
      expect(s.questions.map((q) => q.name)).toEqual(['ties']);
      expect(s.questions[0]).toMatchObject({ recordedBefore: true, commit: record });
      expect(h.versions[1]!.commit).toBe(record);
      expect(s.questions[0]!.forecast).toBeCloseTo(ties(h.versions[1]!), 5);
      expect(s.questions[0]!.forecast).toBeLessThan(ties(h.versions[0]!) - 0.05);
    } finally {
      r.remove();
    }
  });

  it('every format says when the forecast of record is a commit of the library alone, and which files it changed', () => {
    const r = makeRepo('scenario-score-library-');
    try {
      // A library whose name needs escaping in Markdown and quoting in CSV; a second question with its own commit of record.
      const lib = 'lib/base|v2,a.scenario';
      const resolvedQuestion = question('Ties', '').replace('lib/base.scenario', lib).replace('  attack raises x5\n', '  attack raises x5\n  resolved yes on 2025-02-01\n');
      r.write(lib, library('likely'));
      r.write('q.scenario', resolvedQuestion);
      r.write('own.scenario', question('Own', '').replace('import "lib/base.scenario"\n', '').replace('outcome ties', library('likely') + '\noutcome ties')
        .replace('  attack raises x5\n', '  attack raises x5\n  resolved no on 2025-02-01\n'));
      const own = r.commit('Questions', 1);
      r.write(lib, library('10%'));
      const record = r.commit('Library: rapport 10%', 2);
      const cli = (...args: string[]) => spawnSync(process.execPath, [join(tempDir(), 'cli.js'), ...args], { cwd: r.dir, encoding: 'utf8' });
      const json = cli('score', '.', '--format', 'json', '--no-cache');
      expect(json.stderr).toBe('');
      const s = JSON.parse(json.stdout) as { questions: Record<string, unknown>[] };
      expect(s.questions.map((q) => [q.file, q.commit, q.recordedBefore, q.changedImports ?? null])).toEqual([
        ['own.scenario', own, true, null], ['q.scenario', record, true, [lib]],
      ]);
      // The existing fields stay, in their order; the new one comes last, only where it applies.
      expect(Object.keys(s.questions[1]!)).toEqual([
        'file', 'name', 'kind', 'label', 'resolved', 'date', 'forecast', 'judged', 'commit', 'recordedAt', 'recordedBefore',
        'brier', 'logScore', 'judgedBrier', 'meanDailyBrier', 'line', 'changedImports',
      ]);
      expect(Object.keys(s.questions[0]!)).not.toContain('changedImports');
      const text = cli('score', '.', '--no-cache').stdout;
      expect(text).toMatch(new RegExp(`^  ties:\\d+ .* ${record.slice(0, 8)} 2025-01-02, library lib/base\\|v2,a\\.scenario changed$`, 'm'));
      expect(text).toMatch(new RegExp(`^  ties:\\d+ .* ${own.slice(0, 8)} 2025-01-01$`, 'm'));
      const md = cli('score', '.', '--format', 'markdown', '--no-cache').stdout;
      const mdRow = md.split('\n').find((l) => l.includes('q.scenario'))!;
      expect(mdRow).toContain(`| \`${record.slice(0, 8)}\` 2025-01-02, library lib/base\\|v2,a.scenario changed |`);
      expect(md.split('\n').find((l) => l.includes('own.scenario'))).not.toContain('library');
      const csv = cli('score', '.', '--format', 'csv', '--no-cache').stdout.trimEnd().split('\r\n');
      expect(csv[0]).toMatch(/,reason,changed_imports$/);
      expect(csv[2]).toMatch(new RegExp(`^q\\.scenario,ties,.*,${record},.*,"lib/base\\|v2,a\\.scenario"$`));
      expect(csv[1]).toMatch(/,$/);
    } finally {
      r.remove();
    }
  });
});
