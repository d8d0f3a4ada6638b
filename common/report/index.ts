// A forecast's report, built once (buildReport) and rendered in the format asked for. The CLI's
// `scenario forecast --format …` and the preview's copy and save commands both call renderReport,
// so for the same forecast and file name they give the same bytes.
import { renderCsv } from './csv';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import type { Report } from './report';
import { renderText } from './text';

export * from './report';
export { CSV_COLUMNS, renderCsv } from './csv';
export { renderJson } from './json';
export { renderHtml, REPORT_CSP, type HtmlOptions } from './html';
export { keyJudgment, keyJudgmentsText, KEY_DRIVERS, type KeyJudgment } from './keyJudgments';
export { renderMarkdown } from './markdown';
export { renderText, type TextOptions } from './text';

export type ReportFormat = 'text' | 'json' | 'markdown' | 'csv';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'markdown', 'csv'];

export interface RenderOptions {
  /** ANSI colour in the text format (default off). */
  color?: boolean;
  /** elapsedMs in JSON, "Computed in …" in text (default on). */
  timing?: boolean;
}

export function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  const timing = options.timing !== false;
  switch (format) {
    case 'json':
      return renderJson(report, { timing });
    case 'markdown':
      return renderMarkdown(report);
    case 'csv':
      return renderCsv(report);
    case 'text':
      return renderText(report, { color: options.color === true, timing });
  }
}
