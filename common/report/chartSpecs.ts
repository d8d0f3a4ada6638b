// What each chart shows, as plain data: the preview's Chart.js configuration, the standalone
// report's SVG (html.ts) and each chart's text equivalent are all built from one spec, so they
// always carry the same numbers. The numbers are the report's: each bar is the number its text shows.
import type { ReportOutcome, ReportWorlds } from './report';

export interface BarChartSpec {
  /** Stable id of the chart on the page ('tornado', 'probabilities'). */
  id: string;
  kind: 'swing' | 'probability';
  /** The accessible name of the chart and the caption of its text equivalent. */
  title: string;
  /** One bar per item: the short name on the axis and the analyst's label in the tooltip. */
  names: string[];
  labels: string[];
  /** Points (swing) or percent (probability): the numbers the texts show. */
  values: number[];
  /** Each value as the report writes it: "+21.3 points", "63%". */
  texts: string[];
  /** For probabilities: the 5–95% band in percent, as its text shows it. */
  bands: [number, number][] | null;
  /** Each band as the report writes it: "48–77%". */
  bandTexts: string[] | null;
  /** How many items were left out of the chart (the largest are kept). */
  omitted: number;
}

/** The largest number of bars a chart shows; the rest are summed up as "and N more". */
export const MAX_BARS = 15;

export function tornadoSpec(outcome: ReportOutcome): BarChartSpec {
  const shown = outcome.drivers.slice(0, MAX_BARS);
  return {
    id: 'tornado',
    kind: 'swing',
    title: `Swing of each driver on “${outcome.title}”, in percentage points`,
    names: shown.map((d) => d.name),
    labels: shown.map((d) => d.label),
    values: shown.map((d) => d.points.shown),
    texts: shown.map((d) => `${d.points.text} points`),
    bands: null,
    bandTexts: null,
    omitted: outcome.drivers.length - shown.length,
  };
}

export function probabilitySpec(outcomes: readonly ReportOutcome[]): BarChartSpec {
  const shown = outcomes.slice(0, MAX_BARS);
  return {
    id: 'probabilities',
    kind: 'probability',
    title: 'Probability of each outcome, in percent, with its 5–95% band',
    names: shown.map((o) => o.name),
    labels: shown.map((o) => o.title),
    values: shown.map((o) => o.probability.percent),
    texts: shown.map((o) => o.probability.text),
    bands: shown.map((o) => [o.band.lowPercent, o.band.highPercent]),
    bandTexts: shown.map((o) => o.band.text),
    omitted: outcomes.length - shown.length,
  };
}

/** The most probable worlds as a matrix: one row per world, one column per outcome. */
export interface WorldsChartSpec {
  id: 'worlds';
  title: string;
  /** The outcomes' names, in file order (the columns). */
  outcomes: string[];
  rows: { holds: boolean[]; percent: number; text: string; words: string }[];
}

export function worldsSpec(worlds: ReportWorlds, outcomes: readonly ReportOutcome[]): WorldsChartSpec {
  const shown = worlds.list.slice(0, MAX_BARS);
  return {
    id: 'worlds',
    title: 'The most probable worlds: which outcomes hold together, and how likely each combination is',
    outcomes: outcomes.map((o) => o.name),
    rows: shown.map((w) => ({
      holds: outcomes.map((o) => w.outcomes[o.name] === true),
      percent: w.probability.percent,
      text: w.probability.text,
      words: w.words,
    })),
  };
}

/** The x axis: symmetric around zero for swings (so left and right compare), 0–100 for percent. */
export function axisBounds(spec: BarChartSpec): { min: number; max: number } {
  if (spec.kind === 'probability') return { min: 0, max: 100 };
  const largest = Math.max(5, ...spec.values.map((v) => Math.abs(v)));
  const max = Math.ceil(largest / 5) * 5;
  return { min: -max, max };
}

/** A short summary for the canvas's aria-label. */
export function describeSpec(spec: BarChartSpec): string {
  if (spec.values.length === 0) return `${spec.title}: no data.`;
  const first = `${spec.names[0]} ${spec.texts[0]}`;
  const lead = spec.kind === 'swing' ? `largest swing: ${first}` : `first: ${first}`;
  return `${spec.title}. ${spec.values.length} bars; ${lead}. The table that follows lists every number.`;
}
