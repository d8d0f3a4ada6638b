// Scores of resolved questions (LANGUAGE.md, More commands: `scenario score`), pure: no git, no
// clock, no files. Brier (p − y)²; the log score ln of the probability given to what happened,
// floored at ln 0.001; the mean daily Brier of the versions that stood before the resolution;
// calibration by ICD 203 phrase; the Murphy decomposition over ten equal bins; the model against
// the analyst's judged calls. records.ts finds the forecasts of record these score.
import { brierScore, type CalibrationRow, type Decomposition, type ScoreSummary } from '../../../common/scores';

export { brierScore };
import { PHRASES, phraseFor } from '../syntax/vocabulary';

/** The log score never goes below ln 0.001 (a forecast of 0 for what happened is not −∞). */
export const LOG_SCORE_FLOOR = Math.log(0.001);

/** Bins of the Murphy decomposition: ten equal ones, [0, 0.1), [0.1, 0.2), … [0.9, 1]. */
export const DECOMPOSITION_BINS = 10;


/** ln of the probability given to what happened, at least ln 0.001. */
export function logScore(p: number, resolved: boolean): number {
  const q = resolved ? p : 1 - p;
  return q > 0 ? Math.max(Math.log(q), LOG_SCORE_FLOOR) : LOG_SCORE_FLOOR;
}

/** The analyst's call as one number: the middle of a phrase's or a range's interval, or the point. */
export function judgedPoint(spec: { low: number; high: number }): number {
  return (spec.low + spec.high) / 2;
}

/** A committed version of the file: when it was committed, and its probability for the question (null when it had none). */
export interface StandingVersion {
  /** Commit time, milliseconds since the epoch. */
  time: number;
  probability: number | null;
}

/** D at 00:00 UTC, in milliseconds: "before D" means a commit time earlier than this. */
export function resolutionInstant(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/**
 * The mean daily Brier: each version's Brier weighted by how long it stood before `before` (D at
 * 00:00 UTC): from its commit time to the next version's, the last until D. Versions at or after
 * D do not count; a version without a probability for the question (it did not exist then, or
 * the version did not check) leaves its time out. Null when no time is left.
 */
export function meanDailyBrier(versions: readonly StandingVersion[], before: number, resolved: boolean): number | null {
  const standing = versions.filter((v) => Number.isFinite(v.time) && v.time < before).sort((a, b) => a.time - b.time);
  let weighted = 0;
  let total = 0;
  for (let i = 0; i < standing.length; i++) {
    const v = standing[i]!;
    const until = i + 1 < standing.length ? standing[i + 1]!.time : before;
    const span = until - v.time;
    if (v.probability === null || !(span > 0)) continue;
    weighted += span * brierScore(v.probability, resolved);
    total += span;
  }
  return total > 0 ? weighted / total : null;
}

/** What the summary needs of a question. */
export interface ScoredForSummary {
  forecast: number;
  resolved: boolean;
  judged: number | null;
  recordedBefore: boolean;
}

const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * One row per ICD 203 phrase, all seven in order: the questions whose forecast reads as that
 * phrase (phraseFor, as everywhere else), their mean forecast and how many resolved yes.
 */
export function calibration(questions: readonly ScoredForSummary[]): CalibrationRow[] {
  return PHRASES.map((row) => {
    const mine = questions.filter((q) => phraseFor(q.forecast).phrase === row.phrase);
    return {
      phrase: row.phrase,
      range: [row.low, row.high],
      count: mine.length,
      meanForecast: mean(mine.map((q) => q.forecast)),
      observed: mean(mine.map((q) => (q.resolved ? 1 : 0))),
    };
  });
}

/**
 * Murphy's decomposition of the Brier score over ten equal bins of the forecast:
 * reliability Σ n_k (f̄_k − ō_k)² / N, resolution Σ n_k (ō_k − ō)² / N, uncertainty ō(1 − ō).
 * Brier = reliability − resolution + uncertainty when the forecasts within each bin are equal.
 */
export function murphyDecomposition(questions: readonly ScoredForSummary[]): Decomposition | null {
  const n = questions.length;
  if (n === 0) return null;
  const base = questions.filter((q) => q.resolved).length / n;
  const bins = Array.from({ length: DECOMPOSITION_BINS }, () => ({ n: 0, forecast: 0, yes: 0 }));
  for (const q of questions) {
    const bin = bins[Math.min(DECOMPOSITION_BINS - 1, Math.max(0, Math.floor(q.forecast * DECOMPOSITION_BINS)))]!;
    bin.n++;
    bin.forecast += q.forecast;
    bin.yes += q.resolved ? 1 : 0;
  }
  let reliability = 0;
  let resolution = 0;
  for (const b of bins) {
    if (b.n === 0) continue;
    const f = b.forecast / b.n;
    const o = b.yes / b.n;
    reliability += b.n * (f - o) ** 2;
    resolution += b.n * (o - base) ** 2;
  }
  return { reliability: reliability / n, resolution: resolution / n, uncertainty: base * (1 - base) };
}

/** The summary over every question (LANGUAGE.md): counts, mean scores, judged calls, calibration, decomposition. */
export function summarize(questions: readonly ScoredForSummary[]): ScoreSummary {
  const judged = questions.filter((q): q is ScoredForSummary & { judged: number } => q.judged !== null);
  return {
    count: questions.length,
    recordedBefore: questions.filter((q) => q.recordedBefore).length,
    brier: mean(questions.map((q) => brierScore(q.forecast, q.resolved))),
    logScore: mean(questions.map((q) => logScore(q.forecast, q.resolved))),
    judgedBrier: mean(judged.map((q) => brierScore(q.judged, q.resolved))),
    judgedCount: judged.length,
    modelBeatsJudged: judged.filter((q) => brierScore(q.forecast, q.resolved) < brierScore(q.judged, q.resolved)).length,
    calibration: calibration(questions),
    decomposition: murphyDecomposition(questions),
  };
}
