// How the forecast was computed: method, samples, seed and time.
import type { Forecast } from '../../../common/forecast';
import { formatCount, formatElapsed } from '../../src/preview/exporters';
import { el } from '../dom';

export function footer(forecast: Forecast): HTMLElement {
  const fact = (term: string, value: string, key: string) => [
    el('dt', {}, [term]),
    el('dd', { className: `num ${key}` }, [value]),
  ];
  return el('footer', { className: 'page-footer' }, [
    el('dl', { className: 'run-facts' }, [
      ...fact('Method', forecast.method === 'exact' ? 'exact' : 'Monte Carlo', 'method'),
      ...fact('Samples', formatCount(forecast.samples), 'samples'),
      ...fact('Seed', String(forecast.seed), 'seed'),
      ...fact('Time', formatElapsed(forecast.elapsedMs), 'elapsed'),
    ]),
  ]);
}
