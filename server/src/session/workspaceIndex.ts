// The workspace index (issue 14): every .scenario file of the workspace analysed with its imports,
// for references, rename and workspace symbols across files, and for the `unused` hints of a
// library whose factors only its importers use. Read on first use, in slices of the event loop (so
// edits and other requests are answered while it reads, and progress messages go out), with LSP
// work-done progress once it takes longer than a slice; read again (cheaply: the import graphs
// keep what did not change) by every request that needs it, and in the background after a file
// changes on disk or closes when an open document's hints depend on it. The hints need only the
// files that import something: that reading looks at every other file's top-level scan and
// analyses none of them (2,000 standalone models are not parsed for one unused factor).
//
// Bounded: at most MAX_INDEXED_FILES files (analysis/editorImports.ts), the first in path order;
// past that the user is told once, since references and rename then miss the files left out.
import { MAX_INDEXED_FILES } from '../analysis/editorImports';
import { importedDrivers, type ModelFile } from '../analysis/importGraph';
import { describeError } from '../util/errors';

/** A work-done progress as vscode-languageserver reports it (a null one does nothing). */
export interface ProgressLike {
  begin(title: string, percentage?: number, message?: string, cancellable?: boolean): void;
  report(percentage: number, message?: string): void;
  done(): void;
}

export interface WorkspaceIndexHost {
  /** The files to read (at most MAX_INDEXED_FILES) and how many there are in all. */
  list(): { files: readonly string[]; total: number };
  /** One file analysed with its imports; null when it cannot be read. */
  read(file: string): ModelFile | null;
  /**
   * Whether a file imports anything, by a look that analyses nothing (its top-level scan): one
   * that does not uses no other file's declarations, and the reading for hints skips it.
   */
  imports(file: string): boolean;
  /** A progress the client shows (window/workDoneProgress/create), or null when it shows none. */
  progress(): Promise<ProgressLike | null>;
  /** Told once: the workspace holds more files than are read. */
  warn(message: string): void;
  log(message: string): void;
  /** A reading of the whole index is complete: what other files use of each file may have changed. */
  indexed(): void;
}

export interface WorkspaceIndexOptions {
  /** How long one slice reads before it lets the event loop turn (ms). */
  sliceMs?: number;
  /** How long a reading goes on before it shows progress (ms): a quick one shows none. */
  progressAfterMs?: number;
  /** How long after a change on disk the index is read again in the background (ms). */
  refreshDelayMs?: number;
}

interface Build {
  promise: Promise<ModelFile[]>;
  /** Progress reporters of the requests waiting for it (their workDoneToken), begun when it shows progress. */
  extra: Set<ProgressLike>;
}

export const INDEX_PROGRESS_TITLE = 'Scenario: reading the workspace';

/**
 * What a reading reads: every file (references, rename, workspace symbols), or the files that
 * import something (the `unused` hints: only those can use another file's declarations).
 */
type Reading = 'all' | 'importers';

export class WorkspaceIndex {
  private readonly builds: Record<Reading, Build | null> = { all: null, importers: null };
  /** The files of the last complete reading, in path order (every importer among them). */
  private last: ModelFile[] | null = null;
  /** An open document's hints depend on the index: it is read again after files change. */
  private wanted = false;
  private refreshTimer: NodeJS.Timeout | null = null;
  private warned = false;
  private readonly sliceMs: number;
  private readonly progressAfterMs: number;
  private readonly refreshDelayMs: number;

  constructor(private readonly host: WorkspaceIndexHost, options: WorkspaceIndexOptions = {}) {
    this.sliceMs = options.sliceMs ?? 20;
    this.progressAfterMs = options.progressAfterMs ?? 150;
    this.refreshDelayMs = options.refreshDelayMs ?? 300;
  }

  /**
   * Every file of the index, read now where needed (joining a reading under way). `progress` is
   * the request's own reporter (its workDoneToken), begun only if the reading takes a while.
   */
  files(progress?: ProgressLike): Promise<ModelFile[]> {
    return this.reading('all', progress);
  }

  private reading(which: Reading, progress?: ProgressLike): Promise<ModelFile[]> {
    const current = this.builds[which];
    if (current) {
      if (progress) current.extra.add(progress);
      return current.promise;
    }
    const build: Build = { promise: Promise.resolve([]), extra: new Set(progress ? [progress] : []) };
    this.builds[which] = build;
    build.promise = this.read(build, which).finally(() => {
      if (this.builds[which] === build) this.builds[which] = null;
    });
    return build.promise;
  }

  /** An open document's hints depend on what other files use: read the importers in the background (once, and after changes). */
  want(): void {
    if (this.wanted && (this.last || this.builds.all || this.builds.importers)) return;
    this.wanted = true;
    this.background();
  }

  /** A file changed on disk or closed (its importers' uses may have changed): read again if wanted, after a pause. */
  changed(): void {
    if (!this.wanted) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      this.background();
    }, this.refreshDelayMs);
  }

  /**
   * The names of the file's own declarations (its real path) that drive an outcome of another
   * file of the last complete reading, leaving out the files in `skip` (open ones: the editor has
   * newer texts).
   */
  drivenElsewhere(path: string, skip: ReadonlySet<string>): Set<string> {
    const out = new Set<string>();
    for (const file of this.last ?? []) {
      if (file.path === path || skip.has(file.path)) continue;
      for (const name of driversOf(file).get(path) ?? []) out.add(name);
    }
    return out;
  }

  /** True once a reading is complete (the tests and the debug request). */
  get ready(): boolean {
    return this.last !== null;
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
  }

  /** The reading for hints; none while every file is being read (that reading serves them too). */
  private background(): void {
    if (this.builds.all) return;
    this.reading('importers').catch((error) => this.host.log(`reading the workspace failed: ${describeError(error)}`));
  }

  private async read(build: Build, which: Reading): Promise<ModelFile[]> {
    const { files, total } = this.host.list();
    if (total > files.length && !this.warned) {
      this.warned = true;
      this.host.warn(tooManyFiles(total));
    }
    const out: ModelFile[] = [];
    let shown: ProgressLike[] | null = null;
    let asked: Promise<ProgressLike | null> | null = null;
    const begun = new Set<ProgressLike>();
    const message = (done: number) => `${done.toLocaleString('en-US')} of ${files.length.toLocaleString('en-US')} .scenario files`;
    const percent = (done: number) => Math.floor((100 * done) / Math.max(1, files.length));
    try {
      const started = Date.now();
      let sliceStart = started;
      for (let i = 0; i < files.length; i++) {
        const file = this.readOne(files[i]!, which);
        if (file) out.push(file);
        const now = Date.now();
        if (now - sliceStart < this.sliceMs || i + 1 === files.length) continue;
        if (now - started < this.progressAfterMs) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          sliceStart = Date.now();
          continue;
        }
        // A slice is over, the reading takes a while and there is more to read: show progress
        // (the client asked once, unless a request brought its own), then let the loop turn.
        asked ??= build.extra.size > 0 ? Promise.resolve(null) : this.host.progress().catch(() => null);
        if (!shown) {
          shown = [];
          void asked.then((p) => {
            if (p && shown) shown.push(p);
          });
        }
        for (const p of [...shown, ...build.extra]) {
          if (!begun.has(p)) {
            begun.add(p);
            p.begin(INDEX_PROGRESS_TITLE, percent(i + 1), message(i + 1), false);
          } else p.report(percent(i + 1), message(i + 1));
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
    } finally {
      for (const p of begun) p.done();
      // A progress the client granted after the reading was over is ended too.
      if (asked) {
        void asked.then((p) => {
          if (p && !begun.has(p)) p.done();
        });
      }
      shown = null;
    }
    this.last = out;
    this.host.indexed();
    return out;
  }

  private readOne(file: string, which: Reading): ModelFile | null {
    try {
      return which === 'all' || this.host.imports(file) ? this.host.read(file) : null;
    } catch (error) {
      this.host.log(`${file}: reading it for the workspace index failed: ${describeError(error)}`);
      return null;
    }
  }
}

const drivers = new WeakMap<ModelFile, Map<string, Set<string>>>();

/** What a file's outcomes use of the files it imports (computed once per analysis). */
function driversOf(file: ModelFile): Map<string, Set<string>> {
  let found = drivers.get(file);
  if (!found) drivers.set(file, (found = importedDrivers(file.analysis.model)));
  return found;
}

/** The one message said when the workspace holds more files than the index reads. */
export function tooManyFiles(total: number): string {
  const left = total - MAX_INDEXED_FILES;
  return `The workspace holds ${total.toLocaleString('en-US')} .scenario files: references, rename, workspace symbols and ` +
    `unused hints read the first ${MAX_INDEXED_FILES.toLocaleString('en-US')} (in path order) and not the other ` +
    `${left.toLocaleString('en-US')}, so a rename leaves their uses unchanged. Open a smaller folder to have every file read.`;
}
