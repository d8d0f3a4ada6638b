// Validates every message the Track Record page receives, as the preview's validate.ts does:
// each field type checked, a clean copy with only the known fields returned; anything
// unexpected → null, and the page ignores it.
import type { CalibrationRow, Decomposition, ScoredQuestion, ScoreSummary, SkippedFile, TrackRecord } from '../../../common/scores';
import type { ToTrackRecordPage } from '../../../common/trackRecordMessages';
import {
  bool, fail, finite, Invalid, isoDate, list, nullable, oneOf, probability as fraction, record, text, whole as count,
} from '../validate';
import { changedImportsList } from '../validateHistory';

const THEMES = ['light', 'dark', 'high-contrast', 'high-contrast-light'] as const;
const KINDS = ['factor', 'event', 'outcome'] as const;

function question(v: unknown): ScoredQuestion {
  const q = record(v);
  const out: ScoredQuestion = {
    file: text(q.file), name: text(q.name, 1000), kind: oneOf(q.kind, KINDS), label: text(q.label), resolved: bool(q.resolved),
    date: isoDate(q.date), forecast: fraction(q.forecast), judged: nullable(q.judged, fraction),
    commit: nullable(q.commit, (x) => { const c = text(x, 64); if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(c)) fail(); return c; }),
    recordedAt: nullable(q.recordedAt, (x) => text(x, 40)), recordedBefore: bool(q.recordedBefore),
    brier: fraction(q.brier), logScore: finite(q.logScore), judgedBrier: nullable(q.judgedBrier, fraction),
    meanDailyBrier: nullable(q.meanDailyBrier, fraction), line: count(q.line),
  };
  if (q.reason !== undefined) out.reason = text(q.reason);
  // A commit of record that changed only imported files: checked as the History's versions are.
  if (q.changedImports !== undefined) out.changedImports = changedImportsList(q.changedImports);
  return out;
}

function calibrationRow(v: unknown): CalibrationRow {
  const c = record(v);
  if (!Array.isArray(c.range) || c.range.length !== 2) fail();
  return {
    phrase: text(c.phrase, 100), range: [fraction(c.range[0]), fraction(c.range[1])], count: count(c.count),
    meanForecast: nullable(c.meanForecast, fraction), observed: nullable(c.observed, fraction),
  };
}

function decomposition(v: unknown): Decomposition {
  const d = record(v);
  return { reliability: finite(d.reliability), resolution: finite(d.resolution), uncertainty: finite(d.uncertainty) };
}

function summary(v: unknown): ScoreSummary {
  const s = record(v);
  return {
    count: count(s.count), recordedBefore: count(s.recordedBefore), brier: nullable(s.brier, fraction), logScore: nullable(s.logScore, finite),
    judgedBrier: nullable(s.judgedBrier, fraction), judgedCount: count(s.judgedCount), modelBeatsJudged: count(s.modelBeatsJudged),
    calibration: list(s.calibration, calibrationRow), decomposition: nullable(s.decomposition, decomposition),
  };
}

function skipped(v: unknown): SkippedFile {
  const s = record(v);
  return { file: text(s.file), errors: count(s.errors), message: text(s.message) };
}

function trackRecord(v: unknown): TrackRecord {
  const r = record(v);
  return {
    questions: list(r.questions, question), summary: summary(r.summary), skipped: list(r.skipped, skipped),
    historyMissing: list(r.historyMissing, (x) => { const h = record(x); return { file: text(h.file), message: text(h.message) }; }),
    files: count(r.files),
  };
}

export function parseToTrackRecordPage(value: unknown): ToTrackRecordPage | null {
  try {
    const m = record(value);
    if (m.type === 'theme') return { type: 'theme', kind: oneOf(m.kind, THEMES) };
    if (m.type !== 'trackRecord') return null;
    const progress = nullable(m.progress, (x) => { const p = record(x); return { done: count(p.done), total: count(p.total) }; });
    return {
      type: 'trackRecord', title: text(m.title, 10_000), uris: list(m.uris, (x) => text(x, 4096)).slice(0, 100), loading: bool(m.loading), progress,
      record: nullable(m.record, trackRecord), notice: nullable(m.notice, (x) => text(x, 10_000)),
    };
  } catch (e) {
    if (e instanceof Invalid) return null;
    throw e;
  }
}
