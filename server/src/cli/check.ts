// `scenario check FILE…` (LANGUAGE.md): one line per diagnostic, `FILE:LINE:COL: SEVERITY CODE: message`
// (1-based), or `--format json`; drafts in prose (.md, .txt) are checked against their model; exit 1 when any error, else 0; 2 for no file or an unreadable one.
// Folders are checked recursively. Imports are read from the disk inside `--root` (cli/imports.ts):
// every file read is reported once, those given first in their order, then the files they import
// (a library two files import is one file); a library's factor that drives an outcome of a file
// importing it is not `unused`.
import * as fs from 'node:fs';
import { analyzeSource, type JudgmentForecast } from '../analysis/analyzeSource';
import type { ModelFile } from '../analysis/importGraph';
import type { Diagnostic, Severity } from '../model/diagnostics';
import { scenarioFiles } from '../history/records';
import { cliImports } from './imports';
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

export interface CheckOptions {
  /** The folder imports stay inside (`--root`; default: the current directory). */
  root?: string;
}

export function runCheck(
  paths: string[],
  format: CheckFormat,
  readFile: (file: string, encoding: 'utf8') => string = fs.readFileSync,
  /** The forecast the `judgment` check compares with (the CLI computes one; tests may leave it out). */
  forecast: JudgmentForecast = null,
  /** Today as an ISO date, for `resolution-future`. */
  today: string = todayIso(),
  options: CheckOptions = {},
): CheckResult {
  if (paths.length === 0) {
    return { output: '', exitCode: 2, errorOutput: 'scenario check: name at least one .scenario file\n' };
  }
  const unreadable: string[] = [];
  const imports = cliImports(options.root, today);
  // In the order given: a draft's records, or a model file (read as given; the graph reads what it imports).
  const given: ({ records: CheckRecord[] } | { file: string; real: string })[] = [];
  for (const file of expandFolders(paths)) {
    let text: string;
    try {
      text = readFile(file, 'utf8');
    } catch (e) {
      unreadable.push(`${file}: error: cannot read the file (${(e as Error).message})`);
      continue;
    }
    if (isProseFile(file)) {
      // A draft in prose (LANGUAGE.md, "Drafts in prose"), checked against the model it names.
      const draft = checkDraftText(file, text, readFile, forecast, options.root);
      if (draft.problem) unreadable.push(draft.problem);
      given.push({ records: draft.records });
      continue;
    }
    const real = imports.add(file, text);
    if (!given.some((g) => 'real' in g && g.real === real)) given.push({ file, real });
  }
  const checked = new Set<string>();
  const slots: ({ records: CheckRecord[] } | { file: string; model: ModelFile })[] = [];
  for (const g of given) {
    if ('records' in g) {
      slots.push(g);
      continue;
    }
    const model = imports.graph.file(g.real);
    if (!('analysis' in model)) unreadable.push(`${g.file}: error: cannot read the file (${model.problem})`);
    else {
      slots.push({ file: g.file, model });
      checked.add(model.path);
    }
  }
  // Then every file they import that was not given, each once.
  for (const model of imports.graph.files()) {
    if (!checked.has(model.path)) slots.push({ file: imports.display(model.path), model });
    checked.add(model.path);
  }
  const driven = imports.graph.drivenElsewhere();
  const records: CheckRecord[] = [];
  for (const slot of slots) {
    records.push(...('records' in slot ? slot.records : modelRecords(slot.file, slot.model, driven.get(slot.model.path), forecast, today)));
  }
  const output = format === 'json'
    ? `${JSON.stringify(records, null, 2)}\n`
    : records.map(textLine).map((l) => `${l}\n`).join('');
  const exitCode = unreadable.length > 0 ? 2 : records.some((r) => r.severity === 'error') ? 1 : 0;
  return { output, exitCode, errorOutput: unreadable.map((l) => `${l}\n`).join('') };
}

/**
 * A model file's diagnostics with the forecast's checks (as its graph analysed it); a factor that
 * drives an outcome of a file importing it (`driven`) is not `unused`.
 */
function modelRecords(file: string, model: ModelFile, driven: ReadonlySet<string> | undefined, forecast: JudgmentForecast, today: string): CheckRecord[] {
  const { diagnostics } = analyzeSource({ text: model.text, document: model.analysis.document, imports: model.context, today }, forecast);
  const kept = driven === undefined ? diagnostics
    : diagnostics.filter((d) => !(d.code === 'unused' && driven.has(model.text.slice(d.span.start, d.span.end))));
  return checkRecords(file, model.text, kept);
}

/** The paths given, folders replaced by the .scenario files inside them (recursively, sorted). */
function expandFolders(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let folder = false;
    try {
      folder = fs.statSync(p).isDirectory();
    } catch {
      // not there: reading it says so
    }
    out.push(...(folder ? scenarioFiles([p]).files : [p]));
  }
  return out;
}

/** The diagnostics of one file's text as records, sorted by position (the text checked on its own: no imports read). */
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
