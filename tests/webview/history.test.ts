// @vitest-environment happy-dom
/// <reference lib="dom" />
// The preview's History section (its own message after the forecast, validated) and the compare
// page (validate + render): versions oldest first with a gap and its error count, the working
// copy marked, an SVG chart built by DOM calls beside its table; a one-line notice outside a
// repository; hostile subjects and labels as text; the waterfall's shares and a click on a change
// asking for its line, a removed change saying so; malformed messages ignored. A commit of imported
// files only keeps its `changedImports` through validation and says "library … changed" in its
// row, the paths (hostile ones too) as text, every file in its tooltip.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from '../../client/webview/page';
import { parseHistoryMessage, compareDiff } from '../../client/webview/validateHistory';
import { parseToComparePage, startComparePage } from '../../client/webview/compare/page';
import type { FromComparePage } from '../../common/compareMessages';
import type { CompareDiff, HistoryData } from '../../common/history';
import { HOSTILE_ATTR, HOSTILE_IMG, HOSTILE_SCRIPT, URI, sampleForecast } from './fixtures';
import { mountPage } from './mount';

const C1 = 'a'.repeat(40);
const C2 = 'b'.repeat(40);
const C3 = 'c'.repeat(40);

function history(): HistoryData {
  return {
    versions: [
      { commit: C1, date: '2025-01-01T12:00:00Z', subject: 'Op-ed model', errors: 0, outcomes: [{ name: 'democracy_push', probability: 0.7 }, { name: 'trade_up', probability: 0.4 }] },
      { commit: C2, date: '2025-01-02T12:00:00Z', subject: HOSTILE_IMG, errors: 3, outcomes: null },
      { commit: C3, date: '2025-01-03T12:00:00Z', subject: 'Rapport: 40%', errors: 0, outcomes: [{ name: 'democracy_push', probability: 0.62 }, { name: 'trade_up', probability: 0.41 }] },
      { commit: null, date: null, subject: null, workingCopy: true, errors: 0, outcomes: [{ name: 'democracy_push', probability: 0.65 }, { name: 'trade_up', probability: 0.41 }] },
    ],
    truncated: false, max: 200, cached: 1, computed: 3, elapsedMs: 12.5,
  };
}

let page: Page | null = null;
afterEach(() => {
  page?.dispose();
  page = null;
});

function preview() {
  const mounted = mountPage(sampleForecast());
  page = mounted.page;
  return { root: mounted.root, send: mounted.send };
}

describe('the preview\u2019s History section', () => {
  it('has no section until its message arrives, then shows the versions', () => {
    const { root, send } = preview();
    expect(root.querySelector('#history')).toBeNull();
    send({ type: 'history', uri: URI, history: history(), notice: null });
    const section = root.querySelector('#history')!;
    const rows = Array.from(section.querySelectorAll('table.history-table tbody tr'));
    expect(rows.map((r) => r.querySelector('th')!.textContent)).toEqual(['2025-01-01 aaaaaaaa', '2025-01-02 bbbbbbbb', '2025-01-03 cccccccc', 'working copy']);
    expect(rows[0]!.querySelectorAll('td.num')[0]!.textContent).toBe('70%');
    expect(rows[1]!.className).toBe('gap');
    expect(rows[1]!.querySelector('td.errors')!.textContent).toBe('3 errors');
    expect(rows[3]!.className).toBe('working-copy');
    // The hostile subject is text, not an element.
    expect(rows[1]!.querySelector('td.subject')!.textContent).toBe(HOSTILE_IMG);
    expect(section.querySelector('img')).toBeNull();
    // The chart: one line per outcome, a gap band with the error count, the working copy marked.
    const svg = section.querySelector('svg.history-chart')!;
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg.querySelectorAll('g.series')).toHaveLength(2);
    expect(svg.querySelector('g.gap text')!.textContent).toBe('3×');
    expect(svg.querySelector('g.working-copy line.now')).not.toBeNull();
    // The gap breaks each line: two moves (M) per line, around the version with errors.
    const d = svg.querySelector('g.series-0 path.line')!.getAttribute('d')!;
    expect(d.match(/M/g)).toHaveLength(2);
    expect(section.textContent).toContain('3 committed versions and the working copy.');
  });

  it('keeps a library commit\u2019s changedImports through validation and shows them escaped in its row', () => {
    const { root, send } = preview();
    const h = history();
    const hostile = `lib/${HOSTILE_IMG}.scenario`;
    h.versions[2] = { ...h.versions[2]!, subject: 'Base rates revised', changedImports: [hostile] };
    const many = Array.from({ length: 25 }, (_, i) => `lib/${i === 1 ? HOSTILE_ATTR : `m${i}`}.scenario`);
    h.versions.splice(3, 0, { commit: 'd'.repeat(40), date: '2025-01-04T12:00:00Z', subject: HOSTILE_SCRIPT, errors: 0, changedImports: many, outcomes: [{ name: 'democracy_push', probability: 0.6 }, { name: 'trade_up', probability: 0.4 }] });
    // Validation keeps the field, as a clean copy of the strings, and only where it is well formed.
    const parsed = parseHistoryMessage({ type: 'history', uri: URI, history: h, notice: null })!;
    expect(parsed.history!.versions.map((v) => v.changedImports ?? null)).toEqual([null, null, [hostile], many, null]);
    expect(parsed.history!.versions[2]!.changedImports).not.toBe(h.versions[2]!.changedImports);
    for (const bad of [[], [''], [7], 'lib/base.scenario', ['x'.repeat(5000)], Array.from({ length: 10_001 }, () => 'lib/a.scenario')]) {
      const copy = history();
      copy.versions[2] = { ...copy.versions[2]!, changedImports: bad as string[] };
      expect(parseHistoryMessage({ type: 'history', uri: URI, history: copy, notice: null }), JSON.stringify(bad).slice(0, 40)).toBeNull();
    }
    const onWorking = history();
    onWorking.versions[3] = { ...onWorking.versions[3]!, changedImports: ['lib/base.scenario'] };
    expect(parseHistoryMessage({ type: 'history', uri: URI, history: onWorking, notice: null })).toBeNull();

    send({ type: 'history', uri: URI, history: h, notice: null });
    const section = root.querySelector('#history')!;
    const rows = Array.from(section.querySelectorAll<HTMLTableRowElement>('table.history-table tbody tr'));
    expect(rows.map((r) => r.classList.contains('library'))).toEqual([false, false, true, true, false]);
    const one = rows[2]!.querySelector('td.subject')!;
    expect(one.querySelector('.library')!.textContent).toBe(`library ${hostile} changed`);
    expect(one.textContent).toBe(`library ${hostile} changedBase rates revised`);
    expect(one.querySelector('.library')!.getAttribute('title')).toBe(`This commit changed only files the model imports, not the file itself: ${hostile}`);
    const several = rows[3]!.querySelector('td.subject')!;
    expect(several.querySelector('.library')!.textContent).toBe('libraries lib/m0.scenario and 24 more changed');
    const title = several.querySelector('.library')!.getAttribute('title')!;
    expect(title).toContain(`lib/m0.scenario, lib/${HOSTILE_ATTR}.scenario, lib/m2.scenario`);
    expect(title).toMatch(/lib\/m19\.scenario and 5 more$/);
    expect(title).not.toContain('lib/m20.scenario');
    // The paths and the subject are text: no element, no attribute, came from them.
    expect(section.querySelector('img, script')).toBeNull();
    expect(rows[3]!.querySelector('[onmouseover]')).toBeNull();
    expect(several.textContent).toContain(HOSTILE_SCRIPT);
    expect(section.querySelector('p.explain')!.textContent).toBe('4 committed versions (2 of them changes of imported files only) and the working copy.');
  });

  it('outside a repository says so in one line', () => {
    const { root, send } = preview();
    send({ type: 'history', uri: URI, history: null, notice: 'm.scenario is not in a git repository' });
    const text = root.querySelector('#history .history-notice')!.textContent!;
    expect(text).toBe('No history: m.scenario is not in a git repository');
    expect(root.querySelector('#history table')).toBeNull();
  });

  it('ignores a malformed history, and one of another document', () => {
    const { root, send } = preview();
    const bad = history();
    (bad.versions[0]!.outcomes![0] as { probability: number }).probability = 2;
    expect(parseHistoryMessage({ type: 'history', uri: URI, history: bad, notice: null })).toBeNull();
    expect(parseHistoryMessage({ type: 'history', uri: URI, history: { ...history(), versions: [{ ...history().versions[0], commit: 'not a commit' }] }, notice: null })).toBeNull();
    send({ type: 'history', uri: URI, history: bad, notice: null });
    send({ type: 'history', uri: 'file:///other.scenario', history: history(), notice: null });
    expect(root.querySelector('#history')).toBeNull();
  });
});

function diff(): CompareDiff {
  return {
    before: { file: 'm.scenario', rev: 'HEAD', commit: C1 },
    after: { file: 'm.scenario', rev: null },
    changes: [
      { id: 1, kind: 'probability', name: 'rapport', before: 'likely', after: '40%', line: 12, side: 'after', attributed: true },
      { id: 2, kind: 'driver-removed', name: 'crisis', outcome: 'democracy_push', before: 'raises weakly', after: null, line: 30, side: 'before', attributed: true },
      { id: 3, kind: 'text', name: 'rapport', field: 'label', before: HOSTILE_SCRIPT, after: 'Leaders', line: 11, side: 'after', attributed: false },
    ],
    outcomes: [
      { name: 'democracy_push', label: HOSTILE_IMG, before: 0.7, after: 0.62, delta: -8, attribution: [{ change: 1, points: -6.5 }, { change: 2, points: -1.5 }], explanation: 'Democracy fell from 70% to 62% (likely), mainly because `rapport` was lowered from likely to 40% (−6.5 points).' },
      { name: 'trade_up', label: 'Trade', before: 0.4, after: 0.4, delta: 0, attribution: [], explanation: 'Trade stayed at 40% (unlikely).' },
    ],
    attributionMethod: 'exact', method: { before: 'exact', after: 'exact' }, forecasts: 4, elapsedMs: 3,
  };
}

function comparePage() {
  const root = document.createElement('main');
  root.dataset.uri = URI;
  document.body.replaceChildren(root);
  const posted: FromComparePage[] = [];
  startComparePage(root, { postMessage: (m) => posted.push(m) });
  const send = (data: unknown) => window.dispatchEvent(new MessageEvent('message', { data }));
  return { root, posted, send };
}

describe('the compare page', () => {
  it('shows before → after, the sentence, the waterfall and its shares; a click asks for the line', () => {
    const { root, posted, send } = comparePage();
    expect(posted).toEqual([{ type: 'ready', uri: URI }]);
    send({ type: 'compare', uri: URI, fileName: 'm.scenario', revision: 'the last commit', rev: 'HEAD', loading: false, diff: diff(), notice: null });
    const blocks = Array.from(root.querySelectorAll<HTMLElement>('section.compare-outcome'));
    expect(blocks.map((b) => b.dataset.outcome)).toEqual(['democracy_push']);
    const block = blocks[0]!;
    expect(block.querySelector('.move')!.textContent).toBe('70% → 62%  −8.0 points'.replace('−8.0', block.querySelector('.delta')!.textContent!.trim().split(' ')[0]!));
    expect(block.querySelector('h2')!.textContent).toContain(HOSTILE_IMG);
    expect(block.querySelector('img')).toBeNull();
    expect(block.querySelector('.explanation')!.textContent).toMatch(/^Democracy fell from 70% to 62%/);
    const svg = block.querySelector('svg.history-chart')!;
    expect(svg.querySelectorAll('rect.bar')).toHaveLength(4); // before, two shares, after
    const shares = Array.from(block.querySelectorAll<HTMLTableRowElement>('table.waterfall-table tbody tr'));
    expect(shares.map((r) => Number(r.dataset.points))).toEqual([-6.5, -1.5]);
    expect(shares.reduce((s, r) => s + Number(r.dataset.points), 0)).toBeCloseTo(Number(block.dataset.delta), 9);
    shares[0]!.click();
    expect(posted.at(-1)).toEqual({ type: 'revealChange', uri: URI, change: 1 });
    // The removed driver line has no line now: the row says so and is no button.
    expect(shares[1]!.textContent).toContain('removed (was line 30)');
    expect(shares[1]!.tabIndex).toBe(-1);
    const count = posted.length;
    shares[1]!.click();
    expect(posted).toHaveLength(count);
    expect(root.querySelector('.unchanged')!.textContent).toBe('Unchanged: trade_up 40%');
    expect(root.querySelector('#changes')!.textContent).toContain(HOSTILE_SCRIPT);
    expect(root.querySelector('script')).toBeNull();
  });

  it('says why there is no comparison, and ignores malformed messages', () => {
    const { root, send } = comparePage();
    send({ type: 'compare', uri: URI, fileName: 'm.scenario', revision: 'HEAD', rev: 'HEAD', loading: false, diff: null, notice: 'the old version (m.scenario@HEAD) has 1 error, first at line 3, column 2; fix it to compare forecasts' });
    expect(root.querySelector('.notice')!.textContent).toMatch(/^No comparison: the old version .* has 1 error/);
    const bad = diff();
    bad.outcomes[0]!.attribution.push({ change: 99, points: 1 });
    expect(() => compareDiff(bad)).toThrow();
    expect(parseToComparePage({ type: 'compare', uri: URI, fileName: 'm', revision: 'HEAD', rev: 'HEAD', loading: false, diff: bad, notice: null })).toBeNull();
    expect(parseToComparePage({ type: 'compare', uri: URI, fileName: 'm', revision: 'HEAD', rev: 'HEAD', loading: false, diff: diff(), notice: null })).not.toBeNull();
    send({ type: 'compare', uri: URI, fileName: 'm', revision: 'HEAD', rev: 'HEAD', loading: false, diff: bad, notice: null });
    expect(root.querySelector('section.compare-outcome')).toBeNull();
  });
});
