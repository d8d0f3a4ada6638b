// `scenario score` as a real process: the README's command on samples/track-record, each format,
// usage errors; the replayed sample's JSON equal to what the library computes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBundledCli } from './bundle';
// @ts-expect-error: a plain ES module without types
import { replayTrackRecord } from '../../scripts/replay-track-record.mjs';

const { dir: tempDir, run } = useBundledCli('scenario-cli-score-');

describe('scenario score', () => {
  it('the README command: samples/track-record in text, exit 0, all seven calibration rows', () => {
    const { code, stdout, stderr } = run('score', 'samples/track-record', '--no-cache');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Track record: 11 resolved questions in 3 files\./);
    for (const phrase of ['almost no chance', 'very unlikely', 'unlikely', 'roughly even chance', 'likely', 'very likely', 'almost certain']) {
      expect(stdout).toMatch(new RegExp(`^  ${phrase} +\\d`, 'm'));
    }
    expect(stdout).toContain('Murphy decomposition (ten equal bins): reliability ');
  });

  it('the replayed sample: forecasts of record in every format', () => {
    const repo = join(tempDir(), 'replayed');
    (replayTrackRecord as (out: string) => string[])(repo);
    const json = JSON.parse(run('score', repo, '--format', 'json', '--no-cache').stdout);
    expect(json.summary.count).toBe(11);
    expect(json.summary.recordedBefore).toBe(11);
    expect(json.questions.find((q: { name: string }) => q.name === 'major_attack')).toMatchObject({ forecast: 0.2, brier: 0.64, meanDailyBrier: 0.64 });
    const text = run('score', repo, '--no-cache').stdout;
    expect(text).not.toContain('working file');
    expect(text).toMatch(/^  major_attack:13 +event +yes, 2025-04-22 +20% +— +0\.6400 +−1\.609 +0\.6400 +[0-9a-f]{8} 2025-01-05$/m);
    const md = run('score', repo, '--format', 'markdown', '--no-cache').stdout;
    expect(md).toMatch(/^## Track record/);
    expect(md).toContain('| Phrase of the forecast | Range | Questions | Mean forecast | Happened |');
    const csv = run('score', repo, '--format', 'csv', '--no-cache').stdout;
    expect(csv.trimEnd().split('\r\n')).toHaveLength(12);
  });

  it('usage: no path, or one that does not exist, is exit 2', () => {
    expect(run('score').code).toBe(2);
    const missing = run('score', 'no/such/folder', '--no-cache');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('scenario score: no/such/folder: no such file or folder\n');
  });
});
