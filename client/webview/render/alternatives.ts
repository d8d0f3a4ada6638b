// Alternatives: what each assumes, the judged calls it contradicts (each a link to the `judged`
// line), and each outcome's probability beside the baseline with the change in points. Deltas
// are neutral (up is not "good"): ▲ and ▼ with the signed number, never colour alone.
import { contradictedCalls } from '../../../common/report/bottomLine';
import type { ReportAlternative, ReportOutcome, ReportPoints } from '../../../common/report';
import { el, section, table, td } from '../dom';
import { contradictionLink } from './bottomLine';
import { scrollArea } from './scrollArea';
import type { View } from './view';

export function deltaSpan(delta: ReportPoints | null): HTMLElement | null {
  if (delta === null) return null;
  const direction = delta.sign > 0 ? 'up' : delta.sign < 0 ? 'down' : 'flat';
  const arrow = delta.sign > 0 ? '▲ ' : delta.sign < 0 ? '▼ ' : '';
  return el('span', { className: `delta delta-${direction}` }, [`${arrow}${delta.text} pts`]);
}

function summary(a: ReportAlternative, index: number, view: View): HTMLElement {
  const contradicted = contradictedCalls(a.outcomes);
  return el('li', { className: 'alternative-summary' }, [
    el('span', { className: 'alternative-name' }, [a.name]),
    el('div', { className: 'assumes' }, a.assumptions.length === 0
      ? ['Assumes nothing beyond the baseline.']
      : ['Assumes ', ...a.assumptions.flatMap((x, i) => [i > 0 ? ', ' : '', el('code', { className: 'assumption' }, [x.text])])]),
    contradicted.length > 0
      ? el('div', { className: 'alternative-contradicts' }, [
          el('span', { className: 'contradiction-mark' }, ['⚠ Contradicts']),
          el('ul', { className: 'contradictions' }, contradicted.map((o) => el('li', {}, [contradictionLink(o, view.reveal, `alternative${index}`)]))),
        ])
      : null,
  ]);
}

function alternativeCell(o: ReportOutcome | undefined): HTMLTableCellElement {
  if (!o) return td(['—'], 'num muted');
  const contradicted = o.judged !== null && !o.judged.agrees;
  return td([
    o.probability.text,
    ' ',
    deltaSpan(o.delta),
    contradicted
      ? el('span', { className: 'badge badge-contradicted', attrs: { title: `Contradicts the judged call, ${o.judged!.text}` } }, ['⚠ judged'])
      : null,
  ], 'num alternative');
}

export function alternativesSection(view: View): HTMLElement | null {
  const { alternatives, outcomes } = view.report;
  if (alternatives.length === 0) return null;
  const rows = outcomes.map((o) =>
    el('tr', {}, [
      td([o.title], 'outcome-title'),
      td([o.probability.text], 'num baseline'),
      ...alternatives.map((a) => alternativeCell(a.outcomes.find((x) => x.name === o.name))),
    ]),
  );
  return section('alternatives', 'Alternatives', [
    el('ul', { className: 'alternative-list' }, alternatives.map((a, i) => summary(a, i, view))),
    scrollArea('Alternatives', table(
      'Each outcome in the baseline and in each alternative, with the change in percentage points (▲ up, ▼ down)',
      [{ title: 'Outcome' }, { title: 'Baseline', numeric: true }, ...alternatives.map((a) => ({ title: a.name, numeric: true }))],
      rows,
      'alternatives sticky-first',
    )),
  ]);
}
