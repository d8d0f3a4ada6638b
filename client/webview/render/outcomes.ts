// The outcomes: probability, band, phrase and the analyst's judged call, with a visible flag when
// the forecast contradicts the call. Clicking a row picks it for the tornado chart and reveals it.
import type { ReportOutcome } from '../../../common/report';
import { probabilitySpec } from '../chartSpecs';
import { el, makeActivatable, section, table, td } from '../dom';
import { chartBlock } from './chartBlock';
import type { View } from './view';

function judgedCell(o: ReportOutcome): HTMLTableCellElement {
  if (!o.judged) return td(['—'], 'muted');
  const flag = o.judged.agrees
    ? el('span', { className: 'badge badge-agrees' }, ['agrees'])
    : el('span', { className: 'badge badge-contradicted', attrs: { title: `The forecast, ${o.probability.text}, falls outside ${o.judged.rangeText}` } }, [
        '⚠ contradicted',
      ]);
  return td([el('span', { className: 'judged-text' }, [o.judged.text]), ' ', flag], o.judged.agrees ? 'judged' : 'judged contradicted');
}

function outcomeRow(o: ReportOutcome, view: View): HTMLTableRowElement {
  const selected = o.name === view.selected;
  const staleMark = o.stale
    ? [' ', el('span', { className: 'badge badge-stale', attrs: { title: `Last good numbers: ${o.stale}` } }, ['not updated'])]
    : [];
  const row = el('tr', { className: [selected ? 'selected' : '', o.stale ? 'stale' : ''].filter(Boolean).join(' ') }, [
    td([el('span', { className: 'label' }, [o.title]), ' ', el('code', { className: 'name' }, [o.name]), ...staleMark]),
    td([o.probability.text], 'num probability'),
    td([o.band.text], 'num band'),
    td([o.phrase], 'phrase'),
    judgedCell(o),
  ]);
  if (selected) row.setAttribute('aria-current', 'true');
  row.dataset.name = o.name;
  makeActivatable(row, `outcome:${o.name}`, 'Show its swings and its declaration', () => {
    view.select(o.name);
    view.reveal(o.name);
  });
  return row;
}

export function outcomesSection(view: View): HTMLElement {
  const { outcomes } = view.report;
  if (outcomes.length === 0) return section('outcomes', 'Outcomes', [el('p', { className: 'muted' }, ['The file declares no outcome.'])]);
  return section('outcomes', 'Outcomes', [
    table(
      'Each outcome: its probability, its 5–95% band, the phrase that fits it, and the analyst’s call',
      [{ title: 'Outcome' }, { title: 'Probability', numeric: true }, { title: 'Band (5–95%)', numeric: true }, { title: 'Phrase' }, { title: 'Judged' }],
      outcomes.map((o) => outcomeRow(o, view)),
      'outcomes',
    ),
    chartBlock(probabilitySpec(outcomes), view),
  ]);
}
