// "Scenario: Show Track Record": one webview panel per set of folders (the workspace, or a folder
// from the Explorer), showing `scenario score` of them as the server computes it
// (TrackRecordRequest), with progress while it reads history (a progress notification in the
// window, and a bar on the page), and read again when a .scenario file under them is saved. The
// page is built once (html.ts: the preview's CSP and nonce); records go by postMessage. A click on
// a question opens its file at its declaration: the page names the question by its place in the
// record, and the panel looks the file up in its own copy (the page never names a file).
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { TrackRecordRequest } from '../../../common/protocol';
import type { TrackRecord } from '../../../common/scores';
import {
  parseFromTrackRecordPage, parseTrackRecordPageState, type FromTrackRecordPage, type ToTrackRecordPage,
} from '../../../common/trackRecordMessages';
import { previewWebviewOptions, themeKind } from '../preview/panel';
import { revealLine } from '../preview/reveal';
import { makeNonce, trackRecordHtml } from './html';

export const TRACK_RECORD_VIEW_TYPE = 'scenario.trackRecord';

export interface TrackRecordDeps {
  extensionUri: vscode.Uri;
  /** Asks the server; `progress` hears how many files are done. */
  score(uris: vscode.Uri[], progress: (done: number, total: number) => void): Promise<TrackRecordRequest.Result>;
  log(message: string): void;
  /** Milliseconds between a save and reading the history again (default 500). */
  saveDelayMs?: number;
}

/** A question's file as the page shows it: relative to its workspace folder, with `/`. */
export function relativeFile(file: string, folders: readonly string[]): string {
  for (const folder of folders) {
    const relative = path.relative(folder, file);
    if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return relative.split(path.sep).join('/');
  }
  return file.split(path.sep).join('/');
}

export class TrackRecordPanel implements vscode.Disposable {
  private static readonly open = new Map<string, TrackRecordPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private last: Extract<ToTrackRecordPage, { type: 'trackRecord' }>;
  /** The record as the server sent it (absolute files), for reveal. */
  private record: TrackRecord | null = null;
  private asked = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private saveTimer: NodeJS.Timeout | undefined;
  private disposed = false;

  static key(uris: readonly vscode.Uri[]): string {
    return uris.map((u) => u.toString()).sort().join('\n');
  }

  /** Shows (or reuses) the panel of these folders and reads their track record. */
  static async show(deps: TrackRecordDeps, uris: vscode.Uri[], title: string): Promise<TrackRecordPanel> {
    const key = TrackRecordPanel.key(uris);
    let panel = TrackRecordPanel.open.get(key);
    if (!panel) {
      const webview = vscode.window.createWebviewPanel(TRACK_RECORD_VIEW_TYPE, `Track record: ${title}`, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {
        ...previewWebviewOptions(deps.extensionUri), enableFindWidget: true,
      });
      panel = new TrackRecordPanel(webview, deps, uris, title);
      TrackRecordPanel.open.set(key, panel);
    } else {
      panel.panel.reveal(undefined, false);
    }
    await panel.refresh();
    return panel;
  }

  /** A panel VS Code kept over a reload: read again for the folders its page saved (or closed when that is odd). */
  static restore(deps: TrackRecordDeps, webview: vscode.WebviewPanel, state: unknown): void {
    const saved = parseTrackRecordPageState(state);
    let uris: vscode.Uri[] = [];
    try {
      uris = saved ? saved.uris.map((u) => vscode.Uri.parse(u, true)) : [];
    } catch {
      uris = [];
    }
    if (!saved || uris.length === 0 || TrackRecordPanel.open.has(TrackRecordPanel.key(uris))) {
      webview.dispose();
      return;
    }
    webview.webview.options = previewWebviewOptions(deps.extensionUri);
    const panel = new TrackRecordPanel(webview, deps, uris, saved.title);
    TrackRecordPanel.open.set(TrackRecordPanel.key(uris), panel);
    void panel.refresh();
  }

  /** Every open panel (for the in-host tests). */
  static all(): TrackRecordPanel[] {
    return [...TrackRecordPanel.open.values()];
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly deps: TrackRecordDeps, readonly uris: vscode.Uri[], readonly title: string) {
    this.last = { type: 'trackRecord', title, uris: uris.map((u) => u.toString()), loading: true, progress: null, record: null, notice: null };
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'client', 'media', 'file-icon.svg');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.onMessage(parseFromTrackRecordPage(raw))),
      vscode.window.onDidChangeActiveColorTheme((t) => this.post({ type: 'theme', kind: themeKind(t.kind) })),
      vscode.workspace.onDidSaveTextDocument((d) => this.onSave(d)),
    );
    const media = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview');
    panel.webview.html = trackRecordHtml({
      cspSource: panel.webview.cspSource,
      nonce: makeNonce(),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'trackRecord.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'trackRecord.css')).toString(),
      title,
    });
  }

  /** The record shown (absolute files), null before the first. */
  get shown(): TrackRecord | null {
    return this.record;
  }

  /** Reads the track record again; a call while one runs makes one more run after it. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again && !this.disposed) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.running;
  }

  private async run(): Promise<void> {
    const asked = ++this.asked;
    this.post({ ...this.last, loading: true, progress: null, notice: null });
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Scenario: reading the track record' }, async (report) => {
      let result: TrackRecordRequest.Result;
      try {
        result = await this.deps.score(this.uris, (done, total) => {
          if (asked !== this.asked || this.disposed) return;
          report.report({ message: `${done} of ${total} files` });
          this.post({ ...this.last, loading: true, progress: { done, total } });
        });
      } catch (error) {
        result = { id: 0, record: null, notice: `the language server could not read the track record (${String(error)})` };
      }
      if (asked !== this.asked || this.disposed) return;
      this.record = result.record;
      const folders = this.uris.map((u) => u.fsPath);
      const forPage = result.record
        ? { ...result.record, questions: result.record.questions.map((q) => ({ ...q, file: relativeFile(q.file, folders) })),
            skipped: result.record.skipped.map((s) => ({ ...s, file: relativeFile(s.file, folders) })),
            historyMissing: result.record.historyMissing.map((h) => ({ ...h, file: relativeFile(h.file, folders) })) }
        : this.last.record;
      this.post({ ...this.last, loading: false, progress: null, record: forPage, notice: result.notice });
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.saveTimer);
    const key = TrackRecordPanel.key(this.uris);
    if (TrackRecordPanel.open.get(key) === this) TrackRecordPanel.open.delete(key);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private onSave(document: vscode.TextDocument): void {
    if (!document.uri.fsPath.endsWith('.scenario') || document.uri.scheme !== 'file') return;
    const inside = this.uris.some((u) => {
      const relative = path.relative(u.fsPath, document.uri.fsPath);
      return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
    });
    if (!inside) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.refresh(), this.deps.saveDelayMs ?? 500);
  }

  private post(message: ToTrackRecordPage): void {
    if (this.disposed) return;
    if (message.type === 'trackRecord') this.last = message;
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: FromTrackRecordPage | null): Promise<void> {
    if (!message || this.disposed) return;
    if (message.type === 'ready') {
      this.post({ type: 'theme', kind: themeKind(vscode.window.activeColorTheme.kind) });
      this.post(this.last);
      return;
    }
    if (message.type === 'refresh') {
      void this.refresh();
      return;
    }
    const question = this.record?.questions[message.index];
    if (!question) return;
    try {
      await revealLine(vscode.Uri.file(question.file), question.line, this.panel.viewColumn);
    } catch (error) {
      this.deps.log(`track record: could not show ${question.name}: ${String(error)}`);
    }
  }
}

/** The folders to score: a folder from the Explorer's context menu, else every folder of the workspace. */
export function trackRecordTarget(arg: unknown): { uris: vscode.Uri[]; title: string } | null {
  if (arg instanceof vscode.Uri && arg.scheme === 'file') return { uris: [arg], title: path.basename(arg.fsPath) || arg.fsPath };
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 0) return null;
  return { uris: folders.map((f) => f.uri), title: vscode.workspace.name ?? folders.map((f) => f.name).join(', ') };
}
