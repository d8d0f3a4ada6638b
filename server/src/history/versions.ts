// Versions of a file: `PATH@REV` read from git, or the working copy from disk; and the history of
// a file (`scenario history`): the forecast of every committed version, oldest first, and of the
// working copy when it differs from the last one. Each version is analysed by the one analysis
// (analyzeSource) and forecast by the engine, probabilities only; the numbers are cached by blob
// id (cache.ts), so a second run reads no blob and forecasts nothing.
import * as fs from 'node:fs';
import { analyzeSource } from '../analysis/analyzeSource';
import { forecast } from '../engine/forecast';
import { type VersionCache, type VersionSummary } from './cache';
import {
  blobAt, blobText, fileLog, GitError, type GitOptions, hashBlob, MAX_BLOB_BYTES, openRepository, pathInRepository, readBlob,
  readBlobs, type Repository, resolveCommit, runGit,
} from './git';

/** A version as named on the command line: a path, and a git revision or null for the file on disk. */
export interface VersionRef {
  path: string;
  rev: string | null;
}

/**
 * `PATH@REV` or `PATH`. A name that exists on disk as written is a path (a file may have `@` in
 * its name); otherwise the revision starts after the first `.scenario@` (so `HEAD@{1}` and
 * `main@{yesterday}` keep their own `@`), or else after the first `@`.
 */
export function parseVersionArg(arg: string, exists: (p: string) => boolean = fs.existsSync): VersionRef {
  if (exists(arg)) return { path: arg, rev: null };
  const m = /^(.*?\.scenario)@(.+)$/s.exec(arg) ?? /^([^@]+)@(.+)$/s.exec(arg);
  if (m && m[1]!.length > 0) return { path: m[1]!, rev: m[2]! };
  return { path: arg, rev: null };
}

/** How a version is named in messages and in the output: `file` or `file@rev`. */
export function versionName(ref: VersionRef): string {
  return ref.rev === null ? ref.path : `${ref.path}@${ref.rev}`;
}

export interface LoadedVersion {
  ref: VersionRef;
  text: string;
  /** The commit a revision resolved to; null for the working copy. */
  commit: string | null;
}

/** Why a version could not be read (the CLI prints it on one line and exits 2). */
export class VersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VersionError';
  }
}

/** A version's text: from git for `PATH@REV`, from disk otherwise. Throws GitError or VersionError. */
export async function loadVersion(ref: VersionRef, git: GitOptions = {}): Promise<LoadedVersion> {
  if (ref.rev === null) return { ref, text: readWorkingFile(ref.path), commit: null };
  const repo = await openRepository(ref.path, git);
  const commit = await resolveCommit(repo, ref.rev);
  const repoPath = pathInRepository(repo, ref.path);
  let blob: { id: string; size: number };
  try {
    blob = await blobAt(repo, commit, repoPath, ref.rev);
  } catch (e) {
    // Renamed since: the name the file had in that revision, from its history (git log --follow).
    const earlier = e instanceof GitError && e.kind === 'not-in-revision' ? await pathAt(repo, repoPath, commit) : null;
    if (earlier === null || earlier === repoPath) throw e;
    blob = await blobAt(repo, commit, earlier, ref.rev);
  }
  return { ref, text: await readBlob(repo, blob.id, blob.size), commit };
}

/**
 * The path the file now at `repoPath` had in `commit`: the path of the newest commit in its
 * followed history (from HEAD) that `commit` contains. Null when there is none.
 */
async function pathAt(repo: Repository, repoPath: string, commit: string): Promise<string | null> {
  const log = await fileLog(repo, repoPath, 100_000);
  if (log.length === 0) return null;
  const run = await runGit(['rev-list', '--end-of-options', commit], repo.root, repo.options);
  if (run.code !== 0) return null;
  const ancestors = new Set(run.stdout.toString('utf8').split('\n'));
  const entry = log.find((c) => ancestors.has(c.commit));
  return entry && entry.blob !== null ? entry.path : null;
}

function readWorkingFile(file: string): string {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_BLOB_BYTES) throw new VersionError(`${file}: the file is too large to read (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_BLOB_BYTES / 1048576} MB)`);
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof VersionError) throw e;
    throw new VersionError(`${file}: cannot read the file (${(e as Error).message})`);
  }
  try {
    return blobText(bytes, 'working copy');
  } catch (e) {
    throw new VersionError(`${file}: ${(e as Error).message.replace(/^version working copy is/, 'the file is')}`);
  }
}

// ---- history ---------------------------------------------------------------------------------

export interface HistoryVersion {
  /** Null for the working copy. */
  commit: string | null;
  date: string | null;
  subject: string | null;
  /** The file's path in the repository at that commit (it may have been renamed since). */
  path: string | null;
  /** Set on the working copy's entry. */
  workingCopy?: true;
  outcomes: { name: string; probability: number }[] | null;
  errors: number;
  /** Why a version could not be read (a binary or huge blob). */
  message?: string;
  method?: 'exact' | 'monte-carlo';
  samples?: number;
}

export interface FileHistory {
  file: string;
  versions: HistoryVersion[];
  /** Versions whose numbers came from the cache, and versions forecast now. */
  cached: number;
  computed: number;
  /** True when there were more than `max` committed versions (the oldest are left out). */
  truncated: boolean;
  elapsedMs: number;
}

export interface HistoryOptions {
  /** Most committed versions (the newest; default 200). */
  max?: number;
  samples?: number;
  seed?: number;
  cache: VersionCache;
  git?: GitOptions;
  /** Whether to add the working copy when it differs (default true). */
  workingCopy?: boolean;
}

export const DEFAULT_MAX_VERSIONS = 200;

/** The history of `file`. Throws GitError when it is outside a repository or in a shallow clone. */
export async function fileHistory(file: string, options: HistoryOptions): Promise<FileHistory> {
  const started = performance.now();
  const max = Math.max(1, Math.floor(options.max ?? DEFAULT_MAX_VERSIONS));
  const repo = await openRepository(file, options.git);
  const repoPath = pathInRepository(repo, file);
  const log = await fileLog(repo, repoPath, max + 1);
  const truncated = log.length > max;
  const commits = log.slice(0, max).filter((c) => c.blob !== null).reverse();
  const keyOf = (blob: string) => `${blob}|samples=${options.samples ?? ''}|seed=${options.seed ?? ''}`;
  let cached = 0;
  let computed = 0;
  const summaries = new Map<string, VersionSummary>();
  const missing: string[] = [];
  for (const c of commits) {
    const hit = options.cache.get(keyOf(c.blob!));
    if (hit) summaries.set(c.blob!, hit);
    else if (!missing.includes(c.blob!)) missing.push(c.blob!);
  }
  if (missing.length > 0) {
    const texts = await readBlobs(repo, missing);
    for (const id of missing) {
      const text = texts.get(id);
      const summary: VersionSummary = text === undefined ? { errors: 1, outcomes: null, message: `version ${id.slice(0, 12)} could not be read` }
        : text instanceof GitError ? { errors: 1, outcomes: null, message: text.message }
        : safeSummary(text, options);
      summaries.set(id, summary);
      options.cache.set(keyOf(id), summary);
    }
  }
  const versions: HistoryVersion[] = commits.map((c) => {
    const s = summaries.get(c.blob!)!;
    if (missing.includes(c.blob!)) computed++;
    else cached++;
    return { commit: c.commit, date: c.date, subject: c.subject, path: c.path || null, ...s };
  });
  if (options.workingCopy !== false && fs.existsSync(file)) {
    const bytes = fs.readFileSync(file);
    const id = await hashBlob(bytes, repo.hashLength);
    const last = commits[commits.length - 1];
    if (last?.blob !== id) {
      let summary = options.cache.get(keyOf(id));
      if (summary) cached++;
      else {
        computed++;
        try {
          summary = safeSummary(blobText(bytes, 'working copy'), options);
        } catch (e) {
          summary = { errors: 1, outcomes: null, message: (e as Error).message.replace(/^version working copy is/, 'the working copy is') };
        }
        options.cache.set(keyOf(id), summary);
      }
      versions.push({ commit: null, date: null, subject: null, path: repoPath, workingCopy: true, ...summary });
    }
  }
  return { file, versions, cached, computed, truncated, elapsedMs: Math.round((performance.now() - started) * 10) / 10 };
}

/** One version's numbers: its baseline's probabilities, or its error count. */
export function summarizeText(text: string, options: { samples?: number; seed?: number } = {}): VersionSummary {
  const analysis = analyzeSource({ text });
  if (analysis.model.hasErrors) {
    return { errors: analysis.diagnostics.filter((d) => d.severity === 'error').length, outcomes: null };
  }
  const f = forecast({ ...analysis.model, alternatives: [] }, { samples: options.samples, seed: options.seed, bandMethod: 'none', maxWorlds: 0 });
  return {
    errors: 0,
    outcomes: f.outcomes.map((o) => ({ name: o.name, probability: o.probability })),
    method: f.method,
    samples: f.samples,
  };
}

/** summarizeText, with a failure of the engine as a version that has no numbers (and says why). */
function safeSummary(text: string, options: { samples?: number; seed?: number }): VersionSummary {
  try {
    return summarizeText(text, options);
  } catch (e) {
    return { errors: 1, outcomes: null, message: `could not forecast this version: ${(e as Error).message}` };
  }
}

export { GitError };
