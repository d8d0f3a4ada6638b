// One preview panel: a webview showing the forecast of one document (which may change while the
// preview follows the active editor). The page is built once (html.ts); later forecasts go by
// postMessage, throttled, and are skipped when nothing changed.
import * as vscode from 'vscode';
import { posix } from 'node:path';
import { makeNonce, previewHtml } from './html';
import { MAX_PAGE_ERRORS, parseFromPage, type FromPage, type PageError, type PageState, type ToPage } from '../../../common/pageMessages';
import { declarationAt, declarationExtents, type DeclarationExtent } from './declarations';
import { revealPosition, revealStatement } from './reveal';
import { Throttle } from './throttle';
import { emptyResult, mergeResult, sameResult, type ForecastResult } from './forecastState';
import type { HistoryData } from '../../../common/history';
import type { ForecastProgressNotification } from '../../../common/protocol';

export const PREVIEW_VIEW_TYPE = 'scenario.preview';

/** Where forecasts come from (the language server). */
export interface ForecastSource {
  request(uri: vscode.Uri): Promise<ForecastResult>;
}

/** What the page can ask for, carried out by the extension. */
export interface PreviewActions {
  reveal(uri: vscode.Uri, name: string): Promise<void>;
  copyMarkdown(uri: vscode.Uri): Promise<void>;
  save(uri: vscode.Uri, format: 'json' | 'csv'): Promise<void>;
}

export interface PreviewDeps {
  extensionUri: vscode.Uri;
  source: ForecastSource;
  /** The file's history from git (the History section); optional. */
  history?(uri: vscode.Uri): Promise<{ history: HistoryData | null; notice: string | null }>;
  actions: PreviewActions;
  throttleMs(): number;
  log(message: string): void;
}

/** Webview options: scripts on, forms and command links off, files only from our own media. */
export function previewWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
      vscode.Uri.joinPath(extensionUri, 'client', 'media'),
    ],
  };
}

export function themeKind(kind: vscode.ColorThemeKind): 'light' | 'dark' | 'high-contrast' | 'high-contrast-light' {
  switch (kind) {
    case vscode.ColorThemeKind.Light:
      return 'light';
    case vscode.ColorThemeKind.HighContrast:
      return 'high-contrast';
    case vscode.ColorThemeKind.HighContrastLight:
      return 'high-contrast-light';
    default:
      return 'dark';
  }
}

function fileName(uri: vscode.Uri): string {
  return posix.basename(uri.path) || uri.toString();
}

export class ScenarioPreview implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly throttle: Throttle<ForecastResult>;
  /** The latest result for the current document (what the page shows, or will after the throttle). */
  private current: ForecastResult | undefined;
  private lastMessage: ToPage | undefined;
  /** What the page last heard of the errors and the cursor (each is sent only when it changes). */
  private lastErrors: string | undefined;
  private lastCursor: string | null | undefined;
  /** The declarations of the document version last looked at, for the cursor sync. */
  private extents: { uri: string; version: number; list: DeclarationExtent[] } | undefined;
  private disposed = false;
  private historyAsked = 0;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  static create(deps: PreviewDeps, resource: vscode.Uri, column: vscode.ViewColumn, preserveFocus: boolean, locked: boolean): ScenarioPreview {
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      'Forecast',
      { viewColumn: column, preserveFocus },
      { ...previewWebviewOptions(deps.extensionUri), enableFindWidget: true },
    );
    return new ScenarioPreview(panel, deps, resource, locked, null);
  }

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: PreviewDeps,
    private resourceUri: vscode.Uri,
    private lockedToDocument: boolean,
    private selectedOutcome: string | null,
  ) {
    panel.webview.options = previewWebviewOptions(deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'client', 'media', 'file-icon.svg');
    this.throttle = new Throttle(deps.throttleMs(), (result) => this.post(result), sameResult);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(parseFromPage(raw))),
    );
    this.updateTitle();
    this.renderPage(); // the new page posts 'ready', which asks for the forecast
  }

  get resource(): vscode.Uri {
    return this.resourceUri;
  }

  get locked(): boolean {
    return this.lockedToDocument;
  }

  /** The result the page shows (or is about to), for exports. */
  get result(): ForecastResult | undefined {
    return this.current;
  }

  /** The last message posted to the page (for tests and diagnostics). */
  get lastPosted(): ToPage | undefined {
    return this.lastMessage;
  }

  isPreviewOf(uri: vscode.Uri): boolean {
    return this.resourceUri.toString() === uri.toString();
  }

  /** Shows another document (the preview follows the active editor). */
  follow(uri: vscode.Uri): void {
    if (this.disposed || this.lockedToDocument || this.isPreviewOf(uri)) return;
    this.resourceUri = uri;
    this.current = undefined;
    this.selectedOutcome = null;
    this.lastErrors = undefined;
    this.lastCursor = undefined;
    this.throttle.reset();
    this.updateTitle();
    this.renderPage();
    void this.refresh();
  }

  /** Asks for the file's history and sends it to the page (by its own message: it can be slow cold). */
  async postHistory(): Promise<void> {
    const source = this.deps.history;
    if (!source || this.disposed) return;
    const uri = this.resourceUri;
    const asked = ++this.historyAsked;
    let answer: { history: HistoryData | null; notice: string | null };
    try {
      answer = await source(uri);
    } catch (error) {
      answer = { history: null, notice: `the language server could not read it (${String(error)})` };
    }
    if (asked !== this.historyAsked || uri.toString() !== this.resourceUri.toString()) return; // a newer request, or another document
    this.postMessage({ type: 'history', uri: uri.toString(), history: answer.history, notice: answer.notice });
  }

  toggleLock(): void {
    this.lockedToDocument = !this.lockedToDocument;
    this.updateTitle();
    this.repost();
  }

  /** A forecast from the server's notification; ignored unless it is for this document. */
  offer(result: ForecastResult): void {
    if (this.disposed || result.uri !== this.resourceUri.toString()) return;
    if (this.current && result.version < this.current.version && !this.isLiveVersion(result)) return; // a late, older answer
    this.current = mergeResult(this.current, result);
    this.throttle.push(this.current);
  }

  showProgress(progress: ForecastProgressNotification.Params): void {
    if (this.disposed || progress.uri !== this.resourceUri.toString()) return;
    this.postMessage({ type: 'progress', uri: progress.uri, version: progress.version, text: progress.text, elapsedMs: progress.elapsedMs });
  }

  /** Asks the server for the document's forecast (after opening it, so the server knows it). */
  async refresh(): Promise<void> {
    const uri = this.resourceUri;
    try {
      await vscode.workspace.openTextDocument(uri);
      const result = await this.deps.source.request(uri);
      if (uri.toString() === this.resourceUri.toString()) this.offer(result);
    } catch (error) {
      this.deps.log(`preview: no forecast for ${uri.toString()}: ${String(error)}`);
      if (!this.current && uri.toString() === this.resourceUri.toString()) {
        this.offer(emptyResult(uri.toString(), -1, 'The language server has not sent a forecast yet. It appears as soon as the file has been checked.'));
      }
    }
  }

  /** True when the result belongs to the version open now (versions restart when a file is reopened). */
  private isLiveVersion(result: ForecastResult): boolean {
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === result.uri && d.version === result.version);
  }

  setThrottle(ms: number): void {
    this.throttle.setDelay(ms);
  }

  /** Sends the document's errors (VS Code's diagnostics from the language server) when they changed. */
  postErrors(): void {
    const all = vscode.languages.getDiagnostics(this.resourceUri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    const errors: PageError[] = all.slice(0, MAX_PAGE_ERRORS).map((d) => ({
      line: d.range.start.line,
      character: d.range.start.character,
      code: d.code === undefined ? null : String(typeof d.code === 'object' ? d.code.value : d.code),
      message: d.message,
    }));
    const key = JSON.stringify(errors) + all.length;
    if (key === this.lastErrors) return;
    this.lastErrors = key;
    this.postMessage({ type: 'errors', uri: this.resourceUri.toString(), errors, total: all.length });
  }

  /** Editor → preview: tells the page which declaration the cursor is in, when that changed. */
  syncCursor(editor: vscode.TextEditor): void {
    const document = editor.document;
    if (!this.isPreviewOf(document.uri)) return;
    const uri = document.uri.toString();
    if (!this.extents || this.extents.uri !== uri || this.extents.version !== document.version) {
      this.extents = { uri, version: document.version, list: declarationExtents(document.getText()) };
    }
    const name = declarationAt(this.extents.list, document.offsetAt(editor.selection.active));
    if (name === this.lastCursor) return;
    this.lastCursor = name;
    this.postMessage({ type: 'cursor', uri, name });
  }

  postTheme(kind: vscode.ColorThemeKind): void {
    this.postMessage({ type: 'theme', kind: themeKind(kind) });
  }

  reveal(column?: vscode.ViewColumn, preserveFocus = false): void {
    this.panel.reveal(column, preserveFocus);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.throttle.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private onMessage(message: FromPage | null): void {
    if (!message || this.disposed) return; // anything unexpected from the page is ignored
    if (message.type === 'ready') {
      // The page (re)loaded: a hidden panel's page reloads when shown again. Send it everything.
      this.postTheme(vscode.window.activeColorTheme.kind);
      if (this.current) this.repost();
      else void this.refresh();
      this.lastErrors = undefined;
      this.lastCursor = undefined;
      this.postErrors();
      const editor = vscode.window.visibleTextEditors.find((e) => this.isPreviewOf(e.document.uri));
      if (editor) this.syncCursor(editor);
      void this.postHistory();
      return;
    }
    if (message.uri !== this.resourceUri.toString()) return; // from a page of another document
    switch (message.type) {
      case 'reveal':
        void (message.statement
          ? revealStatement(this.resourceUri, message.name, message.statement)
          : this.deps.actions.reveal(this.resourceUri, message.name));
        break;
      case 'revealPosition':
        void revealPosition(this.resourceUri, message.line, message.character);
        break;
      case 'copyMarkdown':
        void this.deps.actions.copyMarkdown(this.resourceUri);
        break;
      case 'copyKeyJudgments':
        // The palette's command, so both copy the same sentences with the same notification.
        void vscode.commands.executeCommand('scenario.copyKeyJudgments', this.resourceUri);
        break;
      case 'saveJson':
        void this.deps.actions.save(this.resourceUri, 'json');
        break;
      case 'saveCsv':
        void this.deps.actions.save(this.resourceUri, 'csv');
        break;
      case 'selectOutcome':
        this.selectedOutcome = message.name;
        break;
    }
  }

  /** Sends the current result again at once (the page reloaded, or the lock changed). */
  private repost(): void {
    this.throttle.reset();
    if (this.current) this.throttle.push(this.current);
  }

  private post(result: ForecastResult): void {
    this.postMessage({
      type: 'forecast',
      uri: result.uri,
      fileName: fileName(this.resourceUri),
      version: result.version,
      forecast: result.forecast,
      stale: result.stale,
      notice: result.notice,
      locked: this.lockedToDocument,
    });
  }

  private postMessage(message: ToPage): void {
    if (this.disposed) return;
    if (message.type === 'forecast') this.lastMessage = message;
    void this.panel.webview.postMessage(message);
  }

  private pageState(): PageState {
    return { uri: this.resourceUri.toString(), selectedOutcome: this.selectedOutcome, locked: this.lockedToDocument };
  }

  private renderPage(): void {
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'webview');
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'main.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'main.css')).toString(),
      state: this.pageState(),
      fileName: fileName(this.resourceUri),
    });
  }

  private updateTitle(): void {
    const name = fileName(this.resourceUri);
    this.panel.title = this.lockedToDocument ? `[Forecast] ${name}` : `Forecast ${name}`;
  }
}
