// Linchpins of every outcome (they are few, and read as one list): the assumptions whose change
// alone would flip an outcome's phrase, nearest to flipping first, in the report's words ("stays
// likely while rapport is above 41%") with the assumption's probability now. The outcome and each
// assumption reveal their declarations.
import type { ReportLinchpin, ReportOutcome } from '../../../common/report';
import { el, section } from '../dom';
import { linkButton } from './bottomLine';
import { GUIDES_UNAVAILABLE, guidesUnavailable } from './guides';
import type { View } from './view';

const NO_LINCHPINS = 'No factor or event, set to any probability on its own, would change an outcome’s phrase.';

function linchpinItem(outcome: ReportOutcome, l: ReportLinchpin, view: View): HTMLElement {
  return el('li', { className: l.name === view.atCursor ? 'linchpin at-cursor' : 'linchpin', attrs: { 'data-name': l.name } }, [
    linkButton([l.text], `linchpin:${outcome.name}:${l.name}`, `Show the declaration of ${l.name}`, () => view.reveal(l.name)),
    el('span', { className: 'muted linchpin-now' }, [` (${l.name} now ${l.current.text})`]),
  ]);
}

function outcomeItem(o: ReportOutcome, view: View): HTMLElement {
  return el('li', { className: 'linchpin-outcome', attrs: { 'data-name': o.name } }, [
    linkButton([el('span', { className: 'label' }, [o.title])], `linchpins:${o.name}`, `Show the declaration of ${o.name}`, () => view.reveal(o.name)),
    el('span', { className: 'muted' }, [` ${o.phrase}, ${o.probability.text}`]),
    el('ul', { className: 'linchpins' }, o.linchpins.map((l) => linchpinItem(o, l, view))),
  ]);
}

export function linchpinsSection(view: View): HTMLElement | null {
  const { report } = view;
  if (report.outcomes.length === 0) return null;
  const pinned = report.outcomes.filter((o) => o.linchpins.length > 0);
  if (guidesUnavailable(report)) return section('linchpins', 'Linchpins', [el('p', { className: 'muted guides-unavailable' }, [GUIDES_UNAVAILABLE])]);
  if (pinned.length === 0) return section('linchpins', 'Linchpins', [el('p', { className: 'muted' }, [NO_LINCHPINS])]);
  return section('linchpins', 'Linchpins', [
    el('p', { className: 'muted explain' }, ['The assumptions whose change alone would flip an outcome’s phrase, nearest to flipping first; the outcomes not listed have none.']),
    el('ul', { className: 'linchpin-outcomes' }, pinned.map((o) => outcomeItem(o, view))),
  ]);
}
