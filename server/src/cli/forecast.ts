// `scenario forecast FILE`: analyse, forecast, render the report (common/report, the same
// renderers as the preview's copy and save commands). A file with errors prints its diagnostics
// (check's formats) instead of numbers and exits 1; an unreadable file exits 2.
import * as fs from 'node:fs';
import { forecast } from '../engine/forecast';
import type { Forecast } from '../../../common/forecast';
import { buildReport, renderReport, REPORT_FORMATS, type ReportFormat } from '../../../common/report';
import { analyzeSource } from '../analysis/analyzeSource';
import { checkRecords, textLine } from './check';

export type ForecastFormat = ReportFormat;
export const FORECAST_FORMATS: readonly ForecastFormat[] = REPORT_FORMATS;

export interface ForecastCommandOptions {
  format: ForecastFormat;
  samples?: number;
  seed?: number;
  /** Include elapsedMs / "Computed in …" (default true). */
  timing?: boolean;
  /** ANSI colour in the text format. */
  color?: boolean;
  readFile?: (file: string, encoding: 'utf8') => string;
}

export interface CommandResult {
  output: string;
  exitCode: 0 | 1 | 2;
  errorOutput: string;
}

export function runForecast(file: string, options: ForecastCommandOptions): CommandResult {
  const readFile = options.readFile ?? fs.readFileSync;
  let text: string;
  try {
    text = readFile(file, 'utf8');
  } catch (e) {
    return { output: '', exitCode: 2, errorOutput: `${file}: error: cannot read the file (${(e as Error).message})\n` };
  }
  // One analysis, as `scenario check` makes it: its forecast is the file's when the file has no
  // errors; with errors it only checks the judged calls, and the diagnostics are printed instead.
  let result: Forecast | null = null;
  let analysis: ReturnType<typeof analyzeSource>;
  try {
    analysis = analyzeSource({ text }, (model) => (result = forecast(model, { samples: options.samples, seed: options.seed })));
  } catch (e) {
    return { output: '', exitCode: 2, errorOutput: `${file}: error: ${(e as Error).message}\n` };
  }
  if (analysis.model.hasErrors) {
    const records = checkRecords(file, text, analysis.diagnostics);
    const output = options.format === 'json'
      ? `${JSON.stringify(records, null, 2)}\n`
      : records.map((r) => `${textLine(r)}\n`).join('');
    const count = records.filter((r) => r.severity === 'error').length;
    return {
      output,
      exitCode: 1,
      errorOutput: `${file}: ${count} error${count === 1 ? '' : 's'}; fix ${count === 1 ? 'it' : 'them'} to get a forecast\n`,
    };
  }
  try {
    // A file without outcomes is not forecast by the analysis; its report still lists its inputs.
    result ??= forecast(analysis.model, { samples: options.samples, seed: options.seed });
  } catch (e) {
    return { output: '', exitCode: 2, errorOutput: `${file}: error: ${(e as Error).message}\n` };
  }
  // The report titles an untitled file by its base name and names the file in the JSON.
  const output = renderReport(buildReport(result, { file }), options.format, {
    color: options.color === true, timing: options.timing,
  });
  return { output, exitCode: 0, errorOutput: '' };
}
