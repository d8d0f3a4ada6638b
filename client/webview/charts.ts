// Charts: Chart.js 4. Why this library: it is well kept and widely used; it draws on a canvas, so
// file content never becomes markup; it needs no eval and no inline <style> (it sizes the canvas
// through CSSOM, which the page's CSP allows); it is tree-shakable, so we register only the bar
// controller, bar element, the two scales and the tooltip. The numbers stay accessible because
// every chart also gets a text equivalent built from the same spec.
import {
  BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip,
  type ChartConfiguration, type Plugin, type TooltipItem,
} from 'chart.js';
import { percentAxis, type BarChartSpec } from './chartSpecs';
import type { ThemeColours } from './theme';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface ChartHandle {
  destroy(): void;
}

/** Draws a chart on a canvas that is already in the document; null when no 2D context exists. */
export type ChartFactory = (canvas: HTMLCanvasElement, spec: BarChartSpec, theme: ThemeColours, options?: ChartOptions) => ChartHandle | null;

export interface ChartOptions {
  /** The name whose bar is picked out (the declaration at the editor's cursor). */
  highlight?: string | null;
  /** A narrow pane: each bar's label and number on a line above it instead of on the axis. */
  compact?: boolean;
}

/** Below this width (CSS px) charts are drawn compact; the page redraws when a pane crosses it. */
export const COMPACT_CHART_WIDTH = 640;

/** A bar's data: a probability, or a tornado bar's two ends. */
type BarDatum = number | [number, number];

/** The share of the chart's width the axis labels may take. */
const LABEL_SHARE = 0.38;
/** About how wide one character is, in font sizes. */
const CHAR_WIDTH = 0.55;

/**
 * An analyst's label fitted to the axis: up to two lines of at most `chars` characters, cut with
 * an ellipsis (the whole label and the identifier are in the tooltip and the text equivalent).
 */
export function fitLabel(label: string, chars: number): string[] {
  const lines: string[] = [];
  let rest = label.trim();
  while (rest.length > 0 && lines.length < 2) {
    if (rest.length <= chars) {
      lines.push(rest);
      rest = '';
      break;
    }
    const cut = rest.lastIndexOf(' ', chars);
    const end = cut > chars / 3 ? cut : chars;
    lines.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end).trimStart();
  }
  if (rest.length > 0) {
    const last = lines.pop() ?? '';
    lines.push(`${last.slice(0, Math.max(1, chars - 1)).trimEnd()}…`);
  }
  return lines;
}

/** Draws each outcome's band as a whisker over its bar (an inline plugin: no global state). */
function whiskerPlugin(spec: BarChartSpec, theme: ThemeColours): Plugin<'bar'> {
  return {
    id: 'scenarioBandWhiskers',
    afterDatasetsDraw(chart) {
      const bands = spec.bands;
      if (!bands) return;
      const { ctx } = chart;
      const x = chart.scales.x!;
      const bars = chart.getDatasetMeta(0).data;
      ctx.save();
      ctx.strokeStyle = theme.whisker;
      ctx.lineWidth = 1.5;
      bars.forEach((bar, i) => {
        const band = bands[i];
        if (!band) return;
        const y = bar.y;
        const left = x.getPixelForValue(band[0]);
        const right = x.getPixelForValue(band[1]);
        ctx.beginPath();
        ctx.moveTo(left, y);
        ctx.lineTo(right, y);
        ctx.moveTo(left, y - 4);
        ctx.lineTo(left, y + 4);
        ctx.moveTo(right, y - 4);
        ctx.lineTo(right, y + 4);
        ctx.stroke();
      });
      ctx.restore();
    },
  };
}

/** The tornado's middle: a dashed line at the outcome's probability now. */
function referencePlugin(spec: BarChartSpec, theme: ThemeColours): Plugin<'bar'> {
  return {
    id: 'scenarioReference',
    afterDatasetsDraw(chart) {
      if (!spec.reference) return;
      const { ctx, chartArea } = chart;
      const x = chart.scales.x!.getPixelForValue(spec.reference.value);
      ctx.save();
      ctx.strokeStyle = theme.foreground;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.restore();
    },
  };
}

/** Compact: each bar's label, and its number at the right, on a line above the bar. */
function rowLabelPlugin(spec: BarChartSpec, theme: ThemeColours): Plugin<'bar'> {
  return {
    id: 'scenarioRowLabels',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.fillStyle = theme.foreground;
      ctx.font = `${theme.fontSize}px ${theme.fontFamily}`;
      ctx.textBaseline = 'bottom';
      chart.getDatasetMeta(0).data.forEach((bar, i) => {
        const value = spec.texts[i] ?? '';
        const top = bar.y - (bar as unknown as { height: number }).height / 2 - 2;
        const valueWidth = ctx.measureText(value).width;
        const chars = Math.max(4, Math.floor((chartArea.width - valueWidth - 12) / (theme.fontSize * CHAR_WIDTH)));
        ctx.textAlign = 'left';
        ctx.fillText(fitLabel(spec.labels[i] ?? '', chars)[0] ?? '', chartArea.left, top);
        ctx.textAlign = 'right';
        ctx.fillText(value, chartArea.right, top);
      });
      ctx.restore();
    },
  };
}

/** Each bar's number beside it: the swing of a tornado bar, the probability of an outcome. */
function valuePlugin(spec: BarChartSpec, theme: ThemeColours): Plugin<'bar'> {
  return {
    id: 'scenarioValues',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      const x = chart.scales.x!;
      ctx.save();
      ctx.fillStyle = theme.foreground;
      ctx.font = `${theme.fontSize}px ${theme.fontFamily}`;
      ctx.textBaseline = 'middle';
      chart.getDatasetMeta(0).data.forEach((bar, i) => {
        const text = spec.texts[i] ?? '';
        const span = spec.spans?.[i];
        const [low, high] = span ? [Math.min(span.from, span.to), Math.max(span.from, span.to)] : [0, spec.values[i] ?? 0];
        const band = spec.bands?.[i];
        const right = x.getPixelForValue(Math.max(high, band ? band[1] : high)) + 6;
        const width = ctx.measureText(text).width;
        const left = x.getPixelForValue(span ? low : 0) - 6;
        if (right + width <= chartArea.right) {
          ctx.textAlign = 'left';
          ctx.fillText(text, right, bar.y);
        } else if (left - width >= chartArea.left) {
          ctx.textAlign = 'right';
          ctx.fillText(text, left, bar.y);
        }
        // else no room beside the bar: the tooltip and the text equivalent carry the number.
      });
      ctx.restore();
    },
  };
}

/** The Chart.js configuration for a spec, in the theme's colours (pure; tested). */
export function barChartConfig(spec: BarChartSpec, theme: ThemeColours, options: ChartOptions = {}): ChartConfiguration<'bar', BarDatum[], string> {
  const font = { family: theme.fontFamily, size: theme.fontSize };
  const spans = spec.spans;
  const rises = (i: number) => (spans ? spans[i]!.to >= spans[i]!.from : (spec.values[i] ?? 0) >= 0);
  const colours = spec.values.map((_, i) => (spec.kind === 'swing' && !rises(i) ? theme.negative : theme.positive));
  const picked = spec.names.map((n) => options.highlight != null && n === options.highlight);
  const data: BarDatum[] = spans ? spans.map((s): [number, number] => [s.from, s.to]) : [...spec.values];
  const axis = percentAxis(spec);
  return {
    type: 'bar',
    data: {
      labels: [...spec.labels],
      datasets: [
        {
          label: spec.title,
          data,
          backgroundColor: colours,
          borderColor: picked.map((p, i) => (p ? theme.foreground : theme.outline || colours[i]!)),
          borderWidth: picked.map((p) => (p ? 3 : theme.outline ? 1 : 0)),
          borderSkipped: false,
          barPercentage: options.compact ? 0.5 : 0.8,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      color: theme.foreground,
      // Compact: room above the first bar for its label line.
      layout: { padding: { top: options.compact ? theme.fontSize + 6 : 0 } },
      scales: {
        x: {
          min: axis.min,
          max: axis.max,
          ticks: { color: theme.muted, font, stepSize: axis.step, autoSkip: false, callback: (v) => `${v}%` },
          grid: { color: theme.grid },
          border: { color: theme.grid },
          title: {
            display: true,
            text: spec.kind === 'swing' ? 'probability of the outcome: driver false → driver true' : 'probability',
            color: theme.muted,
            font,
          },
        },
        y: {
          ticks: {
            display: !options.compact,
            color: theme.foreground,
            font,
            autoSkip: false,
            callback(_value, index) {
              const chars = Math.max(8, Math.floor((this.chart.width * LABEL_SHARE) / (theme.fontSize * CHAR_WIDTH)));
              return fitLabel(spec.labels[index] ?? '', chars);
            },
          },
          grid: { display: false },
          border: { color: theme.grid },
        },
      },
      plugins: {
        tooltip: {
          titleFont: font,
          bodyFont: font,
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => {
              const i = items[0]?.dataIndex ?? 0;
              return `${spec.labels[i] ?? ''} (${spec.names[i] ?? ''})`;
            },
            label: (item: TooltipItem<'bar'>) => {
              const i = item.dataIndex;
              const value = spec.texts[i] ?? '';
              const span = spec.spans?.[i];
              if (span) return `if false ${span.fromText}, if true ${span.toText}: ${value}`;
              const band = spec.bandTexts?.[i];
              return band ? `${value} (band ${band})` : value;
            },
          },
        },
      },
    },
    plugins: [
      ...(spec.bands ? [whiskerPlugin(spec, theme)] : []),
      ...(spec.reference ? [referencePlugin(spec, theme)] : []),
      options.compact ? rowLabelPlugin(spec, theme) : valuePlugin(spec, theme),
    ],
  };
}

export const createBarChart: ChartFactory = (canvas, spec, theme, options = {}) => {
  if (!canvas.getContext('2d')) return null;
  const compact = (canvas.parentElement?.clientWidth ?? Infinity) < COMPACT_CHART_WIDTH;
  return new Chart(canvas, barChartConfig(spec, theme, { ...options, compact }));
};
