// The compare view: one webview panel per document showing the forecast's diff from a revision
// to the document as open now (the server computes it: CompareRequest). The page is built once
// (html.ts, the preview's CSP and nonce); results go by postMessage. A click on a change puts the
// editor's cursor on its line (the new version's line; a removed thing has none, and the page
// says so).
import * as vscode from 'vscode';
import { posix } from 'node:path';
import { parseComparePageState, parseFromComparePage, type FromComparePage, type ToComparePage } from '../../../common/compareMessages';
import type { CompareDiff } from '../../../common/history';
import type { CompareRequest } from '../../../common/protocol';
import { previewWebviewOptions, themeKind } from '../preview/panel';
import { revealLine } from '../preview/reveal';
import { compareHtml, makeNonce } from './html';

export const COMPARE_VIEW_TYPE = 'scenario.compare';

export interface CompareDeps {
  extensionUri: vscode.Uri;
  compare(uri: vscode.Uri, rev: string): Promise<CompareRequest.Result>;
  log(message: string): void;
}

export class ComparePanel implements vscode.Disposable {
  private static readonly open = new Map<string, ComparePanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private last: Extract<ToComparePage, { type: 'compare' }>;
  private asked = 0;
  private disposed = false;

  /** Shows (or reuses) the document's compare panel and computes the diff from `rev`. */
  static async show(deps: CompareDeps, uri: vscode.Uri, rev: string, revision: string): Promise<ComparePanel> {
    let panel = ComparePanel.open.get(uri.toString());
    if (!panel) {
      const webview = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, 'Forecast changes', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        ...previewWebviewOptions(deps.extensionUri), enableFindWidget: true,
      });
      panel = new ComparePanel(webview, deps, uri);
      ComparePanel.open.set(uri.toString(), panel);
    } else {
      panel.panel.reveal(undefined, true);
    }
    await panel.run(rev, revision);
    return panel;
  }

  /** A panel VS Code kept over a reload: computed again from the state its page saved (or closed when that is odd). */
  static restore(deps: CompareDeps, webview: vscode.WebviewPanel, state: unknown): void {
    const saved = parseComparePageState(state);
    let uri: vscode.Uri | undefined;
    try {
      uri = saved ? vscode.Uri.parse(saved.uri, true) : undefined;
    } catch {
      uri = undefined;
    }
    if (!saved || !uri || ComparePanel.open.has(uri.toString())) {
      webview.dispose();
      return;
    }
    webview.webview.options = previewWebviewOptions(deps.extensionUri);
    const panel = new ComparePanel(webview, deps, uri);
    ComparePanel.open.set(uri.toString(), panel);
    void panel.run(saved.rev, saved.revision);
  }

  /** The panel of a document, if open (for the in-host tests). */
  static of(uri: vscode.Uri): ComparePanel | undefined {
    return ComparePanel.open.get(uri.toString());
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly deps: CompareDeps, readonly resource: vscode.Uri) {
    const name = posix.basename(resource.path) || resource.toString();
    this.last = { type: 'compare', uri: resource.toString(), fileName: name, revision: '', rev: 'HEAD', loading: true, diff: null, notice: null };
    panel.title = `Changes: ${name}`;
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'client', 'media', 'file-icon.svg');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.onMessage(parseFromComparePage(raw))),
      vscode.window.onDidChangeActiveColorTheme((t) => this.post({ type: 'theme', kind: themeKind(t.kind) })),
    );
    const webview = panel.webview;
    const media = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview');
    webview.html = compareHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'compare.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'compare.css')).toString(),
      uri: resource.toString(),
      fileName: name,
    });
  }

  /** The diff shown (null while computing or when there is none). */
  get diff(): CompareDiff | null {
    return this.last.diff;
  }

  async run(rev: string, revision: string): Promise<void> {
    const asked = ++this.asked;
    this.post({ ...this.last, revision, rev, loading: true, diff: null, notice: null });
    let result: CompareRequest.Result;
    try {
      result = await this.deps.compare(this.resource, rev);
    } catch (error) {
      result = { uri: this.resource.toString(), rev, diff: null, notice: `the language server could not compare (${String(error)})` };
    }
    if (asked !== this.asked) return; // a newer comparison was asked for
    this.post({ ...this.last, revision, rev, loading: false, diff: result.diff, notice: result.diff ? null : (result.notice ?? 'no diff') });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (ComparePanel.open.get(this.resource.toString()) === this) ComparePanel.open.delete(this.resource.toString());
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private post(message: ToComparePage): void {
    if (this.disposed) return;
    if (message.type === 'compare') this.last = message;
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: FromComparePage | null): Promise<void> {
    if (!message || this.disposed || message.uri !== this.resource.toString()) return;
    if (message.type === 'ready') {
      this.post({ type: 'theme', kind: themeKind(vscode.window.activeColorTheme.kind) });
      this.post(this.last);
      return;
    }
    const change = this.last.diff?.changes.find((c) => c.id === message.change);
    if (!change || change.line === null || change.side !== 'after') return; // a removed thing has no line in the file now
    await revealLine(this.resource, change.line, this.panel.viewColumn);
  }
}
