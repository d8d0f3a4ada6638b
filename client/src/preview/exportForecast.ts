// Exports of a document's forecast: Markdown or the key judgments to the clipboard, JSON, CSV or
// the standalone HTML report to a file the user picks. The forecast is the one the preview shows,
// or else the server's latest. The text comes from the same report renderers as `scenario forecast
// --format markdown|json|csv` and `scenario report` (common/report), so an export is byte for byte
// what the CLI prints for the same forecast, with the file named by its workspace-relative path.
import * as vscode from 'vscode';
import { posix } from 'node:path';
import type { Forecast } from '../../../common/forecast';
import { buildReport, keyJudgmentsText, renderHtml, renderReport, type ReportFormat } from '../../../common/report';
import type { ForecastResult } from './forecastState';

export type SaveFormat = 'json' | 'csv' | 'html';
export type ExportFormat = Exclude<ReportFormat, 'text'> | 'html';

const SAVE_FILTERS: Record<SaveFormat, Record<string, string[]>> = { json: { JSON: ['json'] }, csv: { CSV: ['csv'] }, html: { HTML: ['html'] } };

export interface ForecastLookup {
  /** The forecast shown in a preview of the document, if one is open. */
  shown(uri: vscode.Uri): ForecastResult | undefined;
  request(uri: vscode.Uri): Promise<ForecastResult>;
}

/** The export of a forecast; `file` is how the report names the file (the JSON `file` field). */
export function exportText(forecast: Forecast, format: ExportFormat, file: string): string {
  const report = buildReport(forecast, { file });
  return format === 'html' ? renderHtml(report, { timing: true }) : renderReport(report, format);
}

/** The document as the exports name it: its path relative to the workspace folder. */
export function exportFileName(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

/** The export of a document's forecast, naming the document by exportFileName. */
export function serialize(result: ForecastResult, format: ExportFormat, uri: vscode.Uri): string {
  if (!result.forecast) throw new Error('no forecast');
  return exportText(result.forecast, format, exportFileName(uri));
}

/** `name.scenario` → `name.forecast.json` (`name.report.html`) beside it (or in the first workspace folder if untitled). */
export function defaultSaveUri(document: vscode.Uri, format: SaveFormat): vscode.Uri | undefined {
  const base = posix.basename(document.path).replace(/\.scenario$/i, '') || 'forecast';
  const file = `${base}.${format === 'html' ? 'report' : 'forecast'}.${format}`;
  if (document.scheme === 'file') return vscode.Uri.joinPath(document, '..', file);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, file) : undefined;
}

export class ForecastExporter {
  constructor(private readonly lookup: ForecastLookup, private readonly log: (message: string) => void) {}

  private async forecastOf(uri: vscode.Uri): Promise<ForecastResult | undefined> {
    const shown = this.lookup.shown(uri);
    if (shown?.forecast) return shown;
    try {
      const result = await this.lookup.request(uri);
      if (result.forecast) return result;
      void vscode.window.showWarningMessage(`Scenario: no forecast to export yet. ${result.notice ?? ''}`.trim());
    } catch (error) {
      this.log(`export: ${String(error)}`);
      void vscode.window.showErrorMessage('Scenario: the language server did not answer; no forecast to export.');
    }
    return undefined;
  }

  async copyMarkdown(uri: vscode.Uri): Promise<boolean> {
    const result = await this.forecastOf(uri);
    if (!result?.forecast) return false;
    await vscode.env.clipboard.writeText(serialize(result, 'markdown', uri));
    void vscode.window.showInformationMessage(`Scenario: forecast copied as Markdown${result.stale ? ' (last good forecast; the file has errors)' : ''}.`);
    return true;
  }

  /** The key judgments, one sentence a line, to the clipboard. */
  async copyKeyJudgments(uri: vscode.Uri): Promise<boolean> {
    const result = await this.forecastOf(uri);
    if (!result?.forecast) return false;
    const judgments = buildReport(result.forecast, { file: exportFileName(uri) }).keyJudgments;
    if (judgments.length === 0) {
      void vscode.window.showInformationMessage('Scenario: the file has no outcome, so no key judgment to copy.');
      return false;
    }
    await vscode.env.clipboard.writeText(keyJudgmentsText(judgments));
    void vscode.window.showInformationMessage(`Scenario: ${judgments.length} key judgment${judgments.length === 1 ? '' : 's'} copied${result.stale ? ' (last good forecast; the file has errors)' : ''}.`);
    return true;
  }

  /** Saves to `target`, or where the user picks. Returns the file written, if any. */
  async save(uri: vscode.Uri, format: SaveFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const result = await this.forecastOf(uri);
    if (!result?.forecast) return undefined;
    const destination =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: defaultSaveUri(uri, format),
        filters: SAVE_FILTERS[format],
        saveLabel: format === 'html' ? 'Save forecast report' : `Save forecast as ${format.toUpperCase()}`,
      }));
    if (!destination) return undefined;
    await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(serialize(result, format, uri)));
    this.log(`export: wrote ${destination.toString()}`);
    return destination;
  }
}
