// Alternatives side by side: each what-if's probability per outcome, with its delta in points
// from the baseline (coloured, and signed so the colour is never the only cue).
import { displayLabel, formatPercent, formatPoints, outcomeDelta } from '../../src/preview/exporters';
import { el, section, table, td } from '../dom';
import type { View } from './view';

function deltaSpan(delta: number | null): HTMLElement | null {
  if (delta === null) return null;
  const rounded = Math.round(delta * 10) / 10;
  const direction = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
  return el('span', { className: `delta delta-${direction}` }, [`${formatPoints(delta)} pts`]);
}

export function alternativesSection(view: View): HTMLElement | null {
  const { alternatives, outcomes } = view.forecast;
  if (alternatives.length === 0) return null;
  const rows = outcomes.map((o) =>
    el('tr', {}, [
      td([displayLabel(o)]),
      td([formatPercent(o.probability)], 'num baseline'),
      ...alternatives.map((a) => {
        const alt = a.outcomes.find((x) => x.name === o.name);
        if (!alt) return td(['—'], 'num muted');
        return td([formatPercent(alt.probability), ' ', deltaSpan(outcomeDelta(alt, o))], 'num alternative');
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
