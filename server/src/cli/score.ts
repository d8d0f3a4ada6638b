// `scenario score PATH…` (LANGUAGE.md, More commands): the track record of every resolved factor,
// event and outcome in the files and folders given (folders recursively), each scored on its
// forecast of record (server/src/history/records.ts). Text (a table, the summary, calibration by
// ICD 203 phrase, the Murphy decomposition), Markdown, CSV, or LANGUAGE.md's JSON. Exit 0, also
// when nothing has resolved (the output says so) or a file was skipped (it is listed); 2 when no
// path is given or a path does not exist.
import { VersionCache } from '../history/cache';
import type { GitOptions } from '../history/git';
import type { ImportRoot } from '../model/imports/host';
import { scorePaths } from '../history/records';
import { describeError } from '../util/errors';
import type { TrackRecord } from '../../../common/scores';
import {
  appendProblems, trackRecordCsv, trackRecordJson, trackRecordMarkdown, trackRecordView,
} from '../../../common/report/trackRecord';
import { replaceControls } from '../../../common/text/controls';
import { displayWidth, padEnd, padStart, truncate } from '../../../common/text/terminal';
import type { CommandResult } from './forecast';

export type ScoreFormat = 'text' | 'markdown' | 'csv' | 'json';
export const SCORE_FORMATS: readonly ScoreFormat[] = ['text', 'markdown', 'csv', 'json'];

export interface ScoreCommandOptions {
  format: ScoreFormat;
  samples?: number;
  seed?: number;
  cache?: VersionCache;
  git?: GitOptions;
  concurrency?: number;
  /** The folder imports stay inside (`--root`); default: the repository's top folder. */
  root?: ImportRoot;
}

const oneLine = (s: string) => replaceControls(s.replace(/\s*[\r\n]+\s*/g, ' '));

export async function runScore(paths: string[], options: ScoreCommandOptions): Promise<CommandResult> {
  if (paths.length === 0) return { output: '', exitCode: 2, errorOutput: 'scenario score: name at least one .scenario file or folder\n' };
  let record: TrackRecord & { missing: string[] };
  try {
    record = await scorePaths(paths, {
      cache: options.cache ?? new VersionCache(), git: options.git, samples: options.samples, seed: options.seed,
      concurrency: options.concurrency, root: options.root,
    });
  } catch (e) {
    return { output: '', exitCode: 2, errorOutput: `scenario score: ${oneLine(describeError(e))}\n` };
  }
  if (record.missing.length > 0) {
    return { output: '', exitCode: 2, errorOutput: record.missing.map((p) => `scenario score: ${oneLine(p)}: no such file or folder\n`).join('') };
  }
  const { missing: _missing, ...result } = record;
  const output = options.format === 'json' ? `${JSON.stringify(trackRecordJson(result), null, 2)}\n`
    : options.format === 'csv' ? trackRecordCsv(result)
    : options.format === 'markdown' ? trackRecordMarkdown(result)
    : renderScoreText(result);
  return { output, exitCode: 0, errorOutput: '' };
}

/** The terminal's table: one row per question, then the summary, calibration and decomposition. */
export function renderScoreText(record: TrackRecord): string {
  const v = trackRecordView(record);
  const out: string[] = [];
  if (v.emptyText) {
    out.push(v.emptyText);
    appendProblems(record, out, oneLine);
    return `${out.join('\n')}\n`;
  }
  out.push(`Track record: ${v.headline}.`);
  if (v.recordedNote) out.push(v.recordedNote);
  out.push('');
  // One table, its rows under a line per file (a question is `name:line` in it).
  const columns: { title: string; right: boolean; cells: string[] }[] = [
    { title: 'question', right: false, cells: v.rows.map((r) => truncate(oneLine(`${r.question.name}:${r.question.line}`), 40)) },
    { title: 'kind', right: false, cells: v.rows.map((r) => r.question.kind) },
    { title: 'resolved', right: false, cells: v.rows.map((r) => r.resolvedText) },
    { title: 'forecast', right: true, cells: v.rows.map((r) => r.forecastText) },
    { title: 'judged', right: true, cells: v.rows.map((r) => r.judgedText) },
    { title: 'Brier', right: true, cells: v.rows.map((r) => r.brierText) },
    { title: 'log', right: true, cells: v.rows.map((r) => r.logText) },
    { title: 'daily Brier', right: true, cells: v.rows.map((r) => r.dailyText) },
    { title: 'forecast of record', right: false, cells: v.rows.map((r) => (r.libraryText ? `${r.recordText}, ${truncate(oneLine(r.libraryText), 60)}` : r.recordText)) },
  ];
  const widths = columns.map((c) => Math.max(displayWidth(c.title), ...c.cells.map(displayWidth)));
  const line = (cells: string[]) => `  ${cells.map((x, i) => (columns[i]!.right ? padStart(x, widths[i]!) : padEnd(x, widths[i]!))).join('  ')}`.trimEnd();
  out.push(line(columns.map((c) => c.title)));
  let file: string | null = null;
  v.rows.forEach((row, r) => {
    if (row.question.file !== file) {
      file = row.question.file;
      out.push(oneLine(file));
    }
    out.push(line(columns.map((c) => c.cells[r]!)));
  });
  const reasons = v.rows.filter((r) => r.question.reason);
  if (reasons.length > 0) {
    out.push('', 'Scored on the working file:');
    for (const r of reasons) out.push(`  ${oneLine(r.question.name)}: ${oneLine(r.question.reason!)}`);
  }
  out.push('', v.scoresText);
  if (v.judgedText) out.push(v.judgedText);
  out.push('', 'Calibration (by the ICD 203 phrase of the forecast):');
  const cal = [
    ['phrase', ...v.calibration.map((c) => c.row.phrase)],
    ['range', ...v.calibration.map((c) => c.rangeText)],
    ['questions', ...v.calibration.map((c) => c.countText)],
    ['forecast', ...v.calibration.map((c) => c.forecastText)],
    ['happened', ...v.calibration.map((c) => c.observedText)],
  ];
  const calWidths = cal.map((col) => Math.max(...col.map(displayWidth)));
  for (let r = 0; r <= v.calibration.length; r++) {
    out.push(`  ${cal.map((col, i) => (i === 0 || i === 1 ? padEnd(col[r]!, calWidths[i]!) : padStart(col[r]!, calWidths[i]!))).join('  ')}`.trimEnd());
  }
  for (const c of v.calibration) if (c.sentence) out.push(`  ${c.sentence}`);
  if (v.decompositionText) out.push('', `Murphy decomposition (ten equal bins): ${v.decompositionText}.`);
  const problems: string[] = [];
  appendProblems(record, problems, oneLine);
  if (problems.length > 0) out.push('', ...problems);
  return `${out.join('\n')}\n`;
}
