// The most probable worlds: one row per combination of outcomes (✓ holds, · does not) with its
// joint probability, and a last row for all the worlds not listed. Outcome columns are narrow
// (names set sideways, labels in tooltips), and the table scrolls in its own box when it must.
import type { ReportWorlds } from '../../../common/report';
import { el, section, td } from '../dom';
import { scrollArea } from './scrollArea';
import type { View } from './view';

function glyph(holds: boolean | undefined): HTMLTableCellElement {
  if (holds === undefined) return td(['—'], 'glyph muted');
  return td([
    el('span', { attrs: { 'aria-hidden': 'true' } }, [holds ? '✓' : '·']),
    el('span', { className: 'visually-hidden' }, [holds ? 'holds' : 'does not hold']),
  ], holds ? 'glyph holds' : 'glyph not');
}

export function worldsTable(worlds: ReportWorlds, outcomes: View['report']['outcomes'], caption: string): HTMLTableElement {
  const header = el('tr', {}, [
    el('th', { className: 'num', attrs: { scope: 'col' } }, ['Probability']),
    ...outcomes.map((o) => el('th', { className: 'vertical', attrs: { scope: 'col', title: o.title } }, [el('span', {}, [o.name])])),
  ]);
  const rows = worlds.list.map((w) => el('tr', {}, [td([w.probability.text], 'num probability'), ...outcomes.map((o) => glyph(w.outcomes[o.name]))]));
  if (worlds.rest) {
    const rest = td(['all other worlds'], 'rest-label muted');
    rest.colSpan = Math.max(1, outcomes.length);
    rows.push(el('tr', { className: 'rest' }, [td([worlds.rest.text], 'num probability'), rest]));
  }
  return el('table', { className: 'worlds sticky-first' }, [el('caption', {}, [caption]), el('thead', {}, [header]), el('tbody', {}, rows)]);
}

export function worldsSection(view: View): HTMLElement | null {
  const { worlds, outcomes } = view.report;
  if (worlds.list.length === 0) return null;
  return section('worlds', 'Most probable worlds', [
    scrollArea('Most probable worlds', worldsTable(worlds, outcomes, 'The most probable combinations of outcomes (✓ holds, · does not), with their probability')),
  ]);
}
