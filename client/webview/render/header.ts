// Title, file name and horizon (the question leads the bottom line).
import type { Report } from '../../../common/report';
import { el } from '../dom';

export function header(report: Report | null, fileName: string): HTMLElement {
  const facts: HTMLElement[] = [];
  if (report?.horizon) facts.push(el('dt', {}, ['Horizon']), el('dd', { className: 'horizon' }, [report.horizon.text]));
  return el('header', { className: 'page-header' }, [
    el('h1', { className: 'title' }, [report?.title || fileName || 'Scenario forecast']),
    fileName ? el('p', { className: 'file-name muted' }, [fileName]) : null,
    facts.length > 0 ? el('dl', { className: 'facts' }, facts) : null,
  ]);
}
