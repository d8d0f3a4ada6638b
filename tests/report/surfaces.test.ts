// @vitest-environment happy-dom
/// <reference lib="dom" />
// One number, one text, on every surface: an outcome at exactly 95.5% reads "95.5%" in the hover,
// the inlay hint, the judgment check, the CLI's text and Markdown and the preview page (before,
// the hover said 96%); its swing reads with one decimal in the hover as in the report, and the
// hedge check writes the phrase ranges as the language writes them.
import { afterEach, describe, expect, it } from 'vitest';
import type { MarkupContent } from 'vscode-languageserver';
import { buildReport } from '../../common/report';
import { startPage, type Page } from '../../client/webview/page';
import { runForecast } from '../../server/src/cli/forecast';
import { judgmentDiagnostics } from '../../server/src/engine/judgment';
import { forecast } from '../../server/src/engine/forecast';
import { analyze } from '../../server/src/model/analyze';
import { hover } from '../../server/src/features/hover';
import { inlayHints } from '../../server/src/features/inlayHints';
import { marked } from '../features/state';
import { forecastMessage, recordingApi, URI } from '../webview/fixtures';

const SOURCE = [
  'scenario "Ninety-five and a half" { seed 3 }',
  'factor a "A" { probability 50% }',
  'outcome high "Nearly sure" {',
  '  base 95.5%',
  '  judged very unlikely',
  '}',
  'outcome driven "Driven" {',
  '  base 20%',
  '  a raises x2',
  '}',
].join('\n');

let page: Page | null = null;
afterEach(() => {
  page?.dispose();
  page = null;
});

describe('0.955 everywhere', () => {
  const f = forecast(analyze(SOURCE).model);
  const report = buildReport(f, { file: 'x.scenario' });

  it('is 0.955 in the forecast, 95.5% in the report', () => {
    expect(f.outcomes[0]!.probability).toBeCloseTo(0.955, 12);
    expect(report.outcomes[0]!.probability.text).toBe('95.5%');
  });

  it('the hover and the inlay hint', () => {
    const { state, cursors } = marked(SOURCE.replace('outcome high', 'outcome <|>high'));
    const text = (hover(state, cursors[0]!)!.contents as MarkupContent).value;
    expect(text).toContain('**Forecast:** 95.5%,');
    expect(text).toContain('contradicted, the computed 95.5% falls outside it');
    const hints = inlayHints(state, { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } });
    expect(hints[0]!.label).toBe('≈ 95.5% almost certain');
  });

  it('the swing in the hover reads as in the report: signed, one decimal', () => {
    const { state, cursors } = marked(SOURCE.replace('outcome driven', 'outcome <|>driven'));
    const text = (hover(state, cursors[0]!)!.contents as MarkupContent).value;
    const swing = report.outcomes[1]!.drivers[0]!.points.text;
    expect(swing).toMatch(/^[+−]\d+\.\d$/);
    expect(text).toContain(`**Top drivers by swing:** a ${swing} points.`);
    expect(text).toContain(`; swing ${swing} points`);
  });

  it('the judgment check: the computed number as shown, the ranges as written', () => {
    const [d] = judgmentDiagnostics(analyze(SOURCE).model, f);
    expect(d!.message).toBe(
      'The forecast gives high 95.5% ("almost certain", 95%–99%), outside the judged "very unlikely" (5%–20%). ' +
      'Change the judgment to "almost certain", or revisit the base and drivers.',
    );
  });

  it('the hedge check lists the phrase ranges as written', () => {
    const { state } = marked('factor a { probability may }');
    const hedge = state.diagnostics.find((x) => x.code === 'hedge-word');
    expect(hedge?.message).toContain('almost no chance (1%..5%), very unlikely (5%..20%), unlikely (20%..45%)');
  });

  it('the CLI’s text and Markdown', () => {
    const text = runForecast('x.scenario', { format: 'text', timing: false, readFile: () => SOURCE }).output;
    expect(text).toMatch(/^high {5}Nearly sure {2}95\.5% █+▏ {2}95\.5% {2}almost certain {2}✗ very unlikely$/m);
    const md = runForecast('x.scenario', { format: 'markdown', readFile: () => SOURCE }).output;
    expect(md).toContain('| **high** Nearly sure | 95.5% | 95.5% | almost certain | ✗ very unlikely |  |');
  });

  it('the preview page', () => {
    const root = document.createElement('main');
    root.dataset.uri = URI;
    document.body.replaceChildren(root);
    page = startPage({ root, api: recordingApi().api, createChart: () => ({ destroy() {} }) });
    window.dispatchEvent(new MessageEvent('message', { data: forecastMessage(structuredClone(f)) }));
    expect(root.querySelector('table.outcomes tr[data-name="high"] td.probability')!.textContent).toBe('95.5%');
    expect(root.querySelector('table.outcomes tr[data-name="high"] .badge-contradicted')!.getAttribute('title'))
      .toBe('The forecast, 95.5%, falls outside 5%–20%');
  });
});
