// The models of drafts in prose that are not open in the editor, read from disk: bounded before
// they are read, analysed like an open document (DocumentSession), and forecast in the forecast
// worker under a key of their own, so a draft never blocks typing. An entry is dropped when its file
// changes on disk (the next look reads it again), when the forecast settings change, or when no
// open draft names it any more.
import { readFile, realpath, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { DocumentState } from '../features/context';
import { MAX_DOCUMENT_CHARS } from '../syntax/assemble';
import { describeError } from '../util/errors';
import { DocumentSession } from './documentSession';
import type { ForecastRunnerLike } from './session';
import { isInside } from './workspaceFiles';
import { modelForWorker } from './workerModel';

export interface DiskModel {
  /** The analysed model (with its forecast once computed); null while it is read, or when it cannot be. */
  state: DocumentState | null;
  /** Why the model cannot be read, in analyst words, or null. */
  problem: string | null;
}

export interface DiskModelDeps {
  runner: ForecastRunnerLike;
  /** The forecast setting `samples` (null: the file's own). */
  samples: () => number | null;
  /** Forecasts wait for the client's settings, as the editor's do. */
  settingsReady: Promise<void>;
  /** A model was read, or its forecast came in: the drafts naming it are checked again. */
  changed: (file: string) => void;
  log: (message: string) => void;
  /** For tests; the real file system otherwise. */
  io?: { realpath(path: string): Promise<string>; size(path: string): Promise<number>; read(path: string): Promise<string> };
}

interface Entry {
  document: DocumentSession | null;
  problem: string | null;
}

/** UTF-8 takes at most 3 bytes per UTF-16 unit: a larger file is over the parser's limit for sure. */
const MAX_MODEL_BYTES = 3 * MAX_DOCUMENT_CHARS;

const realIo = {
  realpath: (path: string) => realpath(path),
  size: async (path: string) => (await stat(path)).size,
  read: (path: string) => readFile(path, 'utf8'),
};

export class DiskModels {
  private readonly entries = new Map<string, Entry>();
  private readonly io: NonNullable<DiskModelDeps['io']>;

  constructor(private readonly deps: DiskModelDeps) {
    this.io = deps.io ?? realIo;
  }

  /** The model at `file` (inside `folder`, which bounds where it may really lie); read on first use. */
  get(file: string, folder: string): DiskModel {
    let entry = this.entries.get(file);
    if (!entry) {
      entry = { document: null, problem: null };
      this.entries.set(file, entry);
      this.load(file, folder, entry).catch((error) => this.deps.log(`${file}: reading the model failed: ${describeError(error)}`));
    }
    return { state: entry.document?.state() ?? null, problem: entry.problem };
  }

  /** Forgets the model at `file` (changed on disk); true when it was read. */
  invalidate(file: string): boolean {
    if (!this.entries.delete(file)) return false;
    this.deps.runner.cancel(runKey(file));
    return true;
  }

  /** Forgets every model no open draft names. */
  retain(files: ReadonlySet<string>): void {
    for (const file of [...this.entries.keys()]) if (!files.has(file)) this.invalidate(file);
  }

  /** New forecast settings: every model is read and forecast again. */
  settingsChanged(): void {
    for (const file of [...this.entries.keys()]) {
      this.invalidate(file);
      this.deps.changed(file);
    }
  }

  files(): string[] {
    return [...this.entries.keys()];
  }

  private current(file: string, entry: Entry): boolean {
    return this.entries.get(file) === entry;
  }

  private async load(file: string, folder: string, entry: Entry): Promise<void> {
    try {
      // A link inside the folder that points out of it is refused like a path that does.
      const [real, realFolder] = await Promise.all([this.io.realpath(file), this.io.realpath(folder)]);
      if (!isInside(realFolder, real)) throw new Error('it lies outside the workspace folder');
      const size = await this.io.size(real);
      if (size > MAX_MODEL_BYTES) throw new Error(`it is too large (${(size / 1e6).toFixed(1)} MB)`);
      const text = await this.io.read(real);
      if (!this.current(file, entry)) return;
      entry.document = new DocumentSession(pathToFileURL(file).href, 0, text, (m) => this.deps.log(`${file}: ${m}`));
    } catch (error) {
      if (!this.current(file, entry)) return;
      entry.problem = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : describeError(error);
    }
    this.deps.changed(file);
    const document = entry.document;
    if (!document?.forecastable) return;
    await this.deps.settingsReady;
    if (!this.current(file, entry)) return;
    const samples = this.deps.samples();
    const outcome = await this.deps.runner.run(runKey(file), modelForWorker(document.state().scope.model), samples === null ? {} : { samples });
    if (!this.current(file, entry)) return;
    if (outcome.kind === 'failed') this.deps.log(`${file}: ${outcome.notice}`);
    if (outcome.kind === 'done' && document.acceptForecast(0, outcome.forecast)) this.deps.changed(file);
  }
}

/** The forecast runner's key: never a document URI, so an open editor's runs and these never cancel each other. */
function runKey(file: string): string {
  return `model-on-disk:${file}`;
}
