// Hostile text through every renderer: samples/hostile-labels.scenario from the real engine and
// the page fixtures' HOSTILE_* strings. Text stays text: no markup, no escape sequence, no bidi
// override, no formula; the JSON keeps the text exactly (JSON escapes it).
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../common/forecast';
import { buildReport, renderCsv, renderJson, renderMarkdown, renderText } from '../../common/report';
import { replaceControls } from '../../common/text/controls';
import { forecast } from '../../server/src/engine/forecast';
import { analyze } from '../../server/src/model/analyze';
import { HOSTILE_ATTR, HOSTILE_IMG, HOSTILE_SCRIPT, hostileForecast } from '../webview/fixtures';
import { parseCsv } from './helpers';

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const md = new MarkdownIt({ html: true, linkify: true });
md.linkify.set({ fuzzyLink: false });
/** The elements the Markdown renderer writes itself; anything else came from file text. */
const OWN_TAGS = new Set(['p', 'h1', 'h2', 'em', 'strong', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li']);

function tagsOf(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase());
}

function expectSafe(f: Forecast, label: string) {
  const report = buildReport(f, { file: 'hostile.scenario' });
  const text = renderText(report, { color: false, timing: true });
  expect(text, label).not.toMatch(UNSAFE);
  const markdown = renderMarkdown(report);
  expect(markdown, label).not.toMatch(UNSAFE);
  const html = md.render(markdown);
  expect(tagsOf(html).filter((t) => !OWN_TAGS.has(t)), label).toEqual([]);
  const rows = parseCsv(renderCsv(report));
  for (const row of rows.slice(1)) {
    for (const i of [0, 1, 2, 6, 7]) expect(row[i]!, label).not.toMatch(/^[=+\-@\t\r]/);
    expect(row.join(','), label).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]/);
  }
  const json = JSON.parse(renderJson(report, { timing: false }));
  expect(json.outcomes.map((o: { label: string }) => o.label), label).toEqual(f.outcomes.map((o) => o.label));
  return { report, text, markdown, html, rows, json };
}

describe('samples/hostile-labels.scenario', () => {
  const source = readFileSync(new URL('../../samples/hostile-labels.scenario', import.meta.url), 'utf8');
  const f = forecast(analyze(source).model);
  const { text, markdown, html, rows, json } = expectSafe(f, 'hostile-labels');

  it('shows the hostile title, labels and alternatives as text in every format', () => {
    expect(text.split('\n')[0]).toBe(`<script>alert('title')</script> & "quotes"  (exact, seed 42)`);
    // The label column is cut at 36 columns; the escape character before it is replaced.
    expect(text).toContain("=1+1 '; DROP TABLE outcomes; -- \uFFFD[3…");
    expect(markdown.split('\n')[0]).toBe(`# \\<script>alert('title')\\</script> & "quotes"`);
    expect(html).toContain('<h1>&lt;script&gt;alert(\'title\')&lt;/script&gt; &amp; &quot;quotes&quot;</h1>');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;&lt;iframe src=&quot;javascript:alert(1)&quot;&gt;&lt;/iframe&gt;');
    expect(html).toContain('<h2>Alternative: &lt;svg onload=alert(1)&gt;</h2>');
    const second = rows.find((r) => r[0] === '' && r[1] === 'second')!;
    expect(second[2]).toBe("'=1+1 '; DROP TABLE outcomes; -- \uFFFD[31mred\uFFFD[0m \uFFFDevil\uFFFD");
    expect(json.title).toBe(`<script>alert('title')</script> & "quotes"`);
    expect(json.outcomes[1].label).toBe('=1+1 \'; DROP TABLE outcomes; -- \u001b[31mred\u001b[0m \u202eevil\u202c');
  });
});

describe('the page fixtures’ hostile forecast', () => {
  const f = hostileForecast();
  const { markdown, html, json } = expectSafe(f, 'fixtures');

  it('escapes every piece of file content, and the JSON keeps it exactly', () => {
    expect(markdown.split('\n')[0]).toBe('# \\<img src=x onerror=alert(1)>');
    expect(html).toContain(`<h1>${HOSTILE_IMG.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</h1>`);
    expect(html).toContain('<em>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</em>');
    expect(json.file).toBe('hostile.scenario');
    expect(json.question).toBe(HOSTILE_SCRIPT);
    expect(json.horizon).toEqual({ from: HOSTILE_ATTR, to: HOSTILE_IMG });
    expect(json.inputs[0].sources).toEqual([HOSTILE_ATTR, HOSTILE_SCRIPT]);
    expect(json.alternatives.map((a: { name: string }) => a.name)).toEqual([HOSTILE_IMG, HOSTILE_ATTR]);
  });
});

describe('replaceControls: one set for terminals, Markdown and CSV', () => {
  it('replaces C0, DEL, C1 and bidirectional controls, and nothing else', () => {
    const unsafe = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b', '\u061c', '\u200e', '\u200f',
      '\u202a', '\u202e', '\u2066', '\u2069', '\t', '\n', '\r'];
    for (const c of unsafe) expect(replaceControls(`a${c}b`), JSON.stringify(c)).toBe('a\uFFFDb');
    const kept = 'US–Pakistan 👩🏽‍🚀 中文 עברית e\u0301 \u00a0 \u200d';
    expect(replaceControls(kept)).toBe(kept);
  });

  it('keeps tab and line breaks for CSV, which quotes them, but no other control', () => {
    expect(replaceControls('a\tb\r\nc\u001b[31m\u202e', { keepLineBreaks: true })).toBe('a\tb\r\nc\uFFFD[31m\uFFFD');
  });
});
