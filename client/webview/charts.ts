// Charts: Chart.js 4. Why this library: it is well kept and widely used; it draws on a canvas, so
// file content never becomes markup; it needs no eval and no inline <style> (it sizes the canvas
// through CSSOM, which the page's CSP allows); it is tree-shakable, so we register only the bar
// controller, bar element, the two scales and the tooltip. The numbers stay accessible because
// every chart also gets a text equivalent built from the same spec.
import {
  BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip,
  type ChartConfiguration, type Plugin, type TooltipItem,
} from 'chart.js';
import { axisBounds, type BarChartSpec } from './chartSpecs';
import type { ThemeColours } from './theme';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface ChartHandle {
  destroy(): void;
}

/** Draws a chart on a canvas that is already in the document; null when no 2D context exists. */
export type ChartFactory = (canvas: HTMLCanvasElement, spec: BarChartSpec, theme: ThemeColours) => ChartHandle | null;

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

/** The Chart.js configuration for a spec, in the theme's colours (pure; tested). */
export function barChartConfig(spec: BarChartSpec, theme: ThemeColours): ChartConfiguration<'bar', number[], string> {
  const font = { family: theme.fontFamily, size: theme.fontSize };
  const colours = spec.values.map((v) => (spec.kind === 'swing' && v < 0 ? theme.negative : theme.positive));
  const { min, max } = axisBounds(spec);
  return {
    type: 'bar',
    data: {
      labels: [...spec.names],
      datasets: [
        {
          label: spec.title,
          data: [...spec.values],
          backgroundColor: colours,
          borderColor: theme.outline || colours,
          borderWidth: theme.outline ? 1 : 0,
          barPercentage: 0.8,
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
      scales: {
        x: {
          min,
          max,
          ticks: { color: theme.muted, font, callback: (v) => (spec.kind === 'swing' ? `${v}` : `${v}%`) },
          grid: { color: theme.grid },
          border: { color: theme.grid },
          title: { display: true, text: spec.kind === 'swing' ? 'percentage points' : 'percent', color: theme.muted, font },
        },
        y: { ticks: { color: theme.foreground, font }, grid: { display: false }, border: { color: theme.grid } },
      },
      plugins: {
        tooltip: {
          titleFont: font,
          bodyFont: font,
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => spec.labels[items[0]?.dataIndex ?? 0] ?? '',
            label: (item: TooltipItem<'bar'>) => {
              const value = spec.texts[item.dataIndex] ?? '';
              const band = spec.bandTexts?.[item.dataIndex];
              return band ? `${value} (band ${band})` : value;
            },
          },
        },
      },
    },
    plugins: spec.bands ? [whiskerPlugin(spec, theme)] : [],
  };
}

export const createBarChart: ChartFactory = (canvas, spec, theme) => {
  if (!canvas.getContext('2d')) return null;
  return new Chart(canvas, barChartConfig(spec, theme));
};
