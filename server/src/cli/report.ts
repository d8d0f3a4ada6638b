// `scenario report FILE [-o OUT] [--format html|markdown]` (LANGUAGE.md, More commands): the whole
// forecast as one document for readers without VS Code. HTML is common/report/html.ts (the file
// the extension's "Save Forecast Report (HTML)" writes); Markdown is exactly what `scenario
// forecast --format markdown` prints and "Copy as Markdown" copies. Without -o the document goes
// to stdout. A file with errors prints its diagnostics to stderr (never into the document) and
// exits 1; an unreadable file, or an output that cannot be written, exits 2.
import * as fs from 'node:fs';
import { buildReport, renderHtml, renderReport } from '../../../common/report';
import { textLine } from './check';
import { type CommandResult, type ForecastSettings, loadForecast } from './forecast';

export type ReportDocumentFormat = 'html' | 'markdown';
export const REPORT_DOCUMENT_FORMATS: readonly ReportDocumentFormat[] = ['html', 'markdown'];

export interface ReportCommandOptions extends ForecastSettings {
  format: ReportDocumentFormat;
  /** Where to write the document; stdout when absent. */
  output?: string;
  /** "Computed in …" in the method section (default true). */
  timing?: boolean;
  writeFile?: (file: string, data: string) => void;
}

export function runReport(file: string, options: ReportCommandOptions): CommandResult {
  const loaded = loadForecast(file, options);
  if (loaded.forecast === null) {
    const lines = loaded.diagnostics.map((r) => `${textLine(r)}\n`).join('');
    return { output: '', exitCode: loaded.exitCode, errorOutput: lines + loaded.errorOutput };
  }
  const report = buildReport(loaded.forecast, { file });
  const document = options.format === 'html' ? renderHtml(report, { timing: options.timing !== false }) : renderReport(report, 'markdown');
  const exitCode = loaded.problems ? 1 : 0;
  if (options.output === undefined) return { output: document, exitCode, errorOutput: loaded.problems };
  try {
    (options.writeFile ?? ((target, data) => fs.writeFileSync(target, data, 'utf8')))(options.output, document);
  } catch (e) {
    return { output: '', exitCode: 2, errorOutput: `${options.output}: error: cannot write the file (${(e as Error).message})\n` };
  }
  return { output: '', exitCode, errorOutput: loaded.problems };
}
