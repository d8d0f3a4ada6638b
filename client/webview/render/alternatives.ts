// Alternatives: what each assumes, what it observes and how probable that was, the factors and
// events it moves, the judged calls it contradicts (each a link to the `judged` line), and each
// outcome's probability beside the baseline with the change in points. What an alternative
// observes is seen, not forecast: its outcomes and inputs read "observed" (the report's
// `observed`), with no change and no judged call checked. An alternative whose
// observations cannot happen has no numbers: it says why, and has no column. Deltas are neutral
// (up is not "good"): ▲ and ▼ with the signed number, never colour alone.
import { contradictedCalls } from '../../../common/report/bottomLine';
import type { ReportAlternative, ReportOutcome, ReportPoints } from '../../../common/report';
import { el, section, table, td } from '../dom';
import { contradictionLink, linkButton } from './bottomLine';
import { scrollArea } from './scrollArea';
import type { View } from './view';

export function deltaSpan(delta: ReportPoints | null): HTMLElement | null {
  if (delta === null) return null;
  const direction = delta.sign > 0 ? 'up' : delta.sign < 0 ? 'down' : 'flat';
  const arrow = delta.sign > 0 ? '▲ ' : delta.sign < 0 ? '▼ ' : '';
  return el('span', { className: `delta delta-${direction}` }, [`${arrow}${delta.text} pts`]);
}

/** Moved inputs listed by name; the rest are counted. */
export const MOVED_INPUTS_SHOWN = 8;

/** "observed" (or "observed not") where a number would be, for what an alternative sees rather than forecasts. */
function observedBadge(observed: { text: string; meaning: string }): HTMLElement {
  return el('span', { className: 'badge badge-observed', attrs: { title: `${observed.meaning} in this alternative, not forecast` } }, [observed.text]);
}

/**
 * The factors and events the alternative moves, each a link to its declaration: those it observes
 * first (in file order, marked observed), then the rest by the size of their change.
 */
function movedInputs(a: ReportAlternative, index: number, view: View): HTMLElement | null {
  const moved = [...a.inputs.filter((i) => i.observed !== null),
    ...a.inputs.filter((i) => i.observed === null && i.delta.sign !== 0).sort((x, y) => Math.abs(y.delta.value) - Math.abs(x.delta.value))];
  if (moved.length === 0) return null;
  const rest = moved.length - MOVED_INPUTS_SHOWN;
  return el('div', { className: 'moved-inputs' }, [
    el('span', { className: 'moved-lead' }, ['Moves ']),
    el('ul', { className: 'moved' }, [
      ...moved.slice(0, MOVED_INPUTS_SHOWN).map((i) => el('li', { attrs: { 'data-name': i.name } }, [
        linkButton([i.name], `moved:${index}:${i.name}`, `Show the declaration of ${i.name}`, () => view.reveal(i.name)),
        ' ',
        ...(i.observed ? [observedBadge(i.observed)] : [`${i.probability.text} `, deltaSpan(i.delta)]),
      ])),
      rest > 0 ? el('li', { className: 'muted' }, [`and ${rest} more`]) : null,
    ]),
  ]);
}

function evidenceLine(a: ReportAlternative): HTMLElement | null {
  if (!a.evidence) return null;
  return el('div', { className: a.evidence.possible ? 'evidence' : 'evidence impossible' }, [
    a.evidence.possible ? null : el('span', { className: 'contradiction-mark', attrs: { 'aria-hidden': 'true' } }, ['⚠ ']),
    a.evidence.text,
  ]);
}

function summary(a: ReportAlternative, index: number, view: View): HTMLElement {
  const contradicted = contradictedCalls(a.outcomes);
  return el('li', { className: 'alternative-summary' }, [
    el('span', { className: 'alternative-name' }, [a.name]),
    el('div', { className: 'assumes' }, a.assumptions.length === 0
      ? ['Assumes nothing beyond the baseline.']
      : ['Assumes ', ...a.assumptions.flatMap((x, i) => [i > 0 ? ', ' : '', el('code', { className: 'assumption' }, [x.text])])]),
    evidenceLine(a),
    movedInputs(a, index, view),
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
  if (o.observed) return td([o.probability.text, ' ', observedBadge(o.observed)], 'num alternative observed');
  const contradicted = o.judged?.contradicted === true;
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
  const columns = alternatives.filter((a) => a.evidence?.possible !== false);
  const rows = outcomes.map((o) =>
    el('tr', {}, [
      td([o.title], 'outcome-title'),
      td([o.probability.text], 'num baseline'),
      ...columns.map((a) => alternativeCell(a.outcomes.find((x) => x.name === o.name))),
    ]),
  );
  return section('alternatives', 'Alternatives', [
    el('ul', { className: 'alternative-list' }, alternatives.map((a, i) => summary(a, i, view))),
    columns.length === 0 ? null : scrollArea('Alternatives', table(
      'Each outcome in the baseline and in each alternative, with the change in percentage points (▲ up, ▼ down)',
      [{ title: 'Outcome' }, { title: 'Baseline', numeric: true }, ...columns.map((a) => ({ title: a.name, numeric: true }))],
      rows,
      'alternatives sticky-first',
    )),
  ]);
}
