// The tornado chart of the selected outcome: each driver's bar runs from the outcome's probability
// with the driver false to the probability with it true, around its probability now. The bar of
// the declaration at the editor's cursor is picked out.
import { tornadoSpec } from '../chartSpecs';
import { el, section } from '../dom';
import { chartBlock } from './chartBlock';
import type { View } from './view';

function outcomeSelector(view: View): HTMLElement {
  const select = el(
    'select',
    { attrs: { id: 'outcome-select' } },
    view.report.outcomes.map((o) => {
      const option = el('option', {}, [o.title]);
      option.value = o.name;
      return option;
    }),
  );
  if (view.selected !== null) select.value = view.selected;
  select.dataset.key = 'outcome-select';
  select.addEventListener('change', () => view.select(select.value));
  return el('div', { className: 'selector' }, [el('label', { attrs: { for: 'outcome-select' } }, ['Outcome']), ' ', select]);
}

export function sensitivitySection(view: View): HTMLElement | null {
  const outcome = view.report.outcomes.find((o) => o.name === view.selected);
  if (!outcome) return null;
  const body =
    outcome.drivers.length === 0
      ? el('p', { className: 'muted' }, ['Nothing upstream drives this outcome: its probability is its base.'])
      : chartBlock(tornadoSpec(outcome), view, { highlight: view.atCursor });
  return section('sensitivity', 'Sensitivity', [
    outcomeSelector(view),
    el('p', { className: 'muted explain' }, [
      `Each bar runs from the probability of “${outcome.title}” with the driver false to its probability with the driver true; ` +
        `the number beside it is the difference in percentage points. The dashed line is its probability now, ${outcome.probability.text}.`,
    ]),
    body,
  ]);
}
