// `scenario report FILE [-o OUT] [--format html|markdown]`, run as a real process: the document on
// stdout or in the file -o names, Markdown byte for byte the forecast's, and one-line errors with
// the exit codes of the other commands.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_CSP } from '../../common/report';
import { repoRoot } from '../fixture';
import { useBundledCli } from './bundle';

const sample = (name: string) => join(repoRoot, 'samples', name);
const { dir: tempDir, run } = useBundledCli('scenario-report-');

describe('scenario report', () => {
  it('prints one self-contained HTML document to stdout by default', () => {
    const { code, stdout, stderr } = run('report', sample('us-pakistan-2025.scenario'));
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(stdout).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(stdout).toContain('<h1>US–Pakistan relations, 2025</h1>');
    expect(stdout).toContain('<section id="key-judgments">');
    expect(stdout.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('-o writes the file and prints nothing; the same bytes as stdout without timing', () => {
    const out = join(tempDir(), 'report.html');
    const written = run('report', sample('us-pakistan-2025.scenario'), '-o', out, '--no-timing');
    expect([written.code, written.stdout, written.stderr]).toEqual([0, '', '']);
    const printed = run('report', sample('us-pakistan-2025.scenario'), '--no-timing');
    expect(readFileSync(out, 'utf8')).toBe(printed.stdout);
    expect(printed.stdout).not.toContain('<dt>Time</dt>');
    expect(run('report', sample('us-pakistan-2025.scenario')).stdout).toContain('<dt>Time</dt>');
  });

  it('--format markdown is exactly what scenario forecast --format markdown prints', () => {
    for (const name of ['us-pakistan-2025.scenario', 'hostile-labels.scenario']) {
      const report = run('report', sample(name), '--format', 'markdown');
      const forecast = run('forecast', sample(name), '--format', 'markdown');
      expect(report.code).toBe(0);
      expect(report.stdout).toContain('## Key judgments');
      expect(report.stdout).toBe(forecast.stdout);
    }
    const out = join(tempDir(), 'report.md');
    expect(run('report', sample('election.scenario'), '--format', 'markdown', '--output', out).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(run('forecast', sample('election.scenario'), '--format', 'markdown').stdout);
  });

  it('a file with errors: its diagnostics and a summary on stderr, no document, exit 1', () => {
    const file = join(tempDir(), 'broken.scenario');
    writeFileSync(file, 'factor a { probability 30% }\noutcome o { base 20%\n  b raises x3\n}\n');
    const out = join(tempDir(), 'broken.html');
    const { code, stdout, stderr } = run('report', file, '-o', out);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(stderr).toMatch(/broken\.scenario:3:3: error unknown-name: /);
    expect(stderr.trimEnd().split('\n').at(-1)).toMatch(/broken\.scenario: 1 error; fix it to get a forecast$/);
  });

  it('an unreadable file or an unwritable output: one line that says why, exit 2', () => {
    const missing = run('report', join(tempDir(), 'missing.scenario'));
    expect(missing.code).toBe(2);
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/missing\.scenario: error: cannot read the file/);
    const unwritable = run('report', sample('us-pakistan-2025.scenario'), '-o', join(tempDir(), 'no-such-folder', 'r.html'));
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(unwritable.stderr).toMatch(/r\.html: error: cannot write the file/);
  });

  it.each([
    [['report'], /missing required argument/],
    [['report', 'x.scenario', '--format', 'pdf'], /invalid/],
    [['report', 'x.scenario', '--samples', '10'], /--samples must be a whole number/],
  ])('usage error %j exits 2', (args, message) => {
    const { code, stderr } = run(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
