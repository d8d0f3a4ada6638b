// What each chart shows, as plain data: the Chart.js configuration and the chart's text
// equivalent are both built from one spec, so the two always carry the same numbers.
import type { OutcomeForecast } from '../../common/forecast';
import { displayLabel, formatPoints } from '../src/preview/exporters';

export interface BarChartSpec {
  /** Stable id of the chart on the page ('tornado', 'probabilities'). */
  id: string;
  kind: 'swing' | 'probability';
  /** The accessible name of the chart and the caption of its text equivalent. */
  title: string;
  /** One bar per item: the short name on the axis and the analyst's label in the tooltip. */
  names: string[];
  labels: string[];
  /** Points (swing) or percent (probability), rounded to one decimal as the text shows them. */
  values: number[];
  /** For probabilities: the 5–95% band in percent, rounded the same way. */
  bands: [number, number][] | null;
  /** How many items were left out of the chart (the largest are kept). */
  omitted: number;
}

/** The largest number of bars a chart shows; the rest are summed up as "and N more". */
export const MAX_BARS = 15;

const round1 = (x: number) => Math.round(x * 10) / 10;

export function tornadoSpec(outcome: OutcomeForecast, labelOf: (name: string) => string): BarChartSpec {
  const shown = outcome.swing.slice(0, MAX_BARS);
  return {
    id: 'tornado',
    kind: 'swing',
    title: `Swing of each driver on “${displayLabel(outcome)}”, in percentage points`,
    names: shown.map((s) => s.name),
    labels: shown.map((s) => labelOf(s.name)),
    values: shown.map((s) => round1(s.points)),
    bands: null,
    omitted: outcome.swing.length - shown.length,
  };
}

export function probabilitySpec(outcomes: readonly OutcomeForecast[]): BarChartSpec {
  const shown = outcomes.slice(0, MAX_BARS);
  return {
    id: 'probabilities',
    kind: 'probability',
    title: 'Probability of each outcome, in percent, with its 5–95% band',
    names: shown.map((o) => o.name),
    labels: shown.map((o) => displayLabel(o)),
    values: shown.map((o) => round1(o.probability * 100)),
    bands: shown.map((o) => [round1(o.band[0] * 100), round1(o.band[1] * 100)]),
    omitted: outcomes.length - shown.length,
  };
}

/** A value as the text equivalent and the tooltip show it. */
export function formatSpecValue(spec: BarChartSpec, value: number): string {
  return spec.kind === 'swing' ? `${formatPoints(value)} points` : `${value.toFixed(1)}%`;
}

export function formatSpecBand(band: [number, number]): string {
  return `${band[0].toFixed(1)}%–${band[1].toFixed(1)}%`;
}

/** A short summary for the canvas's aria-label. */
export function describeSpec(spec: BarChartSpec): string {
  if (spec.values.length === 0) return `${spec.title}: no data.`;
  const first = `${spec.names[0]} ${formatSpecValue(spec, spec.values[0]!)}`;
  const lead = spec.kind === 'swing' ? `largest swing: ${first}` : `first: ${first}`;
  return `${spec.title}. ${spec.values.length} bars; ${lead}. The table that follows lists every number.`;
}
