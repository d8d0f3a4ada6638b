// The forecast as CSV (RFC 4180): one row per outcome of the baseline and of each alternative.
// Probabilities are fractions, swings and deltas percentage points. Text cells that a
// spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading apostrophe; control
// characters other than tab are replaced.
import type { Forecast, OutcomeForecast } from '../../../common/forecast';
import { csvText } from '../../../common/text/csv';
import { round } from './format-json';

export const CSV_HEADER = [
  'alternative', 'outcome', 'label', 'probability', 'band_low', 'band_high', 'phrase',
  'judged', 'judged_low', 'judged_high', 'agrees', 'delta_points', 'top_drivers',
] as const;

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  return csvText(value);
}

function row(alternative: string, o: OutcomeForecast): string {
  const drivers = o.swing.slice(0, 3).map((s) => `${s.name} ${round(s.points, 1)}`).join('; ');
  const cells = [
    alternative, o.name, o.label, round(o.probability, 6), round(o.band[0], 6), round(o.band[1], 6), o.phrase,
    o.judged?.text ?? null, o.judged ? round(o.judged.range[0], 6) : null, o.judged ? round(o.judged.range[1], 6) : null,
    o.judged ? o.judged.agrees : null, o.delta === undefined ? null : round(o.delta, 4), drivers,
  ];
  return cells.map(csvCell).join(',');
}

export function formatCsv(f: Forecast): string {
  const lines = [CSV_HEADER.join(',')];
  for (const o of f.outcomes) lines.push(row('', o));
  for (const a of f.alternatives) for (const o of a.outcomes) lines.push(row(a.name, o));
  return `${lines.join('\r\n')}\r\n`;
}
