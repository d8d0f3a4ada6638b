// What every section renderer gets: the report to show (common/report: every number already
// formatted) and the page's actions.
import type { Report } from '../../../common/report';
import type { BarChartSpec } from '../chartSpecs';

export interface View {
  report: Report;
  /** The outcome whose swings the tornado chart shows. */
  selected: string | null;
  /** Show a declaration in the editor. */
  reveal(name: string): void;
  /** Pick the outcome for the tornado chart. */
  select(name: string): void;
  /** Queue a chart for its canvas; it is drawn once the canvas is in the document. */
  drawChart(canvas: HTMLCanvasElement, spec: BarChartSpec): void;
}
