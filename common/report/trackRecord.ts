// The track record as people read it: one view model (every number formatted once, through
// scores.ts and common/text/numbers.ts) that the CLI's text, Markdown and CSV, and the Track
// Record page all show; and the JSON of `scenario score` (LANGUAGE.md), rounded as the forecast's
// JSON is (fractions and scores to 6 decimals). Text from files (labels, names, paths) stays text:
// the renderers escape it for their format.
import { changedImportsText } from '../history';
import type { CalibrationRow, ScoredQuestion, TrackRecord } from '../scores';
import { csvText } from '../text/csv';
import { escapeMarkdown } from '../text/markdown';
import { formatCount, formatPercent, formatWrittenRange, round } from '../text/numbers';
import { formatLogScore, formatScore } from './scores';

export interface TrackRecordRow {
  question: ScoredQuestion;
  /** "yes, 2025-11-02" */
  resolvedText: string;
  forecastText: string;
  judgedText: string;
  brierText: string;
  logText: string;
  dailyText: string;
  /** "a1b2c3d4 2025-10-30", or "working file" (with the reason beside it). */
  recordText: string;
  /** "library lib/base.scenario changed" when the commit of record changed only imported files, else null (file text). */
  libraryText: string | null;
}

export interface CalibrationView {
  row: CalibrationRow;
  rangeText: string;
  countText: string;
  forecastText: string;
  observedText: string;
  /** "Of the 4 questions forecast as likely, 75% happened." or null for an empty row. */
  sentence: string | null;
}

export interface TrackRecordView {
  rows: TrackRecordRow[];
  calibration: CalibrationView[];
  /** "5 resolved questions in 3 files" */
  headline: string;
  /** "4 of 5 were forecast before they resolved; 1 is scored on its working file." or null when all were. */
  recordedNote: string | null;
  /** "Brier 0.1234, log score −0.456 (mean over 5 questions)" */
  scoresText: string;
  /** "Judged calls: Brier 0.1500 over 3; the model did better on 2 of 3." or null without judged calls. */
  judgedText: string | null;
  /** "reliability 0.0123, resolution 0.0456, uncertainty 0.2400" or null. */
  decompositionText: string | null;
  /** "No resolved questions in 2 files." when empty, else null. */
  emptyText: string | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

export function trackRecordView(record: TrackRecord): TrackRecordView {
  const s = record.summary;
  const rows = record.questions.map((q): TrackRecordRow => ({
    question: q,
    resolvedText: `${q.resolved ? 'yes' : 'no'}, ${q.date}`,
    forecastText: formatPercent(q.forecast),
    judgedText: q.judged === null ? '—' : formatPercent(q.judged),
    brierText: formatScore(q.brier),
    logText: formatLogScore(q.logScore),
    dailyText: formatScore(q.meanDailyBrier),
    recordText: q.recordedBefore && q.commit ? `${q.commit.slice(0, 8)} ${(q.recordedAt ?? '').slice(0, 10)}` : 'working file',
    libraryText: q.recordedBefore && q.changedImports?.length ? changedImportsText(q.changedImports) : null,
  }));
  const calibration = s.calibration.map((row): CalibrationView => ({
    row,
    rangeText: formatWrittenRange(row.range[0], row.range[1]),
    countText: formatCount(row.count),
    forecastText: row.meanForecast === null ? '—' : formatPercent(row.meanForecast),
    observedText: row.observed === null ? '—' : formatPercent(row.observed),
    sentence: row.count === 0 || row.observed === null ? null
      : `Of the ${plural(row.count, 'question')} forecast as ${row.phrase}, ${formatPercent(row.observed)} happened.`,
  }));
  const files = new Set(record.questions.map((q) => q.file)).size;
  const notRecorded = s.count - s.recordedBefore;
  return {
    rows,
    calibration,
    headline: `${plural(s.count, 'resolved question')} in ${plural(files, 'file')}`,
    recordedNote: notRecorded === 0 ? null
      : `${formatCount(s.recordedBefore)} of ${formatCount(s.count)} were forecast before they resolved; ` +
        `${plural(notRecorded, 'question')} ${notRecorded === 1 ? 'is' : 'are'} scored on the working file (no commit of record).`,
    scoresText: s.count === 0 ? 'No scores: nothing has resolved.'
      : `Brier ${formatScore(s.brier)}, log score ${formatLogScore(s.logScore)} (means over ${plural(s.count, 'question')}; Brier 0 is perfect, 0.25 is always saying 50%).`,
    judgedText: s.judgedCount === 0 ? null
      : `Judged calls: Brier ${formatScore(s.judgedBrier)} over ${plural(s.judgedCount, 'question')} with a judged call; ` +
        `the model did better on ${formatCount(s.modelBeatsJudged)} of ${formatCount(s.judgedCount)}.`,
    decompositionText: s.decomposition === null ? null
      : `reliability ${formatScore(s.decomposition.reliability)}, resolution ${formatScore(s.decomposition.resolution)}, ` +
        `uncertainty ${formatScore(s.decomposition.uncertainty)}`,
    emptyText: s.count === 0 ? `No resolved questions in ${plural(record.files, 'file')}: add a \`resolved yes|no on DATE\` line once a question has turned out.` : null,
  };
}

// ---- JSON ---------------------------------------------------------------------------------------

const r6 = (x: number | null) => (x === null ? null : round(x, 6));

/** LANGUAGE.md's JSON: questions and summary in the contract's field order, then what was skipped. */
export function trackRecordJson(record: TrackRecord): Record<string, unknown> {
  const s = record.summary;
  return {
    questions: record.questions.map((q) => ({
      file: q.file, name: q.name, kind: q.kind, label: q.label, resolved: q.resolved, date: q.date,
      forecast: r6(q.forecast), judged: r6(q.judged), commit: q.commit, recordedAt: q.recordedAt,
      recordedBefore: q.recordedBefore, brier: r6(q.brier), logScore: r6(q.logScore), judgedBrier: r6(q.judgedBrier),
      meanDailyBrier: r6(q.meanDailyBrier), line: q.line, ...(q.reason !== undefined ? { reason: q.reason } : {}),
      ...(q.changedImports !== undefined ? { changedImports: q.changedImports } : {}),
    })),
    summary: {
      count: s.count, recordedBefore: s.recordedBefore, brier: r6(s.brier), logScore: r6(s.logScore),
      judgedBrier: r6(s.judgedBrier), judgedCount: s.judgedCount, modelBeatsJudged: s.modelBeatsJudged,
      calibration: s.calibration.map((c) => ({
        phrase: c.phrase, range: [r6(c.range[0]), r6(c.range[1])], count: c.count, meanForecast: r6(c.meanForecast), observed: r6(c.observed),
      })),
      decomposition: s.decomposition === null ? null : {
        reliability: r6(s.decomposition.reliability), resolution: r6(s.decomposition.resolution), uncertainty: r6(s.decomposition.uncertainty),
      },
    },
    skipped: record.skipped,
    historyMissing: record.historyMissing,
    files: record.files,
  };
}

// ---- CSV ----------------------------------------------------------------------------------------

export const TRACK_RECORD_CSV_COLUMNS = [
  'file', 'name', 'kind', 'label', 'resolved', 'date', 'forecast', 'judged', 'commit', 'recorded_at', 'recorded_before',
  'brier', 'log_score', 'judged_brier', 'mean_daily_brier', 'reason', 'changed_imports',
] as const;

/** One row per question (RFC 4180, CRLF), fractions and scores with 6 decimals, text through csvText; a library commit's files joined by `; `. */
export function trackRecordCsv(record: TrackRecord): string {
  const cell = (v: string | number | boolean | null): string =>
    v === null ? '' : typeof v === 'number' ? String(round(v, 6)) : typeof v === 'boolean' ? String(v) : csvText(v);
  const lines = [TRACK_RECORD_CSV_COLUMNS.join(',')];
  for (const q of record.questions) {
    lines.push([
      q.file, q.name, q.kind, q.label, q.resolved ? 'yes' : 'no', q.date, q.forecast, q.judged, q.commit, q.recordedAt, q.recordedBefore,
      q.brier, q.logScore, q.judgedBrier, q.meanDailyBrier, q.reason ?? null, q.changedImports?.join('; ') ?? null,
    ].map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

// ---- Markdown -----------------------------------------------------------------------------------

export function trackRecordMarkdown(record: TrackRecord): string {
  const v = trackRecordView(record);
  const md = escapeMarkdown;
  const out = ['## Track record', ''];
  if (v.emptyText) out.push(md(v.emptyText), '');
  else {
    out.push(`${md(v.headline)}. ${md(v.scoresText)}`, '');
    if (v.recordedNote) out.push(`*${md(v.recordedNote)}*`, '');
    if (v.judgedText) out.push(md(v.judgedText), '');
    out.push('| Question | Kind | Resolved | Forecast | Judged | Brier | Log score | Mean daily Brier | Forecast of record |');
    out.push('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const r of v.rows) {
      const q = r.question;
      const library = r.libraryText ? `, ${md(r.libraryText)}` : '';
      const record = q.recordedBefore ? `\`${r.recordText.split(' ')[0]}\` ${r.recordText.split(' ')[1] ?? ''}${library}` : `working file (${md(q.reason ?? '')})`;
      out.push(`| ${md(q.label)} (\`${md(q.name)}\`, ${md(q.file)}:${q.line}) | ${q.kind} | ${r.resolvedText} | ${r.forecastText} | ${r.judgedText} | ${r.brierText} | ${r.logText} | ${r.dailyText} | ${record} |`);
    }
    out.push('', '### Calibration', '', '| Phrase of the forecast | Range | Questions | Mean forecast | Happened |', '| --- | --- | ---: | ---: | ---: |');
    for (const c of v.calibration) out.push(`| ${c.row.phrase} | ${c.rangeText} | ${c.countText} | ${c.forecastText} | ${c.observedText} |`);
    if (v.decompositionText) out.push('', `Murphy decomposition (ten equal bins): ${v.decompositionText}.`);
    out.push('');
  }
  appendProblems(record, out, (s) => md(s));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** Skipped files and missing history, one line each. */
export function appendProblems(record: TrackRecord, out: string[], safe: (s: string) => string): void {
  for (const s of record.skipped) out.push(`Skipped ${safe(s.file)}: ${safe(s.message)}`);
  for (const h of record.historyMissing) out.push(`History missing for ${safe(h.file)}: ${safe(h.message)}`);
}
