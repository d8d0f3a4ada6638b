// The language server: wiring only. Transport from the command line (--stdio, --node-ipc,
// --socket=N), capabilities, and each LSP message routed to the session (documents, scheduling,
// forecasts) or to a feature (a pure function of the document's analysed state).
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import {
  BulkRegistration, CodeLensRefreshRequest, DidChangeConfigurationNotification, DidChangeWorkspaceFoldersNotification,
  InlayHintRefreshRequest, MessageType, ReferencesRequest, ShowMessageNotification, RenameRequest, WorkspaceSymbolRequest, createConnection,
  type CancellationToken, type ReferenceParams, type RenameParams, type WorkspaceSymbolParams, type ClientCapabilities, type WorkDoneProgressParams, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import {
  CompareRequest, DraftModelRequest, FileCommitsRequest, ForecastProgressNotification, ForecastReadyNotification, ForecastRequest, HistoryRequest,
  PROSE_LANGUAGES, TrackRecordProgressNotification, TrackRecordRequest,
} from '../../common/protocol';
import type { DocumentState } from './features/context';
import { toLspDiagnostics } from './features/diagnostics';
import { hover } from './features/hover';
import { completion } from './features/completion';
import { definition, references } from './features/definition';
import { prepareRename, rename } from './features/rename';
import { documentLinks } from './features/documentLinks';
import { referencesAcrossFiles, renameAcrossFiles, stateOfFile, workspaceSymbols, type WorkspaceFile } from './features/workspace';
import { documentSymbols } from './features/symbols';
import { semanticTokens, semanticTokensLegend } from './features/semanticTokens';
import { foldingRanges } from './features/folding';
import { formatDocument } from './features/format';
import { codeActions } from './features/codeActions';
import { inlayHints } from './features/inlayHints';
import { codeLenses } from './features/codeLens';
import { guarded, guardedNotification } from './session/guard';
import { describeError } from './util/errors';
import { ForecastRunner } from './session/forecastRunner';
import { Session } from './session/session';
import { capDiagnostics } from './session/publish';
import { HEAP_GROWING_PERCENT } from './session/limits';
import {
  DEFAULT_PROSE_SETTINGS, DEFAULT_SETTINGS, DEFAULT_VIEW_SETTINGS, readForecastSettings, readProseSettings, readViewSettings,
  type ForecastSettings, type ProseSettings, type ViewSettings,
} from './session/settings';
import { warmUpWhileIdle } from './session/warmUp';
import { HistoryService } from './session/historyService';
import { trackRecordFor } from './session/trackRecord';
import { serverCapabilities } from './session/capabilities';
import { DiskModels } from './session/diskModels';
import { draftModel } from './session/draftModel';
import { ProseSession } from './session/proseSession';
import { WorkspaceFolders, fileOfUri as fileOf } from './session/workspaceFiles';
import { EditorImports } from './analysis/editorImports';
import { WorkspaceIndex } from './session/workspaceIndex';
import { importPathSource } from './session/importFolders';
import { RequestCancelledError } from './session/errors';

// Bounds the heap's growth between full collections (limits.ts): set before anything is parsed.
setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

/** Server-only debug request (not part of the client contract): memory and forecast counters. */
const DebugStatsRequest = 'scenario/debug/stats';

const connection = createConnection();
const log = (message: string) => {
  try {
    connection.console.error(message);
  } catch {
    process.stderr.write(`${message}\n`);
  }
};

// Never die on a stray exception or rejection: log it and keep serving.
process.on('uncaughtException', (error) => log(`uncaught exception: ${describeError(error, true)}`));
process.on('unhandledRejection', (reason) => log(`unhandled rejection: ${describeError(reason, true)}`));

let client: ClientCapabilities = {};
let settings: ForecastSettings = { ...DEFAULT_SETTINGS };
let view: ViewSettings = { ...DEFAULT_VIEW_SETTINGS };
let prose: ProseSettings = { ...DEFAULT_PROSE_SETTINGS };
/** Features registered with a .scenario selector once the client is initialized (session/capabilities.ts). */
let registrations: BulkRegistration | null = null;

/** Resolved once the client's settings are read (or could not be): forecasts wait for it. */
let settingsLoaded: () => void = () => {};
const settingsReady = new Promise<void>((resolve) => {
  settingsLoaded = resolve;
});

/** Asks the client to fetch inlay hints and code lenses again (a new forecast, a changed view setting). */
function refreshViews(): void {
  const workspace = client.workspace;
  if (workspace?.inlayHint?.refreshSupport) connection.sendRequest(InlayHintRefreshRequest.type).catch(() => {});
  if (workspace?.codeLens?.refreshSupport) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => {});
}

const runner = new ForecastRunner(join(__dirname, 'forecastWorker.js'), () => settings, log);
// Imports (LANGUAGE.md, Imports): open editors first, then the disk, inside the file's workspace folder.
const folders = new WorkspaceFolders();
const editorImports = new EditorImports((file) => folders.folderOf(file));
const session = new Session(
  {
    publishDiagnostics: (state) => {
      void connection.sendDiagnostics({ uri: state.uri, version: state.version, diagnostics: capDiagnostics(toLspDiagnostics(state)) });
      // A model's new check or forecast: the drafts that name it are checked again.
      drafts.modelChanged(state.uri);
    },
    clearDiagnostics: (uri) => void connection.sendDiagnostics({ uri, diagnostics: [] }),
    forecastReady: (result) => void connection.sendNotification(ForecastReadyNotification.method, result),
    forecastProgress: (progress) => void connection.sendNotification(ForecastProgressNotification.method, progress),
    refreshViews,
    log,
  },
  runner,
  () => settings,
  settingsReady,
  {
    contextFor: (uri, text, document) => {
      const file = fileOf(uri);
      return file === null ? undefined : editorImports.contextFor(file, text, document);
    },
    changed: (uri, text, open) => {
      const file = fileOf(uri);
      if (file === null) return [];
      const importers = editorImports.changed(file, text);
      // Closed or changed on disk: what it uses of other files is read again (when hints depend on it).
      if (text === null) index.changed();
      return open.filter((u) => editorImports.isAmong(fileOf(u), importers));
    },
    realPath: (uri) => {
      const file = fileOf(uri);
      return file === null ? null : editorImports.realPath(file);
    },
    drivenElsewhere: (path, skip) => index.drivenElsewhere(path, skip),
    wantIndex: () => index.want(),
  },
);

// The workspace index (session/workspaceIndex.ts): read on first use, in slices, with work-done
// progress; told once when the workspace holds more files than it reads.
const index = new WorkspaceIndex({
  list: () => editorImports.workspaceList(workspaceRoots()),
  read: (file) => editorImports.indexed(file),
  imports: (file) => editorImports.imports(file),
  progress: () => (client.window?.workDoneProgress ? connection.window.createWorkDoneProgress() : Promise.resolve(null)),
  warn: (message) => {
    log(message);
    // A notification: nothing to answer, nothing waits for the user.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  },
  log,
  indexed: () => session.usesElsewhereChanged(),
});

// Drafts in prose (LANGUAGE.md, "Drafts in prose"): Markdown and plain text the client hands over,
// checked only when they name a model; the model from its editor if open, else from disk.
const diskModels = new DiskModels({
  runner,
  samples: () => settings.samples,
  settingsReady,
  changed: (file) => drafts.modelFileChanged(file),
  log,
});
const drafts = new ProseSession(
  {
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    log,
  },
  folders,
  {
    editor: (file) => {
      const uri = session.uris().find((u) => fileOf(u) === file);
      return uri ? session.state(uri) : null;
    },
    disk: diskModels,
  },
);

/** The folders of the workspace as initialize gives them (the root of an older client). */
function initialFolders(params: InitializeParams | undefined): string[] {
  const uris = params?.workspaceFolders?.map((f) => f.uri) ?? (params?.rootUri ? [params.rootUri] : []);
  const paths = uris.map(fileOf).filter((p): p is string => p !== null);
  return paths.length || !params?.rootPath ? paths : [params.rootPath];
}

/** The folders the workspace index reads: the workspace folders, and the folder of an open file in none. */
function workspaceRoots(): string[] {
  const roots = new Set(folders.all());
  for (const u of session.uris()) {
    const file = fileOf(u);
    if (file !== null && folders.folderOf(file) === null) roots.add(dirname(file));
  }
  return [...roots];
}

/**
 * The .scenario files of the workspace (the index, read on first use with progress: the request's
 * own when it sends a workDoneToken), open ones as their editors have them; and the document at
 * `uri` among them (null when it is no file on disk, or not open): for references, rename and
 * symbols across files.
 */
async function workspaceFiles(
  uri: string | undefined, params: WorkDoneProgressParams, token: CancellationToken,
): Promise<{ current: WorkspaceFile | null; files: WorkspaceFile[] }> {
  const progress = params.workDoneToken !== undefined ? connection.window.attachWorkDoneProgress(params.workDoneToken) : undefined;
  const read = await index.files(progress);
  if (token.isCancellationRequested) throw new RequestCancelledError();
  const open = new Map<string, string>();
  for (const u of session.uris()) {
    const file = fileOf(u);
    if (file !== null) open.set(editorImports.realPath(file), u);
  }
  const file = uri ? fileOf(uri) : null;
  const files = read.map((m): WorkspaceFile => {
    const openUri = open.get(m.path);
    return { path: m.path, state: (openUri ? session.state(openUri) : null) ?? stateOfFile(m) };
  });
  const state = uri ? session.state(uri) : null;
  // The files the current one imports count whatever the listing says: it is renewed by file
  // events and once it is two seconds old, and a library written to disk just before the request
  // (as in the e2e of imports) can be in neither yet.
  const listed = new Set(files.map((f) => f.path));
  for (const variable of state?.model.variables.values() ?? []) {
    const from = variable.origin?.file;
    if (!from || listed.has(from)) continue;
    listed.add(from);
    const read = editorImports.indexed(from);
    if (!read) continue;
    const openUri = open.get(read.path);
    files.push({ path: read.path, state: (openUri ? session.state(openUri) : null) ?? stateOfFile(read) });
  }
  return { current: file !== null && state ? { path: editorImports.realPath(file), state } : null, files };
}

/** Runs a feature on the document's current state; null when the document is not open. */
function withState<R>(uri: string, fallback: R, feature: (state: DocumentState) => R): R {
  const state = session.state(uri);
  return state ? feature(state) : fallback;
}

connection.onInitialize((params): InitializeResult => {
  client = params?.capabilities ?? {};
  const initial = (params?.initializationOptions as { settings?: { forecast?: unknown; inlayHints?: unknown } } | null | undefined)?.settings;
  if (initial?.forecast) settings = readForecastSettings(initial.forecast);
  if (initial?.inlayHints) view = readViewSettings(initial.inlayHints);
  folders.set(initialFolders(params));
  // Set here, after the library's own handler (installed just before this one runs), which it replaces.
  connection.onNotification(DidChangeWorkspaceFoldersNotification.type, guardedNotification(log, 'didChangeWorkspaceFolders', ({ event }) => {
    const paths = (list: readonly { uri: string }[] | undefined) => (list ?? []).map((f) => fileOf(f.uri)).filter((p): p is string => p !== null);
    folders.change(paths(event?.added), paths(event?.removed));
    drafts.foldersChanged();
    index.changed();
  }));
  // After this answer is sent, and only until the first document opens.
  warmUpWhileIdle(() => session.uris().length === 0);
  const offered = serverCapabilities(client, semanticTokensLegend);
  registrations = offered.registrations;
  return { capabilities: offered.capabilities, serverInfo: { name: 'scenario-language-server', version: '0.1.0' } };
});

async function loadSettings(pushed?: unknown): Promise<void> {
  if (client.workspace?.configuration) {
    const [forecast, inlayHints, proseSection] = await connection.workspace.getConfiguration(
      [{ section: 'scenario.forecast' }, { section: 'scenario.inlayHints' }, { section: 'scenario.prose' }]);
    settings = readForecastSettings(forecast);
    view = readViewSettings(inlayHints);
    prose = readProseSettings(proseSection);
  } else if (pushed !== undefined) {
    const scenario = (pushed as { scenario?: { forecast?: unknown; inlayHints?: unknown; prose?: unknown } } | null)?.scenario;
    settings = readForecastSettings(scenario?.forecast);
    view = readViewSettings(scenario?.inlayHints);
    prose = readProseSettings(scenario?.prose);
  }
  drafts.setGlobs(prose.files);
}

connection.onInitialized(guardedNotification(log, 'initialized', async () => {
  // A client that never answers must not hold forecasts back for ever.
  const giveUp = setTimeout(settingsLoaded, 5_000);
  try {
    // Both sent at once, before any document's diagnostics.
    const registering: Promise<unknown>[] = [];
    if (client.workspace?.didChangeConfiguration?.dynamicRegistration) {
      registering.push(connection.client.register(DidChangeConfigurationNotification.type, { section: 'scenario' }));
    }
    if (registrations) {
      registering.push(connection.client.register(registrations).catch((e: unknown) => log(`registering the .scenario features failed: ${describeError(e)}`)));
    }
    await Promise.all(registering);
    await loadSettings();
  } finally {
    clearTimeout(giveUp);
    settingsLoaded();
    runner.warm();
  }
}));

connection.onDidChangeConfiguration(guardedNotification(log, 'didChangeConfiguration', async (params) => {
  const before = JSON.stringify(settings);
  const viewBefore = JSON.stringify(view);
  await loadSettings(params.settings);
  if (JSON.stringify(settings) !== before) {
    session.settingsChanged();
    diskModels.settingsChanged();
  }
  if (JSON.stringify(view) !== viewBefore) refreshViews();
}));

// Markdown and plain text go to the drafts, everything else is a .scenario document.
connection.onDidOpenTextDocument(guardedNotification(log, 'didOpen', ({ textDocument }) => {
  if (PROSE_LANGUAGES.includes(textDocument.languageId)) drafts.open(textDocument.uri, textDocument.version, textDocument.text);
  else session.open(textDocument.uri, textDocument.version, textDocument.text);
}));
connection.onDidChangeTextDocument(guardedNotification(log, 'didChange', ({ textDocument, contentChanges }) => {
  if (!drafts.change(textDocument.uri, textDocument.version, contentChanges)) session.change(textDocument.uri, textDocument.version, contentChanges);
}));
connection.onDidCloseTextDocument(guardedNotification(log, 'didClose', ({ textDocument }) => {
  if (drafts.close(textDocument.uri)) return;
  session.close(textDocument.uri);
  drafts.modelChanged(textDocument.uri); // its drafts read it from disk again
}));
// A model changed on disk (the client watches **/*.scenario): drafts that read it from disk read it again.
connection.onDidChangeWatchedFiles(guardedNotification(log, 'didChangeWatchedFiles', ({ changes }) => {
  for (const change of changes ?? []) {
    if (typeof change?.uri !== 'string' || !change.uri.endsWith('.scenario')) continue;
    drafts.modelChangedOnDisk(change.uri);
    session.fileChangedOnDisk(change.uri); // the open files that import it are checked again
  }
}));

// Features: each a pure function of the document's current state (analysed on demand, so a
// request right after an edit sees that edit).
connection.onHover(guarded(log, 'hover', null, (p) =>
  (drafts.has(p.textDocument.uri) ? drafts.hover(p.textDocument.uri, p.position) : withState(p.textDocument.uri, null, (s) => hover(s, p.position)))));
connection.onCompletion(guarded(log, 'completion', [], (p) => withState(p.textDocument.uri, [], (s) => {
  // An import's path: the folders of the file's workspace folder (its own folder when in none).
  const file = fileOf(p.textDocument.uri);
  const paths = file === null ? null : importPathSource(file, folders.folderOf(file) ?? dirname(file));
  return completion(s, p.position, p.context, paths);
})));
connection.onDefinition(guarded(log, 'definition', null, (p) => withState(p.textDocument.uri, null, (s) => definition(s, p.position))));
// References and rename reach every file that binds the name to the same declaration (the file
// that declares it and those that import it); a document that is no file stays on its own.
// Registered by type, not with onReferences and the like, which take the workDoneToken out of the
// params: a request that brings one gets its progress there, not a second one from the server.
connection.onRequest(ReferencesRequest.type, guarded(log, 'references', [], async (p: ReferenceParams, token) => {
  const include = p.context?.includeDeclaration ?? true;
  const { current, files } = await workspaceFiles(p.textDocument.uri, p, token);
  return current ? referencesAcrossFiles(current, p.position, include, files)
    : withState(p.textDocument.uri, [], (s) => references(s, p.position, include));
}));
connection.onPrepareRename(guarded(log, 'prepareRename', null, (p) => withState(p.textDocument.uri, null, (s) => prepareRename(s, p.position))));
connection.onRequest(RenameRequest.type, guarded(log, 'rename', null, async (p: RenameParams, token) => {
  const { current, files } = await workspaceFiles(p.textDocument.uri, p, token);
  return current ? renameAcrossFiles(current, p.position, p.newName, files)
    : withState(p.textDocument.uri, null, (s) => rename(s, p.position, p.newName));
}));
connection.onDocumentLinks(guarded(log, 'documentLinks', null, (p) => withState(p.textDocument.uri, null, (s) => documentLinks(s))));
connection.onRequest(WorkspaceSymbolRequest.type, guarded(log, 'workspaceSymbol', [], async (p: WorkspaceSymbolParams, token) =>
  workspaceSymbols(p.query, (await workspaceFiles(undefined, p, token)).files)));
connection.onDocumentSymbol(guarded(log, 'documentSymbol', null, (p) => withState(p.textDocument.uri, null, (s) => documentSymbols(s))));
connection.languages.semanticTokens.on(guarded(log, 'semanticTokens', { data: [] }, (p) =>
  withState(p.textDocument.uri, { data: [] }, (s) => semanticTokens(s))));
connection.onFoldingRanges(guarded(log, 'foldingRange', null, (p) => withState(p.textDocument.uri, null, (s) => foldingRanges(s))));
connection.onDocumentFormatting(guarded(log, 'formatting', null, (p) => withState(p.textDocument.uri, null, (s) => formatDocument(s, p.options))));
connection.onCodeAction(guarded(log, 'codeAction', null, (p) =>
  (drafts.has(p.textDocument.uri) ? drafts.codeActions(p.textDocument.uri, p) : withState(p.textDocument.uri, null, (s) => codeActions(s, p)))));
// A client that cannot be asked to refresh inlay hints would keep hints of an older version (or
// none) for good: it waits for the forecast already on its way, within the request's
// cancellation. Clients with refresh support are answered at once and refreshed when it is in.
connection.languages.inlayHint.on(guarded(log, 'inlayHint', null, async (p, token) => {
  if (view.hintPosition !== 'afterName') return [];
  if (!client.workspace?.inlayHint?.refreshSupport) await session.forecastOnItsWay(p.textDocument.uri, token);
  return withState(p.textDocument.uri, null, (s) => inlayHints(s, p.range));
}));
connection.onCodeLens(guarded(log, 'codeLens', null, (p) =>
  withState(p.textDocument.uri, null, (s) => codeLenses(s, { outcomes: view.hintPosition === 'codeLens' }))));

connection.onRequest(ForecastRequest.method, guarded(log, 'forecast', null, (p: ForecastRequest.Params, token) =>
  session.requestForecast(p.uri, token)));

// History and compare (issue 11): git and the forecasts of versions in the history worker, which
// keeps its cache of versions across requests; each job has a time limit.
const history = new HistoryService(join(__dirname, 'historyWorker.js'), log);
const NOT_A_FILE = 'History needs a file on disk in a git repository.';
connection.onRequest(FileCommitsRequest.method, guarded(log, 'fileCommits', null, (p: FileCommitsRequest.Params): Promise<FileCommitsRequest.Result> | FileCommitsRequest.Result => {
  const file = fileOf(p.uri);
  const failed = (notice: string): FileCommitsRequest.Result => ({ uri: p.uri, commits: [], truncated: false, notice });
  if (file === null) return failed(NOT_A_FILE);
  return history.run({ kind: 'commits', file, max: p.max }, failed).then((r) => ({ ...r, uri: p.uri }));
}));
connection.onRequest(HistoryRequest.method, guarded(log, 'history', null, (p: HistoryRequest.Params): Promise<HistoryRequest.Result> | HistoryRequest.Result => {
  const file = fileOf(p.uri);
  const failed = (notice: string): HistoryRequest.Result => ({ uri: p.uri, history: null, notice });
  if (file === null) return failed(NOT_A_FILE);
  return history.run({ kind: 'history', file, max: p.max }, failed).then((r) => ({ ...r, uri: p.uri }));
}));
connection.onRequest(CompareRequest.method, guarded(log, 'compare', null, (p: CompareRequest.Params): Promise<CompareRequest.Result> | CompareRequest.Result => {
  const file = fileOf(p.uri);
  const rev = typeof p.rev === 'string' && p.rev.length > 0 && p.rev.length <= 1000 ? p.rev : 'HEAD';
  const failed = (notice: string): CompareRequest.Result => ({ uri: p.uri, rev, diff: null, notice });
  if (file === null) return failed(NOT_A_FILE);
  // The document as the editor has it (unsaved edits too); the file on disk when it is not open.
  const text = session.state(p.uri)?.text ?? null;
  return history.run({ kind: 'compare', file, rev, text }, failed).then((r) => ({ ...r, uri: p.uri, rev }));
}));

// "Scenario: Draft Model from Text": the draft `scenario draft` writes, of the text the client sends.
connection.onRequest(DraftModelRequest.method, guarded(log, 'draftModel', null, (p: unknown) => draftModel(p)));

// The track record (issue 12): scenario score of the folders named, with progress per file.
connection.onRequest(TrackRecordRequest.method, guarded(log, 'trackRecord', null, (p: TrackRecordRequest.Params) =>
  trackRecordFor(p, (done, total) => {
    void connection.sendNotification(TrackRecordProgressNotification.method, { id: p.id, done, total } satisfies TrackRecordProgressNotification.Params);
  })));

connection.onRequest(DebugStatsRequest, guarded(log, 'debugStats', null, () => ({
  memory: process.memoryUsage(),
  documents: session.uris(),
  forecasts: runner.stats,
  forecastDebounceMs: session.forecastDebounces(),
  history: history.stats,
  workspaceIndex: { ready: index.ready },
  prose: { documents: drafts.uris(), drafts: drafts.drafts(), modelsOnDisk: diskModels.files() },
})));

connection.onShutdown(() => {
  drafts.dispose();
  index.dispose();
  session.dispose();
  history.dispose();
});

connection.listen();
