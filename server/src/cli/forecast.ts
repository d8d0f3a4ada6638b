// `scenario forecast FILE`: analyse, forecast, render the report (common/report, the same
// renderers as the preview's copy and save commands). A file with errors prints its diagnostics
// (check's formats) instead of numbers and exits 1; an error only the forecast finds (an
// observation that cannot happen) is printed on stderr beside the numbers, and exits 1 too; an
// unreadable file exits 2. Imports are read from the disk inside `--root` (cli/imports.ts); an
// imported file's errors are printed with the file's own, and imported declarations carry their
// file as `origin` in the JSON.
import * as fs from 'node:fs';
import { forecast } from '../engine/forecast';
import type { Forecast } from '../../../common/forecast';
import { buildReport, renderReport, REPORT_FORMATS, type ReportFormat } from '../../../common/report';
import { analyzeSource } from '../analysis/analyzeSource';
import { withOrigins } from '../analysis/origins';
import { checkRecords, textLine, type CheckRecord } from './check';
import { cliImports } from './imports';
import { controlledRun, type RunControl } from './runControl';

export type ForecastFormat = ReportFormat;
export const FORECAST_FORMATS: readonly ForecastFormat[] = REPORT_FORMATS;

export interface ForecastCommandOptions extends ForecastSettings {
  format: ForecastFormat;
  /** Include elapsedMs / "Computed in …" (default true). */
  timing?: boolean;
  /** ANSI colour in the text format. */
  color?: boolean;
}

export interface CommandResult {
  output: string;
  exitCode: 0 | 1 | 2;
  errorOutput: string;
}

export interface ForecastSettings {
  samples?: number;
  seed?: number;
  readFile?: (file: string, encoding: 'utf8') => string;
  /** The folder imports stay inside (`--root`; default: the current directory). */
  root?: string;
  /** --time-limit, and where a long forecast tells how far it has got. */
  control?: RunControl;
}

/**
 * A file's forecast, or why there is none: its diagnostics (exit 1) or a one-line error (exit 2).
 * Errors found by the forecast itself (`observe-impossible`: the rest of the file is forecast)
 * come with the forecast, as `problems` (text lines for stderr), and make the command exit 1.
 */
export type LoadedForecast =
  | { forecast: Forecast; problems: string }
  | { forecast: null; exitCode: 1 | 2; diagnostics: CheckRecord[]; errorOutput: string };

/** Reads, analyses and forecasts a file, as `scenario check` analyses it. */
export function loadForecast(file: string, options: ForecastSettings): LoadedForecast {
  const readFile = options.readFile ?? fs.readFileSync;
  const failed = (message: string): LoadedForecast => ({ forecast: null, exitCode: 2, diagnostics: [], errorOutput: `${file}: error: ${message}\n` });
  let text: string;
  try {
    text = readFile(file, 'utf8');
  } catch (e) {
    return failed(`cannot read the file (${(e as Error).message})`);
  }
  // One analysis, as `scenario check` makes it: its forecast is the file's when the file has no
  // errors; with errors it only checks the judged calls, and the diagnostics are printed instead.
  let result: Forecast | null = null;
  let analysis: ReturnType<typeof analyzeSource>;
  const run = controlledRun(options.control);
  const engine = { samples: options.samples, seed: options.seed, ...run.options };
  const stopped = (e: unknown) => {
    const why = run.stoppedBecause(e);
    return why === null ? failed((e as Error).message) : failed(why);
  };
  const imports = cliImports(options.root);
  let real: string;
  try {
    real = imports.add(file, text);
    const read = imports.graph.file(real);
    if (!('analysis' in read)) return failed(`cannot read the file (${read.problem})`);
    analysis = analyzeSource({ text, document: read.analysis.document, imports: read.context },
      (model) => (result = forecast(model, engine)));
  } catch (e) {
    return stopped(e);
  }
  if (analysis.model.hasErrors) {
    // The errors of the files it imports too: its own only say that an import has errors.
    const imported = imports.graph.files().filter((f) => f.path !== real).flatMap((f) =>
      checkRecords(imports.display(f.path), f.text, f.analysis.diagnostics.filter((d) => d.severity === 'error')));
    const diagnostics = [...checkRecords(file, text, analysis.diagnostics), ...imported];
    const count = diagnostics.filter((r) => r.severity === 'error').length;
    return {
      forecast: null, exitCode: 1, diagnostics,
      errorOutput: `${file}: ${count} error${count === 1 ? '' : 's'}; fix ${count === 1 ? 'it' : 'them'} to get a forecast\n`,
    };
  }
  const problems = checkRecords(file, text, analysis.diagnostics).filter((r) => r.severity === 'error')
    .map((r) => `${textLine(r)}\n`).join('');
  try {
    // A file without outcomes is not forecast by the analysis; its report still lists its inputs.
    const computed = result ?? forecast(analysis.model, engine);
    return { forecast: withOrigins(computed, analysis.model, real), problems };
  } catch (e) {
    return stopped(e);
  }
}

export function runForecast(file: string, options: ForecastCommandOptions): CommandResult {
  const loaded = loadForecast(file, options);
  if (loaded.forecast === null) {
    const records = loaded.diagnostics;
    const output = records.length === 0 ? ''
      : options.format === 'json' ? `${JSON.stringify(records, null, 2)}\n` : records.map((r) => `${textLine(r)}\n`).join('');
    return { output, exitCode: loaded.exitCode, errorOutput: loaded.errorOutput };
  }
  // The report titles an untitled file by its base name and names the file in the JSON.
  const output = renderReport(buildReport(loaded.forecast, { file }), options.format, {
    color: options.color === true, timing: options.timing,
  });
  return { output, exitCode: loaded.problems ? 1 : 0, errorOutput: loaded.problems };
}
