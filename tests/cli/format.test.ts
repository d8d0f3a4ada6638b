// `scenario forecast --format …` in process, through runForecast: the CLI renders the report of
// common/report; the renderers themselves are tested in tests/report/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runForecast } from '../../server/src/cli/forecast';
import { UNTITLED_TITLE } from '../../common/forecast';

const UNTITLED = 'factor a { probability 30% }\noutcome o { base 20%\n  a raises x3\n  judged likely\n}\n';
const run = (file: string, text: string, options: Partial<Parameters<typeof runForecast>[1]> = {}) =>
  runForecast(file, { format: 'text', timing: false, ...options, readFile: () => text });

describe('runForecast', () => {
  it('titles a file without a scenario block by its base name, in every format', () => {
    const json = JSON.parse(run('models/q3 risks.scenario', UNTITLED, { format: 'json' }).output);
    expect(json.title).toBe('q3 risks');
    expect(json.file).toBe('models/q3 risks.scenario');
    expect(run('models/q3 risks.scenario', UNTITLED).output.split('\n')[0]).toBe('q3 risks  (exact, seed 1)');
    expect(run('q3.scenario', UNTITLED, { format: 'markdown' }).output.split('\n')[0]).toBe('# q3');
    // The forecast itself is not changed: the engine's placeholder is what the report replaces.
    expect(UNTITLED_TITLE).toBe('Untitled scenario');
  });

  it('keeps a written title', () => {
    const text = `scenario "Q3, risks" { seed 4 }\n${UNTITLED}`;
    expect(run('x.scenario', text).output.split('\n')[0]).toBe('Q3, risks  (exact, seed 4)');
  });

  it('text: the table with bars; colour and timing only when asked', () => {
    const { output, exitCode } = run('x.scenario', UNTITLED);
    expect(exitCode).toBe(0);
    // With a: odds 0.25 × 3 = 0.75, so 3/7; P(o) = 0.3 × 3/7 + 0.7 × 0.2 = 0.2686. Nothing is uncertain: no band.
    expect(output).toMatch(/^o {8}o {8}27% █████▍░{14} {3}27% {2}unlikely {2}✗ likely {2}a \+22\.9$/m);
    expect(output).toContain('     73%  none of the outcomes');
    expect(output).not.toContain('\u001b[');
    expect(output).not.toContain('Computed in');
    expect(run('x.scenario', UNTITLED, { color: true }).output).toContain('\u001b[');
    expect(run('x.scenario', UNTITLED, { timing: true }).output).toMatch(/Computed in \d+\.\d ms\./);
  });

  it('the four formats of the op-ed sample', () => {
    const file = 'samples/us-pakistan-2025.scenario';
    const text = readFileSync(file, 'utf8');
    const md = run(file, text, { format: 'markdown' }).output;
    expect(md.split('\n')[0]).toBe('# US–Pakistan relations, 2025');
    expect(md).toContain('Method: exact, seed 2025, horizon 2025-01-20 to 2026-01-20.');
    expect(md).toMatch(/^\| \*\*democracy_push\*\* Washington presses Islamabad on democracy and free speech \| \d+% \| \d+–\d+% \| likely \| ✓ likely \| /m);
    const csv = run(file, text, { format: 'csv' }).output;
    expect(csv.startsWith('alternative,outcome,label,probability,band_low,band_high,phrase,judged,judged_low,judged_high,agrees,delta_points,top_drivers\r\n')).toBe(true);
    const json = JSON.parse(run(file, text, { format: 'json' }).output);
    expect(json).toMatchObject({ file, title: 'US–Pakistan relations, 2025', method: 'exact', seed: 2025 });
    expect(json).not.toHaveProperty('elapsedMs');
  });

  it('a Monte Carlo forecast says its samples, with thousands separated', () => {
    const file = 'tests/fixtures/dense.scenario';
    const out = run(file, readFileSync(file, 'utf8'), { samples: 5000 }).output;
    expect(out.split('\n')[0]).toMatch(/\(Monte Carlo, 5,000 samples, seed 5\)$/);
  });
});
