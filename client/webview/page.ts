// The preview page: keeps the state VS Code restores after a reload, validates every message,
// and re-renders the whole page from the last forecast (keeping the selection, the scroll
// position and the keyboard focus). It shows the forecast's report (common/report, built here
// from the forecast with the same buildReport as the CLI and the exports), so its numbers read
// as theirs. Everything it shows is built with DOM calls, as text.
import type { FromPage, PageError, PageState, ToPage } from '../../common/pageMessages';
import { buildReport, type Report } from '../../common/report';
import { formatElapsed } from '../../common/text/numbers';
import type { BarChartSpec } from './chartSpecs';
import { COMPACT_CHART_WIDTH, createBarChart, type ChartFactory, type ChartHandle, type ChartOptions } from './charts';
import { el } from './dom';
import { alternativesSection } from './render/alternatives';
import { alertBar, bottomLineSection } from './render/bottomLine';
import { footer } from './render/footer';
import { header } from './render/header';
import { historySection, type HistoryShown } from './render/history';
import { inputsSection } from './render/inputs';
import { keyJudgmentsSection } from './render/keyJudgments';
import { linchpinsSection } from './render/linchpins';
import { notice } from './render/notice';
import { outcomesSection } from './render/outcomes';
import { sensitivitySection } from './render/sensitivity';
import { signpostsSection } from './render/signposts';
import { toolbar } from './render/toolbar';
import type { ErrorsView, View } from './render/view';
import { worldsSection } from './render/worlds';
import { readTheme } from './theme';
import { parsePageState, parseToPage } from './validate';
import { parseHistoryMessage } from './validateHistory';

/** What acquireVsCodeApi() returns, as far as the page uses it. */
export interface VsCodeApi {
  postMessage(message: FromPage): void;
  getState(): unknown;
  setState(state: PageState): void;
}

export interface PageOptions {
  /** The page's <main id="root">; its data-uri / data-locked attributes seed a new page's state. */
  root: HTMLElement;
  api: VsCodeApi;
  /** Draws a chart (Chart.js by default). */
  createChart?: ChartFactory;
}

export interface Page {
  /** Handles one message from the extension (validated here; anything else is ignored). */
  receive(data: unknown): void;
  state(): PageState;
  dispose(): void;
}

type ForecastMessage = Extract<ToPage, { type: 'forecast' }>;
type PendingChart = [HTMLCanvasElement, BarChartSpec, ChartOptions];

const DEFAULT_STALE = (version: number) => `The file has errors; showing the last good forecast from version ${version}.`;
const DEFAULT_EMPTY = 'No forecast yet: the file has errors. Fix them to see the forecast.';

export function startPage(options: PageOptions): Page {
  const { root, api } = options;
  const createChart = options.createChart ?? createBarChart;
  let state: PageState = parsePageState(api.getState()) ?? {
    uri: root.dataset.uri ?? '',
    selectedOutcome: null,
    locked: root.dataset.locked === 'true',
  };
  let message: ForecastMessage | null = null;
  let shown: Report | null = null;
  let charts: ChartHandle[] = [];
  /** The document's errors as last sent (for the document shown). */
  let errors: { uri: string; list: PageError[]; total: number } = { uri: state.uri, list: [], total: 0 };
  /** The declaration at the editor's cursor. */
  let atCursor: string | null = null;
  /** The file's history from git, for the document shown (its own message, after the forecast). */
  let history: { uri: string; shown: HistoryShown } = { uri: state.uri, shown: null };
  /** The last word of a forecast running long (a newer forecast message makes it moot). */
  let progress: Extract<ToPage, { type: 'progress' }> | null = null;

  const post = (m: FromPage) => api.postMessage(m);
  const save = () => api.setState(state);

  function selectedOutcome(report: Report): string | null {
    const wanted = state.selectedOutcome;
    if (wanted !== null && report.outcomes.some((o) => o.name === wanted)) return wanted;
    return report.outcomes[0]?.name ?? null;
  }

  function banner(): HTMLElement | null {
    // A forecast running long says how far it has got, over the numbers it will replace.
    if (progress && progress.uri === state.uri && (!message || message.uri !== state.uri || progress.version > message.version)) {
      return notice('info', `Computing the forecast: ${progress.text}, ${formatElapsed(progress.elapsedMs)} so far.${shown ? ' The numbers below are the last ones.' : ''}`);
    }
    if (!message) return notice('info', 'Waiting for the forecast…');
    if (!shown) return notice('empty', message.notice ? `No forecast yet: ${message.notice}` : DEFAULT_EMPTY);
    if (message.stale) return notice('stale', message.notice ?? DEFAULT_STALE(message.version));
    // A file with errors: what does not depend on them is new, the rest is marked in its rows.
    if (shown.excluded.length > 0) return notice('stale', message.notice ?? shown.excludedText);
    return message.notice ? notice('info', message.notice) : null;
  }

  function buildView(report: Report, pending: PendingChart[]): View {
    return {
      report,
      selected: selectedOutcome(report),
      atCursor,
      reveal: (name, statement) => post(statement ? { type: 'reveal', uri: state.uri, name, statement } : { type: 'reveal', uri: state.uri, name }),
      select,
      drawChart: (canvas, spec, options = {}) => pending.push([canvas, spec, options]),
    };
  }

  function errorsView(): ErrorsView {
    const current = errors.uri === state.uri ? errors : { list: [], total: 0 };
    return {
      errors: current.list,
      total: current.total,
      revealPosition: (line, character) => post({ type: 'revealPosition', uri: state.uri, line, character }),
    };
  }

  /** The alert bar's jump: the bottom line into view, its first link focused. */
  function showBottomLine(): void {
    const target = root.querySelector<HTMLElement>('#bottom-line button.link') ?? root.querySelector<HTMLElement>('#bottom-line');
    target?.scrollIntoView?.({ block: 'nearest' });
    target?.focus();
  }

  function content(pending: PendingChart[]): Node[] {
    const view = shown ? buildView(shown, pending) : null;
    const errorList = errorsView();
    const top = [
      header(shown, message?.fileName ?? ''),
      toolbar(shown !== null, (action) => post({ type: action, uri: state.uri })),
      banner(),
      alertBar(shown, errorList, showBottomLine),
      bottomLineSection(shown, view, errorList),
    ];
    if (!shown || !view) return top.filter((n): n is HTMLElement => n !== null);
    const sections = [
      keyJudgmentsSection(view, () => post({ type: 'copyKeyJudgments', uri: state.uri })),
      outcomesSection(view),
      sensitivitySection(view),
      signpostsSection(view),
      linchpinsSection(view),
      worldsSection(view),
      alternativesSection(view),
      inputsSection(view),
      historySection(history.uri === state.uri ? history.shown : null, new Map(shown.outcomes.map((o) => [o.name, o.label]))),
      footer(shown),
    ];
    return [...top, ...sections].filter((n): n is HTMLElement => n !== null);
  }

  function render(): void {
    const doc = root.ownerDocument;
    const win = doc.defaultView;
    const scroll = win ? [win.scrollX, win.scrollY] : [0, 0];
    const active = doc.activeElement;
    const focusKey = active instanceof HTMLElement && root.contains(active) ? active.dataset.key : undefined;

    for (const chart of charts) chart.destroy();
    charts = [];
    const pending: PendingChart[] = [];
    // Numbers from an older version (the file does not parse now) are dimmed as a whole.
    root.replaceChildren(el('div', { className: message?.stale && shown ? 'page stale-numbers' : 'page' }, content(pending)));

    // Charts need their canvas in the document to size themselves.
    const theme = readTheme(doc.body);
    for (const [canvas, spec, options] of pending) {
      try {
        const chart = createChart(canvas, spec, theme, options);
        if (chart) charts.push(chart);
      } catch (error) {
        // The text equivalent is already on the page; a chart that fails must not blank it.
        console.error('Scenario preview: chart failed', error);
      }
    }
    if (focusKey !== undefined) {
      const target = Array.from(root.querySelectorAll<HTMLElement>('[data-key]')).find((e) => e.dataset.key === focusKey);
      target?.focus();
    }
    win?.scrollTo(scroll[0]!, scroll[1]!);
  }

  function select(name: string): void {
    if (state.selectedOutcome === name && shown && selectedOutcome(shown) === name) return;
    state = { ...state, selectedOutcome: name };
    save();
    post({ type: 'selectOutcome', uri: state.uri, name });
    render();
  }

  function onForecast(m: ForecastMessage): void {
    const sameDocument = m.uri === state.uri;
    if (!sameDocument) atCursor = null;
    // While the file does not parse, keep the last good numbers of the same document.
    shown = m.forecast ? buildReport(m.forecast, { file: m.fileName }) : m.stale && sameDocument ? shown : null;
    message = m;
    state = { ...state, uri: m.uri, locked: m.locked ?? state.locked };
    save();
    render();
  }

  /** Editor → preview: pick out the declaration at the cursor; an outcome becomes the tornado's. */
  function onCursor(name: string | null): void {
    if (name === atCursor) return;
    atCursor = name;
    if (name !== null && shown?.outcomes.some((o) => o.name === name) && state.selectedOutcome !== name) {
      state = { ...state, selectedOutcome: name };
      save();
      post({ type: 'selectOutcome', uri: state.uri, name });
    }
    render();
    if (name === null) return;
    const row = Array.from(root.querySelectorAll<HTMLElement>('tr.at-cursor[data-name]')).find((r) => r.dataset.name === name && r.closest('.text-equivalent') === null);
    row?.scrollIntoView?.({ block: 'nearest' });
  }

  function receive(data: unknown): void {
    const h = parseHistoryMessage(data);
    if (h) {
      history = { uri: h.uri, shown: { history: h.history, notice: h.notice } };
      if (h.uri === state.uri) render();
      return;
    }
    const m = parseToPage(data);
    if (!m) return;
    switch (m.type) {
      case 'forecast':
        onForecast(m);
        break;
      case 'errors':
        errors = { uri: m.uri, list: m.errors, total: m.total };
        if (m.uri === state.uri) render();
        break;
      case 'cursor':
        if (m.uri === state.uri) onCursor(m.name);
        break;
      case 'progress':
        progress = m;
        if (m.uri === state.uri) render();
        break;
      case 'theme':
        render(); // the colours are read again at render time
        break;
    }
  }

  const onMessage = (event: MessageEvent) => receive(event.data);
  const win = root.ownerDocument.defaultView;
  win?.addEventListener('message', onMessage);
  // VS Code swaps the body's theme class (vscode-light, vscode-dark, vscode-high-contrast…).
  const observer = new MutationObserver(() => render());
  observer.observe(root.ownerDocument.body, { attributes: true, attributeFilter: ['class'] });
  // Charts are laid out for their width: redraw when the pane crosses into or out of compact.
  const compact = win?.matchMedia?.(`(max-width: ${COMPACT_CHART_WIDTH}px)`);
  const onCompact = () => render();
  compact?.addEventListener?.('change', onCompact);

  save();
  render();
  post({ type: 'ready', uri: state.uri });

  return {
    receive,
    state: () => state,
    dispose() {
      win?.removeEventListener('message', onMessage);
      compact?.removeEventListener?.('change', onCompact);
      observer.disconnect();
      for (const chart of charts) chart.destroy();
      charts = [];
    },
  };
}
