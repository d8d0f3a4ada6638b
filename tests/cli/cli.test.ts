// The `scenario` command, run as a real process: exit codes, the four forecast formats, and
// byte-identical JSON from two separate processes. The CLI is bundled from the current source
// first (bundle.ts), so these tests never run a stale build.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS as CSV_HEADER } from '../../common/report';
import { useBundledCli } from './bundle';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sample = (name: string) => join(root, 'samples', name);
const { dir: tempDir, run } = useBundledCli('scenario-cli-');

function write(name: string, text: string): string {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

describe('scenario forecast', () => {
  it('prints byte-identical JSON from two separate processes (exact and Monte Carlo)', () => {
    for (const name of ['us-pakistan-2025.scenario', 'election.scenario']) {
      const first = run('forecast', sample(name), '--format', 'json', '--no-timing');
      const second = run('forecast', sample(name), '--format', 'json', '--no-timing');
      expect(first.code).toBe(0);
      expect(first.stdout.length).toBeGreaterThan(1000);
      expect(second.stdout).toBe(first.stdout);
    }
  });

  it('JSON has the contract’s fields', () => {
    const { code, stdout } = run('forecast', sample('us-pakistan-2025.scenario'), '--format', 'json');
    expect(code).toBe(0);
    const f = JSON.parse(stdout);
    expect(f).toMatchObject({ title: 'US–Pakistan relations, 2025', samples: 20000, seed: 2025, method: 'exact' });
    expect(f.file).toContain('us-pakistan-2025.scenario');
    expect(typeof f.elapsedMs).toBe('number');
    const o = f.outcomes.find((x: { name: string }) => x.name === 'democracy_push');
    expect(o).toMatchObject({ label: expect.any(String), phrase: 'likely', judged: { text: 'likely', range: [0.55, 0.8], agrees: true } });
    expect(o.probability).toBeGreaterThan(0.55);
    expect(o.band[0]).toBeLessThan(o.band[1]);
    expect(o.swing[0]).toEqual({ name: expect.any(String), points: expect.any(Number), ifTrue: expect.any(Number), ifFalse: expect.any(Number) });
    expect(o.swing[0].points).toBeCloseTo(100 * (o.swing[0].ifTrue - o.swing[0].ifFalse), 2);
    expect(f.alternatives[0]).toMatchObject({ observed: [], evidenceProbability: 1 });
    expect(f.alternatives[0].inputs.map((i: { name: string }) => i.name)).toEqual(f.inputs.map((i: { name: string }) => i.name));
    const sizes = o.swing.map((s: { points: number }) => Math.abs(s.points));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(Object.keys(f.worlds[0].outcomes)).toContain('trade_up');
    expect(f.alternatives[0].outcomes[0]).toHaveProperty('delta');
    expect(f.alternatives[0].worlds.length).toBeGreaterThan(0);
  });

  it('--samples and --seed override the file', () => {
    const f = JSON.parse(run('forecast', join(root, 'tests', 'fixtures', 'dense.scenario'), '--format', 'json', '--samples', '5000', '--seed', '3').stdout);
    expect(f.samples).toBe(5000);
    expect(f.seed).toBe(3);
    expect(f.method).toBe('monte-carlo');
  });

  it('text: an aligned table with bars, no colour when not on a terminal', () => {
    const { code, stdout } = run('forecast', sample('us-pakistan-2025.scenario'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/Outcome\s+Label\s+Probability\s+Band\s+Phrase\s+Judged\s+Top drivers/);
    expect(stdout).toMatch(/democracy_push .* \d+% [█░▏▎▍▌▋▊▉]{20} .*✓ likely/);
    expect(stdout).not.toContain('\u001b[');
  });

  it('markdown and csv', () => {
    const md = run('forecast', sample('supply-chain-risk.scenario'), '--format', 'markdown').stdout;
    expect(md).toMatch(/^# Acme Devices/);
    expect(md).toContain('| Outcome | Probability | Band | Phrase | Judged | Top drivers (swing, pts) |');
    expect(md).toContain('## Alternative: Port strike');
    const csv = run('forecast', sample('supply-chain-risk.scenario'), '--format', 'csv').stdout.trimEnd().split('\r\n');
    expect(csv[0]).toBe(CSV_HEADER.join(','));
    expect(csv.length).toBe(1 + 5 * 4);
  });

  it('hostile text stays text', () => {
    const text = run('forecast', sample('hostile-labels.scenario')).stdout;
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(text).toContain('\uFFFD');
    const md = run('forecast', sample('hostile-labels.scenario'), '--format', 'markdown').stdout;
    // Every `<` is backslash-escaped, so no tag can form (CommonMark reads `\<` as a literal `<`).
    expect(md).not.toMatch(/(^|[^\\])<(img|script|iframe|svg|b)\b/im);
    expect(md).toContain('\\<iframe');
    const csv = run('forecast', sample('hostile-labels.scenario'), '--format', 'csv').stdout;
    expect(csv).toContain(",second,'=1+1 '; DROP TABLE outcomes; -- \uFFFD[31mred");
    for (const out of [text, md, csv]) expect(out).not.toContain('\u001b');
    const json = JSON.parse(run('forecast', sample('hostile-labels.scenario'), '--format', 'json').stdout);
    expect(json.outcomes[0].label).toBe('<b>bold</b><iframe src="javascript:alert(1)"></iframe>');
  });

  it('a file with errors prints its diagnostics instead of numbers and exits 1', () => {
    const file = write('broken.scenario', 'factor a { probability 30% }\noutcome o { base 20%\n  b raises x3\n}\n');
    const { code, stdout, stderr } = run('forecast', file);
    expect(code).toBe(1);
    expect(stdout).toMatch(/broken\.scenario:3:3: error unknown-name: /);
    expect(stdout).not.toMatch(/%/);
    expect(stderr).toContain('1 error');
    const json = run('forecast', file, '--format', 'json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toContainEqual(expect.objectContaining({ line: 3, column: 3, severity: 'error', code: 'unknown-name' }));
  });

  it.each([
    [['forecast', 'samples/us-pakistan-2025.scenario', '--samples', '10']],
    [['forecast', 'samples/us-pakistan-2025.scenario', '--samples', '2000000']],
    [['forecast', 'samples/us-pakistan-2025.scenario', '--seed', 'abc']],
    [['forecast', 'samples/us-pakistan-2025.scenario', '--format', 'xml']],
    [['forecast']],
    [['frobnicate']],
    [[]],
  ])('usage error %j exits 2', (args) => {
    const { code, stderr } = run(...args);
    expect(code).toBe(2);
    expect(stderr.length).toBeGreaterThan(0);
  });

  it('an unreadable file exits 2', () => {
    const { code, stderr } = run('forecast', join(tempDir(), 'missing.scenario'));
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read');
  });

  it('--help exits 0', () => {
    const { code, stdout } = run('forecast', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--samples');
  });
});

describe('scenario check', () => {
  it('the samples check clean', () => {
    const { code, stdout } = run('check', ...['us-pakistan-2025', 'supply-chain-risk', 'election', 'hostile-labels']
      .map((n) => sample(`${n}.scenario`)));
    expect(stdout).toBe('');
    expect(code).toBe(0);
  });

  it('reports a judged call the forecast contradicts, as a warning (exit 0)', () => {
    const file = write('judged.scenario', 'factor a { probability 30% }\noutcome o {\n  base 20%\n  a raises x3\n  judged very likely\n}\n');
    const { code, stdout } = run('check', file);
    expect(code).toBe(0);
    expect(stdout).toMatch(/judged\.scenario:5:10: warning judgment: .*27%.*"unlikely"/);
    const json = JSON.parse(run('check', file, '--format', 'json').stdout);
    expect(json).toEqual([expect.objectContaining({ line: 5, column: 10, endColumn: 21, severity: 'warning', code: 'judgment' })]);
  });

  it('reports an impossible observation and a conflicting one (exit 1); forecast still computes the rest', () => {
    const file = write('observe.scenario', [
      'event attack { probability 20% }',
      'outcome never { base 0%; attack raises weakly }',
      'alternative "Never seen" {\n  observe never\n}',
      'alternative "Twice" {\n  observe attack\n  observe not attack\n}',
      'alternative "Attack seen" {\n  observe attack\n}',
      '',
    ].join('\n'));
    const { code, stdout } = run('check', file);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/observe\.scenario:4:3: error observe-impossible: 'observe never' cannot happen in this model: 'never' never holds/);
    expect(lines[1]).toMatch(/observe\.scenario:8:3: error alternative-conflict: 'attack' is already observed on line 7/);
    // Without the conflict, `forecast` prints the numbers: the impossible alternative has none, the
    // rest all; the impossible observation is still an error (stderr, exit 1).
    const possible = write('observe-forecast.scenario', readFileSync(file, 'utf8').replace('  observe not attack\n', ''));
    const forecast = run('forecast', possible, '--format', 'json', '--no-timing');
    expect(forecast.code).toBe(1);
    expect(forecast.stderr).toMatch(/observe-forecast\.scenario:4:3: error observe-impossible/);
    const alternatives = JSON.parse(forecast.stdout).alternatives as { name: string; evidenceProbability: number; outcomes: unknown[] }[];
    expect(alternatives.map((a) => [a.name, a.evidenceProbability, a.outcomes.length])).toEqual([
      ['Never seen', 0, 0], ['Twice', 0.2, 1], ['Attack seen', 0.2, 1],
    ]);
  });

  it('errors exit 1, unreadable files 2', () => {
    expect(run('check', write('bad.scenario', 'outcome o { }\n')).code).toBe(1);
    expect(run('check', join(tempDir(), 'nope.scenario')).code).toBe(2);
  });
});
