// @vitest-environment happy-dom
/// <reference lib="dom" />
// The Track Record page in a DOM (client/webview/trackRecord): the table, its sorting and links,
// the calibration chart, progress, what it refuses; the messages and state the extension accepts;
// the page's HTML policy.
import { afterEach, describe, expect, it } from 'vitest';
import { startTrackRecordPage, type TrackRecordApi } from '../../client/webview/trackRecord/page';
import { parseToTrackRecordPage } from '../../client/webview/trackRecord/validate';
import { trackRecordHtml } from '../../client/src/trackRecord/html';
import type { ScoredQuestion, TrackRecord } from '../../common/scores';
import { parseFromTrackRecordPage, parseTrackRecordPageState, type FromTrackRecordPage } from '../../common/trackRecordMessages';
import { summarize } from '../../server/src/history/score';

const HOSTILE = '<img src=x onerror="alert(1)"> & <script>alert(2)</script>';

function q(name: string, forecast: number, resolved: boolean, extra: Partial<ScoredQuestion> = {}): ScoredQuestion {
  const brier = (forecast - (resolved ? 1 : 0)) ** 2;
  return {
    file: 'track/a.scenario', name, kind: 'outcome', label: `${name} label`, resolved, date: '2025-05-06', forecast, judged: 0.675,
    commit: 'b'.repeat(40), recordedAt: '2025-01-30T09:00:00+00:00', recordedBefore: true, brier,
    logScore: Math.log(resolved ? forecast : 1 - forecast), judgedBrier: (0.675 - (resolved ? 1 : 0)) ** 2, meanDailyBrier: brier, line: 3,
    ...extra,
  };
}

const QUESTIONS = [
  q('merz', 0.77, true), q('afd', 0.03, false, { judged: 0.03, label: HOSTILE }), q('deal', 0.3, true, { judged: null, judgedBrier: null }),
  q('late', 0.2, true, { recordedBefore: false, commit: null, recordedAt: null, meanDailyBrier: null, reason: "'late' did not exist then" }),
  q('liberals', 0.61, true),
];

function recordOf(questions: ScoredQuestion[]): TrackRecord {
  return { questions, summary: summarize(questions), skipped: [{ file: 'broken.scenario', errors: 2, message: '2 errors: run scenario check broken.scenario' }], historyMissing: [], files: 3 };
}

const message = (record: TrackRecord | null, extra: Record<string, unknown> = {}) => ({
  type: 'trackRecord', title: 'track', uris: ['file:///work/track'], loading: false, progress: null, record, notice: null, ...extra,
});

let posted: FromTrackRecordPage[] = [];
let state: unknown;

function mount(initial?: unknown): HTMLElement {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  posted = [];
  state = initial;
  const api: TrackRecordApi = { postMessage: (m) => posted.push(m), getState: () => state, setState: (s) => { state = structuredClone(s); } };
  startTrackRecordPage(root, api);
  return root;
}

function send(data: unknown): void {
  window.dispatchEvent(new MessageEvent('message', { data }));
}

const names = (root: HTMLElement) => [...root.querySelectorAll('#questions-table tbody tr')].map((r) => r.getAttribute('data-name'));

afterEach(() => document.body.replaceChildren());

describe('the Track Record page', () => {
  it('asks for the record when ready, and shows progress while the history is read', () => {
    const root = mount();
    expect(posted).toEqual([{ type: 'ready' }]);
    send(message(null, { loading: true, progress: { done: 3, total: 11 } }));
    expect(root.querySelector('#track-progress')!.textContent).toContain('Reading history: 3 of 11 files…');
    expect(root.querySelector('progress')!.getAttribute('value')).toBe('3');
  });

  it('the table: one row per question in file order, each name a link to its declaration by index', () => {
    const root = mount();
    send(message(recordOf(QUESTIONS)));
    expect(names(root)).toEqual(['merz', 'afd', 'deal', 'late', 'liberals']);
    const row = root.querySelector('#questions-table tbody tr[data-name="deal"]')!;
    expect([...row.querySelectorAll('td')].map((c) => c.textContent)).toEqual([
      'dealdeal labeltrack/a.scenario:3', 'yes, 2025-05-06', '30%', '—', '0.4900', '−1.204', '0.4900', 'bbbbbbbb 2025-01-30',
    ]);
    (row.querySelector('button.question-link') as HTMLButtonElement).click();
    expect(posted.at(-1)).toEqual({ type: 'reveal', index: 2 });
    expect(root.querySelector('tr[data-name="late"]')!.textContent).toContain("working file: 'late' did not exist then");
  });

  it('sorts by a column, both ways, and keeps the order in its state', () => {
    const root = mount();
    send(message(recordOf(QUESTIONS)));
    const sortBy = (key: string) => (root.querySelector(`button[data-sort="${key}"]`) as HTMLButtonElement).click();
    sortBy('brier');
    // Brier: afd 0.0009, liberals 0.1521, merz 0.0529 → afd, merz, liberals, deal 0.49, late 0.64.
    expect(names(root)).toEqual(['afd', 'merz', 'liberals', 'deal', 'late']);
    expect(root.querySelector('button[data-sort="brier"]')!.parentElement!.getAttribute('aria-sort')).toBe('ascending');
    sortBy('brier');
    expect(names(root)).toEqual(['late', 'deal', 'liberals', 'merz', 'afd']);
    expect(root.querySelector('button[data-sort="brier"]')!.parentElement!.getAttribute('aria-sort')).toBe('descending');
    expect(state).toMatchObject({ sort: { key: 'brier', descending: true }, uris: ['file:///work/track'], title: 'track' });
    // A link still names the question by its place in the record, whatever the order.
    (root.querySelector('tr[data-name="merz"] button.question-link') as HTMLButtonElement).click();
    expect(posted.at(-1)).toEqual({ type: 'reveal', index: 0 });
    // A reloaded page starts from the saved order.
    const again = mount(state);
    send(message(recordOf(QUESTIONS)));
    expect(names(again)).toEqual(['late', 'deal', 'liberals', 'merz', 'afd']);
  });

  it('the calibration chart: the diagonal, one point per phrase with questions, its size by count, at (mean forecast, happened)', () => {
    const root = mount();
    send(message(recordOf(QUESTIONS)));
    const chart = root.querySelector('svg.calibration-chart')!;
    expect(chart.querySelector('line.diagonal')).not.toBeNull();
    const points = [...chart.querySelectorAll('circle.point')].map((c) => ({
      phrase: c.getAttribute('data-phrase'), count: Number(c.getAttribute('data-count')), r: Number(c.getAttribute('r')),
      forecast: Number(c.getAttribute('data-forecast')), observed: Number(c.getAttribute('data-observed')),
    }));
    // 3% almost no chance; 20% very unlikely; 30% unlikely; 61% and 77% likely.
    expect(points.map((p) => [p.phrase, p.count, p.observed])).toEqual([
      ['almost no chance', 1, 0], ['very unlikely', 1, 1], ['unlikely', 1, 1], ['likely', 2, 1],
    ]);
    expect(points[3]!.forecast).toBeCloseTo(0.69, 12);
    expect(points[3]!.r).toBeGreaterThan(points[0]!.r);
    expect(chart.getAttribute('aria-label')).toContain('likely: 2 forecast at 69% on average, 100% happened');
    const calibrationRows = root.querySelectorAll('#calibration-table tbody tr');
    expect(calibrationRows).toHaveLength(7);
  });

  it('the model against the judged calls, and the files not scored', () => {
    const root = mount();
    send(message(recordOf(QUESTIONS)));
    // Judged: merz, late and liberals 67.5% (yes: 0.105625 each), afd 3% (no: 0.0009): 0.31777 / 4 = 0.0794.
    // The model is better on merz only (0.0529); afd ties (0.0009), late (0.64) and liberals (0.1521) are worse.
    expect(root.querySelector('#judged-summary')!.textContent).toBe(
      'Judged calls: Brier 0.0794 over 4 questions with a judged call; the model did better on 1 of 4.');
    expect(root.querySelector('#fact-beats')!.textContent).toBe('1 of 4');
    expect(root.querySelector('#recorded-note')!.textContent).toContain('4 of 5 were forecast before they resolved');
    expect(root.querySelector('#problems')!.textContent).toContain('Skipped broken.scenario: 2 errors');
  });

  it('file text is only text; invalid messages are ignored', () => {
    const root = mount();
    send(message(recordOf(QUESTIONS)));
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.querySelector('tr[data-name="afd"]')!.textContent).toContain(HOSTILE);
    const before = root.innerHTML;
    send({ ...message(recordOf(QUESTIONS)), record: { ...recordOf(QUESTIONS), questions: [{ name: 'x' }] } });
    send({ type: 'trackRecord' });
    send({ type: 'evil', html: '<img>' });
    expect(root.innerHTML).toBe(before);
    expect(parseToTrackRecordPage(message(recordOf([{ ...QUESTIONS[0]!, forecast: 1.5 }])))).toBeNull();
    expect(parseToTrackRecordPage(message(recordOf([{ ...QUESTIONS[0]!, commit: 'not-a-commit' }])))).toBeNull();
  });

  it('an empty record says so', () => {
    const root = mount();
    send(message({ questions: [], summary: summarize([]), skipped: [], historyMissing: [], files: 2 }));
    expect(root.textContent).toContain('No resolved questions in 2 files');
    expect(root.querySelector('#questions-table')).toBeNull();
  });
});

describe('what the extension accepts from the page', () => {
  it('ready, refresh and reveal by a whole index; nothing else', () => {
    expect(parseFromTrackRecordPage({ type: 'ready' })).toEqual({ type: 'ready' });
    expect(parseFromTrackRecordPage({ type: 'refresh' })).toEqual({ type: 'refresh' });
    expect(parseFromTrackRecordPage({ type: 'reveal', index: 3 })).toEqual({ type: 'reveal', index: 3 });
    for (const bad of [{ type: 'reveal', index: -1 }, { type: 'reveal', index: 1.5 }, { type: 'reveal', file: '/etc/passwd', index: 0, extra: 1 }, { type: 'open' }, null, 'ready']) {
      const parsed = parseFromTrackRecordPage(bad);
      if (parsed) expect(Object.keys(parsed)).toEqual(['type', 'index']);
      else expect(parsed).toBeNull();
    }
    expect(parseTrackRecordPageState({ uris: ['file:///w'], title: 'w' })).toEqual({ uris: ['file:///w'], title: 'w' });
    expect(parseTrackRecordPageState({ uris: ['https://evil.example/'], title: 'w' })).toBeNull();
    expect(parseTrackRecordPageState({ uris: [], title: 'w' })).toBeNull();
  });

  it('the page\'s HTML: the preview\'s policy with a nonce, the title escaped', () => {
    const html = trackRecordHtml({ cspSource: 'vscode-resource:', nonce: 'abc123', scriptUri: 's.js', styleUri: 's.css', title: '<b>x</b>' });
    const attribute = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!;
    const csp = attribute.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(csp.split('; ')).toEqual(expect.arrayContaining(["default-src 'none'", "script-src 'nonce-abc123'", "form-action 'none'"]));
    expect(csp).not.toContain('unsafe');
    expect(html).toContain('<script nonce="abc123" src="s.js"></script>');
    expect(html).toContain('Track record: &lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('<b>x</b>');
  });
});
