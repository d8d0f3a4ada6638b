// The track record (LANGUAGE.md, More commands: `scenario score`): every resolved factor, event
// and outcome with the forecast of record and its scores, and the summary over them. The JSON of
// `scenario score --format json` is this object; the server sends the same to the extension's
// Track Record page. Probabilities are fractions.

export type QuestionKind = 'factor' | 'event' | 'outcome';

/** (p − y)², y 1 when the question resolved yes. */
export function brierScore(p: number, resolved: boolean): number {
  const d = p - (resolved ? 1 : 0);
  return d * d;
}

export interface ScoredQuestion {
  /** The file as given on the command line (or relative to the folder scored). */
  file: string;
  name: string;
  kind: QuestionKind;
  label: string;
  /** How it turned out: `resolved yes` (true) or `resolved no`. */
  resolved: boolean;
  /** The day it resolved (ISO), D. */
  date: string;
  /** The model's probability in the forecast of record. */
  forecast: number;
  /** The analyst's own call in the forecast of record (the middle of its phrase or range, or its point); null without one. */
  judged: number | null;
  /** The commit of record: the file's last commit before D at 00:00 UTC; null when none could be used. */
  commit: string | null;
  /** That commit's committer date (ISO 8601 with its offset). */
  recordedAt: string | null;
  /** False when the working file was scored instead (no usable commit before D); `reason` says why. */
  recordedBefore: boolean;
  brier: number;
  logScore: number;
  judgedBrier: number | null;
  /** The Brier of every committed version that stood before D, weighted by how long it stood; null without one. */
  meanDailyBrier: number | null;
  /** 1-based line of the declaration in the working file (the Track Record page links to it). */
  line: number;
  /** Why the working file was scored (recordedBefore false). */
  reason?: string;
  /**
   * Set when the commit of record changed only files the file imports, not the file itself (a
   * library commit; common/history.ts's HistoryEntry has the same): those files, relative to the
   * file's folder, with `/` (`lib/base.scenario`).
   */
  changedImports?: string[];
}

export interface CalibrationRow {
  phrase: string;
  range: [number, number];
  count: number;
  /** Null when no forecast had this phrase. */
  meanForecast: number | null;
  observed: number | null;
}

export interface Decomposition {
  reliability: number;
  resolution: number;
  uncertainty: number;
}

export interface ScoreSummary {
  count: number;
  /** Questions forecast before they resolved (a commit of record). */
  recordedBefore: number;
  /** Means over every question; null when there are none. */
  brier: number | null;
  logScore: number | null;
  /** Mean over the `judgedCount` questions with a judged call; null when none has one. */
  judgedBrier: number | null;
  judgedCount: number;
  /** Of those, how many the model's Brier is lower on. */
  modelBeatsJudged: number;
  calibration: CalibrationRow[];
  decomposition: Decomposition | null;
}

/** A file that was not scored: it does not check (its error count), or could not be read. */
export interface SkippedFile {
  file: string;
  errors: number;
  message: string;
}

export interface TrackRecord {
  questions: ScoredQuestion[];
  summary: ScoreSummary;
  /** Files listed but not scored, never silently dropped. */
  skipped: SkippedFile[];
  /** Files whose git history is missing (not in a repository, a shallow clone), with why. */
  historyMissing: { file: string; message: string }[];
  /** How many .scenario files were read. */
  files: number;
}
