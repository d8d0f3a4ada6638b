// The extension: the language client for .scenario files and drafts in prose, the forecast preview
// and its commands.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CompareRequest, DraftModelRequest, FileCommitsRequest, ForecastProgressNotification, ForecastReadyNotification, ForecastRequest, HistoryRequest,
  TrackRecordProgressNotification, TrackRecordRequest,
} from '../../common/protocol';
import { compareWithLastCommit, compareWithRevision, type CompareCommandDeps } from './compare/commands';
import { COMPARE_VIEW_TYPE, ComparePanel } from './compare/panel';
import { createLanguageClient, maxRestartsSetting, refreshInlayHints, restartPolicyFromSettings } from './languageClient';
import { PreviewManager, isScenarioDocument } from './preview/manager';
import { ForecastExporter, type SaveFormat } from './preview/exportForecast';
import { revealDeclaration } from './preview/reveal';
import type { ForecastSource, ScenarioPreview } from './preview/panel';
import type { ForecastResult } from './preview/forecastState';
import { TRACK_RECORD_VIEW_TYPE, TrackRecordPanel, trackRecordTarget, type TrackRecordDeps } from './trackRecord/panel';

let client: LanguageClient | undefined;

/** What the extension hands to other extensions and to its own in-host tests. */
export interface ScenarioApi {
  /** The preview of a document, if one is open (its panel, and the last forecast posted to it). */
  previewOf(uri: vscode.Uri): ScenarioPreview | undefined;
  languageClient: LanguageClient;
}

/** A command's target: a URI argument (code lens, explorer, tests), else the focused preview or editor. */
function targetDocument(previews: PreviewManager, arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg.length > 0) {
    try {
      return vscode.Uri.parse(arg, true);
    } catch {
      return undefined;
    }
  }
  const focused = previews.current;
  if (focused?.panel.active) return focused.resource;
  const editor = vscode.window.activeTextEditor;
  if (editor && isScenarioDocument(editor.document)) return editor.document.uri;
  return focused?.resource;
}

/**
 * "Scenario: Draft Model from Text": the active editor's selections (or its whole text) drafted by
 * the language server, with the function `scenario draft` runs, into a new untitled .scenario
 * editor beside it. A text with no estimative judgment gets a message and no editor.
 */
async function draftModelFromText(languageClient: LanguageClient): Promise<vscode.TextDocument | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Scenario: open a text to draft a model from.');
    return undefined;
  }
  const source = editor.document;
  const selected = editor.selections.filter((s) => !s.isEmpty).map((s) => source.getText(s));
  const text = selected.length > 0 ? selected.join('\n\n') : source.getText();
  const sourceName = (source.uri.path.split('/').pop() ?? '').replace(/\.[^.]+$/, '') || 'the text';
  const result = await languageClient.sendRequest<DraftModelRequest.Result>(DraftModelRequest.method, { text, sourceName } satisfies DraftModelRequest.Params);
  if (result?.text == null || result.outcomes === 0) {
    const why = result?.text == null && result?.message
      ? `${result.message[0]!.toUpperCase()}${result.message.slice(1)}`
      : `${selected.length > 0 ? 'The selection' : 'This text'} makes no estimative judgment ("likely", "may", "is expected to"…), so there is no model to draft`;
    void vscode.window.showInformationMessage(`Scenario: ${why}.`);
    return undefined;
  }
  const draft = await vscode.workspace.openTextDocument({ language: 'scenario', content: result.text });
  await vscode.window.showTextDocument(draft, { viewColumn: vscode.ViewColumn.Beside });
  return draft;
}

export function activate(context: vscode.ExtensionContext): ScenarioApi {
  const output = vscode.window.createOutputChannel('Scenario', { log: true });
  const log = (message: string) => output.info(message);
  const policy = restartPolicyFromSettings();
  const languageClient = createLanguageClient(context, output, policy);
  client = languageClient;

  const source: ForecastSource = {
    request: (uri) => languageClient.sendRequest<ForecastResult>(ForecastRequest.method, { uri: uri.toString() } satisfies ForecastRequest.Params),
  };
  const previews = new PreviewManager({
    extensionUri: context.extensionUri,
    source,
    actions: {
      reveal: (uri, name) => revealDeclaration(uri, name),
      copyMarkdown: async (uri) => void (await exporter.copyMarkdown(uri)),
      save: async (uri, format) => void (await exporter.save(uri, format)),
    },
    throttleMs: () => vscode.workspace.getConfiguration('scenario').get<number>('preview.throttleMs', 300),
    log,
    history: (uri) => languageClient.sendRequest<HistoryRequest.Result>(HistoryRequest.method, { uri: uri.toString() } satisfies HistoryRequest.Params),
  });
  const compareDeps: CompareCommandDeps = {
    extensionUri: context.extensionUri,
    log,
    compare: (uri, rev) => languageClient.sendRequest<CompareRequest.Result>(CompareRequest.method, { uri: uri.toString(), rev } satisfies CompareRequest.Params),
    commits: (uri) => languageClient.sendRequest<FileCommitsRequest.Result>(FileCommitsRequest.method, { uri: uri.toString() } satisfies FileCommitsRequest.Params),
  };
  // The track record: the server scores the folders and reports progress by the request's id.
  const trackProgress = new Map<number, (done: number, total: number) => void>();
  let trackRequests = 0;
  const trackRecordDeps: TrackRecordDeps = {
    extensionUri: context.extensionUri,
    log,
    score: async (uris, progress) => {
      const id = ++trackRequests;
      trackProgress.set(id, progress);
      try {
        return await languageClient.sendRequest<TrackRecordRequest.Result>(TrackRecordRequest.method,
          { id, uris: uris.map((u) => u.toString()) } satisfies TrackRecordRequest.Params);
      } finally {
        trackProgress.delete(id);
      }
    },
  };
  languageClient.onNotification(TrackRecordProgressNotification.method, (p: TrackRecordProgressNotification.Params) => {
    if (typeof p?.id === 'number' && typeof p.done === 'number' && typeof p.total === 'number') trackProgress.get(p.id)?.(p.done, p.total);
  });
  const exporter = new ForecastExporter({ shown: (uri) => previews.previewOf(uri)?.result, request: source.request }, log);
  languageClient.onNotification(ForecastReadyNotification.method, (params: ForecastReadyNotification.Params) => previews.onForecastReady(params));
  languageClient.onNotification(ForecastProgressNotification.method, (params: ForecastProgressNotification.Params) => previews.onForecastProgress(params));

  const noDocument = () => void vscode.window.showInformationMessage('Scenario: open a .scenario file first.');
  const withDocument = <T>(run: (uri: vscode.Uri) => T) => (arg?: unknown) => {
    const uri = targetDocument(previews, arg);
    return uri ? run(uri) : noDocument();
  };
  const save = (format: SaveFormat) => (arg?: unknown, target?: unknown) => {
    const uri = targetDocument(previews, arg);
    if (!uri) return noDocument();
    return exporter.save(uri, format, target instanceof vscode.Uri ? target : undefined);
  };

  context.subscriptions.push(
    output,
    previews,
    vscode.commands.registerCommand('scenario.showPreview', withDocument((uri) => previews.open(uri, false).panel)),
    // also the language server's code lens ("Open forecast preview")
    vscode.commands.registerCommand('scenario.showPreviewToSide', withDocument((uri) => previews.open(uri, true).panel)),
    vscode.commands.registerCommand('scenario.togglePreviewLock', () => {
      const preview = previews.toggleLock();
      if (!preview) void vscode.window.showInformationMessage('Scenario: no forecast preview to lock.');
      return preview?.locked;
    }),
    vscode.commands.registerCommand('scenario.copyForecastMarkdown', withDocument((uri) => exporter.copyMarkdown(uri))),
    vscode.commands.registerCommand('scenario.saveForecastJson', save('json')),
    vscode.commands.registerCommand('scenario.saveForecastCsv', save('csv')),
    vscode.commands.registerCommand('scenario.copyKeyJudgments', withDocument((uri) => exporter.copyKeyJudgments(uri))),
    vscode.commands.registerCommand('scenario.saveForecastReport', save('html')),
    vscode.commands.registerCommand('scenario.restartServer', async () => {
      policy.reset();
      log('restarting the language server (command)');
      await languageClient.restart();
    }),
    vscode.commands.registerCommand('scenario.compareWithLastCommit', withDocument((uri) => compareWithLastCommit(compareDeps, uri))),
    vscode.commands.registerCommand('scenario.compareWithRevision', (arg?: unknown, rev?: unknown) => {
      const uri = targetDocument(previews, arg);
      return uri ? compareWithRevision(compareDeps, uri, rev) : noDocument();
    }),
    vscode.commands.registerCommand('scenario.draftModelFromText', () => draftModelFromText(languageClient)),
    vscode.commands.registerCommand('scenario.showTrackRecord', (arg?: unknown) => {
      const target = trackRecordTarget(arg);
      if (!target) return void vscode.window.showInformationMessage('Scenario: open a folder or a workspace to see its track record.');
      return TrackRecordPanel.show(trackRecordDeps, target.uris, target.title);
    }),
    vscode.window.registerWebviewPanelSerializer(TRACK_RECORD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => TrackRecordPanel.restore(trackRecordDeps, panel, state),
    }),
    vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => ComparePanel.restore(compareDeps, panel, state),
    }),
    // A save or a commit can change the history: the preview asks again (the cache makes it cheap).
    vscode.workspace.onDidSaveTextDocument((d) => void previews.previewOf(d.uri)?.postHistory()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('scenario.server.maxRestarts')) policy.setMaxRestarts(maxRestartsSetting());
      if (e.affectsConfiguration('scenario.inlayHints.enabled')) refreshInlayHints(languageClient);
    }),
  );

  languageClient.start().then(
    () => log('language server started'),
    (error: unknown) => {
      log(`language server failed to start: ${String(error)}`);
      void vscode.window.showErrorMessage('The Scenario language server could not start; see the Scenario output.', 'Show Output').then((c) => c && output.show(true));
    },
  );

  return { previewOf: (uri) => previews.previewOf(uri), languageClient };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
