// The outcomes: probability (with its standard error under Monte Carlo), band, and the phrase with
// the analyst's judged call in one cell, flagged when the forecast contradicts it. Narrow panes
// show each row as a card (styles.css, .reflow-narrow). Clicking a row (or Enter on it) picks it
// for the tornado chart and reveals its declaration.
import { BAND_MEANING, STANDARD_ERROR_MEANING } from '../../../common/report/bottomLine';
import type { ReportOutcome, ReportResolution } from '../../../common/report';
import { BRIER_MEANING } from '../../../common/report/scores';
import { probabilitySpec } from '../chartSpecs';
import { el, makeActivatable, section, table, td } from '../dom';
import { chartBlock } from './chartBlock';
import type { View } from './view';

/** The label with the identifier under it, and a badge when the numbers are the last good ones. */
export function nameCell(
  title: string, name: string, stale: string | null, resolution: ReportResolution | null = null, origin: string | null = null,
): HTMLTableCellElement {
  return td([
    el('span', { className: 'label' }, [title]),
    el('code', { className: 'name' }, [name]),
    stale ? el('span', { className: 'badge badge-stale', attrs: { title: `Last good numbers: ${stale}` } }, ['not updated']) : null,
    resolvedBadge(resolution),
    originLine(origin),
  ], 'name-cell');
}

/** "from lib/pakistan.scenario": the file an imported declaration comes from (a click on its row opens it there). */
export function originLine(origin: string | null): HTMLElement | null {
  return origin === null ? null : el('div', { className: 'origin muted' }, ['from ', el('code', {}, [origin])]);
}

/** "resolved yes · Brier 0.0225": how the question turned out and this forecast's score for it. */
export function resolvedBadge(resolution: ReportResolution | null): HTMLElement | null {
  if (!resolution) return null;
  return el('span', {
    className: `badge badge-resolved ${resolution.value ? 'resolved-yes' : 'resolved-no'}`,
    attrs: { title: `Resolved ${resolution.value ? 'yes' : 'no'} on ${resolution.date}. ${BRIER_MEANING}` },
  }, [`resolved ${resolution.value ? 'yes' : 'no'} · ${resolution.brierText}`]);
}

function callCell(o: ReportOutcome): HTMLTableCellElement {
  const judged = o.judged
    ? el('span', { className: o.judged.contradicted ? 'judged contradicted' : 'judged' }, [
        'judged ',
        el('span', { className: 'judged-text' }, [o.judged.text]),
        ' ',
        !o.judged.contradicted
          ? el('span', { className: 'badge badge-agrees' }, [o.judged.checked ? '✓ agrees' : 'not checked'])
          : el('span', { className: 'badge badge-contradicted', attrs: { title: `The forecast, ${o.probability.text}, falls outside ${o.judged.rangeText}` } }, [
              '⚠ contradicted',
            ]),
      ])
    : el('span', { className: 'judged muted' }, ['no judged call']);
  const cell = td([el('span', { className: 'phrase' }, [o.phraseText]), judged], 'call');
  cell.dataset.label = 'Phrase and judged call';
  return cell;
}

function numberCell(children: (string | Node | null)[], className: string, label: string): HTMLTableCellElement {
  const cell = td(children, `num ${className}`);
  cell.dataset.label = label;
  return cell;
}

function outcomeRow(o: ReportOutcome, view: View): HTMLTableRowElement {
  const selected = o.name === view.selected;
  const classes = [selected ? 'selected' : '', o.stale ? 'stale' : '', o.name === view.atCursor ? 'at-cursor' : ''];
  const row = el('tr', { className: classes.filter(Boolean).join(' ') }, [
    nameCell(o.title, o.name, o.stale, o.resolution, o.origin),
    numberCell([
      o.probability.text,
      o.standardError ? el('span', { className: 'se', attrs: { title: STANDARD_ERROR_MEANING } }, [` ${o.standardError.text}`]) : null,
    ], 'probability', 'Probability'),
    numberCell([o.bandText], 'band', 'Band'),
    callCell(o),
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
  const sampled = outcomes.some((o) => o.standardError !== null);
  return section('outcomes', 'Outcomes', [
    table(
      'Each outcome: its probability, its band, the phrase that fits it, and the analyst’s judged call',
      [{ title: 'Outcome' }, { title: 'Probability', numeric: true }, { title: 'Band', numeric: true }, { title: 'Phrase and judged call' }],
      outcomes.map((o) => outcomeRow(o, view)),
      'outcomes reflow-narrow',
    ),
    el('p', { className: 'muted explain band-meaning', attrs: { id: 'band-meaning' } }, [BAND_MEANING]),
    sampled ? el('p', { className: 'muted explain se-meaning' }, [STANDARD_ERROR_MEANING]) : null,
    chartBlock(probabilitySpec(outcomes), view),
  ]);
}
