// How the forecast was computed: the method in words (samples only where something was sampled),
// seed and time, and what that means for the numbers.
import { STANDARD_ERROR_MEANING } from '../../../common/report/bottomLine';
import type { Report } from '../../../common/report';
import { el } from '../dom';

const EXACT_MEANING = 'Exact: every probability is computed, not sampled; it carries no sampling error.';

export function footer(report: Report): HTMLElement {
  const fact = (term: string, value: string, key: string) => [
    el('dt', {}, [term]),
    el('dd', { className: `num ${key}` }, [value]),
  ];
  const { method } = report;
  return el('footer', { className: 'page-footer' }, [
    el('dl', { className: 'run-facts' }, [
      ...fact('Method', method.text, 'method'),
      ...fact('Seed', String(method.seed), 'seed'),
      ...fact('Time', report.elapsed.text, 'elapsed'),
    ]),
    el('p', { className: 'muted method-meaning' }, [method.kind === 'exact' ? EXACT_MEANING : STANDARD_ERROR_MEANING]),
  ]);
}
