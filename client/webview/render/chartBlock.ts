// A chart and its text equivalent: a canvas with an aria-label, and a visually hidden table that
// screen readers (and tests) read, built from the same spec as the chart.
import { describeSpec, type BarChartSpec } from '../chartSpecs';
import type { ChartOptions } from '../charts';
import { el, td } from '../dom';
import type { View } from './view';

const BAR_HEIGHT = 30;
const AXIS_HEIGHT = 56;

function headers(spec: BarChartSpec): string[] {
  if (spec.spans) return ['Driver', 'If false', 'If true', 'Swing'];
  return ['Outcome', 'Probability', ...(spec.bandTexts ? ['Band'] : [])];
}

function cells(spec: BarChartSpec, i: number): HTMLTableCellElement[] {
  const span = spec.spans?.[i];
  if (span) return [td([span.fromText], 'num'), td([span.toText], 'num'), td([spec.texts[i] ?? ''], 'num')];
  return [td([spec.texts[i] ?? ''], 'num'), ...(spec.bandTexts ? [td([spec.bandTexts[i] ?? ''], 'num')] : [])];
}

export function textEquivalent(spec: BarChartSpec, highlight: string | null = null): HTMLTableElement {
  const rows = spec.values.map((_, i) => {
    const row = el('tr', { className: spec.names[i] === highlight ? 'at-cursor' : '' }, [
      el('th', { attrs: { scope: 'row' } }, [`${spec.labels[i] ?? ''} (${spec.names[i] ?? ''})`]),
      ...cells(spec, i),
    ]);
    row.dataset.name = spec.names[i] ?? '';
    return row;
  });
  return el('table', { className: 'text-equivalent', attrs: { 'data-chart': spec.id } }, [
    el('caption', {}, [spec.title]),
    el('thead', {}, [el('tr', {}, headers(spec).map((h) => el('th', { attrs: { scope: 'col' } }, [h])))]),
    el('tbody', {}, rows),
  ]);
}

export function chartBlock(spec: BarChartSpec, view: View, options: ChartOptions = {}): HTMLElement {
  const canvas = el('canvas', { attrs: { role: 'img', 'aria-label': describeSpec(spec) } });
  const box = el('div', { className: 'chart-box' }, [canvas]);
  // CSSOM, not a style attribute: allowed by the page's CSP.
  box.style.height = `${Math.max(2, spec.values.length) * BAR_HEIGHT + AXIS_HEIGHT}px`;
  view.drawChart(canvas, spec, options);
  return el('figure', { className: 'chart', attrs: { 'data-chart': spec.id } }, [
    box,
    // Hidden in a box: a table's own box does not clip, so hidden itself it would widen the page.
    el('div', { className: 'visually-hidden' }, [textEquivalent(spec, options.highlight ?? null)]),
    spec.omitted > 0 ? el('figcaption', { className: 'muted' }, [`and ${spec.omitted} more, smaller, not drawn`]) : null,
  ]);
}
