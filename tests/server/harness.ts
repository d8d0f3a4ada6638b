/**
 * Protocol test harness: drives the REAL language server (dist/server.js, spawned with --stdio)
 * over JSON-RPC, the way an editor does. Used by tests/server and tests/features.
 *
 *   import { startServer } from '../server/harness';
 *   import { fixture } from '../fixture';
 *
 *   const server = await startServer();               // builds dist/server.js first when missing or stale
 *   const { text, cursors } = fixture('factor a { probability <|>likely }');
 *   const uri = server.open('a.scenario', text);      // didOpen (version 1); returns the file URI
 *   const hover = await server.hover(uri, cursors[0]!);
 *   const diagnostics = await server.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'unused'));
 *   server.edit(uri, 10, 12, 'x');                    // didChange by offsets (version + 1)
 *   await server.waitForVersion(uri);                 // diagnostics of the latest version
 *   await server.stop();                              // in afterAll
 *
 * - Fixtures mark cursors with `<|>`: `fixture()` (tests/fixture.ts, shared with the feature tests)
 *   strips them and returns their positions and offsets. This file is only the protocol: the build,
 *   the spawned server and the client side of JSON-RPC.
 * - The harness keeps its own copy of each open document, so edits can be given as offsets and
 *   `server.text(uri)` / `server.positionAt(uri, offset)` are always in step with the server.
 * - Waiting is event-driven with a timeout (never fixed sleeps): `waitForDiagnostics`,
 *   `waitForVersion`, `waitForForecast`, `waitFor(check)`.
 * - Server → client requests are answered like VS Code does: workspace/configuration returns
 *   `options.settings` and `options.inlayHints` (change them with `server.setSettings` and
 *   `server.setInlayHintSettings`), registrations and refreshes return null
 *   and are counted in `server.refreshes`.
 * - `server.request(method, params)` for anything else; `server.cancellableRequest` returns the
 *   promise and a `cancel()` that sends $/cancelRequest. Typed shortcuts: hover, completion,
 *   definition, references, prepareRename, rename, documentSymbols, semanticTokens, foldingRanges,
 *   format, codeActions, inlayHints, codeLenses, forecast.
 * - `startServer({ settings, capabilities, transport: 'ipc' })`; `server.initializeResult` holds the
 *   capabilities; `server.debugStats()` / `pollStats()` read memory and forecast counters through a
 *   server-only debug request; `server.stderr` and `server.logs` help when a test fails.
 * - `startServer({ workspaceFolders: [path] })` names workspace folders; `server.messages` holds
 *   window/showMessage, `server.progressTokens` and `server.workDone` work-done progress.
 * - One server per test file (start in beforeAll, stop in afterAll) keeps suites fast.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter,
  createMessageConnection, type MessageConnection,
} from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  ClientCapabilities, CodeAction, InitializeResult, CodeLens, CompletionItem, CompletionList, Diagnostic, DocumentSymbol,
  FoldingRange, Hover, InlayHint, Location, Position, PublishDiagnosticsParams, Range, SemanticTokens,
  TextEdit, WorkspaceEdit,
} from 'vscode-languageserver';
import type { ForecastProgressNotification, ForecastRequest } from '../../common/protocol';
import { repoRoot } from '../fixture';
import { lazyBuiltins, ohmLazyLoad, ohmRecipe, watBinary } from '../../scripts/esbuildPlugins.mjs';

export const serverPath = join(repoRoot, 'dist', 'server.js');
const workerPath = join(repoRoot, 'dist', 'forecastWorker.js');

// ---- paths --------------------------------------------------------------------------------------

/** A file URI under the repository's tests folder (the file need not exist). */
export function fileUri(name: string): string {
  return pathToFileURL(join(repoRoot, 'tests', 'fixtures', name)).href;
}

// ---- build ------------------------------------------------------------------------------------

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function bundlesFresh(): boolean {
  if (!existsSync(serverPath) || !existsSync(workerPath)) return false;
  const built = Math.min(statSync(serverPath).mtimeMs, statSync(workerPath).mtimeMs);
  // Everything the two bundles are built from: the server, the grammar and the code it shares
  // with the client (common/).
  const sources = Math.max(
    ...[['server', 'src'], ['grammar'], ['common']].map((parts) => {
      const dir = join(repoRoot, ...parts);
      return existsSync(dir) ? newestMtime(dir) : 0;
    }),
  );
  return built >= sources;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Bundles the server and its worker (as esbuild.mjs does) when they are missing or older than
 * their sources. Test files run in parallel processes, so a lock directory makes one build at a time.
 */
export async function ensureServerBuilt(): Promise<void> {
  if (bundlesFresh()) return;
  const lock = join(repoRoot, 'dist', '.server-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 60_000) rmSync(lock, { recursive: true, force: true });
      await sleep(100);
    }
  }
  try {
    if (bundlesFresh()) return;
    const esbuild = await import('esbuild');
    await esbuild.build({
      bundle: true,
      sourcemap: true,
      logLevel: 'warning',
      plugins: [ohmRecipe, ohmLazyLoad, lazyBuiltins, watBinary],
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      absWorkingDir: repoRoot,
      entryPoints: [
        { in: 'server/src/server.ts', out: 'server' },
        { in: 'server/src/worker/forecastWorker.ts', out: 'forecastWorker' },
      ],
      outdir: 'dist',
    });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

// ---- the client -------------------------------------------------------------------------------

export interface ForecastSettingsForTests {
  timeBudgetMs?: number;
  memoryLimitMb?: number;
  samples?: number;
}

export interface InlayHintSettingsForTests {
  position?: string;
}

export interface StartOptions {
  /** Answered to workspace/configuration for `scenario.forecast`. */
  settings?: ForecastSettingsForTests;
  /** Answered to workspace/configuration for `scenario.inlayHints`. */
  inlayHints?: InlayHintSettingsForTests;
  /** Replaces the default client capabilities (which advertise what VS Code does). */
  capabilities?: ClientCapabilities;
  /** Extra arguments for node (e.g. a heap limit). */
  nodeArgs?: string[];
  /** How to talk to the server: stdio (default) or node IPC, as the VS Code extension does. */
  transport?: 'stdio' | 'ipc';
  /** The workspace folders (paths) initialize names; default: none, with the repository as the root. */
  workspaceFolders?: string[];
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    inlayHint: { refreshSupport: true },
    codeLens: { refreshSupport: true },
    semanticTokens: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.rewrite', 'source'] } } },
    semanticTokens: {
      requests: { full: true },
      tokenTypes: ['namespace', 'type', 'class', 'enum', 'interface', 'struct', 'typeParameter', 'parameter', 'variable', 'property', 'enumMember', 'event', 'function', 'method', 'macro', 'keyword', 'modifier', 'comment', 'string', 'number', 'regexp', 'operator', 'decorator'],
      tokenModifiers: ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification', 'documentation', 'defaultLibrary'],
      formats: ['relative'],
    },
    inlayHint: {},
    codeLens: {},
    foldingRange: {},
  },
};

export interface DebugStats {
  memory: NodeJS.MemoryUsage;
  documents: string[];
  forecasts: { started: number; done: number; cancelled: number; failed: number; terminated: number; running: string | null };
  /** The debounce each open document's next edit gets before its forecast. */
  forecastDebounceMs: Record<string, number>;
}

export class TestServer {
  readonly publishes: PublishDiagnosticsParams[] = [];
  readonly forecasts: ForecastRequest.Result[] = [];
  readonly logs: string[] = [];
  /** window/showMessage: what the server told the user. */
  readonly messages: { type: number; message: string }[] = [];
  /** Work-done progress: the tokens the server created (window/workDoneProgress/create) and every $/progress. */
  readonly progressTokens: (string | number)[] = [];
  readonly workDone: { token: string | number; value: { kind: string; title?: string; message?: string; percentage?: number } }[] = [];
  /** scenario/forecastProgress: what forecasts running long said they were computing. */
  readonly progress: ForecastProgressNotification.Params[] = [];
  readonly refreshes: string[] = [];
  stderr = '';
  exited: number | null = null;
  /** The server's answer to initialize (its capabilities). */
  initializeResult: InitializeResult | null = null;
  private readonly documents = new Map<string, TextDocument>();
  private readonly waiters = new Set<() => void>();
  private settings: ForecastSettingsForTests;
  private inlayHintSettings: InlayHintSettingsForTests;

  constructor(readonly child: ChildProcess, readonly connection: MessageConnection, options: StartOptions) {
    this.settings = options.settings ?? {};
    this.inlayHintSettings = options.inlayHints ?? {};
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.publishes.push(p);
      this.notify();
    });
    connection.onNotification('scenario/forecastReady', (p: ForecastRequest.Result) => {
      this.forecasts.push(p);
      this.notify();
    });
    connection.onNotification('scenario/forecastProgress', (p: ForecastProgressNotification.Params) => {
      this.progress.push(p);
      this.notify();
    });
    connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.messages.push(p);
      this.notify();
    });
    connection.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
      this.progressTokens.push(p.token);
      return null;
    });
    connection.onNotification('$/progress', (p: TestServer['workDone'][number]) => {
      this.workDone.push(p);
      this.notify();
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.notify();
    });
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((item) => {
        if (item.section === 'scenario.forecast') return this.settings;
        if (item.section === 'scenario.inlayHints') return this.inlayHintSettings;
        return item.section === 'scenario' ? { forecast: this.settings, inlayHints: this.inlayHintSettings } : null;
      }));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    for (const method of ['workspace/inlayHint/refresh', 'workspace/codeLens/refresh', 'workspace/semanticTokens/refresh', 'workspace/diagnostic/refresh']) {
      connection.onRequest(method, () => {
        this.refreshes.push(method);
        this.notify();
        return null;
      });
    }
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    child.on('exit', (code) => {
      this.exited = code ?? -1;
      this.notify();
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  // ---- documents ------------------------------------------------------------------------------

  /** Opens a document (a name becomes a file URI under tests/fixtures) and returns its URI. */
  open(nameOrUri: string, text: string, version = 1, languageId = 'scenario'): string {
    const uri = nameOrUri.includes(':') ? nameOrUri : fileUri(nameOrUri);
    this.documents.set(uri, TextDocument.create(uri, languageId, version, text));
    void this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text },
    });
    return uri;
  }

  close(uri: string): void {
    this.documents.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`not open: ${uri}`);
    return document;
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  version(uri: string): number {
    return this.document(uri).version;
  }

  positionAt(uri: string, offset: number): Position {
    return this.document(uri).positionAt(offset);
  }

  /** Sends ranged changes (applied in order, each against the text the previous one left). */
  changeRanges(uri: string, changes: { range: Range; text: string }[]): number {
    const document = this.document(uri);
    const version = document.version + 1;
    TextDocument.update(document, changes, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Replaces [start, end) (offsets in the current text) with `text`; returns the new version. */
  edit(uri: string, start: number, end: number, text: string): number {
    const document = this.document(uri);
    return this.changeRanges(uri, [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, text }]);
  }

  /** Replaces the first occurrence of `search` with `replacement`. */
  replace(uri: string, search: string, replacement: string): number {
    const at = this.text(uri).indexOf(search);
    if (at < 0) throw new Error(`not in the document: ${search}`);
    return this.edit(uri, at, at + search.length, replacement);
  }

  /** A full-text change. */
  replaceAll(uri: string, text: string): number {
    const document = this.document(uri);
    const version = document.version + 1;
    TextDocument.update(document, [{ text }], version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  // ---- waiting --------------------------------------------------------------------------------

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Resolves with the first non-undefined value of `check`, re-checked on every server message. */
  waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = () => {
        let value: T | undefined;
        try {
          value = check();
        } catch (error) {
          done();
          reject(error);
          return;
        }
        if (value !== undefined) {
          done();
          resolve(value);
        } else if (this.exited !== null) {
          done();
          reject(new Error(`server exited (${this.exited}) while waiting for ${what}\n${this.stderr}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(attempt);
      };
      this.waiters.add(attempt);
      attempt();
    });
  }

  /** The latest diagnostics published for `uri`, or undefined before the first. */
  latestPublish(uri: string): PublishDiagnosticsParams | undefined {
    for (let i = this.publishes.length - 1; i >= 0; i--) if (this.publishes[i]!.uri === uri) return this.publishes[i];
    return undefined;
  }

  /** Waits until the latest diagnostics of `uri` satisfy `predicate`; returns them. */
  waitForDiagnostics(
    uri: string,
    predicate: (diagnostics: Diagnostic[], params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs?: number,
  ): Promise<Diagnostic[]> {
    return this.waitFor(() => {
      const latest = this.latestPublish(uri);
      return latest && predicate(latest.diagnostics, latest) ? latest.diagnostics : undefined;
    }, `diagnostics of ${uri} (last: ${JSON.stringify(this.latestPublish(uri)?.diagnostics.map((d) => d.code))})`, timeoutMs);
  }

  /** Waits for the diagnostics of `version` (default: the harness's current version of the document). */
  waitForVersion(uri: string, version = this.version(uri), timeoutMs?: number): Promise<Diagnostic[]> {
    return this.waitForDiagnostics(uri, (_, p) => p.version === version, timeoutMs);
  }

  /** Waits for a forecastReady notification of `uri` that satisfies `predicate`. */
  waitForForecast(
    uri: string,
    predicate: (result: ForecastRequest.Result) => boolean = () => true,
    timeoutMs?: number,
  ): Promise<ForecastRequest.Result> {
    return this.waitFor(() => {
      for (let i = this.forecasts.length - 1; i >= 0; i--) {
        const f = this.forecasts[i]!;
        if (f.uri === uri) return predicate(f) ? f : undefined;
      }
      return undefined;
    }, `a forecast of ${uri}`, timeoutMs);
  }

  // ---- requests -------------------------------------------------------------------------------

  /** Any notification, e.g. workspace/didChangeWatchedFiles. */
  sendNotification(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  request<R = unknown>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** A request and a `cancel()` that sends $/cancelRequest for it. */
  cancellableRequest<R = unknown>(method: string, params: unknown): { result: Promise<R>; cancel: () => void } {
    const source = new CancellationTokenSource();
    const result = this.connection.sendRequest(method, params, source.token) as Promise<R>;
    return { result, cancel: () => source.cancel() };
  }

  /** Asks for the debug stats until `predicate` holds (a poll: state inside the server, no event for it). */
  async pollStats(predicate: (stats: DebugStats) => boolean, what: string, timeoutMs = 30_000): Promise<DebugStats> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const stats = await this.debugStats();
      if (predicate(stats)) return stats;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(stats.forecasts)}`);
      await sleep(10);
    }
  }

  setSettings(settings: ForecastSettingsForTests): void {
    this.settings = settings;
    this.pushSettings();
  }

  setInlayHintSettings(settings: InlayHintSettingsForTests): void {
    this.inlayHintSettings = settings;
    this.pushSettings();
  }

  private pushSettings(): void {
    const scenario = { forecast: this.settings, inlayHints: this.inlayHintSettings };
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { scenario } });
  }

  forecast(uri: string): Promise<ForecastRequest.Result> {
    return this.request('scenario/forecast', { uri });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  completion(uri: string, position: Position): Promise<CompletionItem[] | CompletionList | null> {
    return this.request('textDocument/completion', { textDocument: { uri }, position });
  }

  definition(uri: string, position: Position): Promise<Location | Location[] | null> {
    return this.request('textDocument/definition', { textDocument: { uri }, position });
  }

  references(uri: string, position: Position, includeDeclaration = true): Promise<Location[] | null> {
    return this.request('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration } });
  }

  prepareRename(uri: string, position: Position): Promise<unknown> {
    return this.request('textDocument/prepareRename', { textDocument: { uri }, position });
  }

  rename(uri: string, position: Position, newName: string): Promise<WorkspaceEdit | null> {
    return this.request('textDocument/rename', { textDocument: { uri }, position, newName });
  }

  documentSymbols(uri: string): Promise<DocumentSymbol[] | null> {
    return this.request('textDocument/documentSymbol', { textDocument: { uri } });
  }

  semanticTokens(uri: string): Promise<SemanticTokens | null> {
    return this.request('textDocument/semanticTokens/full', { textDocument: { uri } });
  }

  foldingRanges(uri: string): Promise<FoldingRange[] | null> {
    return this.request('textDocument/foldingRange', { textDocument: { uri } });
  }

  format(uri: string, options = { tabSize: 2, insertSpaces: true }): Promise<TextEdit[] | null> {
    return this.request('textDocument/formatting', { textDocument: { uri }, options });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = []): Promise<CodeAction[] | null> {
    return this.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  }

  inlayHints(uri: string, range?: Range): Promise<InlayHint[] | null> {
    const document = this.document(uri);
    const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
    return this.request('textDocument/inlayHint', { textDocument: { uri }, range: range ?? whole });
  }

  codeLenses(uri: string): Promise<CodeLens[] | null> {
    return this.request('textDocument/codeLens', { textDocument: { uri } });
  }

  /** A server-only debug request: process.memoryUsage(), the open documents, forecast counters. */
  debugStats(): Promise<DebugStats> {
    return this.request('scenario/debug/stats', {});
  }

  async stop(): Promise<void> {
    if (this.exited === null) {
      try {
        await withTimeout(this.request('shutdown', null), 5_000);
        void this.connection.sendNotification('exit');
        await this.waitFor(() => (this.exited !== null ? true : undefined), 'the server to exit', 5_000).catch(() => {});
      } catch {
        // fall through to kill
      }
    }
    if (this.exited === null) this.child.kill();
    this.connection.dispose();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}

/** Builds if needed, spawns `node dist/server.js --stdio` (or --node-ipc), and completes initialize/initialized. */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  await ensureServerBuilt();
  let child: ChildProcess;
  let connection: MessageConnection;
  if (options.transport === 'ipc') {
    child = fork(serverPath, ['--node-ipc'], { cwd: repoRoot, execArgv: options.nodeArgs ?? [], silent: true });
    connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  } else {
    const spawned = spawn(process.execPath, [...(options.nodeArgs ?? []), serverPath, '--stdio'], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child = spawned;
    connection = createMessageConnection(new StreamMessageReader(spawned.stdout), new StreamMessageWriter(spawned.stdin));
  }
  const server = new TestServer(child, connection, options);
  connection.listen();
  server.initializeResult = await server.request<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(options.workspaceFolders?.[0] ?? repoRoot).href,
    capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
    workspaceFolders: options.workspaceFolders?.map((p) => ({ uri: pathToFileURL(p).href, name: p })) ?? null,
  });
  void connection.sendNotification('initialized', {});
  return server;
}
