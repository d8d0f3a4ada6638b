// What every section renderer gets: the forecast to show and the page's actions.
import type { Forecast } from '../../../common/forecast';
import type { BarChartSpec } from '../chartSpecs';

export interface View {
  forecast: Forecast;
  /** The outcome whose swings the tornado chart shows. */
  selected: string | null;
  /** The analyst's label for a factor, event or outcome name (the name when unknown). */
  labelOf(name: string): string;
  /** Show a declaration in the editor. */
  reveal(name: string): void;
  /** Pick the outcome for the tornado chart. */
  select(name: string): void;
  /** Queue a chart for its canvas; it is drawn once the canvas is in the document. */
  drawChart(canvas: HTMLCanvasElement, spec: BarChartSpec): void;
}
