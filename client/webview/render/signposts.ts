// What to watch for the outcome the tornado shows (one outcome's list reads at 350 px; every
// outcome's would not): the signposts whose sighting would move it most, each with a bar from
// the outcome's probability if the signpost is not seen to its probability if it is (a square at
// that end), a line at its probability now, and the report's sentence beside it as the bar's
// text equivalent. Names reveal their declarations.
import type { ReportOutcome, ReportSignpost } from '../../../common/report';
import { el, section } from '../dom';
import { linkButton } from './bottomLine';
import { GUIDES_UNAVAILABLE, guidesUnavailable } from './guides';
import type { View } from './view';

/** Signposts listed with their bars; the rest are named. */
export const SIGNPOSTS_SHOWN = 5;

/** A mark at a probability on the bar's 0–100% track (CSSOM, which the page's CSP allows). */
function mark(className: string, left: number, width = 0): HTMLElement {
  const span = el('span', { className });
  span.style.left = `${100 * left}%`;
  if (width > 0) span.style.width = `${100 * width}%`;
  return span;
}

function shiftBar(outcome: ReportOutcome, s: ReportSignpost): HTMLElement {
  const low = Math.min(s.ifTrue.value, s.ifFalse.value);
  const high = Math.max(s.ifTrue.value, s.ifFalse.value);
  return el('div', { className: 'shift-bar', attrs: { 'aria-hidden': 'true' } }, [
    mark('shift-range', low, high - low),
    mark('shift-now', outcome.probability.value),
    mark('shift-seen', s.ifTrue.value),
  ]);
}

function signpostItem(outcome: ReportOutcome, s: ReportSignpost, view: View): HTMLElement {
  return el('li', { className: s.name === view.atCursor ? 'signpost at-cursor' : 'signpost', attrs: { 'data-name': s.name } }, [
    el('div', { className: 'signpost-name' }, [
      linkButton([el('span', { className: 'label' }, [s.label])], `watch:${s.name}`, `Show the declaration of ${s.name}`, () => view.reveal(s.name)),
      el('code', { className: 'name' }, [s.name]),
    ]),
    shiftBar(outcome, s),
    el('p', { className: 'signpost-text' }, [s.text]),
  ]);
}

function body(outcome: ReportOutcome, view: View): (HTMLElement | null)[] {
  if (guidesUnavailable(view.report)) return [el('p', { className: 'muted guides-unavailable' }, [GUIDES_UNAVAILABLE])];
  if (outcome.signposts.length === 0) {
    return [el('p', { className: 'muted' }, [`Seeing anything else in the model would not move “${outcome.title}” noticeably.`])];
  }
  const rest = outcome.signposts.slice(SIGNPOSTS_SHOWN);
  return [
    el('p', { className: 'muted explain' }, [
      `For “${outcome.title}”, now ${outcome.probability.text}: what seeing each would make it, largest expected change first. ` +
        'Each bar runs from its probability if the signpost is not seen to its probability if it is (the square); the line is its probability now.',
    ]),
    el('ul', { className: 'signposts' }, outcome.signposts.slice(0, SIGNPOSTS_SHOWN).map((s) => signpostItem(outcome, s, view))),
    rest.length > 0
      ? el('p', { className: 'muted more-signposts' }, [`And ${rest.length} with smaller expected changes: ${rest.map((s) => s.name).join(', ')}.`])
      : null,
  ];
}

export function signpostsSection(view: View): HTMLElement | null {
  const outcome = view.report.outcomes.find((o) => o.name === view.selected);
  if (!outcome) return null;
  return section('watch', 'What to watch', body(outcome, view));
}
