// samples/track-record/ (ILLUSTRATIVE): its history.json replayed into a git repository with the
// commits' own dates (scripts/replay-track-record.mjs, as the README says), then scored: the
// forecast of record and the mean daily Brier of several questions against values computed by
// hand from the manifest's dates and numbers.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionCache } from '../../server/src/history/cache';
import { scorePaths } from '../../server/src/history/records';
import { analyzeSource } from '../../server/src/analysis/analyzeSource';
import { formatText } from '../../server/src/features/format';
import type { TrackRecord } from '../../common/scores';
// @ts-expect-error: a plain ES module without types
import { replayTrackRecord, SAMPLE_FOLDER, versionText } from '../../scripts/replay-track-record.mjs';

const DAY = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;
const brier = (p: number, y: boolean) => (p - (y ? 1 : 0)) ** 2;

let dir: string;
let commits: string[];
let record: TrackRecord;
const question = (name: string) => record.questions.find((q) => q.name === name)!;

beforeAll(async () => {
  dir = join(mkdtempSync(join(tmpdir(), 'scenario-track-record-')), 'repo');
  commits = (replayTrackRecord as (out: string) => string[])(dir);
  record = await scorePaths([dir], { cache: new VersionCache() });
});
afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

describe('the sample track record', () => {
  it('its files check and resolve questions of 2025, each marked illustrative', () => {
    const files = readdirSync(SAMPLE_FOLDER).filter((f) => f.endsWith('.scenario'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const text = readFileSync(join(SAMPLE_FOLDER, f), 'utf8');
      expect(text, f).toMatch(/^\/\/ ILLUSTRATIVE/);
      const analysis = analyzeSource({ text, today: '2026-01-01' });
      expect(analysis.diagnostics.filter((d) => d.severity === 'error' || d.code === 'resolution-future'), f).toEqual([]);
      const resolved = [...analysis.model.variables.values()].filter((v) => v.resolution);
      expect(resolved.length, f).toBeGreaterThan(0);
      for (const v of resolved) expect(v.resolution!.date.startsWith('2025-'), `${f} ${v.name}`).toBe(true);
      expect(formatText(analysis.document, '  '), `${f} is formatted`).toBe(text);
    }
  });

  it('the replay strips the resolved lines and applies each edit once', () => {
    expect((versionText as (t: string, e: [string, string][]) => string)('factor f {\n  probability 5%\n  resolved yes on 2025-01-01\n}\n', [['5%', '7%']]))
      .toBe('factor f {\n  probability 7%\n}\n');
    expect(() => (versionText as (t: string, e: [string, string][]) => string)('a a', [['a', 'b']])).toThrow(/exactly once/);
  });

  it('every question has a forecast of record made before it resolved', () => {
    expect(record.summary.count).toBe(11);
    expect(record.summary.recordedBefore).toBe(11);
    expect(record.skipped).toEqual([]);
    expect(record.historyMissing).toEqual([]);
  });

  it('union_first: 85% from 30 January, after 75% from 18 December', () => {
    const q = question('union_first');
    expect(q).toMatchObject({ forecast: 0.85, recordedBefore: true, recordedAt: '2025-01-30T09:00:00+00:00', commit: commits[3] });
    expect(q.brier).toBeCloseTo(0.0225, 12);
    // 75% for 43 days, then 85% for 24.625 days up to 24 February 00:00 UTC: 3.2415625 / 67.625.
    expect(days('2024-12-18T09:00:00Z', '2025-01-30T09:00:00Z')).toBe(43);
    expect(q.meanDailyBrier).toBeCloseTo((43 * 0.0625 + 24.625 * 0.0225) / 67.625, 12);
    expect(q.meanDailyBrier).toBeCloseTo(0.047934, 6);
  });

  it('major_attack: scored at 20%, the forecast before the attack, not the 99% written the day after', () => {
    const q = question('major_attack');
    expect(q).toMatchObject({ forecast: 0.2, recordedAt: '2025-01-05T09:00:00+00:00', commit: commits[1] });
    expect(q.brier).toBeCloseTo(0.64, 12);
    expect(q.meanDailyBrier).toBeCloseTo(0.64, 12);
    expect(q.logScore).toBeCloseTo(Math.log(0.2), 12);
  });

  it('cross_border_strikes: the outcome as forecast on 23 April, its drivers included', () => {
    const q = question('cross_border_strikes');
    // base 5% × 10 when the attack happens: odds 0.05/0.95 × 10 → 0.344828; P = 0.99 × that + 0.01 × 0.05.
    const raised = (0.05 / 0.95 * 10) / (1 + 0.05 / 0.95 * 10);
    const after = 0.99 * raised + 0.01 * 0.05;
    const before = 0.2 * raised + 0.8 * 0.05;
    expect(q.forecast).toBeCloseTo(after, 6);
    expect(q.recordedAt).toBe('2025-04-23T09:00:00+00:00');
    expect(q.judged).toBeCloseTo(0.325, 12); // unlikely, 20%–45%
    const d1 = days('2025-01-05T09:00:00Z', '2025-04-23T09:00:00Z');
    const d2 = days('2025-04-23T09:00:00Z', '2025-05-07T00:00:00Z');
    expect(q.meanDailyBrier).toBeCloseTo((d1 * brier(before, true) + d2 * brier(after, true)) / (d1 + d2), 6);
  });

  it('us_trade_deal and carney_leads: the mean daily Brier over their versions', () => {
    // 15% from 5 January (two versions) for 161 days, 30% from 15 June for 45.625 days up to 31 July.
    expect(question('us_trade_deal').meanDailyBrier).toBeCloseTo((161 * 0.7225 + 45.625 * 0.49) / 206.625, 12);
    expect(question('us_trade_deal').meanDailyBrier).toBeCloseTo(0.671162, 6);
    // 60% from 8 January 15:00 for 33 days, 75% from 10 February 15:00 for 26.375 days up to 9 March.
    const carney = question('carney_leads');
    expect(carney).toMatchObject({ forecast: 0.75, recordedAt: '2025-02-10T15:00:00+00:00' });
    expect(carney.meanDailyBrier).toBeCloseTo((33 * 0.16 + 26.375 * 0.0625) / 59.375, 12);
  });

  it('the model against the judged calls: six calls, the model better on five', () => {
    expect(record.summary.judgedCount).toBe(6);
    expect(record.summary.modelBeatsJudged).toBe(5);
    // liberals_win: the model's 61% against the analyst's roughly even chance (50%), and it happened.
    const liberals = question('liberals_win');
    expect(liberals.judged).toBeCloseTo(0.5, 12);
    expect(liberals.brier).toBeLessThan(liberals.judgedBrier!);
    // us_trade_deal is the one the analyst called better: unlikely (32.5%) against the model's 30%, and it happened.
    const deal = question('us_trade_deal');
    expect(deal.judgedBrier!).toBeCloseTo(0.675 ** 2, 12);
    expect(deal.judgedBrier!).toBeLessThan(deal.brier);
  });
});

describe('the sample as the README scores it, in place', () => {
  it('scores every question (on the working file where this checkout has no commit before the day), exit 0', async () => {
    const here = await scorePaths([SAMPLE_FOLDER], { cache: new VersionCache() });
    expect(here.summary.count).toBe(11);
    expect(here.summary.calibration).toHaveLength(7);
    expect(here.questions.filter((q) => !q.recordedBefore).every((q) => typeof q.reason === 'string')).toBe(true);
  });
});
