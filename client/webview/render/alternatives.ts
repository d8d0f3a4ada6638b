// Alternatives side by side: each what-if's probability per outcome, with its delta in points
// from the baseline (coloured, and signed so the colour is never the only cue).
import type { ReportPoints } from '../../../common/report';
import { el, section, table, td } from '../dom';
import type { View } from './view';

function deltaSpan(delta: ReportPoints | null): HTMLElement | null {
  if (delta === null) return null;
  const direction = delta.sign > 0 ? 'up' : delta.sign < 0 ? 'down' : 'flat';
  return el('span', { className: `delta delta-${direction}` }, [`${delta.text} pts`]);
}

export function alternativesSection(view: View): HTMLElement | null {
  const { alternatives, outcomes } = view.report;
  if (alternatives.length === 0) return null;
  const rows = outcomes.map((o) =>
    el('tr', {}, [
      td([o.title]),
      td([o.probability.text], 'num baseline'),
      ...alternatives.map((a) => {
        const alt = a.outcomes.find((x) => x.name === o.name);
        if (!alt) return td(['—'], 'num muted');
        return td([alt.probability.text, ' ', deltaSpan(alt.delta)], 'num alternative');
      }),
    ]),
  );
  return section('alternatives', 'Alternatives', [
    table(
      'Each outcome in the baseline and in each alternative, with the change in percentage points',
      [{ title: 'Outcome' }, { title: 'Baseline', numeric: true }, ...alternatives.map((a) => ({ title: a.name, numeric: true }))],
      rows,
      'alternatives',
    ),
  ]);
}
