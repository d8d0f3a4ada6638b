// The open documents and their scheduling: each edit is parsed at once, checked on the next turn
// of the event loop (bursts coalesce) and published with its version; a forecast follows after a
// quiet period (short when the document's last forecast was cheap: debounce.ts), in the worker,
// and a newer edit cancels it. The host (server.ts) supplies the LSP side: publishing,
// notifications, refreshes, logging.
import type { DocumentState } from '../features/context';
import type { ForecastProgressNotification, ForecastRequest } from '../../../common/protocol';
import { type ForecastProgress, progressText } from '../../../common/progress';
import { DocumentSession, type StoredForecast } from './documentSession';
import { isForecastable } from '../model/forecastScope';
import { describeError } from '../util/errors';
import { RequestCancelledError } from './errors';
import type { ForecastOutcome } from './forecastRunner';
import { forecastDebounceMs } from './debounce';
import type { ForecastSettings } from './settings';
import type { ContentChange } from './textChanges';
import { modelForWorker } from './workerModel';
import type { EngineModel } from '../engine/types';
import type { ScenarioDocument } from '../syntax/ast';
import type { ImportContext } from '../model/imports/types';
import type { ResolvedModel } from '../model/types';
import { importedDrivers } from '../analysis/importGraph';

export interface SessionHost {
  publishDiagnostics(state: DocumentState): void;
  clearDiagnostics(uri: string): void;
  forecastReady(result: ForecastRequest.Result): void;
  /** A forecast running long is at this stage (the preview says so over its last numbers). */
  forecastProgress?(progress: ForecastProgressNotification.Params): void;
  /** A new forecast changes inlay hints and code lenses: ask the client to refresh them. */
  refreshViews(): void;
  log(message: string): void;
}

/** What the session needs from the forecast runner (an interface so tests can drive it). */
export interface ForecastRunnerLike {
  run(key: string, model: EngineModel, options: { samples?: number }, onProgress?: (progress: ForecastProgress) => void): Promise<ForecastOutcome>;
  cancel(key: string): void;
  dispose(): void;
}

/** How open documents read their imports (server.ts: analysis/editorImports.ts by URI). */
export interface SessionImports {
  contextFor(uri: string, text: string, document: ScenarioDocument): ImportContext | undefined;
  /**
   * A document opened, changed or closed (text null), or a file changed on disk: of the `open`
   * URIs, those that import it, directly or not (they are checked and forecast again).
   */
  changed(uri: string, text: string | null, open: readonly string[]): string[];
  /** The real path of a document's file; null when it is no file. */
  realPath(uri: string): string | null;
  /**
   * The names of the declarations of the file at `path` (a real path) that drive outcomes of the
   * workspace's other files as the index last read them, leaving out the paths in `skip` (open).
   */
  drivenElsewhere(path: string, skip: ReadonlySet<string>): Set<string>;
  /** An open document has `unused` hints: the workspace index is read (in the background) so that its importers' uses count. */
  wantIndex(): void;
}

export interface CancellationLike {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

interface Schedule {
  check: NodeJS.Immediate | null;
  forecastTimer: NodeJS.Timeout | null;
  /** Settles when the timer's forecast has started, or the timer was cleared. */
  timerDone: (() => void) | null;
  timerSettled: Promise<void> | null;
  inflight: { version: number; promise: Promise<void> } | null;
  forecastedOnce: boolean;
  /** The engine's elapsed time of the last finished forecast; null when not known (none yet, failed, settings changed). */
  lastRunMs: number | null;
  /** The last forecast state sent to the client, so unchanged states are not re-sent. */
  lastNotified: string | null;
}

export class Session {
  private readonly documents = new Map<string, DocumentSession>();
  private readonly schedules = new Map<string, Schedule>();
  /** What each open document's outcomes use of the files it imports, as last checked (a key, to see changes). */
  private readonly usesKeys = new Map<string, string>();

  constructor(
    private readonly host: SessionHost,
    private readonly runner: ForecastRunnerLike,
    private readonly settings: () => ForecastSettings,
    /** Resolves once the client's settings are read: no forecast starts before (its limits come from them). */
    private readonly settingsReady: Promise<void> = Promise.resolve(),
    private readonly imports?: SessionImports,
  ) {}

  open(uri: string, version: number, text: string): void {
    this.close(uri, false);
    const importsOf = this.imports ? (t: string, d: ScenarioDocument) => this.imports!.contextFor(uri, t, d) : undefined;
    this.documents.set(uri, new DocumentSession(uri, version, text, (m) => this.host.log(`${uri}: ${m}`), undefined, importsOf));
    this.schedules.set(uri, { check: null, forecastTimer: null, timerDone: null, timerSettled: null, inflight: null, forecastedOnce: false, lastRunMs: null, lastNotified: null });
    this.scheduleCheck(uri);
    this.importedChanged(uri, text);
  }

  /** A file changed on disk: the open documents that import it are checked and forecast again (an open one is the editor's). */
  fileChangedOnDisk(uri: string): void {
    if (!this.documents.has(uri)) this.importedChanged(uri, null);
  }

  /** `uri` changed: every other open document that imports it, directly or not, is checked and forecast again. */
  private importedChanged(uri: string, text: string | null): void {
    if (!this.imports) return;
    let importers: string[];
    try {
      importers = this.imports.changed(uri, text, this.uris());
    } catch (error) {
      this.host.log(`${uri}: finding its importers failed: ${describeError(error)}`);
      return;
    }
    for (const importer of importers) {
      const document = this.documents.get(importer);
      if (!document || importer === uri) continue;
      this.runner.cancel(importer);
      document.markForecastOutdated();
      this.scheduleCheck(importer);
    }
  }

  change(uri: string, version: number, changes: readonly ContentChange[]): void {
    const document = this.documents.get(uri);
    if (!document) return;
    if (version < document.version) {
      this.host.log(`${uri}: ignored a change to version ${version}, older than ${document.version}`);
      return;
    }
    this.runner.cancel(uri);
    const schedule = this.schedules.get(uri)!;
    clearTimer(schedule);
    document.applyChanges(version, changes);
    this.scheduleCheck(uri);
    this.importedChanged(uri, document.text);
  }

  close(uri: string, clear = true): void {
    const schedule = this.schedules.get(uri);
    if (schedule) {
      if (schedule.check) clearImmediate(schedule.check);
      clearTimer(schedule);
    }
    const wasOpen = this.documents.has(uri);
    if (wasOpen) this.runner.cancel(uri);
    this.documents.delete(uri);
    this.schedules.delete(uri);
    if (this.usesKeys.delete(uri)) this.usesChanged(uri);
    if (clear) this.host.clearDiagnostics(uri);
    // Its importers read it from disk again.
    if (wasOpen && clear) this.importedChanged(uri, null);
  }

  /** The analysed state of the document's latest version, or null when it is not open. */
  state(uri: string): DocumentState | null {
    return this.documents.get(uri)?.state() ?? null;
  }

  uris(): string[] {
    return [...this.documents.keys()];
  }

  /** New forecast settings: every forecast is outdated; re-check and re-forecast every document. */
  settingsChanged(): void {
    for (const [uri, document] of this.documents) {
      this.runner.cancel(uri);
      document.markForecastOutdated();
      const schedule = this.schedules.get(uri)!;
      schedule.forecastedOnce = false;
      schedule.lastRunMs = null; // new samples or limits: the cost is measured again
      this.scheduleCheck(uri);
    }
  }

  /** The forecast state of a document as the protocol reports it. */
  forecastResult(uri: string): ForecastRequest.Result {
    const document = this.documents.get(uri);
    if (!document) {
      return { uri, version: 0, forecast: null, stale: false, notice: 'This document is not open in the editor.' };
    }
    const state = document.state();
    const stored = document.forecast;
    const fresh = stored?.version === document.version;
    let notice: string | null = null;
    if (state.model.hasErrors) notice = errorsNotice(state, stored);
    else if (document.failureNotice) notice = document.failureNotice;
    return {
      uri,
      version: stored?.version ?? document.version,
      forecast: stored?.forecast ?? null,
      stale: stored !== null && !fresh,
      notice,
    };
  }

  /**
   * The forecast of the latest version: at once when it is ready or cannot be made (errors, a
   * failed run), else after running it now. Follows newer versions that supersede it while it runs.
   */
  async requestForecast(uri: string, token?: CancellationLike): Promise<ForecastRequest.Result> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const document = this.documents.get(uri);
      if (!document) break;
      const ready = document.forecast?.version === document.version;
      if (ready || !document.forecastable || document.failureNotice) break;
      await whileNotCancelled(this.startForecast(uri), token);
    }
    return this.forecastResult(uri);
  }

  /**
   * Waits (within the request's cancellation) for the forecast already on its way for the latest
   * version — a pending check, the debounce timer, a run in the worker — without starting one
   * early, so a client that asks for inlay hints after every edit does not cost a worker run each.
   */
  async forecastOnItsWay(uri: string, token?: CancellationLike): Promise<void> {
    for (let step = 0; step < 100; step++) {
      const document = this.documents.get(uri);
      const schedule = this.schedules.get(uri);
      if (!document || !schedule) return;
      if (schedule.check) await whileNotCancelled(new Promise((resolve) => setImmediate(resolve)), token);
      else if (schedule.inflight?.version === document.version) await whileNotCancelled(schedule.inflight.promise, token);
      else if (schedule.timerSettled) await whileNotCancelled(schedule.timerSettled, token);
      else return;
    }
  }

  /**
   * What files use of each other may have changed (the workspace index was read again): the open
   * documents whose `unused` hints change are published again.
   */
  usesElsewhereChanged(): void {
    this.usesChanged(null);
  }

  /** `changed`'s uses of other files changed: every other open document counts them again. */
  private usesChanged(changed: string | null): void {
    for (const [uri, document] of this.documents) {
      if (uri !== changed && document.setUsedElsewhere(this.usedElsewhere(uri))) this.scheduleCheck(uri);
    }
  }

  /** The names of a document's own declarations that drive outcomes of other files: open ones as edited, the rest as the index read them. */
  private usedElsewhere(uri: string): Set<string> {
    const path = this.imports?.realPath(uri) ?? null;
    if (path === null) return new Set();
    const open = new Map<string, DocumentSession>();
    for (const [other, document] of this.documents) {
      const p = other === uri ? null : this.imports!.realPath(other);
      if (p !== null) open.set(p, document);
    }
    const names = this.imports!.drivenElsewhere(path, new Set([path, ...open.keys()]));
    for (const [p, document] of open) {
      if (p === path || !this.usesKeys.has(document.uri)) continue; // not checked yet: counted once it is
      for (const name of driversOf(document.state().model).get(path) ?? []) names.add(name);
    }
    return names;
  }

  /** The debounce the next edit of each document gets (for the debug request and the tests). */
  forecastDebounces(): Record<string, number> {
    return Object.fromEntries([...this.schedules].map(([uri, schedule]) => [uri, forecastDebounceMs(schedule.lastRunMs)]));
  }

  dispose(): void {
    for (const uri of [...this.documents.keys()]) this.close(uri, false);
    this.runner.dispose();
  }

  private scheduleCheck(uri: string): void {
    const schedule = this.schedules.get(uri);
    if (!schedule || schedule.check) return;
    schedule.check = setImmediate(() => {
      schedule.check = null;
      try {
        this.check(uri);
      } catch (error) {
        this.host.log(`${uri}: check failed: ${describeError(error)}`);
      }
    });
  }

  private check(uri: string): void {
    const document = this.documents.get(uri);
    const schedule = this.schedules.get(uri);
    if (!document || !schedule) return;
    if (this.imports) document.setUsedElsewhere(this.usedElsewhere(uri));
    const state = document.state();
    this.host.publishDiagnostics(state);
    if (this.imports) {
      const key = usesKey(state.model);
      if (this.usesKeys.get(uri) !== key) {
        this.usesKeys.set(uri, key);
        this.usesChanged(uri);
      }
      if (document.hasUnusedHints) this.imports.wantIndex();
    }
    if (!document.forecastable) {
      this.notifyForecastState(uri);
      return;
    }
    if (document.forecast?.version === document.version || schedule.inflight?.version === document.version) return;
    clearTimer(schedule);
    const delay = schedule.forecastedOnce ? forecastDebounceMs(schedule.lastRunMs) : 0;
    schedule.timerSettled = new Promise((resolve) => {
      schedule.timerDone = resolve;
    });
    schedule.forecastTimer = setTimeout(() => {
      schedule.forecastTimer = null;
      this.startForecast(uri).catch((error) => this.host.log(`${uri}: forecast failed: ${describeError(error)}`));
      clearTimer(schedule); // also when startForecast joined a run already in flight
    }, delay);
  }

  /** Starts (or joins) the forecast of the current version; resolves once its outcome is applied. */
  private startForecast(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    const schedule = this.schedules.get(uri);
    if (!document || !schedule) return Promise.resolve();
    const version = document.version;
    if (schedule.inflight?.version === version) return schedule.inflight.promise;
    clearTimer(schedule);
    const state = document.state();
    // With errors, the part that does not depend on them (model/forecastScope).
    if (!document.forecastable) return Promise.resolve();
    schedule.forecastedOnce = true;
    const promise = this.settingsReady
      .then(() => {
        if (document.version !== version) return { kind: 'cancelled' } as const;
        const samples = this.settings().samples;
        return this.runner.run(uri, modelForWorker(state.scope.model), samples === null ? {} : { samples }, (progress) => {
          if (document.version === version) this.host.forecastProgress?.({ uri, version, text: progressText(progress), elapsedMs: progress.elapsedMs });
        });
      })
      .then((outcome) => this.applyOutcome(uri, document, version, outcome))
      .catch((error) => this.host.log(`${uri}: forecast failed: ${describeError(error)}`))
      .finally(() => {
        if (schedule.inflight?.promise === promise) schedule.inflight = null;
      });
    schedule.inflight = { version, promise };
    return promise;
  }

  private applyOutcome(uri: string, document: DocumentSession, version: number, outcome: ForecastOutcome): void {
    // The same document object, not only the same URI: a closed and reopened document starts its
    // versions again, so an old text's forecast could otherwise match the new text's version.
    if (this.documents.get(uri) !== document || outcome.kind === 'cancelled') return;
    const schedule = this.schedules.get(uri);
    // A finished run's cost counts even when its version is dropped: it is what the next run costs.
    if (schedule) schedule.lastRunMs = outcome.kind === 'done' ? outcome.forecast.elapsedMs : null;
    if (outcome.kind === 'failed') {
      this.host.log(`${uri}: ${outcome.notice}`);
      if (document.recordFailure(version, outcome.notice)) this.notifyForecastState(uri);
      return;
    }
    if (!document.acceptForecast(version, outcome.forecast)) return;
    this.host.publishDiagnostics(document.state());
    this.notifyForecastState(uri, true);
    this.host.refreshViews();
  }

  /** Sends the forecast state: always for a new forecast, else only when it changed (no repeats while typing). */
  private notifyForecastState(uri: string, newForecast = false): void {
    const schedule = this.schedules.get(uri);
    if (!schedule) return;
    const result = this.forecastResult(uri);
    const key = `${result.version}|${result.stale}|${result.notice}|${result.forecast ? 1 : 0}`;
    if (key === schedule.lastNotified && !newForecast) return;
    schedule.lastNotified = key;
    this.host.forecastReady(result);
  }
}

const drivers = new WeakMap<ResolvedModel, Map<string, Set<string>>>();

/** What a model's outcomes use of the files it imports (computed once per model). */
function driversOf(model: ResolvedModel): Map<string, Set<string>> {
  let found = drivers.get(model);
  if (!found) drivers.set(model, (found = importedDrivers(model)));
  return found;
}

function usesKey(model: ResolvedModel): string {
  return [...driversOf(model)].map(([file, names]) => `${file}\u0000${[...names].sort().join(',')}`).sort().join('\n');
}

/** Stops the debounce timer and lets whoever waits for it look again. */
function clearTimer(schedule: Schedule): void {
  if (schedule.forecastTimer) clearTimeout(schedule.forecastTimer);
  schedule.forecastTimer = null;
  schedule.timerDone?.();
  schedule.timerDone = null;
  schedule.timerSettled = null;
}

function errorsNotice(state: DocumentState, stored: StoredForecast | null): string {
  const errors = state.diagnostics.filter((d) => d.severity === 'error').length;
  const count = errors === 1 ? '1 error' : `${errors} errors`;
  const left = state.scope.excluded.filter((e) => e.kind === 'outcome').map((e) => e.name);
  const them = errors === 1 ? 'it' : 'them';
  const some = isForecastable(state.scope);
  if (some && left.length === 0) {
    return `The file has ${count}; no outcome depends on ${them}, so every outcome is forecast anew.`;
  }
  if (some) {
    const names = left.length <= 3 ? left.join(', ') : `${left.slice(0, 3).join(', ')} and ${left.length - 3} more`;
    const one = left.length === 1;
    const kept = stored ? `keep${one ? 's its' : ' their'} last good numbers` : `${one ? 'is' : 'are'} left out until ${errors === 1 ? 'it is' : 'they are'} fixed`;
    return `The file has ${count}; ${names} depend${one ? 's' : ''} on ${them} and ${kept}; the rest is forecast anew.`;
  }
  return stored
    ? `The file has ${count}; the forecast shown is from the last version without errors.`
    : `The file has ${count}; the forecast will appear once they are fixed.`;
}

export function whileNotCancelled(promise: Promise<void>, token?: CancellationLike): Promise<void> {
  if (!token) return promise;
  if (token.isCancellationRequested) return Promise.reject(new RequestCancelledError());
  return new Promise((resolve, reject) => {
    const subscription = token.onCancellationRequested(() => {
      subscription.dispose();
      reject(new RequestCancelledError());
    });
    promise.then(
      () => { subscription.dispose(); resolve(); },
      (error) => { subscription.dispose(); reject(error); },
    );
  });
}
