// Factors and events: probability (the mean), the range as written, notes and sources.
import type { ReportInput } from '../../../common/report';
import { el, makeActivatable, section, table, td } from '../dom';
import type { View } from './view';

function inputRow(input: ReportInput, view: View): HTMLTableRowElement {
  const row = el('tr', {}, [
    td([
      el('span', { className: 'label' }, [input.title]),
      ' ',
      el('code', { className: 'name' }, [input.name]),
      ...input.notes.map((n) => el('div', { className: 'note muted' }, [n])),
    ]),
    td([input.kind], 'kind'),
    td([input.probability.text], 'num probability'),
    td([input.rangeText, input.text ? el('div', { className: 'written muted' }, [input.text]) : null], 'num range'),
    td(
      input.sources.length === 0
        ? ['—']
        : [el('ul', { className: 'sources' }, input.sources.map((s) => el('li', {}, [s])))],
      'sources',
    ),
  ]);
  row.dataset.name = input.name;
  makeActivatable(row, `input:${input.name}`, 'Show its declaration', () => view.reveal(input.name));
  return row;
}

export function inputsSection(view: View): HTMLElement | null {
  const { inputs } = view.report;
  if (inputs.length === 0) return null;
  return section('inputs', 'Factors and events', [
    table(
      'Each factor and event: its probability, its range as written, and its sources',
      [{ title: 'Name' }, { title: 'Kind' }, { title: 'Probability', numeric: true }, { title: 'Range', numeric: true }, { title: 'Sources' }],
      inputs.map((i) => inputRow(i, view)),
      'inputs',
    ),
  ]);
}
