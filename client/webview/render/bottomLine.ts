// The bottom line, first on the page: the question, the outcomes that answer it, the judged calls
// the forecast contradicts (each a link to its `judged` line), and while the file has errors,
// those errors (each a link to its place). A sticky alert keeps the count in view while scrolling.
import { bottomLine } from '../../../common/report/bottomLine';
import type { Report, ReportOutcome } from '../../../common/report';
import { formatCount } from '../../../common/text/numbers';
import { el, section } from '../dom';
import type { ErrorsView, View } from './view';

/** A button that looks like a link: the page has no hrefs (dom.ts refuses them). */
export function linkButton(text: readonly (string | Node)[], key: string, title: string, action: () => void): HTMLButtonElement {
  const button = el('button', { className: 'link', attrs: { type: 'button', title } }, text);
  button.dataset.key = key;
  button.addEventListener('click', action);
  return button;
}

/** "“label” — judged very unlikely; the forecast is 21%, unlikely" as a link to the judged line. */
export function contradictionLink(o: ReportOutcome, reveal: View['reveal'], scope = 'baseline'): HTMLButtonElement {
  return linkButton(
    [el('span', { className: 'label' }, [o.title]), ` — judged ${o.judged?.text ?? ''}; the forecast is ${o.probability.text}, ${o.phrase}`],
    `judged:${scope}:${o.name}`,
    `Show the judged line of ${o.name}`,
    () => reveal(o.name, 'judged'),
  );
}

function errorList(errors: ErrorsView): HTMLElement[] {
  if (errors.total === 0) return [];
  const more = errors.total - errors.errors.length;
  return [
    el('p', { className: 'errors-summary' }, [
      `✗ The file has ${errors.total === 1 ? 'an error' : `${formatCount(errors.total)} errors`}: what depends on ${errors.total === 1 ? 'it' : 'them'} shows its last good numbers, dimmed.`,
    ]),
    el('ul', { className: 'errors' }, [
      ...errors.errors.map((e, i) =>
        el('li', {}, [
          linkButton([`Line ${e.line + 1}: ${e.message}`], `error:${i}`, 'Show it in the editor', () => errors.revealPosition(e.line, e.character)),
        ]),
      ),
      more > 0 ? el('li', { className: 'muted' }, [`and ${formatCount(more)} more in the Problems view`]) : null,
    ]),
  ];
}

export function bottomLineSection(report: Report | null, view: View | null, errors: ErrorsView): HTMLElement | null {
  const line = report ? bottomLine(report) : null;
  const children: (HTMLElement | null)[] = [];
  if (line && view) {
    if (line.question) children.push(el('p', { className: 'question' }, [line.question]));
    if (line.answers.length > 0) {
      children.push(
        el('p', { className: 'answers-lead' }, [`${line.answersLead}:`]),
        el('ul', { className: 'answers' }, line.answers.map((o) =>
          el('li', { attrs: { 'data-name': o.name } }, [
            el('span', { className: 'num answer-probability' }, [o.probability.text]), ' ',
            el('span', { className: 'phrase' }, [o.phrase]), ' — ',
            el('span', { className: 'label' }, [o.title]),
          ]),
        )),
      );
    }
    if (line.judgedText) children.push(el('p', { className: line.contradicted.length > 0 ? 'judged-summary has-contradictions' : 'judged-summary' }, [line.judgedText]));
    if (line.contradicted.length > 0) {
      children.push(el('ul', { className: 'contradictions' }, line.contradicted.map((o) =>
        el('li', {}, [el('span', { className: 'contradiction-mark', attrs: { 'aria-hidden': 'true' } }, ['⚠ ']), contradictionLink(o, view.reveal)]),
      )));
    }
  }
  children.push(...errorList(errors));
  if (children.length === 0) return null;
  return section('bottom-line', 'Bottom line', children);
}

/** Stays at the top while the page scrolls: what needs the analyst's attention, as a jump to the bottom line. */
export function alertBar(report: Report | null, errors: ErrorsView, jump: () => void): HTMLElement | null {
  const contradicted = report ? bottomLine(report).contradicted.length : 0;
  const parts = [
    contradicted > 0 ? `⚠ ${formatCount(contradicted)} judged call${contradicted === 1 ? '' : 's'} contradicted` : '',
    errors.total > 0 ? `✗ ${formatCount(errors.total)} error${errors.total === 1 ? '' : 's'} in the file` : '',
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return el('div', { className: 'alert-bar' }, [
    linkButton([parts.join(' · ')], 'alert-bar', 'Go to the bottom line', jump),
  ]);
}
