// Title, file name, question and horizon.
import type { Forecast } from '../../../common/forecast';
import { el } from '../dom';

export function header(forecast: Forecast | null, fileName: string): HTMLElement {
  const facts: HTMLElement[] = [];
  if (forecast?.question) facts.push(el('dt', {}, ['Question']), el('dd', { className: 'question' }, [forecast.question]));
  if (forecast?.horizon) {
    facts.push(el('dt', {}, ['Horizon']), el('dd', { className: 'horizon' }, [`${forecast.horizon.from} to ${forecast.horizon.to}`]));
  }
  return el('header', { className: 'page-header' }, [
    el('h1', { className: 'title' }, [forecast?.title || fileName || 'Scenario forecast']),
    fileName ? el('p', { className: 'file-name muted' }, [fileName]) : null,
    facts.length > 0 ? el('dl', { className: 'facts' }, facts) : null,
  ]);
}
