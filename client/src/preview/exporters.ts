// Pure exports of a forecast: Markdown (copy as Markdown) and CSV (save as CSV); JSON is
// JSON.stringify. Also the number formats the preview page shows, so the page, the clipboard and
// the files agree digit for digit. No DOM and no Node APIs: both the extension and the page use it.
import type { AlternativeForecast, Forecast, InputForecast, OutcomeForecast, World } from '../../../common/forecast';
import { csvField, csvText, neutralizeFormula } from '../../../common/text/csv';
import { escapeMarkdown } from '../../../common/text/markdown';
import { signedPoints as formatPoints } from '../../../common/text/numbers';

// ---------------------------------------------------------------------------------------------
// Number formats

/** A fraction as a percentage with one decimal: 0.6312 → "63.1%". */
export function formatPercent(p: number): string {
  return `${(Math.round(p * 1000) / 10).toFixed(1)}%`;
}

/** A band or range: "48.0%–77.0%"; a point range shows one number. */
export function formatRange(range: readonly [number, number]): string {
  const [low, high] = range;
  return low === high ? formatPercent(low) : `${formatPercent(low)}–${formatPercent(high)}`;
}

/** Percentage points with a sign and one decimal: +21.3, −4.0 (a true minus), 0.0. */
export { formatPoints };

/** Milliseconds, readable: "12.3 ms", "1.24 s". */
export function formatElapsed(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** A whole number with thousands separators that do not depend on the locale: 50,000. */
export function formatCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The label an analyst wrote, or the name when there is none. */
export function displayLabel(item: { name: string; label: string }): string {
  return item.label.trim() === '' ? item.name : item.label;
}

/** An alternative's outcome delta in points: the engine's, or computed against the baseline. */
export function outcomeDelta(alt: OutcomeForecast, baseline: OutcomeForecast | undefined): number | null {
  if (typeof alt.delta === 'number') return alt.delta;
  return baseline ? (alt.probability - baseline.probability) * 100 : null;
}

/** "democracy_push, not trade_up": a world in words. */
export function describeWorld(world: World, outcomeOrder: readonly string[]): string {
  const names = [...outcomeOrder, ...Object.keys(world.outcomes).filter((n) => !outcomeOrder.includes(n))];
  return names
    .filter((n) => n in world.outcomes)
    .map((n) => (world.outcomes[n] ? n : `not ${n}`))
    .join(', ');
}

// ---------------------------------------------------------------------------------------------
// Markdown

export { escapeMarkdown };

function mdTable(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [line(header), line(align), ...rows.map(line)];
}

function judgedText(o: OutcomeForecast): string {
  if (!o.judged) return '';
  return o.judged.agrees ? escapeMarkdown(o.judged.text) : `${escapeMarkdown(o.judged.text)} (contradicted)`;
}

function topDrivers(o: OutcomeForecast, count = 3): string {
  return o.swing
    .slice(0, count)
    .map((s) => `${escapeMarkdown(s.name)} ${formatPoints(s.points)}`)
    .join(', ');
}

function outcomesMarkdown(outcomes: OutcomeForecast[]): string[] {
  return mdTable(
    ['Outcome', 'Probability', 'Band (5–95%)', 'Phrase', 'Judged', 'Top drivers (points)'],
    outcomes.map((o) => [
      `${escapeMarkdown(displayLabel(o))} (${escapeMarkdown(o.name)})`,
      formatPercent(o.probability),
      formatRange(o.band),
      escapeMarkdown(o.phrase),
      judgedText(o),
      topDrivers(o),
    ]),
  );
}

function alternativesMarkdown(f: Forecast): string[] {
  const header = ['Outcome', 'Baseline', ...f.alternatives.flatMap((a) => [escapeMarkdown(a.name), 'Δ points'])];
  const rows = f.outcomes.map((o) => [
    escapeMarkdown(displayLabel(o)),
    formatPercent(o.probability),
    ...f.alternatives.flatMap((a) => {
      const alt = a.outcomes.find((x) => x.name === o.name);
      if (!alt) return ['', ''];
      const delta = outcomeDelta(alt, o);
      return [formatPercent(alt.probability), delta === null ? '' : formatPoints(delta)];
    }),
  ]);
  return mdTable(header, rows);
}

function worldsMarkdown(worlds: World[], outcomes: OutcomeForecast[]): string[] {
  return mdTable(
    ['Probability', ...outcomes.map((o) => escapeMarkdown(o.name))],
    worlds.map((w) => [
      formatPercent(w.probability),
      ...outcomes.map((o) => (o.name in w.outcomes ? (w.outcomes[o.name] ? 'yes' : 'no') : '')),
    ]),
  );
}

function inputsMarkdown(inputs: InputForecast[]): string[] {
  return mdTable(
    ['Input', 'Kind', 'Probability', 'Range', 'Sources'],
    inputs.map((i) => [
      `${escapeMarkdown(displayLabel(i))} (${escapeMarkdown(i.name)})`,
      i.kind,
      formatPercent(i.probability),
      formatRange(i.range),
      i.sources.map(escapeMarkdown).join('; '),
    ]),
  );
}

/** The forecast as a Markdown report: every piece of file content escaped. */
export function forecastToMarkdown(f: Forecast): string {
  const out: string[] = [`# ${escapeMarkdown(f.title)}`, ''];
  if (f.file) out.push(`File: ${escapeMarkdown(f.file)}`, '');
  if (f.question) out.push(`**Question:** ${escapeMarkdown(f.question)}`, '');
  if (f.horizon) out.push(`**Horizon:** ${escapeMarkdown(f.horizon.from)} to ${escapeMarkdown(f.horizon.to)}`, '');
  out.push('## Outcomes', '', ...outcomesMarkdown(f.outcomes), '');
  if (f.alternatives.length > 0) out.push('## Alternatives', '', ...alternativesMarkdown(f), '');
  if (f.worlds.length > 0) out.push('## Most probable worlds', '', ...worldsMarkdown(f.worlds, f.outcomes), '');
  if (f.inputs.length > 0) out.push('## Factors and events', '', ...inputsMarkdown(f.inputs), '');
  out.push(
    `${formatCount(f.samples)} samples · seed ${f.seed} · ${f.method === 'exact' ? 'exact' : 'Monte Carlo'} · ${formatElapsed(f.elapsedMs)}`,
    '',
  );
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180)

export { csvField, neutralizeFormula };

type Cell = string | number | boolean | null;

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return csvText(value);
}

export const CSV_COLUMNS = [
  'section', 'alternative', 'outcome', 'name', 'kind', 'label', 'probability', 'low', 'high',
  'phrase', 'judged', 'agrees', 'points', 'sources', 'notes',
] as const;
type Row = Partial<Record<(typeof CSV_COLUMNS)[number], Cell>>;

function outcomeRows(outcomes: OutcomeForecast[], alternative: string, baseline?: OutcomeForecast[]): Row[] {
  return outcomes.flatMap((o) => [
    {
      section: 'outcome', alternative, name: o.name, label: o.label, probability: o.probability,
      low: o.band[0], high: o.band[1], phrase: o.phrase, judged: o.judged?.text ?? null,
      agrees: o.judged ? o.judged.agrees : null,
      points: baseline ? outcomeDelta(o, baseline.find((b) => b.name === o.name)) : null,
    },
    ...o.swing.map((s): Row => ({ section: 'swing', alternative, outcome: o.name, name: s.name, points: s.points })),
  ]);
}

function worldRows(worlds: World[], alternative: string, order: string[]): Row[] {
  return worlds.map((w) => ({ section: 'world', alternative, name: describeWorld(w, order), probability: w.probability }));
}

function alternativeRows(a: AlternativeForecast, f: Forecast, order: string[]): Row[] {
  return [...outcomeRows(a.outcomes, a.name, f.outcomes), ...worldRows(a.worlds, a.name, order)];
}

/**
 * The forecast as one CSV table, one row per fact: `section` says what the row is (outcome,
 * swing, world, factor, event); `alternative` is empty for the baseline. For outcomes, low/high
 * are the band and points the delta from the baseline; for swings, points is the swing; for
 * inputs, low/high are the range as written. Lines end with CRLF, as RFC 4180 says.
 */
export function forecastToCsv(f: Forecast): string {
  const order = f.outcomes.map((o) => o.name);
  const rows: Row[] = [
    ...outcomeRows(f.outcomes, ''),
    ...worldRows(f.worlds, '', order),
    ...f.alternatives.flatMap((a) => alternativeRows(a, f, order)),
    ...f.inputs.map((i): Row => ({
      section: i.kind, kind: i.kind, name: i.name, label: i.label, probability: i.probability,
      low: i.range[0], high: i.range[1], sources: i.sources.join('; '), notes: i.notes.join('; '),
    })),
  ];
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c] ?? null)).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
