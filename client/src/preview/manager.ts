// All previews: one panel per document; unlocked previews follow the active .scenario editor;
// previews come back after a window reload (WebviewPanelSerializer, from the page's saved state).
// Modelled on VS Code's markdown preview manager.
import * as vscode from 'vscode';
import type { ForecastResult } from './forecastState';
import type { ForecastProgressNotification } from '../../../common/protocol';
import { DECLARED_NAME } from '../../../common/pageMessages';
import { PREVIEW_VIEW_TYPE, ScenarioPreview, type PreviewDeps } from './panel';

const FOCUS_CONTEXT = 'scenarioPreviewFocus';

export function isScenarioDocument(document: vscode.TextDocument): boolean {
  return document.languageId === 'scenario';
}

/** The saved page state, if it has the shape we wrote; null otherwise (it comes from a page). */
function readSavedState(state: unknown): { uri: vscode.Uri; locked: boolean; selectedOutcome: string | null } | null {
  if (typeof state !== 'object' || state === null) return null;
  const s = state as Record<string, unknown>;
  if (typeof s.uri !== 'string' || s.uri.length === 0 || s.uri.length > 4096) return null;
  try {
    const uri = vscode.Uri.parse(s.uri, true);
    if (uri.scheme !== 'file' && uri.scheme !== 'untitled') return null;
    const selected = typeof s.selectedOutcome === 'string' && DECLARED_NAME.test(s.selectedOutcome) ? s.selectedOutcome : null;
    return { uri, locked: s.locked === true, selectedOutcome: selected };
  } catch {
    return null;
  }
}

export class PreviewManager implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly previews = new Set<ScenarioPreview>();
  private activePreview: ScenarioPreview | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: PreviewDeps) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
      // The bottom line lists the errors; the cursor's declaration is picked out (like the Markdown preview's sync).
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const p of this.previews) if (e.uris.some((uri) => p.isPreviewOf(uri))) p.postErrors();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        for (const p of this.previews) p.syncCursor(e.textEditor);
      }),
      vscode.window.onDidChangeActiveColorTheme((theme) => {
        for (const p of this.previews) p.postTheme(theme.kind);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('scenario.preview.throttleMs')) for (const p of this.previews) p.setThrottle(deps.throttleMs());
      }),
    );
  }

  /** Opens (or reveals) the preview of a document. */
  open(resource: vscode.Uri, toSide: boolean): ScenarioPreview {
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    const existing = this.previewOf(resource) ?? this.followingPreview();
    if (existing) {
      existing.follow(resource);
      existing.reveal(undefined, toSide);
      return existing;
    }
    return this.register(ScenarioPreview.create(this.deps, resource, column, toSide, false));
  }

  /** The preview showing a document, if any. */
  previewOf(resource: vscode.Uri): ScenarioPreview | undefined {
    for (const p of this.previews) if (p.isPreviewOf(resource)) return p;
    return undefined;
  }

  /** The focused preview, or else the preview of the active editor's document. */
  get current(): ScenarioPreview | undefined {
    if (this.activePreview) return this.activePreview;
    const doc = vscode.window.activeTextEditor?.document;
    return doc ? this.previewOf(doc.uri) : undefined;
  }

  /** Locks the current preview to its document, or lets it follow the active editor again. */
  toggleLock(): ScenarioPreview | undefined {
    const preview = this.current;
    if (!preview) return undefined;
    preview.toggleLock();
    if (!preview.locked) {
      // An unlocked preview follows the editor; a second follower would be redundant.
      for (const other of [...this.previews]) if (other !== preview && !other.locked) other.dispose();
      const editor = vscode.window.activeTextEditor;
      if (editor && isScenarioDocument(editor.document) && !this.previewOf(editor.document.uri)) preview.follow(editor.document.uri);
    }
    return preview;
  }

  /** A forecast notification from the server: to every preview of that document. */
  onForecastReady(result: ForecastResult): void {
    for (const p of this.previews) p.offer(result);
  }

  /** A forecast running long: the previews of its document say how far it has got. */
  onForecastProgress(progress: ForecastProgressNotification.Params): void {
    for (const p of this.previews) p.showProgress(progress);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = readSavedState(state);
    const fallback = vscode.window.activeTextEditor?.document;
    const uri = saved?.uri ?? (fallback && isScenarioDocument(fallback) ? fallback.uri : undefined);
    if (!uri) {
      panel.dispose(); // nothing to show: the page saved no state and no .scenario editor is open
      return;
    }
    this.register(new ScenarioPreview(panel, this.deps, uri, saved?.locked ?? false, saved?.selectedOutcome ?? null));
  }

  dispose(): void {
    for (const p of [...this.previews]) p.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private followingPreview(): ScenarioPreview | undefined {
    for (const p of this.previews) if (!p.locked) return p;
    return undefined;
  }

  private followEditor(editor: vscode.TextEditor | undefined): void {
    if (!editor || !isScenarioDocument(editor.document)) return;
    if (this.previewOf(editor.document.uri)) return; // that document already has its panel
    this.followingPreview()?.follow(editor.document.uri);
  }

  private register(preview: ScenarioPreview): ScenarioPreview {
    this.previews.add(preview);
    preview.onDidDispose(() => {
      this.previews.delete(preview);
      if (this.activePreview === preview) this.setActive(undefined);
    });
    preview.panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.active) this.setActive(preview);
      else if (this.activePreview === preview) this.setActive(undefined);
    });
    if (preview.panel.active) this.setActive(preview);
    return preview;
  }

  private setActive(preview: ScenarioPreview | undefined): void {
    this.activePreview = preview;
    void vscode.commands.executeCommand('setContext', FOCUS_CONTEXT, preview !== undefined);
  }
}
