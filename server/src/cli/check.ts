// `scenario check FILE…` (LANGUAGE.md): one line per diagnostic, `FILE:LINE:COL: SEVERITY CODE: message`
// (1-based), or `--format json`; drafts in prose (.md, .txt) are checked against their model; exit 1 when any error, else 0; 2 for no file or an unreadable one.
import * as fs from 'node:fs';
import { analyzeSource, type JudgmentForecast } from '../analysis/analyzeSource';
import type { Diagnostic, Severity } from '../model/diagnostics';
import { LineIndex } from '../syntax/lines';
import { replaceControls as terminalSafe } from '../../../common/text/controls';
import { todayIso } from '../../../common/text/dates';
import { isProseFile } from '../prose/check';
import { checkDraftText } from './proseCheck';

export type CheckFormat = 'text' | 'json';

/** One diagnostic as the JSON output carries it (1-based; the end is exclusive). */
export interface CheckRecord {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: SeverityWord;
  code: string;
  message: string;
}

export type SeverityWord = 'error' | 'warning' | 'info' | 'hint';

export interface CheckResult {
  /** For stdout. */
  output: string;
  exitCode: 0 | 1 | 2;
  /** For stderr: files that could not be read (the JSON output stays a valid array). */
  errorOutput: string;
}

const WORD: Record<Severity, SeverityWord> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

export function runCheck(
  files: string[],
  format: CheckFormat,
  readFile: (file: string, encoding: 'utf8') => string = fs.readFileSync,
  /** The forecast the `judgment` check compares with (the CLI computes one; tests may leave it out). */
  forecast: JudgmentForecast = null,
  /** Today as an ISO date, for `resolution-future`. */
  today: string = todayIso(),
): CheckResult {
  if (files.length === 0) {
    return { output: '', exitCode: 2, errorOutput: 'scenario check: name at least one .scenario file\n' };
  }
  const records: CheckRecord[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFile(file, 'utf8');
    } catch (e) {
      unreadable.push(`${file}: error: cannot read the file (${(e as Error).message})`);
      continue;
    }
    if (isProseFile(file)) {
      // A draft in prose (LANGUAGE.md, "Drafts in prose"), checked against the model it names.
      const draft = checkDraftText(file, text, readFile, forecast);
      if (draft.problem) unreadable.push(draft.problem);
      records.push(...draft.records);
      continue;
    }
    records.push(...checkText(file, text, forecast, today));
  }
  const output = format === 'json'
    ? `${JSON.stringify(records, null, 2)}\n`
    : records.map(textLine).map((l) => `${l}\n`).join('');
  const exitCode = unreadable.length > 0 ? 2 : records.some((r) => r.severity === 'error') ? 1 : 0;
  return { output, exitCode, errorOutput: unreadable.map((l) => `${l}\n`).join('') };
}

/** The diagnostics of one file's text as records, sorted by position. */
export function checkText(file: string, text: string, forecast: JudgmentForecast = null, today: string = todayIso()): CheckRecord[] {
  return checkRecords(file, text, analyzeSource({ text, today }, forecast).diagnostics);
}

/** Diagnostics of a text as records (1-based, end exclusive). */
export function checkRecords(file: string, text: string, diagnostics: readonly Diagnostic[]): CheckRecord[] {
  const lines = new LineIndex(text);
  return diagnostics.map((d) => {
    const start = lines.positionAt(d.span.start);
    const end = lines.positionAt(d.span.end);
    return {
      file,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: WORD[d.severity],
      code: d.code,
      message: d.message,
    };
  });
}

export function textLine(r: CheckRecord): string {
  // One diagnostic, one line, whatever the message holds; messages may quote file text, so no
  // control or bidi character reaches the terminal.
  const message = terminalSafe(r.message.replace(/\s*[\r\n]+\s*/g, ' '));
  return `${r.file}:${r.line}:${r.column}: ${r.severity} ${r.code}: ${message}`;
}
