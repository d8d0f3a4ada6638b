// @vitest-environment happy-dom
/// <reference lib="dom" />
// Versions from a commit of imported files only (`changedImports`) on the pages that used to drop
// them. The Track Record page's validator keeps a question's changedImports (checked as the
// History's versions are: validateHistory.ts's changedImportsList), refuses a malformed one and
// never throws on hostile input; the page shows the report's note (common/report/trackRecord.ts's
// libraryText) for a forecast of record made before the resolution day, as text. The preview's
// History chart, built by DOM calls, draws such a version's points hollow with a key naming the
// files, as text.
import { afterEach, describe, expect, it } from 'vitest';
import { startTrackRecordPage } from '../../client/webview/trackRecord/page';
import { parseToTrackRecordPage } from '../../client/webview/trackRecord/validate';
import { historySection } from '../../client/webview/render/history';
import { trackRecordView } from '../../common/report/trackRecord';
import type { HistoryData } from '../../common/history';
import type { ScoredQuestion, TrackRecord } from '../../common/scores';
import { summarize } from '../../server/src/history/score';

const SCRIPT = 'lib/</script><script>alert(1)</script>.scenario';
const IMG = 'lib/<img src=x onerror=alert(1)>.scenario';

function question(name: string, extra: Partial<ScoredQuestion> = {}): ScoredQuestion {
  return {
    file: 'q.scenario', name, kind: 'outcome', label: `${name} label`, resolved: true, date: '2025-05-06', forecast: 0.6, judged: null,
    commit: 'b'.repeat(40), recordedAt: '2025-01-30T09:00:00+00:00', recordedBefore: true, brier: 0.16, logScore: Math.log(0.6),
    judgedBrier: null, meanDailyBrier: 0.16, line: 3, ...extra,
  };
}

function recordOf(questions: ScoredQuestion[]): TrackRecord {
  return { questions, summary: summarize(questions), skipped: [], historyMissing: [], files: 1 };
}

const message = (record: unknown) => ({ type: 'trackRecord', title: 't', uris: ['file:///w'], loading: false, progress: null, record, notice: null });

/** The message with the first question's changedImports set to `value` (any value at all). */
function withChangedImports(value: unknown) {
  const record = recordOf([question('ties')]) as unknown as { questions: Record<string, unknown>[] };
  record.questions[0]!.changedImports = value;
  return message(record);
}

afterEach(() => document.body.replaceChildren());

describe('the Track Record page\u2019s validator and changedImports', () => {
  it('keeps a valid list, as a copy, and leaves the field out when it was not sent', () => {
    const files = ['lib/base.scenario', IMG];
    const sent = withChangedImports(files);
    const parsed = parseToTrackRecordPage(sent);
    expect(parsed?.type).toBe('trackRecord');
    const q = parsed!.type === 'trackRecord' ? parsed!.record!.questions[0]! : null;
    expect(q!.changedImports).toEqual(files);
    expect(q!.changedImports).not.toBe(files);
    const plain = parseToTrackRecordPage(message(recordOf([question('ties')])));
    expect(plain!.type === 'trackRecord' && Object.keys(plain!.record!.questions[0]!)).not.toContain('changedImports');
  });

  it('refuses non-string entries and garbage, whole, as the History does (nothing of it reaches the page)', () => {
    const sparse: unknown[] = [];
    sparse[1] = 'lib/a.scenario';
    const bad: unknown[] = [
      [7], ['lib/a.scenario', null], [{ toString: 'lib/a.scenario' }], [['lib/a.scenario']], [''], [], 'lib/a.scenario', 42, null, {},
      { 0: 'lib/a.scenario', length: 1 }, sparse, ['x'.repeat(5000)], Array.from({ length: 10_001 }, () => 'lib/a.scenario'),
    ];
    for (const value of bad) {
      expect(parseToTrackRecordPage(withChangedImports(value)), JSON.stringify(value)?.slice(0, 60)).toBeNull();
    }
  });

  it('never throws on hostile input', () => {
    const huge: unknown[] = [];
    huge.length = 2 ** 32 - 1;
    const deep: unknown[] = [];
    let at = deep;
    for (let k = 0; k < 10_000; k++) {
      const next: unknown[] = [];
      at.push(next);
      at = next;
    }
    const hostile: unknown[] = [huge, deep, [Symbol('x')], [1n], [() => 'x'], new Map([['a', 'b']]), new Uint8Array(4), Object.create(null), NaN, undefined];
    for (const value of hostile) {
      expect(() => parseToTrackRecordPage(withChangedImports(value))).not.toThrow();
      if (value !== undefined) expect(parseToTrackRecordPage(withChangedImports(value))).toBeNull();
    }
    // Undefined is a field not sent: the question stands without it.
    const none = parseToTrackRecordPage(withChangedImports(undefined));
    expect(none!.type === 'trackRecord' && none!.record!.questions[0]!.changedImports).toBeUndefined();
    // A prototype-polluting key is only an unknown field.
    const polluted = JSON.parse(JSON.stringify(withChangedImports(['lib/a.scenario'])).replace('"changedImports"', '"__proto__":{"changedImports":["x"]},"changedImports"'));
    const parsed = parseToTrackRecordPage(polluted);
    expect(parsed!.type === 'trackRecord' && parsed!.record!.questions[0]!.changedImports).toEqual(['lib/a.scenario']);
    expect(({} as Record<string, unknown>).changedImports).toBeUndefined();
  });
});

describe('the Track Record page shows a library commit of record', () => {
  function mount(record: TrackRecord): HTMLElement {
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    startTrackRecordPage(root, { postMessage: () => {}, getState: () => null, setState: () => {} });
    window.dispatchEvent(new MessageEvent('message', { data: structuredClone(message(record)) }));
    return root;
  }
  const recordCell = (root: HTMLElement, name: string) => root.querySelector(`#questions-table tr[data-name="${name}"] td:last-child`)!;

  it('the report\u2019s note under the commit of record, as text; none for a commit of the file or the working file', () => {
    const record = recordOf([
      question('one', { changedImports: ['lib/base.scenario'] }),
      question('many', { changedImports: [SCRIPT, IMG, 'lib/c.scenario'] }),
      question('own'),
      question('late', { recordedBefore: false, commit: null, recordedAt: null, meanDailyBrier: null, reason: 'no commit before 2025-05-06', changedImports: ['lib/base.scenario'] }),
    ]);
    const root = mount(record);
    const view = trackRecordView(record);
    // The same words as the report (its one view model), for each row.
    const note = (name: string) => recordCell(root, name).querySelector('.library')?.textContent ?? null;
    expect(note('one')).toBe('library lib/base.scenario changed');
    expect(note('one')).toBe(view.rows[0]!.libraryText);
    expect(note('many')).toBe(`libraries ${SCRIPT} and 2 more changed`);
    expect(note('many')).toBe(view.rows[1]!.libraryText);
    expect(recordCell(root, 'one').textContent).toBe('bbbbbbbb 2025-01-30library lib/base.scenario changed');
    expect(note('own')).toBeNull();
    expect(recordCell(root, 'own').textContent).toBe('bbbbbbbb 2025-01-30');
    // Scored on the working file: no forecast of record, so no note (as in the report).
    expect(note('late')).toBeNull();
    expect(recordCell(root, 'late').textContent).toBe('working file: no commit before 2025-05-06');
    // The names are text: no element came from them.
    expect(root.querySelector('script, img')).toBeNull();
  });
});

describe('the preview\u2019s History chart and a library version', () => {
  it('hollow points and a key naming the file, as text', () => {
    const history: HistoryData = {
      versions: [
        { commit: 'a'.repeat(40), date: '2025-01-01T12:00:00Z', subject: 'Question', errors: 0, outcomes: [{ name: 'ties', probability: 0.5 }] },
        { commit: 'c'.repeat(40), date: '2025-01-02T12:00:00Z', subject: 'Library', errors: 0, outcomes: [{ name: 'ties', probability: 0.3 }], changedImports: [SCRIPT] },
        { commit: null, date: null, subject: null, workingCopy: true, errors: 0, outcomes: [{ name: 'ties', probability: 0.3 }] },
      ],
      truncated: false, max: 200, cached: 0, computed: 3, elapsedMs: 1,
    };
    const section = historySection({ history, notice: null })!;
    document.body.replaceChildren(section);
    const svg = section.querySelector('svg.history-chart')!;
    const hollow = [...svg.querySelectorAll('circle.dot.library')];
    expect(hollow).toHaveLength(1);
    expect(hollow[0]!.textContent).toBe(`ties, 2025-01-02: 30%; library changed: ${SCRIPT}`);
    expect(svg.querySelectorAll('circle.dot:not(.library)')).toHaveLength(2);
    expect(svg.querySelector('g.library-key text')!.textContent).toBe(`library changed: ${[...SCRIPT].slice(0, 39).join('')}…`);
    expect(svg.querySelector('g.library-key title')!.textContent).toContain(`library changed: ${SCRIPT}`);
    expect(section.querySelector('script, img')).toBeNull();
  });
});
