// @vitest-environment happy-dom
/// <reference lib="dom" />
// The preview page in a DOM: what it shows, what it sends, and what it refuses.
import { afterEach, describe, expect, it } from 'vitest';
import { startPage, type Page } from '../../client/webview/page';
import type { BarChartSpec } from '../../client/webview/chartSpecs';
import { barChartConfig } from '../../client/webview/charts';
import { BAND_MEANING, STANDARD_ERROR_MEANING } from '../../common/report/bottomLine';
import type { ThemeColours } from '../../client/webview/theme';
import {
  HOSTILE_ATTR, HOSTILE_IMG, HOSTILE_SCRIPT, URI, forecastMessage, hostileForecast, recordingApi, sampleForecast,
} from './fixtures';

interface Drawn {
  canvas: HTMLCanvasElement;
  spec: BarChartSpec;
  theme: ThemeColours;
  destroyed: boolean;
}

let page: Page | null = null;

function mount(options: { state?: unknown; realCharts?: boolean } = {}) {
  const root = document.createElement('main');
  root.id = 'root';
  root.dataset.uri = URI;
  document.body.replaceChildren(root);
  const rec = recordingApi(options.state);
  const drawn: Drawn[] = [];
  page = startPage({
    root,
    api: rec.api,
    ...(options.realCharts
      ? {}
      : {
          createChart: (canvas: HTMLCanvasElement, spec: BarChartSpec, theme: ThemeColours) => {
            const d: Drawn = { canvas, spec, theme, destroyed: false };
            drawn.push(d);
            return { destroy: () => void (d.destroyed = true) };
          },
        }),
  });
  return { root, rec, drawn };
}

/** Delivers a message the way VS Code does: a message event on the window. */
function send(data: unknown): void {
  window.dispatchEvent(new MessageEvent('message', { data }));
}

function q<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T & Element>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

const cells = (row: Element) => Array.from(row.querySelectorAll('td')).map((c) => c.textContent?.trim() ?? '');
const outcomeRow = (root: ParentNode, name: string) => q<HTMLTableRowElement>(root, `table.outcomes tr[data-name="${name}"]`);
const inputRow = (root: ParentNode, name: string) => q<HTMLTableRowElement>(root, `table.inputs tr[data-name="${name}"]`);

afterEach(() => {
  page?.dispose();
  page = null;
  document.body.className = '';
  document.body.removeAttribute('style');
});

describe('start and restore', () => {
  it('posts ready with the URI the extension put on the page, and says it is waiting', () => {
    const { root, rec } = mount();
    expect(rec.posted).toEqual([{ type: 'ready', uri: URI }]);
    expect(q(root, '[role=status]').textContent).toBe('Waiting for the forecast…');
    expect(rec.state).toEqual({ uri: URI, selectedOutcome: null, locked: false });
  });

  it('restores the URI and the selected outcome from the saved state', () => {
    const saved = { uri: 'file:///other.scenario', selectedOutcome: 'security_ties', locked: true };
    const { root, rec } = mount({ state: saved });
    expect(rec.posted).toEqual([{ type: 'ready', uri: 'file:///other.scenario' }]);
    send(forecastMessage(sampleForecast(), { uri: 'file:///other.scenario' }));
    expect(q<HTMLSelectElement>(root, '#outcome-select').value).toBe('security_ties');
    expect(q(root, 'table[data-chart=tornado] caption').textContent).toContain('Washington re-engages Islamabad');
    expect(rec.state).toEqual(saved);
  });

  it('keeps the lock flag the extension sends in the state VS Code restores', () => {
    const { rec } = mount();
    send(forecastMessage(sampleForecast(), { locked: true }));
    expect(rec.state).toMatchObject({ uri: URI, locked: true });
  });
});

describe('what the page shows', () => {
  it('shows the title, question, horizon, outcomes, worlds, alternatives, inputs and run facts', () => {
    const { root } = mount();
    send(forecastMessage(sampleForecast()));
    expect(q(root, 'h1').textContent).toBe('US–Pakistan relations, 2025');
    expect(q(root, '.file-name').textContent).toBe('us-pakistan.scenario');
    expect(q(root, '.question').textContent).toBe('Where will US–Pakistan relations stand at the end of 2025?');
    expect(q(root, '.horizon').textContent).toBe('2025-01-20 to 2026-01-20');
    expect(root.querySelector('[role=status]')).toBeNull();

    expect(cells(outcomeRow(root, 'democracy_push')).slice(1, 3)).toEqual(['63%', '48–77%']);
    expect(q(outcomeRow(root, 'democracy_push'), 'td.call .phrase').textContent).toBe('likely');
    expect(q(outcomeRow(root, 'democracy_push'), 'td.call .judged').textContent).toBe('judged likely ✓ agrees');
    expect(cells(outcomeRow(root, 'trade_up')).slice(1, 3)).toEqual(['58%', '56–60%']);
    const contradicted = outcomeRow(root, 'security_ties');
    expect(cells(contradicted).slice(1, 3)).toEqual(['21%', '12–33%']);
    expect(q(contradicted, 'td.call .phrase').textContent).toBe('unlikely');
    expect(q(contradicted, 'td.call .judged').textContent).toBe('judged very unlikely ⚠ contradicted');
    expect(q(contradicted, '.badge-contradicted').getAttribute('title')).toBe('The forecast, 21%, falls outside 5%–20%');
    expect(root.querySelectorAll('table.outcomes .badge-contradicted')).toHaveLength(1);

    const worlds = Array.from(root.querySelectorAll('table.worlds tbody tr'));
    const glyphs = (row: Element) => Array.from(row.querySelectorAll('td.glyph [aria-hidden]')).map((g) => g.textContent);
    expect(glyphs(worlds[0]!)).toEqual(['✓', '✓', '·']);
    expect(Array.from(worlds[0]!.querySelectorAll('td.glyph .visually-hidden')).map((g) => g.textContent)).toEqual(['holds', 'holds', 'does not hold']);
    expect(worlds.map((w) => cells(w)[0])).toEqual(['29%', '17%', '21%', '33%']);
    // The worlds not listed hold 1 − 0.2899 − 0.1688 − 0.2101 = 0.3312 together: the last row.
    expect(worlds.at(-1)!.classList.contains('rest')).toBe(true);
    expect(cells(worlds.at(-1)!)).toEqual(['33%', 'all other worlds']);
    expect(q<HTMLTableCellElement>(worlds.at(-1)!, 'td.rest-label').colSpan).toBe(3);
    expect(Array.from(root.querySelectorAll('table.worlds thead th.vertical')).map((t) => [t.textContent, t.getAttribute('title')])).toEqual([
      ['democracy_push', 'Washington presses Islamabad on democracy and free speech'],
      ['trade_up', 'US–Pakistan trade grows'],
      ['security_ties', 'Washington re-engages Islamabad on counter-terrorism'],
    ]);

    const altHeaders = Array.from(root.querySelectorAll('table.alternatives thead th')).map((t) => t.textContent);
    expect(altHeaders).toEqual(['Outcome', 'Baseline', 'Khan released', 'Attack happens']);
    const altRows = Array.from(root.querySelectorAll('table.alternatives tbody tr')).map(cells);
    expect(altRows[0]).toEqual(['Washington presses Islamabad on democracy and free speech', '63%', '78% ▲ +15.1 pts', '63% 0.0 pts']);
    expect(altRows[2]).toEqual(['Washington re-engages Islamabad on counter-terrorism', '21%', '19% ▼ −2.4 pts', '56% ▲ +35.0 pts']);
    expect(Array.from(root.querySelectorAll('table.alternatives .delta')).map((d) => d.className)).toEqual([
      'delta delta-up', 'delta delta-flat', 'delta delta-flat', 'delta delta-flat', 'delta delta-down', 'delta delta-up',
    ]);
    expect(Array.from(root.querySelectorAll('.alternative-summary .assumes')).map((a) => a.textContent)).toEqual([
      'Assumes khan_popular 90%..95%, rapport 80%..90%', 'Assumes given attack',
    ]);

    expect(cells(inputRow(root, 'crisis'))).toEqual([
      "Pakistan's political, constitutional and economic crisescrisisElection-fraud allegations against the governing coalition.",
      'factor', '97.0%', '95%–99%almost certain', 'op-ed, paragraph 2',
    ]);
    expect(Array.from(inputRow(root, 'rapport').querySelectorAll('.sources li')).map((l) => l.textContent)).toEqual([
      'op-ed, paragraph 4', 'press reports',
    ]);
    expect(cells(inputRow(root, 'attack')).slice(1, 4)).toEqual(['event', '18%', '10%–25%10%..25%']);

    // An exact forecast claims no samples and no sampling error; a Monte Carlo one names both.
    const facts = () => Array.from(root.querySelectorAll('.run-facts dd')).map((d) => d.textContent);
    expect(facts()).toEqual(['exact', '2025', '12.3 ms']);
    expect(q(root, '.method-meaning').textContent).toBe('Exact: every probability is computed, not sampled; it carries no sampling error.');
    expect(root.querySelector('.se-meaning')).toBeNull();
    send(forecastMessage({ ...sampleForecast(), method: 'monte-carlo', elapsedMs: 1234.5 }));
    expect(facts()).toEqual(['Monte Carlo, 50,000 samples', '2025', '1.23 s']);
    expect(q(root, '.method-meaning').textContent).toBe(STANDARD_ERROR_MEANING);
    const sampledWorlds = { ...sampleForecast(), worldsMethod: 'monte-carlo' as const };
    send(forecastMessage(sampledWorlds));
    expect(facts()[0]).toBe('exact (worlds sampled, 50,000 samples)');
  });

  it('shows file content as text: hostile labels create no element and no attribute', () => {
    const { root } = mount();
    send(forecastMessage(hostileForecast(), { fileName: HOSTILE_SCRIPT }));

    expect(document.querySelectorAll('img, script, iframe, object, embed, svg, link, style')).toHaveLength(0);
    for (const node of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(node.attributes)) expect(attr.name).not.toMatch(/^on|^src$|^href$/);
    }
    // The only inline styles are the chart heights the page sets through CSSOM.
    for (const styled of Array.from(document.querySelectorAll('[style]'))) {
      expect(styled.className).toBe('chart-box');
      expect(styled.getAttribute('style')).toMatch(/^height: \d+px;?$/);
    }
    expect(q(root, 'h1').textContent).toBe(HOSTILE_IMG);
    expect(q(root, '.file-name').textContent).toBe(HOSTILE_SCRIPT);
    expect(q(root, '.question').textContent).toBe(HOSTILE_SCRIPT);
    expect(q(root, '.horizon').textContent).toBe(`${HOSTILE_ATTR} to ${HOSTILE_IMG}`);
    expect(q(outcomeRow(root, 'democracy_push'), '.label').textContent).toBe(HOSTILE_IMG);
    expect(q(outcomeRow(root, 'trade_up'), '.label').textContent).toBe(HOSTILE_ATTR);
    expect(q(outcomeRow(root, 'security_ties'), '.label').textContent).toBe(HOSTILE_SCRIPT);
    expect(q(outcomeRow(root, 'security_ties'), '.judged-text').textContent).toBe(HOSTILE_IMG);
    expect(q(inputRow(root, 'crisis'), '.label').textContent).toBe(HOSTILE_SCRIPT);
    expect(q(inputRow(root, 'crisis'), '.note').textContent).toBe(HOSTILE_IMG);
    expect(Array.from(inputRow(root, 'crisis').querySelectorAll('.sources li')).map((l) => l.textContent)).toEqual([
      HOSTILE_ATTR, HOSTILE_SCRIPT,
    ]);
    expect(q(inputRow(root, 'khan_popular'), '.written').textContent).toBe(HOSTILE_IMG);
    const altHeaders = Array.from(root.querySelectorAll('table.alternatives thead th')).map((t) => t.textContent);
    expect(altHeaders.slice(2)).toEqual([HOSTILE_IMG, HOSTILE_ATTR]);
    const option = q<HTMLOptionElement>(root, '#outcome-select option[value=trade_up]');
    expect(option.textContent).toBe(HOSTILE_ATTR);
    // Attribute values hold the text verbatim, and stay values.
    expect(q(root, 'canvas[aria-label*="Probability"]')).toBeTruthy();
    const tornadoCanvas = q(root, '[data-chart=tornado] canvas');
    expect(tornadoCanvas.getAttribute('aria-label')).toContain(`“${HOSTILE_IMG}”`);
  });

  it('titles an untitled file by its name, as the CLI does, and rounds Monte Carlo numbers to their samples', () => {
    const { root } = mount();
    const f = { ...sampleForecast(), title: 'Untitled scenario', method: 'monte-carlo' as const, samples: 20_000 };
    f.outcomes[0]!.probability = 0.955;
    send(forecastMessage(f, { fileName: 'us-pakistan.scenario' }));
    expect(q(root, 'h1').textContent).toBe('us-pakistan');
    // sqrt(0.955 × 0.045 / 20,000) = 0.15 points: no decimal.
    expect(cells(outcomeRow(root, 'democracy_push'))[1]).toBe('96%');
    send(forecastMessage({ ...f, method: 'exact' }, { fileName: 'us-pakistan.scenario' }));
    expect(cells(outcomeRow(root, 'democracy_push'))[1]).toBe('95.5%');
  });

  it('draws with the real Chart.js factory without a 2D context and keeps the text equivalents', () => {
    const { root } = mount({ realCharts: true });
    send(forecastMessage(sampleForecast()));
    expect(root.querySelectorAll('canvas')).toHaveLength(2);
    expect(root.querySelectorAll('table.text-equivalent')).toHaveLength(2);
    expect(cells(outcomeRow(root, 'democracy_push'))[1]).toBe('63%');
  });
});

describe('notices', () => {
  it('keeps the last good numbers under a stale notice, then clears the notice', () => {
    const { root } = mount();
    send(forecastMessage(sampleForecast(), { version: 3 }));
    send(forecastMessage(null, { version: 5, stale: true }));
    const status = q(root, '[role=status]');
    expect(status.textContent).toBe('The file has errors; showing the last good forecast from version 5.');
    expect(status.classList.contains('notice-stale')).toBe(true);
    expect(cells(outcomeRow(root, 'democracy_push'))[1]).toBe('63%');
    expect(q<HTMLButtonElement>(root, 'button[data-action=copyMarkdown]').disabled).toBe(false);

    send(forecastMessage(sampleForecast(), { version: 4, stale: true, notice: 'Line 7: expected a probability.' }));
    expect(q(root, '[role=status]').textContent).toBe('Line 7: expected a probability.');

    send(forecastMessage(sampleForecast(), { version: 6 }));
    expect(root.querySelector('[role=status]')).toBeNull();
  });

  it('marks the outcomes of a partial forecast that keep their last good numbers, under a notice', () => {
    const { root } = mount();
    const partial = sampleForecast();
    const reason = 'depends on rapport, which has an error';
    partial.outcomes[0] = { ...partial.outcomes[0]!, stale: reason };
    partial.excluded = [
      { kind: 'factor', name: 'rapport', reason: 'line 12 has an error' },
      { kind: 'outcome', name: partial.outcomes[0]!.name, reason },
    ];
    send(forecastMessage(partial, { version: 7, notice: 'The file has 1 error; democracy_push depends on it and keeps its last good numbers; the rest is forecast anew.' }));
    const status = q(root, '[role=status]');
    expect(status.classList.contains('notice-stale')).toBe(true);
    expect(status.textContent).toContain('keeps its last good numbers');
    const stale = outcomeRow(root, partial.outcomes[0]!.name);
    expect(stale.classList.contains('stale')).toBe(true);
    expect(q(stale, '.badge-stale').getAttribute('title')).toBe(`Last good numbers: ${reason}`);
    expect(root.querySelectorAll('table.outcomes .badge-stale')).toHaveLength(1);
    // Without a notice from the server, the page says which outcomes are not new.
    send(forecastMessage(partial, { version: 8 }));
    expect(q(root, '[role=status]').textContent).toBe(`1 of ${partial.outcomes.length} outcomes depend on an error and are not forecast anew (${partial.outcomes[0]!.name}); they show their last good numbers.`);
  });

  it('says there is no forecast yet, with the buttons off, when nothing good exists', () => {
    const { root, rec } = mount();
    send(forecastMessage(null, { notice: 'Line 3: expected a probability.' }));
    expect(q(root, '[role=status]').textContent).toBe('No forecast yet: Line 3: expected a probability.');
    expect(root.querySelector('table.outcomes')).toBeNull();
    const buttons = Array.from(root.querySelectorAll<HTMLButtonElement>('.toolbar button'));
    expect(buttons.map((b) => b.disabled)).toEqual([true, true, true]);
    buttons[0]!.click();
    expect(rec.posted).toHaveLength(1); // only 'ready'
  });

  it('does not keep another document’s numbers when the preview moves to a broken file', () => {
    const { root } = mount();
    send(forecastMessage(sampleForecast()));
    send(forecastMessage(null, { uri: 'file:///broken.scenario', stale: true }));
    expect(root.querySelector('table.outcomes')).toBeNull();
    expect(q(root, '[role=status]').textContent).toContain('No forecast yet');
  });
});

describe('messages it refuses', () => {
  const malformed: unknown[] = [
    null, 42, 'forecast', [], {}, { type: 'evil', uri: URI }, { type: 'forecast' },
    { ...forecastMessage(sampleForecast()), uri: 7 },
    { ...forecastMessage(sampleForecast()), version: 'three' },
    { ...forecastMessage(sampleForecast()), stale: 'no' },
    { ...forecastMessage(sampleForecast()), forecast: { title: 'only a title' } },
    { type: 'theme', kind: 'neon' },
  ];
  const broken = (edit: (f: Record<string, any>) => void) => {
    const f = sampleForecast() as unknown as Record<string, any>;
    edit(f);
    return forecastMessage(f as any);
  };
  malformed.push(
    broken((f) => (f.outcomes[0].probability = '0.6')),
    broken((f) => (f.outcomes[0].probability = 1.5)),
    broken((f) => (f.outcomes[0].band = [0.9, 0.1])),
    broken((f) => (f.outcomes[1].judged.agrees = 'yes')),
    broken((f) => (f.outcomes[2].swing[0].points = Number.NaN)),
    broken((f) => (f.worlds[0].outcomes.trade_up = 1)),
    broken((f) => (f.inputs[0].kind = 'rumour')),
    broken((f) => (f.inputs[0].sources = ['ok', 3])),
    broken((f) => (f.method = 'guess')),
    broken((f) => (f.alternatives = {})),
    broken((f) => (f.outcomes[0].label = { toString: 'x' })),
  );

  it('ignores unknown and malformed messages: the page and the state do not change', () => {
    const { root, rec } = mount();
    send(forecastMessage(sampleForecast()));
    const before = root.textContent;
    const posted = rec.posted.length;
    const state = structuredClone(rec.state);
    for (const data of malformed) send(data);
    expect(root.textContent).toBe(before);
    expect(rec.posted).toHaveLength(posted);
    expect(rec.state).toEqual(state);
  });
});

describe('what the page sends', () => {
  it('posts reveal when an outcome, factor or event row is clicked or activated by keyboard', () => {
    const { root, rec } = mount();
    send(forecastMessage(sampleForecast()));
    rec.posted.length = 0;
    outcomeRow(root, 'trade_up').click();
    inputRow(root, 'crisis').click();
    inputRow(root, 'attack').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(rec.posted).toEqual([
      { type: 'selectOutcome', uri: URI, name: 'trade_up' },
      { type: 'reveal', uri: URI, name: 'trade_up' },
      { type: 'reveal', uri: URI, name: 'crisis' },
      { type: 'reveal', uri: URI, name: 'attack' },
    ]);
    expect(root.querySelectorAll('table.worlds tr.clickable')).toHaveLength(0);
  });

  it('posts the export messages with the document URI', () => {
    const { root, rec } = mount();
    send(forecastMessage(sampleForecast()));
    rec.posted.length = 0;
    for (const b of Array.from(root.querySelectorAll<HTMLButtonElement>('.toolbar button'))) b.click();
    expect(rec.posted).toEqual([
      { type: 'copyMarkdown', uri: URI },
      { type: 'saveJson', uri: URI },
      { type: 'saveCsv', uri: URI },
    ]);
  });
});

describe('selection and updates', () => {
  it('keeps the selected outcome, the focus and the scroll position across an update', () => {
    const { root, rec, drawn } = mount();
    send(forecastMessage(sampleForecast()));
    outcomeRow(root, 'security_ties').click();
    expect(rec.state).toMatchObject({ selectedOutcome: 'security_ties' });
    inputRow(root, 'rapport').focus();
    window.scrollTo(0, 140);

    const updated = sampleForecast();
    updated.outcomes[0]!.probability = 0.7;
    updated.outcomes[2]!.swing[0]!.points = 40.04;
    send(forecastMessage(updated, { version: 4 }));

    expect(cells(outcomeRow(root, 'democracy_push'))[1]).toBe('70%');
    expect(q<HTMLSelectElement>(root, '#outcome-select').value).toBe('security_ties');
    expect(outcomeRow(root, 'security_ties').classList.contains('selected')).toBe(true);
    expect(outcomeRow(root, 'security_ties').getAttribute('aria-current')).toBe('true');
    const tornado = drawn.filter((d) => d.spec.id === 'tornado');
    expect(tornado.at(-1)!.spec.names).toEqual(['attack', 'democracy_push', 'rapport']);
    expect(tornado.at(-1)!.spec.values).toEqual([40, -3.1, -2]);
    expect((document.activeElement as HTMLElement).dataset.key).toBe('input:rapport');
    expect(window.scrollY).toBe(140);
    expect(rec.state).toMatchObject({ selectedOutcome: 'security_ties' });
  });

  it('switches the tornado chart with the selector and posts selectOutcome', () => {
    const { root, rec, drawn } = mount();
    send(forecastMessage(sampleForecast()));
    expect(drawn.filter((d) => d.spec.id === 'tornado').at(-1)!.spec.names).toEqual(['rapport', 'khan_popular', 'crisis']);
    const select = q<HTMLSelectElement>(root, '#outcome-select');
    select.value = 'trade_up';
    select.dispatchEvent(new Event('change'));
    expect(rec.posted.at(-1)).toEqual({ type: 'selectOutcome', uri: URI, name: 'trade_up' });
    expect(drawn.filter((d) => d.spec.id === 'tornado').at(-1)!.spec.values).toEqual([7.7]);
    expect(q(root, 'table[data-chart=tornado] tbody').textContent).toContain('+7.7 points');
  });

  it('falls back to the first outcome when the selected one disappears, and returns to it later', () => {
    const { root } = mount({ state: { uri: URI, selectedOutcome: 'trade_up', locked: false } });
    const without = sampleForecast();
    without.outcomes.splice(1, 1);
    send(forecastMessage(without));
    expect(q<HTMLSelectElement>(root, '#outcome-select').value).toBe('democracy_push');
    send(forecastMessage(sampleForecast()));
    expect(q<HTMLSelectElement>(root, '#outcome-select').value).toBe('trade_up');
  });
});

describe('charts', () => {
  function numbersOf(table: Element): number[][] {
    return Array.from(table.querySelectorAll('tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).flatMap((td) =>
        (td.textContent ?? '').replace(/−/g, '-').match(/[-+]?\d+(\.\d+)?/g)!.map(Number),
      ),
    );
  }

  it('gives every chart a text equivalent with the same numbers as the chart data', () => {
    const { root, drawn } = mount();
    send(forecastMessage(sampleForecast()));
    expect(drawn.map((d) => d.spec.id)).toEqual(['probabilities', 'tornado']);
    for (const { canvas, spec, theme } of drawn) {
      expect(canvas.isConnected).toBe(true);
      expect(canvas.getAttribute('role')).toBe('img');
      expect(canvas.getAttribute('aria-label')).toContain(spec.title);
      const table = q(root, `table.text-equivalent[data-chart=${spec.id}]`);
      expect(table.parentElement!.classList.contains('visually-hidden')).toBe(true);
      const config = barChartConfig(spec, theme);
      const data = config.data.datasets[0]!.data;
      const rows = numbersOf(table);
      // A tornado bar is its two ends (if false, if true), then the swing; a probability bar its value.
      expect(rows.map((r) => (spec.spans ? [r[0], r[1]] : r[0]))).toEqual(data);
      const heads = Array.from(table.querySelectorAll('tbody th')).map((th) => /^(.*) \(([^()]*)\)$/.exec(th.textContent ?? '')!);
      expect(config.data.labels).toEqual(heads.map((h) => h[1]));
      expect(spec.names).toEqual(heads.map((h) => h[2]));
      if (spec.bands) expect(rows.map((r) => [r[1], r[2]])).toEqual(spec.bands);
      if (spec.spans) expect(rows.map((r) => r[2])).toEqual(spec.values);
    }
    // And those numbers are the forecast's, rounded as the tables show them.
    const tornado = drawn.find((d) => d.spec.id === 'tornado')!;
    expect(tornado.spec.values).toEqual([21.3, 15.2, 12]);
    expect(tornado.spec.spans!.map((s) => [s.from, s.to])).toEqual([[39, 61], [42, 58], [44, 56]]);
    expect(q(root, 'table[data-chart=tornado] thead').textContent).toBe('DriverIf falseIf trueSwing');
    const probabilities = drawn.find((d) => d.spec.id === 'probabilities')!;
    expect(probabilities.spec.values).toEqual([63, 58, 21]);
    expect(probabilities.spec.bands).toEqual([[48, 77], [56, 60], [12, 33]]);
  });

  it('redraws in the new colours when the body theme class changes or a theme message arrives', async () => {
    const { drawn } = mount();
    document.body.classList.add('vscode-dark');
    document.body.style.setProperty('--vscode-charts-blue', '#111111');
    send(forecastMessage(sampleForecast()));
    const first = drawn.slice();
    expect(first[0]!.theme).toMatchObject({ kind: 'dark', positive: '#111111' });

    document.body.style.setProperty('--vscode-charts-blue', '#222222');
    document.body.className = 'vscode-high-contrast';
    await new Promise((resolve) => setTimeout(resolve, 0)); // MutationObserver callbacks are async
    expect(first.every((d) => d.destroyed)).toBe(true);
    const second = drawn.slice(first.length);
    expect(second).toHaveLength(2);
    expect(second[0]!.theme).toMatchObject({ kind: 'high-contrast', positive: '#222222' });
    expect(second[0]!.theme.outline).not.toBe('');

    document.body.style.setProperty('--vscode-charts-blue', '#333333');
    send({ type: 'theme', kind: 'light' });
    expect(drawn.at(-1)!.theme.positive).toBe('#333333');
  });
});

describe('the bottom line', () => {
  it('leads with the question, the outcomes more likely than not, and the contradicted calls as links to their judged lines', () => {
    const { root, rec } = mount();
    send(forecastMessage(sampleForecast()));
    const bottom = q(root, '#bottom-line');
    // First after the toolbar: nothing with numbers comes before it.
    expect(root.querySelector('#bottom-line ~ #outcomes')).not.toBeNull();
    expect(q(bottom, '.question').textContent).toBe('Where will US–Pakistan relations stand at the end of 2025?');
    expect(q(bottom, '.answers-lead').textContent).toBe('More likely than not:');
    expect(Array.from(bottom.querySelectorAll('.answers li')).map((li) => li.textContent)).toEqual([
      '63% likely — Washington presses Islamabad on democracy and free speech',
      '58% likely — US–Pakistan trade grows',
    ]);
    expect(q(bottom, '.judged-summary').textContent).toBe('The forecast contradicts 1 of 3 judged calls.');
    const link = q<HTMLButtonElement>(bottom, '.contradictions button.link');
    expect(link.textContent).toBe('Washington re-engages Islamabad on counter-terrorism — judged very unlikely; the forecast is 21%, unlikely');
    rec.posted.length = 0;
    link.click();
    expect(rec.posted).toEqual([{ type: 'reveal', uri: URI, name: 'security_ties', statement: 'judged' }]);
    // The cue stays in view while the page scrolls: a sticky bar that jumps to the bottom line.
    const bar = q<HTMLButtonElement>(root, '.alert-bar button.link');
    expect(bar.textContent).toBe('⚠ 1 judged call contradicted');
    bar.click();
    expect(document.activeElement).toBe(link);
  });

  it('says when every call agrees, and names the most likely outcome when none is more likely than not', () => {
    const { root } = mount();
    const f = sampleForecast();
    f.outcomes[2]!.judged = null;
    for (const o of f.outcomes) o.probability = o.probability / 2;
    f.outcomes[0]!.judged!.agrees = true;
    send(forecastMessage(f));
    expect(q(root, '.answers-lead').textContent).toBe('None is more likely than not; the most likely:');
    expect(Array.from(root.querySelectorAll('#bottom-line .answers li')).map((li) => li.getAttribute('data-name'))).toEqual(['democracy_push']);
    expect(q(root, '.judged-summary').textContent).toBe('The forecast agrees with all 2 judged calls.');
    expect(root.querySelector('.alert-bar')).toBeNull();
  });

  it('lists the file’s errors as links to their places, and dims the last good numbers', () => {
    const { root, rec } = mount();
    send(forecastMessage(sampleForecast(), { version: 3 }));
    send(forecastMessage(null, { version: 5, stale: true }));
    send({ type: 'errors', uri: URI, total: 2, errors: [
      { line: 11, character: 2, code: 'unknown-name', message: 'unknown name “rapportzz”' },
      { line: 40, character: 0, code: 'syntax', message: 'expected a probability' },
    ] });
    expect(q(root, '.errors-summary').textContent).toBe('✗ The file has 2 errors: what depends on them shows its last good numbers, dimmed.');
    const links = Array.from(root.querySelectorAll<HTMLButtonElement>('#bottom-line .errors button.link'));
    expect(links.map((l) => l.textContent)).toEqual(['Line 12: unknown name “rapportzz”', 'Line 41: expected a probability']);
    rec.posted.length = 0;
    links[1]!.click();
    expect(rec.posted).toEqual([{ type: 'revealPosition', uri: URI, line: 40, character: 0 }]);
    expect(q(root, '.page').classList.contains('stale-numbers')).toBe(true);
    expect(q(root, '.alert-bar').textContent).toBe('⚠ 1 judged call contradicted · ✗ 2 errors in the file');

    // Errors of another document are not this page's; an empty list clears them.
    send({ type: 'errors', uri: 'file:///other.scenario', total: 1, errors: [{ line: 0, character: 0, code: null, message: 'x' }] });
    expect(root.querySelectorAll('#bottom-line .errors li')).toHaveLength(2);
    send({ type: 'errors', uri: URI, total: 0, errors: [] });
    send(forecastMessage(sampleForecast(), { version: 6 }));
    expect(root.querySelector('.errors-summary')).toBeNull();
    expect(q(root, '.page').classList.contains('stale-numbers')).toBe(false);
  });

  it('shows the errors even when there is no forecast yet', () => {
    const { root } = mount();
    send(forecastMessage(null, { notice: 'Line 3: expected a probability.' }));
    send({ type: 'errors', uri: URI, total: 25, errors: [{ line: 2, character: 4, code: 'syntax', message: 'expected a probability' }] });
    expect(q(root, '#bottom-line .errors button.link').textContent).toBe('Line 3: expected a probability');
    expect(q(root, '#bottom-line .errors li.muted').textContent).toBe('and 24 more in the Problems view');
  });
});

describe('layout and honest numbers', () => {
  it('marks the tables that reflow into cards, labels their cells, and puts the wide ones in their own scroll box', () => {
    const { root } = mount();
    send(forecastMessage(sampleForecast()));
    expect(q(root, 'table.outcomes').classList.contains('reflow-narrow')).toBe(true);
    expect(q(root, 'table.inputs').classList.contains('reflow-narrow')).toBe(true);
    const row = outcomeRow(root, 'democracy_push');
    expect(Array.from(row.querySelectorAll('td')).map((c) => c.dataset.label ?? null)).toEqual([null, 'Probability', 'Band', 'Phrase and judged call']);
    // The identifier sits under the label, in the same cell; phrase and call share one cell.
    expect(Array.from(q(row, 'td.name-cell').children).map((c) => c.className)).toEqual(['label', 'name']);
    expect(row.querySelectorAll('td')).toHaveLength(4);
    for (const name of ['worlds', 'alternatives']) {
      const area = q(root, `table.${name}`).parentElement!;
      expect(area.classList.contains('scroll-x')).toBe(true);
      expect(area.getAttribute('tabindex')).toBe('0');
      expect(area.getAttribute('role')).toBe('region');
      expect(q(root, `table.${name}`).classList.contains('sticky-first')).toBe(true);
    }
  });

  it('explains the band where it is shown, and gives Monte Carlo probabilities their standard error', () => {
    const { root } = mount();
    send(forecastMessage(sampleForecast()));
    expect(q(root, '#outcomes .band-meaning').textContent).toBe(BAND_MEANING);
    expect(BAND_MEANING).toContain('not a confidence interval');
    expect(root.querySelector('#outcomes .se')).toBeNull();
    const f = { ...sampleForecast(), method: 'monte-carlo' as const, samples: 20_000 };
    f.outcomes[0]!.standardError = 0.0034;
    send(forecastMessage(f));
    expect(q(outcomeRow(root, 'democracy_push'), 'td.probability').textContent).toBe('63% ±0.3');
    expect(q(outcomeRow(root, 'democracy_push'), '.se').getAttribute('title')).toBe(STANDARD_ERROR_MEANING);
    expect(q(root, '#outcomes .se-meaning').textContent).toBe(STANDARD_ERROR_MEANING);
  });

  it('flags the judged calls an alternative contradicts, each a link to its judged line', () => {
    const { root, rec } = mount();
    const f = sampleForecast();
    f.alternatives[1]!.outcomes[2]!.judged = { text: 'very unlikely', range: [0.05, 0.2], agrees: false };
    send(forecastMessage(f));
    const summaries = Array.from(root.querySelectorAll('.alternative-summary'));
    expect(summaries[0]!.querySelector('.alternative-contradicts')).toBeNull();
    const flag = q(summaries[1]!, '.alternative-contradicts');
    expect(flag.textContent).toBe('⚠ ContradictsWashington re-engages Islamabad on counter-terrorism — judged very unlikely; the forecast is 56%, likely');
    const cell = Array.from(root.querySelectorAll('table.alternatives tbody tr'))[2]!.querySelectorAll('td')[3]!;
    expect(q(cell, '.badge-contradicted').textContent).toBe('⚠ judged');
    rec.posted.length = 0;
    q<HTMLButtonElement>(flag, 'button.link').click();
    expect(rec.posted).toEqual([{ type: 'reveal', uri: URI, name: 'security_ties', statement: 'judged' }]);
  });

  it('keeps every row reachable by keyboard, and the focus on its row across an update', () => {
    const { root, rec } = mount();
    send(forecastMessage(sampleForecast()));
    const rows = Array.from(root.querySelectorAll<HTMLTableRowElement>('table.outcomes tbody tr, table.inputs tbody tr'));
    expect(rows).toHaveLength(7);
    for (const row of rows) expect(row.tabIndex).toBe(0);
    outcomeRow(root, 'trade_up').focus();
    rec.posted.length = 0;
    outcomeRow(root, 'trade_up').dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    expect(rec.posted).toEqual([{ type: 'selectOutcome', uri: URI, name: 'trade_up' }, { type: 'reveal', uri: URI, name: 'trade_up' }]);
    expect((document.activeElement as HTMLElement).dataset.key).toBe('outcome:trade_up');
  });
});

describe('editor → preview sync', () => {
  it('picks out the row of the declaration at the cursor, and makes an outcome the tornado’s', () => {
    const { root, rec, drawn } = mount();
    send(forecastMessage(sampleForecast()));
    rec.posted.length = 0;
    send({ type: 'cursor', uri: URI, name: 'security_ties' });
    expect(outcomeRow(root, 'security_ties').classList.contains('at-cursor')).toBe(true);
    expect(root.querySelectorAll('tr.at-cursor:not(.text-equivalent tr)')).toHaveLength(1);
    expect(q<HTMLSelectElement>(root, '#outcome-select').value).toBe('security_ties');
    // The page follows the cursor: it selects, but never moves the editor (no reveal).
    expect(rec.posted).toEqual([{ type: 'selectOutcome', uri: URI, name: 'security_ties' }]);
    expect(rec.state).toMatchObject({ selectedOutcome: 'security_ties' });

    // A driver of the shown outcome: its row, and its bar in the tornado.
    send({ type: 'cursor', uri: URI, name: 'attack' });
    expect(inputRow(root, 'attack').classList.contains('at-cursor')).toBe(true);
    expect(outcomeRow(root, 'security_ties').classList.contains('at-cursor')).toBe(false);
    expect(q(root, 'table[data-chart=tornado] tr[data-name=attack]').classList.contains('at-cursor')).toBe(true);
    const factory = drawn.at(-1)!;
    expect(factory.spec.id).toBe('tornado');
    expect(q<HTMLSelectElement>(root, '#outcome-select').value).toBe('security_ties');

    // Outside any declaration, and for another document: nothing is picked out.
    send({ type: 'cursor', uri: 'file:///other.scenario', name: 'crisis' });
    expect(inputRow(root, 'crisis').classList.contains('at-cursor')).toBe(false);
    send({ type: 'cursor', uri: URI, name: null });
    expect(root.querySelectorAll('tr.at-cursor')).toHaveLength(0);
  });

  it('passes the cursor’s name to the tornado chart so its bar is drawn picked out', () => {
    const root = document.createElement('main');
    root.dataset.uri = URI;
    document.body.replaceChildren(root);
    const highlights: (string | null | undefined)[] = [];
    page = startPage({
      root,
      api: recordingApi().api,
      createChart: (_canvas, spec, _theme, options) => {
        if (spec.id === 'tornado') highlights.push(options?.highlight);
        return { destroy() {} };
      },
    });
    send(forecastMessage(sampleForecast()));
    send({ type: 'cursor', uri: URI, name: 'rapport' });
    expect(highlights).toEqual([null, 'rapport']);
  });

  it('refuses a cursor message with a name that is not a name', () => {
    const { root } = mount();
    send(forecastMessage(sampleForecast()));
    const before = root.innerHTML.length;
    send({ type: 'cursor', uri: URI, name: 'rapport"] , *' });
    send({ type: 'cursor', uri: URI });
    expect(root.innerHTML.length).toBe(before);
  });
});
