// The pure scores of server/src/history/score.ts against values computed by hand.
import { describe, expect, it } from 'vitest';
import {
  brierScore, calibration, judgedPoint, LOG_SCORE_FLOOR, logScore, meanDailyBrier, murphyDecomposition, resolutionInstant, summarize,
} from '../../server/src/history/score';

const DAY = 86_400_000;
const D = resolutionInstant('2025-03-21');

describe('one question', () => {
  it('Brier (p − y)² and the log score ln of what happened, floored at ln 0.001', () => {
    expect(brierScore(0.85, true)).toBeCloseTo(0.0225, 12);
    expect(brierScore(0.85, false)).toBeCloseTo(0.7225, 12);
    expect(brierScore(0, false)).toBe(0);
    expect(logScore(0.85, true)).toBeCloseTo(-0.1625189295, 9);
    expect(logScore(0.85, false)).toBeCloseTo(Math.log(0.15), 12);
    expect(LOG_SCORE_FLOOR).toBeCloseTo(-6.907755279, 9);
    expect(logScore(0, true)).toBe(LOG_SCORE_FLOOR);
    expect(logScore(0.9995, false)).toBe(LOG_SCORE_FLOOR); // ln 0.0005 is below the floor
    expect(logScore(0.999, false)).toBeCloseTo(LOG_SCORE_FLOOR, 9);
  });

  it('the judged call is the middle of its interval', () => {
    expect(judgedPoint({ low: 0.55, high: 0.8 })).toBeCloseTo(0.675, 12);
    expect(judgedPoint({ low: 0.3, high: 0.3 })).toBe(0.3);
  });

  it('D at 00:00 UTC', () => {
    expect(new Date(D).toISOString()).toBe('2025-03-21T00:00:00.000Z');
  });
});

describe('mean daily Brier', () => {
  it('weighs each version by how long it stood before D', () => {
    // 0.5 for 10 days (0.25), then 0.8 for 10 days (0.04): (2.5 + 0.4) / 20 = 0.145.
    expect(meanDailyBrier([{ time: D - 20 * DAY, probability: 0.5 }, { time: D - 10 * DAY, probability: 0.8 }], D, true)).toBeCloseTo(0.145, 12);
    // Order does not matter, and a version on or after D does not count.
    expect(meanDailyBrier([{ time: D, probability: 0 }, { time: D - 10 * DAY, probability: 0.8 }, { time: D - 20 * DAY, probability: 0.5 }], D, true))
      .toBeCloseTo(0.145, 12);
  });

  it('leaves out the time of a version without the question', () => {
    // 0.5 for 5 days, none for 5, 0.8 for 10: (5 × 0.25 + 10 × 0.04) / 15 = 0.11.
    expect(meanDailyBrier([
      { time: D - 20 * DAY, probability: 0.5 }, { time: D - 15 * DAY, probability: null }, { time: D - 10 * DAY, probability: 0.8 },
    ], D, true)).toBeCloseTo(0.11, 12);
  });

  it('is null without a version before D', () => {
    expect(meanDailyBrier([], D, true)).toBeNull();
    expect(meanDailyBrier([{ time: D + DAY, probability: 0.5 }], D, true)).toBeNull();
    expect(meanDailyBrier([{ time: D - DAY, probability: null }], D, true)).toBeNull();
  });
});

// Four questions: 15% twice (one happened), 85% twice (both happened).
const FOUR = [
  { forecast: 0.15, resolved: true, judged: 0.3, recordedBefore: true },
  { forecast: 0.15, resolved: false, judged: null, recordedBefore: true },
  { forecast: 0.85, resolved: true, judged: 0.675, recordedBefore: true },
  { forecast: 0.85, resolved: true, judged: null, recordedBefore: false },
];

describe('over many questions', () => {
  it('calibration: all seven ICD 203 phrases, the empty ones with count 0', () => {
    const rows = calibration(FOUR);
    expect(rows.map((r) => r.phrase)).toEqual([
      'almost no chance', 'very unlikely', 'unlikely', 'roughly even chance', 'likely', 'very likely', 'almost certain',
    ]);
    expect(rows[1]).toEqual({ phrase: 'very unlikely', range: [0.05, 0.2], count: 2, meanForecast: 0.15, observed: 0.5 });
    expect(rows[5]).toEqual({ phrase: 'very likely', range: [0.8, 0.95], count: 2, meanForecast: 0.85, observed: 1 });
    for (const i of [0, 2, 3, 4, 6]) expect(rows[i]).toMatchObject({ count: 0, meanForecast: null, observed: null });
  });

  it('Murphy decomposition over ten equal bins: reliability − resolution + uncertainty is the Brier score here', () => {
    // ō = 0.75. Bin [0.1, 0.2): n 2, f̄ 0.15, ō 0.5; bin [0.8, 0.9): n 2, f̄ 0.85, ō 1.
    // reliability (2 × 0.35² + 2 × 0.15²) / 4 = 0.0725; resolution (2 × 0.25² + 2 × 0.25²) / 4 = 0.0625; uncertainty 0.1875.
    const d = murphyDecomposition(FOUR)!;
    expect(d.reliability).toBeCloseTo(0.0725, 12);
    expect(d.resolution).toBeCloseTo(0.0625, 12);
    expect(d.uncertainty).toBeCloseTo(0.1875, 12);
    // Brier: (0.7225 + 0.0225 + 0.0225 + 0.0225) / 4 = 0.1975.
    expect(d.reliability - d.resolution + d.uncertainty).toBeCloseTo(0.1975, 12);
    expect(murphyDecomposition([])).toBeNull();
    // 1.0 falls in the last bin, 0.1 in the second.
    expect(murphyDecomposition([{ forecast: 1, resolved: true, judged: null, recordedBefore: true }, { forecast: 0.1, resolved: false, judged: null, recordedBefore: true }])!.reliability)
      .toBeCloseTo((0 + 0.01) / 2, 12);
  });

  it('the summary: counts, means, the judged calls and how often the model did better', () => {
    const s = summarize(FOUR);
    expect(s.count).toBe(4);
    expect(s.recordedBefore).toBe(3);
    expect(s.brier).toBeCloseTo(0.1975, 12);
    expect(s.logScore).toBeCloseTo((Math.log(0.15) + Math.log(0.85) + 2 * Math.log(0.85)) / 4, 12);
    // Judged: (0.3 − 1)² = 0.49 against the model's 0.7225 (judged better); (0.675 − 1)² = 0.105625 against 0.0225 (model better).
    expect(s.judgedCount).toBe(2);
    expect(s.judgedBrier).toBeCloseTo((0.49 + 0.105625) / 2, 12);
    expect(s.modelBeatsJudged).toBe(1);
    const empty = summarize([]);
    expect(empty).toMatchObject({ count: 0, recordedBefore: 0, brier: null, logScore: null, judgedBrier: null, judgedCount: 0, modelBeatsJudged: 0, decomposition: null });
    expect(empty.calibration).toHaveLength(7);
  });
});
