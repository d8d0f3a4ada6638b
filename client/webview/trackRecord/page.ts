// The Track Record page: what `scenario score` says about the workspace or a folder, drawn from
// the record the extension sends (the server computes; this page only renders). A calibration
// chart (the mean forecast against how often it happened, per ICD 203 phrase, point size by count,
// the diagonal of perfect calibration), the model against the analyst's judged calls, and a
// sortable table of the questions, each linking to its declaration. Every text comes from
// common/report/trackRecord.ts's view model, as in the CLI; file content is only ever text
// (dom.ts), and every message is validated (validate.ts).
import type { TrackRecord } from '../../../common/scores';
import type { FromTrackRecordPage, ToTrackRecordPage, TrackRecordSortKey } from '../../../common/trackRecordMessages';
import { trackRecordView, type TrackRecordRow, type TrackRecordView } from '../../../common/report/trackRecord';
import { formatScore } from '../../../common/report/scores';
import { formatCount } from '../../../common/text/numbers';
import { el, section, td, type Child } from '../dom';
import { scrollArea } from '../render/scrollArea';
import { notice } from '../render/notice';
import { parseToTrackRecordPage } from './validate';

export interface TrackRecordApi {
  postMessage(message: FromTrackRecordPage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

type Shown = Extract<ToTrackRecordPage, { type: 'trackRecord' }>;

interface Sort {
  key: TrackRecordSortKey;
  descending: boolean;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, children: (SVGElement | string)[] = []): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  for (const child of children) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

/** The calibration chart: x the mean forecast, y how often it happened, one point per phrase with questions, area by count. */
export function calibrationChart(view: TrackRecordView): SVGSVGElement {
  const size = 300;
  const pad = { left: 44, right: 14, top: 12, bottom: 40 };
  const w = size - pad.left - pad.right;
  const h = size - pad.top - pad.bottom;
  const x = (p: number) => pad.left + p * w;
  const y = (p: number) => pad.top + (1 - p) * h;
  const rows = view.calibration.filter((c) => c.row.count > 0 && c.row.meanForecast !== null && c.row.observed !== null);
  const most = Math.max(1, ...rows.map((c) => c.row.count));
  const described = rows.map((c) => `${c.row.phrase}: ${c.countText} forecast at ${c.forecastText} on average, ${c.observedText} happened`).join('; ');
  const chart = svg('svg', {
    class: 'calibration-chart', viewBox: `0 0 ${size} ${size}`, role: 'img',
    'aria-label': `Calibration: the mean forecast against how often it happened, per ICD 203 phrase. ${described || 'No questions yet.'}`,
  });
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    chart.appendChild(svg('line', { class: 'grid', x1: x(t), x2: x(t), y1: y(0), y2: y(1) }));
    chart.appendChild(svg('line', { class: 'grid', x1: x(0), x2: x(1), y1: y(t), y2: y(t) }));
    chart.appendChild(svg('text', { class: 'tick', x: x(t), y: y(0) + 16, 'text-anchor': 'middle' }, [`${t * 100}%`]));
    chart.appendChild(svg('text', { class: 'tick', x: x(0) - 6, y: y(t) + 4, 'text-anchor': 'end' }, [`${t * 100}%`]));
  }
  chart.appendChild(svg('line', { class: 'diagonal', x1: x(0), y1: y(0), x2: x(1), y2: y(1) }, [svg('title', {}, ['Perfect calibration: it happened as often as forecast'])]));
  chart.appendChild(svg('text', { class: 'axis', x: x(0.5), y: size - 6, 'text-anchor': 'middle' }, ['mean forecast']));
  chart.appendChild(svg('text', { class: 'axis', x: 12, y: y(0.5), 'text-anchor': 'middle', transform: `rotate(-90 12 ${y(0.5)})` }, ['happened']));
  for (const c of rows) {
    const r = 4 + 10 * Math.sqrt(c.row.count / most);
    const point = svg('circle', {
      class: 'point', cx: x(c.row.meanForecast!), cy: y(c.row.observed!), r,
      'data-phrase': c.row.phrase, 'data-count': c.row.count, 'data-forecast': c.row.meanForecast!, 'data-observed': c.row.observed!,
    }, [svg('title', {}, [c.sentence ?? c.row.phrase])]);
    chart.appendChild(point);
  }
  return chart;
}

const SORTERS: Record<TrackRecordSortKey, (a: TrackRecordRow, b: TrackRecordRow) => number> = {
  question: () => 0,
  resolved: (a, b) => (a.question.date < b.question.date ? -1 : a.question.date > b.question.date ? 1 : 0),
  forecast: (a, b) => a.question.forecast - b.question.forecast,
  judged: (a, b) => (a.question.judged ?? -1) - (b.question.judged ?? -1),
  brier: (a, b) => a.question.brier - b.question.brier,
  daily: (a, b) => (a.question.meanDailyBrier ?? -1) - (b.question.meanDailyBrier ?? -1),
};

const COLUMNS: { key: TrackRecordSortKey | null; title: string; numeric: boolean }[] = [
  { key: 'question', title: 'Question', numeric: false },
  { key: 'resolved', title: 'Resolved', numeric: false },
  { key: 'forecast', title: 'Forecast', numeric: true },
  { key: 'judged', title: 'Judged', numeric: true },
  { key: 'brier', title: 'Brier', numeric: true },
  { key: null, title: 'Log score', numeric: true },
  { key: 'daily', title: 'Mean daily Brier', numeric: true },
  { key: null, title: 'Forecast of record', numeric: false },
];

/** The rows in the order asked (the file order for `question`, stable otherwise), with their index in the record. */
export function sortedRows(view: TrackRecordView, sort: Sort): { row: TrackRecordRow; index: number }[] {
  const rows = view.rows.map((row, index) => ({ row, index }));
  const compare = SORTERS[sort.key];
  rows.sort((a, b) => (compare(a.row, b.row) || a.index - b.index) * (sort.descending ? -1 : 1));
  return rows;
}

export function startTrackRecordPage(root: HTMLElement, api: TrackRecordApi): void {
  let shown: Shown | null = null;
  let sort: Sort = { key: 'question', descending: false };
  const saved = api.getState() as { sort?: Sort; uris?: unknown; title?: unknown } | null;
  if (saved?.sort && saved.sort.key in SORTERS && typeof saved.sort.descending === 'boolean') sort = saved.sort;
  /** What a reload needs: the folders (for the extension's serializer) and the table's order. */
  const remember = () => api.setState({ sort, uris: shown?.uris ?? saved?.uris ?? [], title: shown?.title ?? saved?.title ?? '' });

  function header(title: string): HTMLElement {
    return el('header', {}, [el('h1', {}, ['Track record']), el('p', { className: 'file-name muted' }, [title])]);
  }

  function progressLine(s: Shown): HTMLElement | null {
    if (!s.loading) return null;
    const p = s.progress;
    const label = p && p.total > 0 ? `Reading history: ${formatCount(p.done)} of ${formatCount(p.total)} files…` : 'Reading history…';
    const bar = el('progress', { attrs: { 'aria-label': 'Reading history', ...(p && p.total > 0 ? { max: String(p.total), value: String(p.done) } : {}) } });
    return el('div', { className: 'track-progress', attrs: { role: 'status', id: 'track-progress' } }, [bar, ' ', label]);
  }

  function summarySection(view: TrackRecordView, record: TrackRecord): HTMLElement {
    const s = record.summary;
    const facts: Child[] = [];
    const fact = (term: string, value: string, id: string) => {
      facts.push(el('dt', {}, [term]), el('dd', { attrs: { id } }, [value]));
    };
    fact('Questions', formatCount(s.count), 'fact-count');
    fact('Forecast before they resolved', formatCount(s.recordedBefore), 'fact-recorded');
    fact('Model Brier', formatScore(s.brier), 'fact-brier');
    fact('Judged calls', s.judgedCount === 0 ? 'none' : `${formatCount(s.judgedCount)}, Brier ${formatScore(s.judgedBrier)}`, 'fact-judged');
    fact('Model better on', s.judgedCount === 0 ? '—' : `${formatCount(s.modelBeatsJudged)} of ${formatCount(s.judgedCount)}`, 'fact-beats');
    return section('summary', 'The model and the analyst', [
      el('p', { attrs: { id: 'headline' } }, [`${view.headline}. ${view.scoresText}`]),
      view.judgedText ? el('p', { attrs: { id: 'judged-summary' } }, [view.judgedText]) : null,
      view.recordedNote ? el('p', { className: 'muted', attrs: { id: 'recorded-note' } }, [view.recordedNote]) : null,
      el('dl', { className: 'facts run-facts' }, facts),
      view.decompositionText ? el('p', { className: 'muted explain', attrs: { id: 'decomposition' } }, [`Murphy decomposition (ten equal bins): ${view.decompositionText}.`]) : null,
    ]);
  }

  function calibrationSection(view: TrackRecordView): HTMLElement {
    const rows = view.calibration.map((c) => el('tr', { attrs: { 'data-phrase': c.row.phrase } }, [
      td([c.row.phrase]), td([c.rangeText], 'num'), td([c.countText], 'num'), td([c.forecastText], 'num'), td([c.observedText], 'num'),
    ]));
    const table = el('table', { attrs: { id: 'calibration-table' } }, [
      el('caption', {}, ['Calibration by the ICD 203 phrase of the forecast']),
      el('thead', {}, [el('tr', {}, ['Phrase', 'Range', 'Questions', 'Mean forecast', 'Happened'].map((t, i) =>
        el('th', { attrs: { scope: 'col' }, className: i === 0 ? '' : 'num' }, [t])))]),
      el('tbody', {}, rows),
    ]);
    const sentences = view.calibration.filter((c) => c.sentence).map((c) => el('li', {}, [c.sentence!]));
    return section('calibration', 'Calibration', [
      el('p', { className: 'muted explain' }, ['Each point is the questions forecast with one ICD 203 phrase: how probable they were said to be on average, against how often they happened. On the diagonal, a phrase meant what it said; its size is how many questions it holds.']),
      el('div', { className: 'chart-box calibration-box' }, [calibrationChart(view)]),
      sentences.length ? el('ul', { className: 'calibration-sentences' }, sentences) : null,
      scrollArea('Calibration table', table),
    ]);
  }

  function questionsSection(view: TrackRecordView): HTMLElement {
    const head = el('tr', {}, COLUMNS.map((c) => {
      const th = el('th', { attrs: { scope: 'col' }, className: c.numeric ? 'num' : '' });
      if (c.key === null) {
        th.appendChild(document.createTextNode(c.title));
        return th;
      }
      const key = c.key;
      const active = sort.key === key;
      th.setAttribute('aria-sort', active ? (sort.descending ? 'descending' : 'ascending') : 'none');
      const button = el('button', { className: 'link sort', attrs: { type: 'button', 'data-sort': key } }, [c.title, active ? (sort.descending ? ' ▼' : ' ▲') : '']);
      button.addEventListener('click', () => {
        sort = { key, descending: active ? !sort.descending : false };
        remember();
        render();
        root.querySelector<HTMLButtonElement>(`button[data-sort="${key}"]`)?.focus();
      });
      th.appendChild(button);
      return th;
    }));
    const body = sortedRows(view, sort).map(({ row, index }) => {
      const q = row.question;
      const link = el('button', { className: 'link question-link', attrs: { type: 'button', title: `Show ${q.name} in ${q.file}, line ${q.line}` } }, [
        el('code', { className: 'name' }, [q.name]),
      ]);
      link.addEventListener('click', () => api.postMessage({ type: 'reveal', index }));
      // The raw numbers ride along for the end-to-end test, which compares them with `scenario score --format json`.
      return el('tr', { attrs: {
        'data-index': String(index), 'data-name': q.name, 'data-file': q.file, 'data-line': String(q.line),
        'data-forecast': String(q.forecast), 'data-brier': String(q.brier), 'data-daily': q.meanDailyBrier === null ? '' : String(q.meanDailyBrier),
      } }, [
        td([link, el('div', {}, [q.label]), el('div', { className: 'muted' }, [`${q.file}:${q.line}`])]),
        td([row.resolvedText]),
        td([row.forecastText], 'num'),
        td([row.judgedText], 'num'),
        td([row.brierText], 'num'),
        td([row.logText], 'num'),
        td([row.dailyText], 'num'),
        td(q.recordedBefore ? [
          row.recordText,
          // A commit of record that changed only imported files: the report's words for it, as text.
          row.libraryText ? el('div', { className: 'muted library' }, [row.libraryText]) : null,
        ] : [el('span', { attrs: { title: q.reason ?? '' } }, [`working file: ${q.reason ?? ''}`])], q.recordedBefore ? '' : 'muted'),
      ]);
    });
    const table = el('table', { attrs: { id: 'questions-table' } }, [
      el('caption', {}, ['Resolved questions; a name shows its declaration']),
      el('thead', {}, [head]),
      el('tbody', {}, body),
    ]);
    return section('questions', 'Questions', [scrollArea('Questions', table)]);
  }

  function problems(record: TrackRecord): HTMLElement | null {
    const items = [
      ...record.skipped.map((s) => el('li', {}, [`Skipped ${s.file}: ${s.message}`])),
      ...record.historyMissing.map((h) => el('li', {}, [`History missing for ${h.file}: ${h.message}`])),
    ];
    return items.length ? section('problems', 'Not scored from history', [el('ul', { className: 'errors' }, items)]) : null;
  }

  function render(): void {
    const s = shown;
    const children: Child[] = [];
    if (!s) {
      children.push(header(''), notice('info', 'Reading history…'));
    } else {
      children.push(header(s.title), progressLine(s));
      if (s.notice) children.push(notice('empty', s.notice));
      const record = s.record;
      if (record) {
        const view = trackRecordView(record);
        if (view.emptyText) children.push(notice('empty', view.emptyText));
        else children.push(summarySection(view, record), calibrationSection(view), questionsSection(view));
        children.push(problems(record));
      }
      const refresh = el('button', { attrs: { type: 'button', id: 'refresh' } }, ['Read again']);
      refresh.addEventListener('click', () => api.postMessage({ type: 'refresh' }));
      children.push(el('footer', { className: 'page-footer' }, [refresh]));
    }
    const page = el('div', { className: 'page track-record' }, children);
    root.replaceChildren(page);
  }

  window.addEventListener('message', (event: MessageEvent) => {
    const message = parseToTrackRecordPage(event.data);
    if (!message) return;
    if (message.type === 'theme') {
      document.body.dataset.theme = message.kind;
      return;
    }
    shown = message;
    remember();
    render();
  });
  render();
  api.postMessage({ type: 'ready' });
}
