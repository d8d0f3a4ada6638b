// The most probable worlds: combinations of outcomes with their joint probability, and how much
// probability the worlds not listed hold together.
import { el, section, table, td } from '../dom';
import type { View } from './view';

export function worldsSection(view: View): HTMLElement | null {
  const { worlds, outcomes } = view.report;
  if (worlds.list.length === 0) return null;
  const header = [{ title: 'Probability', numeric: true }, ...outcomes.map((o) => ({ title: o.name }))];
  const rows = worlds.list.map((w) =>
    el('tr', {}, [
      td([w.probability.text], 'num probability'),
      ...outcomes.map((o) => {
        const value = w.outcomes[o.name];
        return value === undefined ? td(['—'], 'muted') : td([value ? 'yes' : 'no'], value ? 'yes' : 'no');
      }),
    ]),
  );
  return section('worlds', 'Most probable worlds', [
    table('The most probable combinations of outcomes, with their probability', header, rows, 'worlds'),
    worlds.rest ? el('p', { className: 'muted worlds-rest' }, [`${worlds.restText}.`]) : null,
  ]);
}
