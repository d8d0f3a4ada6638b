// The report as one self-contained HTML document, for readers without VS Code (`scenario report`,
// "Scenario: Save Forecast Report (HTML)"): key judgments first, then outcomes with the probability
// chart, a sensitivity (tornado) chart per outcome, the most probable worlds, the alternatives,
// the factors and events with their sources, and the method. No script, no event attribute,
// nothing loaded from anywhere (the CSP meta tag forbids it besides): the charts are inline SVG
// (svg.ts) from the preview's chart specs and the styles are inline, with dark mode
// (prefers-color-scheme) and print styles. Every piece of text goes through one escaper. Pure.
import { replaceControls } from '../text/controls';
import { escapeHtml } from '../text/html';
import { probabilitySpec, tornadoSpec, worldsSpec } from './chartSpecs';
import type { Report, ReportOutcome, ReportPoints, ReportResolution } from './report';
import { BRIER_MEANING } from './scores';
import { REPORT_STYLES } from './htmlStyles';
import { barChartSvg, worldsSvg } from './svg';

export interface HtmlOptions {
  /** "Computed in …" in the method section (off for reproducible output). */
  timing: boolean;
}

/** What the document allows: its own inline styles, nothing else (no script, no fetch, no image). */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** File text or ours, as inert HTML text (controls and bidirectional overrides replaced first). */
const t = (s: string) => escapeHtml(replaceControls(s));

interface Column {
  title: string;
  numeric?: boolean;
}

/** A table of cells that are already HTML (each built with t()). */
function table(caption: string, head: Column[], rows: string[][], className: string): string {
  const numeric = (i: number) => (head[i]?.numeric ? ' class="num"' : '');
  const th = head.map((h, i) => `<th scope="col"${numeric(i)}>${t(h.title)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((cell, i) => `<td${numeric(i)}>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<div class="wide"><table class="${className}"><caption>${t(caption)}</caption><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

const titleCell = (o: { title: string; name: string; stale: string | null; resolution: ReportResolution | null }) =>
  `${t(o.title)} <code>${t(o.name)}</code>${o.stale ? ` <span class="badge stale">not updated: ${t(o.stale)}</span>` : ''}${
    o.resolution ? ` <span class="badge resolved" title="${t(BRIER_MEANING)}">${t(o.resolution.text)} · ${t(o.resolution.brierText)}</span>` : ''}`;

function judgedCell(o: ReportOutcome): string {
  if (!o.judged) return '<span class="muted">—</span>';
  const flag = !o.judged.checked
    ? `<span class="badge observed">not checked: ${t(o.observed?.meaning ?? 'observed')}</span>`
    : !o.judged.contradicted
      ? '<span class="badge agrees">agrees</span>'
      : `<span class="badge contradicted">contradicted: ${t(o.probability.text)} is outside ${t(o.judged.rangeText)}</span>`;
  return `${t(o.judged.text)} ${flag}`;
}

function deltaText(delta: ReportPoints | null): string {
  if (delta === null) return '';
  const direction = delta.sign > 0 ? 'up' : delta.sign < 0 ? 'down' : 'flat';
  return ` <span class="delta ${direction}">${t(delta.text)} pts</span>`;
}

const section = (id: string, title: string, body: string[]) =>
  `<section id="${id}">\n<h2>${t(title)}</h2>\n${body.filter(Boolean).join('\n')}\n</section>`;

const figure = (svg: string, caption: string) => `<figure>${svg}<figcaption>${t(caption)}</figcaption></figure>`;

function header(report: Report): string {
  const facts: string[] = [];
  if (report.question) facts.push(`<dt>Question</dt><dd>${t(report.question)}</dd>`);
  if (report.horizon) facts.push(`<dt>Horizon</dt><dd>${t(report.horizon.text)}</dd>`);
  if (report.file) facts.push(`<dt>File</dt><dd><code>${t(report.file)}</code></dd>`);
  const notice = report.excludedText ? `<p class="notice">${t(report.excludedText)}</p>` : '';
  return `<header>\n<h1>${t(report.title)}</h1>\n${facts.length > 0 ? `<dl class="facts">${facts.join('')}</dl>` : ''}\n${notice}</header>`;
}

function keyJudgments(report: Report): string {
  if (report.keyJudgments.length === 0) return '';
  const items = report.keyJudgments.map((k) => `<li>${t(k.text)}</li>`).join('\n');
  return section('key-judgments', 'Key judgments', [`<ul class="key-judgments">\n${items}\n</ul>`]);
}

function outcomes(report: Report): string {
  if (report.outcomes.length === 0) return section('outcomes', 'Outcomes', ['<p class="muted">The file declares no outcome.</p>']);
  const rows = report.outcomes.map((o) => [
    titleCell(o), `${t(o.probability.text)}${o.standardError ? ` <span class="muted" title="Monte Carlo standard error, in points">${t(o.standardError.text)}</span>` : ''}`, t(o.bandText), t(o.phraseText), judgedCell(o), t(o.topDrivers) || '<span class="muted">—</span>',
  ]);
  const spec = probabilitySpec(report.outcomes);
  return section('outcomes', 'Outcomes', [
    table('Each outcome: its probability, its 5–95% band, the phrase that fits it, the analyst’s call and the drivers with the largest swing',
      [{ title: 'Outcome' }, { title: 'Probability', numeric: true }, { title: 'Band (5–95%)', numeric: true }, { title: 'Phrase' },
        { title: 'Judged' }, { title: 'Top drivers (swing, pts)' }], rows, 'outcomes'),
    figure(barChartSvg(spec, 'chart-probabilities'), spec.title),
  ]);
}

function sensitivity(report: Report): string {
  if (report.outcomes.length === 0) return '';
  const blocks = report.outcomes.map((o, i) => {
    const heading = `<h3>${t(o.title)} <code>${t(o.name)}</code></h3>`;
    if (o.drivers.length === 0) return `<div class="outcome-sensitivity">${heading}<p class="muted">Nothing upstream drives this outcome: its probability is its base.</p></div>`;
    const spec = tornadoSpec(o);
    return `<div class="outcome-sensitivity">${heading}${figure(barChartSvg(spec, `chart-tornado-${i}`), spec.title)}</div>`;
  });
  return section('sensitivity', 'Sensitivity', [
    '<p class="muted">Each bar runs from the outcome’s probability with the driver false to its probability with the driver ' +
      'true; the dashed line is its probability now, and the number beside the bar the difference (the swing), in points.</p>',
    ...blocks,
  ]);
}

function worlds(report: Report): string {
  const { list } = report.worlds;
  if (list.length === 0) return '';
  const spec = worldsSpec(report.worlds, report.outcomes);
  const rows = list.map((w) => [
    t(w.probability.text),
    ...report.outcomes.map((o) => (w.outcomes[o.name] === undefined ? '—' : w.outcomes[o.name] ? '<span class="yes">yes</span>' : '<span class="no">no</span>')),
  ]);
  return section('worlds', 'Most probable worlds', [
    figure(worldsSvg(spec, 'chart-worlds'), spec.title),
    table('The most probable combinations of outcomes, with their probability', [{ title: 'Probability', numeric: true }, ...report.outcomes.map((o) => ({ title: o.name }))], rows, 'worlds'),
    report.worlds.restText ? `<p class="muted">${t(report.worlds.restText)}.</p>` : '',
  ]);
}

/** An alternative's cell for one outcome: its probability and change, or that it is observed there. */
function alternativeCell(o: ReportOutcome | undefined): string {
  if (!o) return '<span class="muted">—</span>';
  if (o.observed) return `${t(o.probability.text)} <span class="badge observed" title="${t(o.observed.meaning)}, not forecast">${t(o.observed.text)}</span>`;
  return `${t(o.probability.text)}${deltaText(o.delta)}`;
}

/** What each alternative assumes, and how probable its observations were. */
function alternativeList(report: Report): string {
  const items = report.alternatives.map((a) => {
    const said = [a.assumptionsText, a.evidence?.text ?? ''].filter(Boolean).map((s) => `${t(s)}.`).join(' ');
    return `<li><span class="alternative-name">${t(a.name)}</span>${said ? ` <span class="muted">${said}</span>` : ''}</li>`;
  });
  return `<ul class="alternative-list">\n${items.join('\n')}\n</ul>`;
}

function alternatives(report: Report): string {
  if (report.alternatives.length === 0) return '';
  const rows = report.outcomes.map((o) => [
    `${t(o.title)} <code>${t(o.name)}</code>`,
    t(o.probability.text),
    ...report.alternatives.map((a) => alternativeCell(a.outcomes.find((x) => x.name === o.name))),
  ]);
  return section('alternatives', 'Alternatives', [
    alternativeList(report),
    table('Each outcome in the baseline and in each alternative, with the change in percentage points',
      [{ title: 'Outcome' }, { title: 'Baseline', numeric: true }, ...report.alternatives.map((a) => ({ title: a.name, numeric: true }))],
      rows, 'alternatives'),
  ]);
}

function inputs(report: Report): string {
  if (report.inputs.length === 0) return '';
  const rows = report.inputs.map((i) => [
    `${titleCell(i)}${i.notes.map((n) => `<div class="note muted">${t(n)}</div>`).join('')}`,
    t(i.kind),
    t(i.probability.text),
    `${t(i.rangeText)}<div class="muted">${t(i.text)}</div>`,
    i.sources.length === 0 ? '<span class="muted">—</span>' : `<ul class="sources">${i.sources.map((s) => `<li>${t(s)}</li>`).join('')}</ul>`,
  ]);
  return section('inputs', 'Factors and events', [
    table('Each factor and event: its probability, its range as written, its notes and its sources',
      [{ title: 'Name' }, { title: 'Kind' }, { title: 'Probability', numeric: true }, { title: 'Range', numeric: true }, { title: 'Sources' }],
      rows, 'inputs'),
  ]);
}

function method(report: Report, options: HtmlOptions): string {
  const m = report.method;
  const facts = [
    `<dt>Method</dt><dd>${t(m.text)}</dd>`,
    ...(m.samplesText === null ? [] : [`<dt>Samples</dt><dd>${t(m.samplesText)}</dd>`]),
    `<dt>Seed</dt><dd>${t(String(m.seed))}</dd>`,
    ...(options.timing && Number.isFinite(report.elapsed.ms) ? [`<dt>Time</dt><dd>${t(report.elapsed.text)}</dd>`] : []),
  ];
  return section('method', 'Method', [
    `<dl class="facts">${facts.join('')}</dl>`,
    '<p class="muted">Each probability averages the outcome over every uncertain range in the file; the band is its 5th to ' +
      '95th percentile over those ranges. A swing is the outcome’s probability with the driver made true minus with it ' +
      'made false, in percentage points. The same file and seed give the same numbers on any machine.</p>',
  ]);
}

export function renderHtml(report: Report, options: HtmlOptions): string {
  const body = [header(report), keyJudgments(report), outcomes(report), sensitivity(report), worlds(report),
    alternatives(report), inputs(report), method(report, options)].filter(Boolean).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Forecast: ${t(report.title)}</title>
<style>${REPORT_STYLES}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
