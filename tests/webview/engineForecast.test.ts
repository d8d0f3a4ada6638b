// @vitest-environment happy-dom
/// <reference lib="dom" />
// A forecast from the real engine (LANGUAGE.md's example plus a hostile factor) passes the page's
// validation, renders with the engine's numbers, and exports cleanly.
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/model/analyze';
import { forecast } from '../../server/src/engine/forecast';
import { buildReport, renderCsv, renderJson, renderMarkdown } from '../../common/report';
import { startPage, type Page } from '../../client/webview/page';
import { parseToPage } from '../../client/webview/validate';
import { HOSTILE_ATTR, HOSTILE_IMG, HOSTILE_SCRIPT, URI, forecastMessage, recordingApi } from './fixtures';

const SOURCE = String.raw`
scenario "US–Pakistan relations, 2025" {
  question "Where will US–Pakistan relations stand at the end of 2025?"
  horizon 2025-01-20 to 2026-01-20
  samples 50000
  seed 2025
}
factor crisis "Pakistan's political, constitutional and economic crises" {
  probability almost certain
  note "Election-fraud allegations against the governing coalition."
  source "op-ed, paragraph 2"
}
factor khan_popular "Imran Khan and the PTI remain the most popular force" { probability very likely }
factor rapport "Trump and Khan keep a positive relationship" { probability 55%..75% }
event attack "A major terror attack touches US interests" { probability 10%..25% }
factor evil "<img src=x onerror=alert(1)>" {
  probability 50%
  note "</script><script>alert(1)</script>"
  source "\" onmouseover=\"x"
}
outcome democracy_push "Washington presses Islamabad on democracy and free speech" {
  base 20%
  crisis raises moderately
  khan_popular raises moderately
  rapport raises moderately
  evil lowers weakly
  judged likely
}
outcome trade_up "US–Pakistan trade grows" {
  base 50%
  crisis raises weakly
  judged likely
}
outcome security_ties "Washington re-engages Islamabad on counter-terrorism" {
  base 0.10
  attack raises x5..12
  democracy_push lowers weakly
  judged very unlikely
}
alternative "Khan released" {
  rapport 85%..95%
  khan_popular almost certain
}
alternative "Attack happens" { given attack }
alternative "Quiet year" {
  given not attack
  security_ties base 5%
}
`;

let page: Page | null = null;
afterEach(() => {
  page?.dispose();
  page = null;
});

describe('a forecast from the engine', () => {
  const analysis = analyze(SOURCE);
  const result = forecast(analysis.model);

  it('is a valid message and renders the engine’s numbers, labels as text', () => {
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const message = forecastMessage(result);
    expect(parseToPage(structuredClone(message))).toEqual(message);

    const root = document.createElement('main');
    root.dataset.uri = URI;
    document.body.replaceChildren(root);
    const drawn: { id: string; names: string[]; values: number[] }[] = [];
    page = startPage({
      root,
      api: recordingApi().api,
      createChart: (_canvas, spec) => {
        drawn.push({ id: spec.id, names: spec.names, values: spec.values });
        return { destroy() {} };
      },
    });
    window.dispatchEvent(new MessageEvent('message', { data: message }));

    expect(result.outcomes.map((o) => o.name)).toEqual(['democracy_push', 'trade_up', 'security_ties']);
    for (const o of result.outcomes) {
      const cell = root.querySelector(`table.outcomes tr[data-name="${o.name}"] td.probability`)!;
      // Whole percent between 10% and 90%, one decimal outside: within half of the last digit shown.
      const shown = cell.textContent!;
      const half = /\.\d%$/.test(shown) ? 0.0005 : 0.005;
      expect(Math.abs(Number(shown.replace('%', '')) / 100 - o.probability)).toBeLessThanOrEqual(half + 1e-12);
    }
    const tornado = drawn.find((d) => d.id === 'tornado')!;
    const swings = result.outcomes[0]!.swing;
    expect(tornado.names).toEqual(swings.map((s) => s.name));
    tornado.values.forEach((v, i) => expect(Math.abs(v - swings[i]!.points)).toBeLessThanOrEqual(0.05));

    const evil = root.querySelector('table.inputs tr[data-name="evil"]')!;
    expect(evil.querySelector('.label')!.textContent).toBe(HOSTILE_IMG);
    expect(evil.querySelector('.note')!.textContent).toBe(HOSTILE_SCRIPT);
    expect(evil.querySelector('.sources li')!.textContent).toBe(HOSTILE_ATTR);
    expect(document.querySelectorAll('img, script')).toHaveLength(0);
    expect(root.querySelector('.run-facts .seed')!.textContent).toBe('2025');
  });

  it('says what each alternative assumes, in the file’s words and order', () => {
    expect(result.alternatives.map((a) => [a.name, a.assumptions.map((x) => x.text)])).toEqual([
      ['Khan released', ['rapport 85%..95%', 'khan_popular almost certain']],
      ['Attack happens', ['given attack']],
      ['Quiet year', ['given not attack', 'base of security_ties 5%']],
    ]);
    expect(result.alternatives[2]!.assumptions.map((x) => x.name)).toEqual(['attack', 'security_ties']);
  });

  it('exports to Markdown, CSV and JSON without raw HTML or formulas', () => {
    const report = buildReport(result, { file: 'us-pakistan.scenario' });
    const md = renderMarkdown(report);
    // No tag can open: every `<` in the document is escaped (all of them come from the file).
    expect(md.match(/(?<!\\)</g)).toBeNull();
    const csv = renderCsv(report);
    // A header, then one row per outcome of the baseline and of each of the three alternatives.
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(1 + 3 * 4);
    expect(csv).not.toMatch(/(^|,)[=+@]/m);
    const json = JSON.parse(renderJson(report, { timing: false }));
    expect(json.inputs.find((i: { name: string }) => i.name === 'evil')).toMatchObject({
      label: HOSTILE_IMG, notes: [HOSTILE_SCRIPT], sources: [HOSTILE_ATTR],
    });
  });
});
