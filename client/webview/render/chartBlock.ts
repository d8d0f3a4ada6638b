// A chart and its text equivalent: a canvas with an aria-label, and a visually hidden table that
// screen readers (and tests) read, built from the same spec as the chart.
import { describeSpec, type BarChartSpec } from '../chartSpecs';
import { el, td } from '../dom';
import type { View } from './view';

const BAR_HEIGHT = 26;
const AXIS_HEIGHT = 56;

export function textEquivalent(spec: BarChartSpec): HTMLTableElement {
  const headers = [spec.kind === 'swing' ? 'Driver' : 'Outcome', spec.kind === 'swing' ? 'Swing' : 'Probability'];
  if (spec.bandTexts) headers.push('Band (5–95%)');
  const rows = spec.values.map((_, i) =>
    el('tr', {}, [
      el('th', { attrs: { scope: 'row' } }, [`${spec.labels[i] ?? ''} (${spec.names[i] ?? ''})`]),
      td([spec.texts[i] ?? ''], 'num'),
      spec.bandTexts ? td([spec.bandTexts[i] ?? ''], 'num') : null,
    ]),
  );
  return el('table', { className: 'visually-hidden text-equivalent', attrs: { 'data-chart': spec.id } }, [
    el('caption', {}, [spec.title]),
    el('thead', {}, [el('tr', {}, headers.map((h) => el('th', { attrs: { scope: 'col' } }, [h])))]),
    el('tbody', {}, rows),
  ]);
}

export function chartBlock(spec: BarChartSpec, view: View): HTMLElement {
  const canvas = el('canvas', { attrs: { role: 'img', 'aria-label': describeSpec(spec) } });
  const box = el('div', { className: 'chart-box' }, [canvas]);
  // CSSOM, not a style attribute: allowed by the page's CSP.
  box.style.height = `${Math.max(2, spec.values.length) * BAR_HEIGHT + AXIS_HEIGHT}px`;
  view.drawChart(canvas, spec);
  return el('figure', { className: 'chart', attrs: { 'data-chart': spec.id } }, [
    box,
    textEquivalent(spec),
    spec.omitted > 0 ? el('figcaption', { className: 'muted' }, [`and ${spec.omitted} more, smaller, not drawn`]) : null,
  ]);
}
