// The report as CSV (RFC 4180, CRLF line ends): one row per outcome of the baseline and of each
// alternative, the one CSV schema of the CLI and the preview's "Save CSV". Probabilities are
// fractions (6 decimals), deltas percentage points (4 decimals), top drivers "name points" with
// one decimal, joined by "; ". An outcome an alternative observes (seen, not forecast) has the
// phrase "observed" (or "observed not") and empty band, agrees and top_drivers cells. Text cells go through csvText (formulas neutralised, control
// characters replaced).
import { csvText } from '../text/csv';
import { round } from '../text/numbers';
import type { Report, ReportOutcome } from './report';

export const CSV_COLUMNS = [
  'alternative', 'outcome', 'label', 'probability', 'band_low', 'band_high', 'phrase',
  'judged', 'judged_low', 'judged_high', 'agrees', 'delta_points', 'top_drivers',
] as const;

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  return csvText(value);
}

function row(alternative: string, o: ReportOutcome): string {
  const drivers = o.top.map((d) => `${d.name} ${d.points.shown}`).join('; ');
  // An observed outcome (seen, not forecast) has no band and no checked call: those cells are empty.
  const band = o.observed ? [null, null] : [round(o.band.low, 6), round(o.band.high, 6)];
  const cells = [
    alternative, o.name, o.label, round(o.probability.value, 6), ...band, o.phraseText,
    o.judged?.text ?? null, o.judged ? round(o.judged.range[0], 6) : null, o.judged ? round(o.judged.range[1], 6) : null,
    o.judged?.checked ? o.judged.agrees : null, o.delta === null ? null : round(o.delta.value, 4), drivers,
  ];
  return cells.map(csvCell).join(',');
}

export function renderCsv(report: Report): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const o of report.outcomes) lines.push(row('', o));
  for (const a of report.alternatives) for (const o of a.outcomes) lines.push(row(a.name, o));
  return `${lines.join('\r\n')}\r\n`;
}
