// What every section renderer gets: the report to show (common/report: every number already
// formatted) and the page's actions.
import type { PageError, RevealableStatement } from '../../../common/pageMessages';
import type { Report } from '../../../common/report';
import type { BarChartSpec } from '../chartSpecs';
import type { ChartOptions } from '../charts';

export interface View {
  report: Report;
  /** The outcome whose swings the tornado chart shows. */
  selected: string | null;
  /** The declaration at the editor's cursor (its row is picked out), or null. */
  atCursor: string | null;
  /** Show a declaration in the editor, or one of its statements. */
  reveal(name: string, statement?: RevealableStatement): void;
  /** Pick the outcome for the tornado chart. */
  select(name: string): void;
  /** Queue a chart for its canvas; it is drawn once the canvas is in the document. */
  drawChart(canvas: HTMLCanvasElement, spec: BarChartSpec, options?: ChartOptions): void;
}

/** The document's errors as the page last heard of them, and how to show one in the editor. */
export interface ErrorsView {
  errors: readonly PageError[];
  total: number;
  revealPosition(line: number, character: number): void;
}
