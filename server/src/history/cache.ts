// The forecasts of versions, cached by blob id: a blob's text never changes, and the engine is
// deterministic, so what a version forecast once it forecasts forever (for one engine and the
// same --samples/--seed). In memory, a small LRU (the editor keeps one for its session); on
// disk, for the command line, one small JSON file per version under a folder of the user's
// cache, keyed also by a digest of the running program, so that a new build never reads an old
// build's numbers. A broken or foreign cache file is ignored, and a cache that cannot be written
// costs only speed.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** What a version forecasts (the history's row, without the commit). */
export interface VersionSummary {
  /** Error-severity diagnostics; 0 when the version checks. */
  errors: number;
  /** Baseline probabilities in file order; null when the version has errors or could not be read. */
  outcomes: { name: string; probability: number }[] | null;
  method?: 'exact' | 'monte-carlo';
  samples?: number;
  /** Why the version could not be read (binary, too large). */
  message?: string;
  /**
   * The first error of the version's imports (`line 4: "lib/x.scenario" does not exist…`): an
   * import missing at that revision, a cycle, a library with errors.
   */
  importError?: string;
  /** In a `…|imports` entry: the paths the blob's `import` statements name, as written. */
  imports?: string[];
  /**
   * In a `…|closure|…` entry: a file's blob at a commit (null: none there), the digest of what its
   * imports resolved to (null: it imports nothing) and the files they reach, as paths in the repository.
   */
  closure?: { blob: string | null; digest: string | null; files: string[] };
}

export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface VersionStore {
  get(key: string): VersionSummary | undefined;
  set(key: string, value: VersionSummary): void;
}

/** The disk cache's folder: $SCENARIO_CACHE_DIR, else $XDG_CACHE_HOME/scenario, else ~/.cache/scenario. */
export function defaultCacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SCENARIO_CACHE_DIR) return env.SCENARIO_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'scenario');
}

/** A digest of the program that computes the forecasts (its bundle's bytes), for the disk cache's keys. */
export function programDigest(file: string | undefined): string | null {
  if (!file) return null;
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 16);
  } catch {
    return null;
  }
}

/** The disk cache: `<folder>/history-<program>/<2 hex>/<key digest>.json`. */
export class DiskVersionStore implements VersionStore {
  private readonly folder: string;
  constructor(folder: string, program: string) {
    this.folder = path.join(folder, `history-${program}`);
  }

  private fileOf(key: string): string {
    const digest = createHash('sha256').update(key).digest('hex');
    return path.join(this.folder, digest.slice(0, 2), `${digest.slice(2, 40)}.json`);
  }

  get(key: string): VersionSummary | undefined {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.fileOf(key), 'utf8')) as { key?: unknown; value?: unknown };
      return parsed.key === key && isSummary(parsed.value) ? parsed.value : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: VersionSummary): void {
    const file = this.fileOf(key);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, JSON.stringify({ key, value }));
      fs.renameSync(temporary, file);
    } catch {
      // A cache that cannot be written costs only speed.
    }
  }
}

function isSummary(value: unknown): value is VersionSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.errors !== 'number') return false;
  if (v.importError !== undefined && typeof v.importError !== 'string') return false;
  if (v.imports !== undefined && !(Array.isArray(v.imports) && v.imports.every((p) => typeof p === 'string'))) return false;
  if (v.closure !== undefined && !isClosure(v.closure)) return false;
  if (v.outcomes === null) return true;
  return Array.isArray(v.outcomes) && v.outcomes.every((o) =>
    typeof o === 'object' && o !== null && typeof (o as { name?: unknown }).name === 'string' && typeof (o as { probability?: unknown }).probability === 'number');
}

function isClosure(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (c.blob === null || typeof c.blob === 'string') && (c.digest === null || typeof c.digest === 'string')
    && Array.isArray(c.files) && c.files.every((p) => typeof p === 'string');
}

/** Memory first, then disk (what disk has is kept in memory too). */
export class VersionCache {
  readonly memory: LruCache<VersionSummary>;
  constructor(private readonly disk: VersionStore | null = null, capacity = 2_000) {
    this.memory = new LruCache(capacity);
  }

  get(key: string): VersionSummary | undefined {
    const hit = this.memory.get(key);
    if (hit) return hit;
    const stored = this.disk?.get(key);
    if (stored) this.memory.set(key, stored);
    return stored;
  }

  set(key: string, value: VersionSummary): void {
    this.memory.set(key, value);
    this.disk?.set(key, value);
  }
}
