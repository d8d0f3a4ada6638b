// How the forecast was computed: method, samples (Monte Carlo only), seed and time.
import type { Report } from '../../../common/report';
import { el } from '../dom';

export function footer(report: Report): HTMLElement {
  const fact = (term: string, value: string, key: string) => [
    el('dt', {}, [term]),
    el('dd', { className: `num ${key}` }, [value]),
  ];
  const { method } = report;
  return el('footer', { className: 'page-footer' }, [
    el('dl', { className: 'run-facts' }, [
      ...fact('Method', method.name, 'method'),
      // An exact forecast draws no samples for its probabilities: it does not claim any.
      ...(method.samplesText === null ? [] : fact('Samples', method.samplesText, 'samples')),
      ...fact('Seed', String(method.seed), 'seed'),
      ...fact('Time', report.elapsed.text, 'elapsed'),
    ]),
  ]);
}
