// `scenario check` and `scenario forecast` read imports from the disk inside --root (LANGUAGE.md,
// Imports; Command line and JSON): every file reported once, `origin` on imported declarations in
// the JSON, and the bad input of issue 14 (a missing file, a folder, a non-scenario file, a cycle of
// three files, a library that does not check, 1,000 imports in one file) through the real process.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../server/src/cli/check';
import { runForecast } from '../../server/src/cli/forecast';
import { repoRoot } from '../fixture';
import { useBundledCli } from './bundle';

const cli = useBundledCli('scenario-cli-imports-');
const root = join(realpathSync(mkdtempSync(join(tmpdir(), 'scenario-imports-cli-'))), 'root');
afterAll(() => rmSync(dirname(root), { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, relative)), { recursive: true });
    writeFileSync(join(root, relative), text);
  }
}

const factor = (name: string, p = 'likely') => `factor ${name} {\n  probability ${p}\n}\n`;
const outcome = (name: string, ...drivers: string[]) =>
  `outcome ${name} {\n  base 20%\n${drivers.map((d) => `  ${d} raises moderately\n`).join('')}}\n`;

write({
  'lib/base.scenario': `${factor('crisis', 'almost certain')}\n${factor('rapport', '55%..75%')}`,
  'lib/drift.scenario': `import "base.scenario"\n\n${outcome('drift', 'crisis')}`,
  'q1.scenario': `import "lib/drift.scenario"\n\n${outcome('push', 'crisis', 'rapport', 'drift')}\nalternative "Calm" {\n  given not crisis\n}\n`,
  'q2.scenario': `import "lib/base.scenario"\n\n${outcome('trade', 'crisis')}`,
});

describe('scenario check with imports', () => {
  it('reads the imports of the files given and reports every file once: those given, then the libraries', () => {
    write({ 'lib/noisy.scenario': `${factor('a')}\nfactor b {\n  probability may\n}\n`, 'n1.scenario': `import "lib/noisy.scenario"\n${outcome('o1', 'a')}`, 'n2.scenario': `import "lib/noisy.scenario"\n${outcome('o2', 'a')}` });
    const { output, exitCode } = runCheck([join(root, 'n1.scenario'), join(root, 'n2.scenario')], 'json', undefined, null, '2025-06-01', { root });
    expect(exitCode).toBe(1);
    const records = JSON.parse(output) as { file: string; line: number; code: string }[];
    expect(records.map((r) => [r.file.slice(root.length + 1), r.line, r.code])).toEqual([
      ['n1.scenario', 1, 'import-errors'],
      ['n2.scenario', 1, 'import-errors'],
      // The library's own error, once, and its factor 'b' drives nothing anywhere.
      ['lib/noisy.scenario', 5, 'unused'],
      ['lib/noisy.scenario', 6, 'hedge-word'],
    ]);
  });

  it('checks a folder recursively, each file once, and a library factor an importer uses is not unused', () => {
    const { output, exitCode } = runCheck([join(root, 'lib'), join(root, 'q1.scenario'), join(root, 'q2.scenario')], 'text', undefined, null,
      '2025-06-01', { root });
    const files = output.trim().split('\n').map((l) => l.slice(root.length + 1).split(':')[0]);
    // lib/noisy.scenario is in the folder: its lines, once; nothing about base or drift (all used).
    expect(files).toEqual(['lib/noisy.scenario', 'lib/noisy.scenario', 'lib/noisy.scenario']);
    expect(exitCode).toBe(1);
  });

  it('keeps imports inside --root: a narrower root makes an import above it an error', () => {
    const inside = runCheck([join(root, 'lib/drift.scenario')], 'text', undefined, null, '2025-06-01', { root: join(root, 'lib') });
    expect(inside.exitCode).toBe(0);
    // (Only the hint that 'rapport' drives nothing in this smaller model.)
    expect(inside.output).toMatch(/^\S+lib\/base\.scenario:\d+:8: hint unused: The factor 'rapport'[^\n]*\n$/);
    const narrow = runCheck([join(root, 'q1.scenario')], 'text', undefined, null, '2025-06-01', { root: join(root, 'lib') });
    expect(narrow.output).toMatch(/q1\.scenario:1:8: error import-path: This file is outside the --root folder/);
  });
});

describe('scenario forecast with imports', () => {
  it('forecasts the merged model, and marks imported declarations with `origin` in the JSON (outcomes, alternatives, inputs)', () => {
    const { output, exitCode } = runForecast(join(root, 'q1.scenario'), { format: 'json', timing: false, root });
    expect(exitCode).toBe(0);
    const json = JSON.parse(output);
    expect(json.outcomes.map((o: { name: string; origin?: string }) => [o.name, o.origin ?? null])).toEqual([
      ['drift', 'lib/drift.scenario'], ['push', null],
    ]);
    expect(json.alternatives[0].outcomes.map((o: { origin?: string }) => o.origin ?? null)).toEqual(['lib/drift.scenario', null]);
    expect(json.inputs.map((i: { name: string; origin?: string }) => [i.name, i.origin])).toEqual([
      ['crisis', 'lib/base.scenario'], ['rapport', 'lib/base.scenario'],
    ]);
    // A field only imported declarations have.
    expect(Object.keys(json.outcomes[1])).not.toContain('origin');
  });

  it('prints the errors of an imported file with the file\'s own, and exits 1', () => {
    write({ 'bad/lib.scenario': 'factor x {\n  probability may\n}\n', 'bad/q.scenario': `import "lib.scenario"\n${outcome('o', 'x')}` });
    const { output, exitCode, errorOutput } = runForecast(join(root, 'bad/q.scenario'), { format: 'text', timing: false, root });
    expect(exitCode).toBe(1);
    expect(output.split('\n').filter(Boolean).map((l) => l.slice(root.length + 1).split(': ').slice(0, 2).join(': '))).toEqual([
      'bad/q.scenario:1:8: error import-errors', 'bad/lib.scenario:2:15: error hedge-word',
    ]);
    expect(errorOutput).toMatch(/2 errors; fix them to get a forecast/);
  });
});

describe('the sample: two questions sharing the op-ed\'s Pakistan factors (samples/pakistan)', () => {
  it('checks clean as a folder, with no unused hint in the library', () => {
    expect(cli.run('check', 'samples/pakistan')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('forecasts each question as the single-file model of the op-ed does, its factors marked with the library', () => {
    const single = JSON.parse(cli.run('forecast', 'samples/us-pakistan-2025.scenario', '--format', 'json', '--no-timing').stdout);
    const p = (json: { outcomes: { name: string; probability: number }[] }) => new Map(json.outcomes.map((o) => [o.name, o.probability]));
    for (const [file, names] of [
      ['democracy-2025.scenario', ['democracy_push', 'little_aid', 'trade_up']],
      ['security-2025.scenario', ['ttp_threat', 'ct_backseat', 'sanctions_continue', 'security_reengage']],
    ] as const) {
      const run = cli.run('forecast', `samples/pakistan/${file}`, '--format', 'json', '--no-timing');
      expect(run.code, run.stderr).toBe(0);
      const json = JSON.parse(run.stdout);
      expect(json.outcomes.map((o: { name: string }) => o.name)).toEqual(names);
      for (const name of names) expect(p(json).get(name), name).toBe(p(single).get(name));
      expect(new Set(json.inputs.map((i: { origin: string }) => i.origin))).toEqual(new Set(['lib/pakistan-baseline.scenario']));
    }
  });
});

describe('bad input through the real process', () => {
  const at = (p: string) => join(root, p);

  it('a missing file given to check: one line on stderr, exit 2', () => {
    write({ 'notes.txt': 'not a model' });
    const missing = cli.run('check', '--root', root, at('nope.scenario'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.scenario: error: cannot read the file/);
  });

  it('imports of a missing file, a folder and a non-scenario file: one error each, exit 1', () => {
    mkdirSync(at('dir.scenario'), { recursive: true });
    write({ 'imports-bad.scenario': 'import "missing.scenario"\nimport "dir.scenario"\nimport "notes.txt"\n' });
    const run = cli.run('check', '--root', root, at('imports-bad.scenario'));
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n').map((l) => l.slice(root.length + 1).split(': ').slice(0, 2).join(': '))).toEqual([
      'imports-bad.scenario:1:8: error import-not-found',
      'imports-bad.scenario:2:8: error import-path',
      'imports-bad.scenario:3:8: error import-path',
    ]);
  });

  it('a cycle of three files: each reported once, on its import, naming the whole cycle', () => {
    write({
      'cyc/a.scenario': 'import "b.scenario"\nfactor a { probability likely }\n',
      'cyc/b.scenario': 'import "c.scenario"\nfactor b { probability likely }\n',
      'cyc/c.scenario': 'import "a.scenario"\nfactor c { probability likely }\n',
    });
    const run = cli.run('check', '--root', root, at('cyc'), '--format', 'json');
    expect(run.code).toBe(1);
    const cycles = (JSON.parse(run.stdout) as { file: string; code: string; message: string }[]).filter((r) => r.code === 'import-cycle');
    expect(cycles.map((r) => [r.file.slice(root.length + 1), r.message.split('. ')[0]])).toEqual([
      ['cyc/a.scenario', 'This import makes a cycle: a.scenario → b.scenario → c.scenario → a.scenario'],
      ['cyc/b.scenario', 'This import makes a cycle: b.scenario → c.scenario → a.scenario → b.scenario'],
      ['cyc/c.scenario', 'This import makes a cycle: c.scenario → a.scenario → b.scenario → c.scenario'],
    ]);
  });

  it('1,000 imports in one file: checked, every name bound, exit 0', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) files[`thousand/lib/f${i}.scenario`] = `factor f${i} { probability ${(i % 90) + 5}% }\n`;
    files['thousand/q.scenario'] = `${Array.from({ length: 1000 }, (_, i) => `import "lib/f${i}.scenario"`).join('\n')}\n` +
      `outcome o {\n  base 20%\n${Array.from({ length: 1000 }, (_, i) => `  f${i} raises weakly`).join('\n')}\n}\n`;
    write(files);
    const run = cli.run('check', '--root', root, at('thousand/q.scenario'));
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--root is offered by check, forecast and report', () => {
    for (const command of ['check', 'forecast', 'report']) expect(cli.run(command, '--help').stdout, command).toMatch(/--root <folder>/);
    expect(repoRoot).toBeTruthy();
  });
});
