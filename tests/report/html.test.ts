// @vitest-environment happy-dom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The standalone HTML report: no script, no event attribute, nothing loaded from anywhere, a CSP
// meta tag; every piece of file text shown as text (samples/hostile-labels.scenario and the page
// fixtures' hostile strings); the sections in order with the preview's chart specs drawn as SVG;
// dark mode and print styles.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../common/forecast';
import { buildReport, renderHtml, REPORT_CSP } from '../../common/report';
import { probabilitySpec, tornadoSpec } from '../../common/report/chartSpecs';
import { replaceControls } from '../../common/text/controls';
import { escapeHtml } from '../../common/text/html';
import { forecast } from '../../server/src/engine/forecast';
import { analyze } from '../../server/src/model/analyze';
import { repoRoot } from '../fixture';
import { HOSTILE_ATTR, HOSTILE_IMG, HOSTILE_SCRIPT, hostileForecast } from '../webview/fixtures';

// (The happy-dom environment has its own URL: paths from the repository root.)
const sampleText = (name: string) => readFileSync(join(repoRoot, 'samples', name), 'utf8');
const sampleForecast = (name: string) => forecast(analyze(sampleText(name)).model);
const render = (f: Forecast, file = 'sample.scenario') => renderHtml(buildReport(f, { file }), { timing: false });
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Every tag the renderer writes; file text never adds one (it has no `<` left). */
const OWN_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'h1', 'h2', 'h3', 'dl', 'dt', 'dd', 'p', 'section',
  'ul', 'li', 'div', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'span', 'figure', 'figcaption',
  'svg', 'desc', 'g', 'line', 'text', 'rect', 'path', 'circle',
]);

function tagsOf(html: string): { name: string; attributes: string[] }[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)].map((m) => ({
    name: m[1]!.toLowerCase(),
    attributes: [...m[2]!.matchAll(/\s([^\s=/>]+)(?==)/g)].map((a) => a[1]!.toLowerCase()),
  }));
}

function expectInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  const tags = tagsOf(html);
  expect(tags.filter((t) => !OWN_TAGS.has(t.name)).map((t) => t.name)).toEqual([]);
  // No event handler attribute, and nothing that loads: no src, href, srcset, action, style url().
  expect(tags.flatMap((t) => t.attributes).filter((a) => a.startsWith('on') || /^(src|href|xlink:href|srcset|action|formaction|data)$/.test(a))).toEqual([]);
  expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:|\/\/)/i);
  expect(html).not.toMatch(/url\(|@import/i);
  // The one policy, first in the head: nothing but the inline styles.
  const head = html.slice(0, html.indexOf('<style>'));
  expect(head).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
  expect(REPORT_CSP.split('; ')[0]).toBe("default-src 'none'");
  expect(REPORT_CSP).not.toMatch(/script-src|unsafe-eval|https?:|\*/);
  const doc = parse(html);
  expect(doc.querySelectorAll('script, img, iframe, object, embed, link, base, form, a').length).toBe(0);
  expect([...doc.querySelectorAll('*')].flatMap((e) => e.getAttributeNames()).filter((n) => n.startsWith('on'))).toEqual([]);
  return doc;
}

describe('the HTML report', () => {
  it('the op-ed sample: inert, self-contained, key judgments first, then the other sections in order', () => {
    const f = sampleForecast('us-pakistan-2025.scenario');
    const html = render(f);
    const doc = expectInert(html);
    expect([...doc.querySelectorAll('section')].map((s) => s.id)).toEqual([
      'key-judgments', 'outcomes', 'sensitivity', 'worlds', 'alternatives', 'inputs', 'method',
    ]);
    const report = buildReport(f, { file: 'sample.scenario' });
    expect([...doc.querySelectorAll('.key-judgments li')].map((li) => li.textContent)).toEqual(report.keyJudgments.map((k) => k.text));
    expect(doc.querySelector('h1')!.textContent).toBe('US–Pakistan relations, 2025');
    // Sources are listed with their inputs.
    expect(doc.querySelector('#inputs')!.textContent).toContain('op-ed, paragraph 2');
    expect(doc.querySelector('#method')!.textContent).toContain(report.method.text);
  });

  it('draws the preview’s chart specs: the probability bars with bands, a tornado per outcome, the worlds', () => {
    const f = sampleForecast('us-pakistan-2025.scenario');
    const report = buildReport(f);
    const doc = parse(render(f));
    const probabilities = doc.querySelector('#chart-probabilities')!;
    const spec = probabilitySpec(report.outcomes);
    expect([...probabilities.querySelectorAll('text.value')].map((t) => t.textContent)).toEqual(
      spec.texts.map((text, i) => `${text}  ${spec.bandTexts![i]}`));
    expect(probabilities.querySelectorAll('rect.bar').length).toBe(report.outcomes.length);
    expect(probabilities.querySelectorAll('path.whisker').length).toBe(report.outcomes.length);
    const withDrivers = report.outcomes.filter((o) => o.drivers.length > 0);
    expect(doc.querySelectorAll('#sensitivity svg').length).toBe(withDrivers.length);
    const first = doc.querySelector('#chart-tornado-0')!;
    const tornado = tornadoSpec(report.outcomes[0]!);
    expect([...first.querySelectorAll('text.value')].map((t) => t.textContent)).toEqual(
      tornado.texts.map((text, i) => `${text}: ${tornado.spans![i]!.fromText} → ${tornado.spans![i]!.toText}`));
    // The dashed line of the outcome's probability now.
    expect(first.querySelector('.reference title')!.textContent).toContain(report.outcomes[0]!.probability.text);
    // Bars that lower the outcome are drawn as such.
    const lowering = report.outcomes.findIndex((o) => o.drivers.some((d) => d.points.sign < 0));
    expect(doc.querySelector(`#chart-tornado-${lowering} rect.bar.negative`)).not.toBeNull();
    const worlds = doc.querySelector('#chart-worlds')!;
    expect(worlds.querySelectorAll('g.row').length).toBe(report.worlds.list.length);
    expect(worlds.querySelectorAll('circle.dot.holds').length).toBe(report.worlds.list.reduce((n, w) => n + w.holding.length, 0));
    for (const svg of doc.querySelectorAll('svg')) {
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.querySelector('title')!.textContent!.length).toBeGreaterThan(10);
    }
  });

  it('samples/hostile-labels.scenario: every label, note, source and name shown only as text', () => {
    const f = sampleForecast('hostile-labels.scenario');
    const html = render(f, 'hostile-labels.scenario');
    const doc = expectInert(html);
    const texts = [f.title, f.question ?? '', ...f.outcomes.map((o) => o.label), ...f.inputs.flatMap((i) => [i.label, ...i.notes, ...i.sources]),
      ...f.alternatives.map((a) => a.name)];
    for (const text of texts.filter((t) => /[<>&"']/.test(t))) {
      expect(html, text).not.toContain(text);
      expect(html, text).toContain(escapeHtml(replaceControls(text)));
    }
    // What a reader sees is what the file says (controls and bidi overrides replaced).
    expect(doc.querySelector('h1')!.textContent).toBe(f.title);
    expect(doc.title).toBe(`Forecast: ${f.title}`);
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/);
    expect(doc.querySelector('#alternatives')!.textContent).toContain('<svg onload=alert(1)>');
  });

  it('the page fixtures’ hostile strings, in the file name, the horizon and the labels, stay text', () => {
    const html = renderHtml(buildReport(hostileForecast()), { timing: true });
    const doc = expectInert(html);
    for (const s of [HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_ATTR]) {
      expect(html).not.toContain(s);
      expect(doc.body.textContent).toContain(s);
    }
  });

  it('reads in dark mode and printed, and is byte-identical without timing', () => {
    const f = sampleForecast('supply-chain-risk.scenario');
    const html = render(f);
    const style = parse(html).querySelector('style')!.textContent!;
    expect(style).toMatch(/@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{[^}]*--bg:/);
    expect(style).toMatch(/@media print\s*\{[\s\S]*break-inside: avoid/);
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(render({ ...f, elapsedMs: f.elapsedMs + 100 })).toBe(html);
    expect(renderHtml(buildReport(f), { timing: true })).toContain('<dt>Time</dt>');
  });

  it('shows a Monte Carlo probability with its standard error', () => {
    const f = forecast(analyze(readFileSync(join(repoRoot, 'tests', 'fixtures', 'dense.scenario'), 'utf8')).model);
    const report = buildReport(f);
    expect(report.method.kind).toBe('monte-carlo');
    const cells = [...parse(renderHtml(report, { timing: false })).querySelectorAll('table.outcomes tbody tr td:nth-child(2)')];
    expect(cells.map((c) => c.textContent)).toEqual(report.outcomes.map((o) => `${o.probability.text} ${o.standardError!.text}`));
  });

  it('says when the file had errors and an outcome shows its last good numbers', () => {
    const f = hostileForecast();
    f.outcomes[0]!.stale = 'line 12 has an error';
    f.excluded = [{ kind: 'outcome', name: f.outcomes[0]!.name, reason: 'line 12 has an error' }];
    const doc = parse(renderHtml(buildReport(f), { timing: false }));
    expect(doc.querySelector('header .notice')!.textContent).toContain('not forecast anew');
    expect(doc.querySelector('#outcomes .badge.stale')!.textContent).toBe('not updated: line 12 has an error');
  });
});
