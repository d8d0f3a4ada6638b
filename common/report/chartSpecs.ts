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
  /** Swings: each bar runs from P(O | driver false) to P(O | driver true), in percent; null for probabilities. */
  spans: SwingSpan[] | null;
  /** Swings: the outcome's probability now (the line the bars sit around), in percent; null for probabilities. */
  reference: { value: number; text: string } | null;
}

/** One tornado bar: its ends in percent, as the report's texts show them ("39%", "61%"). */
export interface SwingSpan {
  from: number;
  to: number;
  fromText: string;
  toText: string;
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
    spans: shown.map((d) => ({ from: d.ifFalse.percent, to: d.ifTrue.percent, fromText: d.ifFalse.text, toText: d.ifTrue.text })),
    reference: { value: outcome.probability.percent, text: outcome.probability.text },
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
    spans: null,
    reference: null,
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

/** Tick steps an axis may use, in percent: every tick a round number. */
const TICK_STEPS = [1, 2, 5, 10, 20, 25];
/** At most this many intervals between ticks, so the labels fit a side pane. */
const MAX_TICK_INTERVALS = 6;

/**
 * The percent axis a chart is drawn on, with evenly spaced ticks whose ends are multiples of the
 * step: 0–100 for probabilities; for a tornado, the round numbers around its bars and the line
 * of the outcome's probability now.
 */
export function percentAxis(spec: BarChartSpec): { min: number; max: number; step: number; ticks: number[] } {
  const ends = spec.spans ? [...spec.spans.flatMap((s) => [s.from, s.to]), ...(spec.reference ? [spec.reference.value] : [])] : [];
  const low = spec.spans && ends.length > 0 ? Math.min(...ends) : 0;
  const high = spec.spans && ends.length > 0 ? Math.max(...ends) : 100;
  const step = TICK_STEPS.find((s) => Math.ceil(high / s) - Math.floor(low / s) <= MAX_TICK_INTERVALS) ?? 25;
  let min = Math.max(0, Math.floor(low / step) * step);
  let max = Math.min(100, Math.ceil(high / step) * step);
  // Every bar at one value (a pinned outcome): one step around it, inside 0–100.
  if (max <= min) [min, max] = min + step <= 100 ? [min, min + step] : [max - step, max];
  const ticks: number[] = [];
  for (let t = min; t <= max + 1e-9; t += step) ticks.push(Math.round(t * 10) / 10);
  return { min: ticks[0]!, max: ticks.at(-1)!, step, ticks };
}

/** A short summary for the canvas's aria-label. */
export function describeSpec(spec: BarChartSpec): string {
  if (spec.values.length === 0) return `${spec.title}: no data.`;
  const first = `${spec.names[0]} ${spec.texts[0]}`;
  const lead = spec.kind === 'swing' ? `largest swing: ${first}` : `first: ${first}`;
  return `${spec.title}. ${spec.values.length} bars; ${lead}. The table that follows lists every number.`;
}
