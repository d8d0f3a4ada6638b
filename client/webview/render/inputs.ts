// Factors and events: probability (the mean), the range as written, notes and sources. In a narrow
// pane each row is a card (styles.css, .reflow-narrow).
import type { ReportInput } from '../../../common/report';
import { el, makeActivatable, section, table, td } from '../dom';
import { originLine, resolvedBadge } from './outcomes';
import type { View } from './view';

function labelled(cell: HTMLTableCellElement, label: string): HTMLTableCellElement {
  cell.dataset.label = label;
  return cell;
}

function inputRow(input: ReportInput, view: View): HTMLTableRowElement {
  const row = el('tr', { className: input.name === view.atCursor ? 'at-cursor' : '' }, [
    td([
      el('span', { className: 'label' }, [input.title]),
      el('code', { className: 'name' }, [input.name]),
      resolvedBadge(input.resolution),
      originLine(input.origin),
      ...input.notes.map((n) => el('div', { className: 'note muted' }, [n])),
    ], 'name-cell'),
    labelled(td([input.kind], 'kind'), 'Kind'),
    labelled(td([input.probability.text], 'num probability'), 'Probability'),
    labelled(td([input.rangeText, input.text ? el('div', { className: 'written muted' }, [input.text]) : null], 'num range'), 'Range'),
    labelled(td(
      input.sources.length === 0
        ? ['—']
        : [el('ul', { className: 'sources' }, input.sources.map((s) => el('li', {}, [s])))],
      'sources wide',
    ), 'Sources'),
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
      'inputs reflow-narrow',
    ),
  ]);
}
