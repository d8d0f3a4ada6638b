// Long work is bounded on the command line (issue 15, point 3): `--time-limit SECONDS` stops a
// forecast cleanly, in one line that says what it was computing, exit 2; a quick forecast is not
// touched by it. controlledRun against a clock of its own: progress only once a run is long.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ForecastProgress } from '../../common/progress';
import { ForecastCancelled } from '../../server/src/engine/cancel';
import { controlledRun } from '../../server/src/cli/runControl';
import { longModel } from '../server/models';
import { useBundledCli } from './bundle';

const cli = useBundledCli('scenario-time-limit-');
const stage = (stage: ForecastProgress['stage'], scenario = 0): ForecastProgress =>
  ({ scenario, scenarios: 2, name: scenario === 0 ? null : 'All \u001b[31mup', stage, elapsedMs: 0 });

describe('--time-limit', () => {
  it('stops a long forecast in one line that says what it was computing, exit 2', () => {
    const file = join(cli.dir(), 'slow.scenario');
    writeFileSync(file, longModel()); // over 10^9 variable-samples: never done within a second
    for (const command of ['forecast', 'report']) {
      const run = cli.run(command, file, '--time-limit', '1');
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^.*slow\.scenario: error: stopped at the time limit \(--time-limit 1\) while computing (probabilities|bands|swings and signposts|worlds) of the baseline \(1 of 1\); raise --time-limit, or lower --samples\n$/);
    }
  });

  it('leaves a quick forecast alone, and refuses a limit that is not a whole number of seconds', () => {
    const quick = cli.run('forecast', 'samples/us-pakistan-2025.scenario', '--time-limit', '60', '--format', 'json', '--no-timing');
    expect(quick.code).toBe(0);
    expect(JSON.parse(quick.stdout).outcomes.length).toBeGreaterThan(0);
    for (const bad of ['0', '1.5', 'soon']) {
      const run = cli.run('forecast', 'samples/us-pakistan-2025.scenario', '--time-limit', bad);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--time-limit/);
    }
  });
});

describe('controlledRun', () => {
  it('tells how far a run has got only once it is long, then at each stage and each further second', () => {
    let t = 0;
    const told: ForecastProgress[] = [];
    const run = controlledRun({ progress: (p) => told.push(p) }, () => t);
    run.options.onProgress!(stage('probabilities'));
    t = 500;
    run.options.isCancelled!();
    expect(told).toEqual([]);
    t = 1200;
    run.options.isCancelled!();
    expect(told.map((p) => [p.stage, p.elapsedMs])).toEqual([['probabilities', 1200]]);
    t = 1500;
    run.options.isCancelled!();
    run.options.onProgress!(stage('bands', 1));
    t = 2600;
    run.options.isCancelled!();
    expect(told.map((p) => [p.stage, p.scenario, p.elapsedMs])).toEqual([['probabilities', 0, 1200], ['bands', 1, 1500], ['bands', 1, 2600]]);
  });

  it('stops past the limit, and its message replaces the control characters of a title', () => {
    let t = 0;
    const run = controlledRun({ timeLimitSeconds: 2 }, () => t);
    run.options.onProgress!(stage('worlds', 1));
    expect(run.options.isCancelled!()).toBe(false);
    t = 2001;
    expect(run.options.isCancelled!()).toBe(true);
    expect(run.stoppedBecause(new ForecastCancelled())).toBe(
      'stopped at the time limit (--time-limit 2) while computing worlds of alternative “All \uFFFD[31mup” (2 of 2); raise --time-limit, or lower --samples');
    expect(run.stoppedBecause(new Error('other'))).toBeNull();
  });
});
