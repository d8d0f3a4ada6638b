// Bad input to `observe` (issue 10), through the real `scenario` process: an observation the model
// rules out, a name observed twice, a name both observed and given, every variable observed at
// once, and 500 observations in one alternative. Each gets a clear diagnostic or sane numbers, and
// nothing crashes (no stack trace, exit 0 or 1, never anything else).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBundledCli } from './bundle';

const { dir: tempDir, run } = useBundledCli('scenario-observe-');

/** As run, for outputs of several megabytes (spawnSync stops at one by default). */
function runLarge(...args: string[]) {
  const result = spawnSync(process.execPath, [join(tempDir(), 'cli.js'), ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(name: string, text: string): string {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

/** No crash: an exit code of the contract and nothing that looks like a stack trace. */
function expectNoCrash(result: { code: number | null; stderr: string }, code: 0 | 1): void {
  expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+\)|TypeError|RangeError|ReferenceError|Maximum call stack/);
  expect(result.code).toBe(code);
}

interface JsonAlternative {
  name: string;
  observed: { name: string; value: boolean }[];
  evidenceProbability: number;
  inputs: { name: string; probability: number; delta: number }[];
  outcomes: { name: string; probability: number; band: [number, number]; observed?: boolean; judged: { agrees: boolean } | null }[];
  worlds: { outcomes: Record<string, boolean>; probability: number }[];
}

const MODEL = [
  'factor rapport { probability 55%..75% }',
  'factor sure { probability 100% }',
  'event attack { probability 10%..25% }',
  'outcome ties {\n  base 10%\n  attack raises x5..12\n  rapport raises weakly\n  judged very unlikely\n}',
  'outcome never {\n  base 0%\n  attack raises weakly\n}',
  'outcome trade {\n  base 40%\n  ties lowers weakly\n  judged likely\n}',
].join('\n');

describe('observe: bad input through the CLI', () => {
  it('an observation the model rules out: observe-impossible at each; the forecast says the alternative cannot happen', () => {
    const file = write('impossible.scenario', `${MODEL}\nalternative "Never" {\n  observe never\n  observe not sure\n}\nalternative "Attack" {\n  observe attack\n}\n`);
    const check = run('check', file);
    expectNoCrash(check, 1);
    const lines = check.stdout.trimEnd().split('\n').filter((l) => l.includes(' error '));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/impossible\.scenario:\d+:3: error observe-impossible: 'observe never' cannot happen in this model: 'never' never holds/);
    expect(lines[1]).toMatch(/impossible\.scenario:\d+:3: error observe-impossible: 'observe not sure' cannot happen in this model: 'sure' always holds/);
    // The forecast says the alternative cannot happen, and forecasts the rest.
    // observe-impossible is an error: exit 1, the error on stderr, and the rest forecast.
    const text = run('forecast', file, '--no-timing');
    expectNoCrash(text, 1);
    expect(text.stderr).toMatch(/impossible\.scenario:\d+:3: error observe-impossible: 'observe never' cannot happen/);
    expect(text.stdout).toContain('Alternative "Never"\nAssumes: observe never; observe not sure\n' +
      'What it observes cannot happen in this model (probability 0): no numbers.\n\nAlternative "Attack"');
    const json = JSON.parse(run('forecast', file, '--format', 'json', '--no-timing').stdout) as { alternatives: JsonAlternative[] };
    expect(json.alternatives.map((a) => [a.name, a.evidenceProbability, a.outcomes.length, a.worlds.length])).toEqual([
      ['Never', 0, 0, 0], ['Attack', expect.closeTo(0.175, 6), 3, expect.any(Number)],
    ]);
    // What the alternative observes is no driver of what it forecasts: no "attack 0.0".
    expect(text.stdout.slice(text.stdout.indexOf('Alternative "Attack"'))).not.toMatch(/attack [+−]?0\.0/);
    for (const format of ['markdown', 'csv']) expectNoCrash(run('forecast', file, '--format', format), 1);
    const report = run('report', file, '--no-timing');
    expectNoCrash(report, 1);
    expect(report.stdout).toContain('What it observes cannot happen in this model (probability 0): no numbers.');
  });

  it('a name observed twice, and a name both observed and given: alternative-conflict at the second line', () => {
    const file = write('conflict.scenario', `${MODEL}\nalternative "Twice" {\n  observe attack\n  observe attack\n}\n` +
      'alternative "Both" {\n  given ties\n  observe ties\n}\nalternative "Fine" {\n  observe ties\n}\n');
    const check = run('check', file);
    expectNoCrash(check, 1);
    const lines = check.stdout.trimEnd().split('\n').filter((l) => l.includes(' error '));
    expect(lines).toEqual([
      expect.stringMatching(/conflict\.scenario:\d+:3: error alternative-conflict: 'attack' is already observed on line \d+ \('observe attack'\): an alternative states each name once/),
      expect.stringMatching(/conflict\.scenario:\d+:3: error alternative-conflict: 'ties' is already given on line \d+ \('given ties'\): `given` makes it so and `observe` sees it as evidence/),
    ]);
    const json = (JSON.parse(run('check', file, '--format', 'json').stdout) as { line: number; code: string; severity: string }[])
      .filter((d) => d.severity === 'error');
    const text = `${MODEL}\nalternative "Twice" {\n  observe attack\n  observe attack\n}\nalternative "Both" {\n  given ties\n  observe ties\n}\n`;
    const at = (needle: string, nth: number) => text.split('\n').map((l, i) => [l, i + 1] as const).filter(([l]) => l === needle)[nth]![1];
    expect(json.map((d) => [d.code, d.line])).toEqual([['alternative-conflict', at('  observe attack', 1)], ['alternative-conflict', at('  observe ties', 0)]]);
    expectNoCrash(run('forecast', file), 1);
  });

  it('every variable observed at once: possible, each outcome observed (no call checked), inputs known, one world', () => {
    const file = write('everything.scenario', `${MODEL.replace('outcome never {\n  base 0%\n  attack raises weakly\n}\n', '')}\n` +
      'alternative "All seen" {\n  observe rapport\n  observe sure\n  observe attack\n  observe ties\n  observe not trade\n}\n');
    expectNoCrash(run('check', file), 0);
    const result = run('forecast', file, '--format', 'json', '--no-timing');
    expectNoCrash(result, 0);
    const all = (JSON.parse(result.stdout) as { alternatives: JsonAlternative[] }).alternatives[0]!;
    expect(all.evidenceProbability).toBeGreaterThan(0);
    expect(all.evidenceProbability).toBeLessThan(1);
    expect(all.inputs.map((i) => [i.name, i.probability])).toEqual([['rapport', 1], ['sure', 1], ['attack', 1]]);
    expect(all.outcomes.map((o) => [o.name, o.probability, o.observed])).toEqual([['ties', 1, true], ['trade', 0, false]]);
    expect(all.worlds).toEqual([{ outcomes: { ties: true, trade: false }, probability: 1 }]);
    // The text reads observed for both, and counts no contradicted call (both calls are outside 100% and 0%).
    const text = run('forecast', file, '--no-timing');
    expectNoCrash(text, 0);
    const section = text.stdout.slice(text.stdout.indexOf('Alternative "All seen"'));
    expect(section).toMatch(/\nties .*100% .*—.*observed\s+very unlikely \(not checked\)\n/);
    expect(section).toMatch(/\ntrade .*0% .*—.*observed not\s+likely \(not checked\)\n/);
    expect(section).not.toContain('✗');
    for (const format of ['markdown', 'csv']) expectNoCrash(run('forecast', file, '--format', format), 0);
    const report = run('report', file, '--no-timing');
    expectNoCrash(report, 0);
    expect(report.stdout).toContain('<span class="badge observed" title="assumed not seen, not forecast">observed not</span>');
  });

  it('500 observations in one alternative: it finishes, P(E) is finite and above 0, every number a probability', () => {
    const n = 500;
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`factor f${i} { probability 10% }`);
    for (let i = 0; i < n / 2; i++) lines.push(`outcome o${i} { base 20%; f${2 * i} raises weakly; f${2 * i + 1} raises weakly }`);
    // P(E) = 0.1^500 = 1e-500 (below the smallest double) and, for the outcomes, about 0.25^250.
    lines.push('alternative "Every factor seen" {', ...Array.from({ length: n }, (_, i) => `  observe f${i}`), '}');
    lines.push('alternative "Every outcome seen" {', ...Array.from({ length: n / 2 }, (_, i) => `  observe o${i}`), '}');
    lines.push('alternative "Half seen, half not" {', ...Array.from({ length: n }, (_, i) => `  observe ${i % 2 === 0 ? '' : 'not '}f${i}`), '}');
    const file = write('many.scenario', `${lines.join('\n')}\n`);
    expectNoCrash(run('check', file), 0);
    const started = performance.now();
    const result = runLarge('forecast', file, '--format', 'json', '--no-timing');
    expect(performance.now() - started).toBeLessThan(60_000);
    expectNoCrash(result, 0);
    const alternatives = (JSON.parse(result.stdout) as { alternatives: JsonAlternative[] }).alternatives;
    expect(alternatives.map((a) => a.observed.length)).toEqual([n, n / 2, n]);
    for (const a of alternatives) {
      expect(Number.isFinite(a.evidenceProbability), a.name).toBe(true);
      expect(a.evidenceProbability, a.name).toBeGreaterThan(0);
      expect(a.outcomes, a.name).toHaveLength(n / 2);
      for (const o of a.outcomes) {
        expect(o.probability).toBeGreaterThanOrEqual(0);
        expect(o.probability).toBeLessThanOrEqual(1);
        expect(o.band[0]).toBeLessThanOrEqual(o.probability + 1e-6);
        expect(o.band[1]).toBeGreaterThanOrEqual(o.probability - 1e-6);
      }
      expect(a.worlds.reduce((s, w) => s + w.probability, 0)).toBeLessThanOrEqual(1 + 1e-6);
    }
    const [factors, outcomes, half] = alternatives;
    // Both drivers seen true: odds 0.25 × K² with K weakly (1.25..2, log-uniform); in (0.2, 0.5].
    expect(factors!.outcomes.every((o) => o.probability > 0.2 && o.probability <= 0.5 && o.observed === undefined)).toBe(true);
    expect(outcomes!.outcomes.every((o) => o.probability === 1 && o.observed === true)).toBe(true);
    expect(factors!.inputs.every((i) => i.probability === 1)).toBe(true);
    expect(half!.inputs.map((i) => i.probability)).toEqual(Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0)));
    // The text says how improbable the evidence was, not that it cannot happen.
    const text = runLarge('forecast', file, '--no-timing');
    expectNoCrash(text, 0);
    expect(text.stdout).toContain('Alternative "Every factor seen"\nAssumes: observe f0; observe f1;');
    expect(text.stdout).toContain('What it observes had a <0.1% chance in this model.');
    expect(text.stdout).not.toContain('cannot happen');
  }, 120_000);
});
