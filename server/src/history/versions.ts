// Versions of a file: `PATH@REV` read from git, or the working copy from disk; and the history of
// a file (`scenario history`): the forecast of every committed version, oldest first, and of the
// working copy when it differs from the last one. Each version is analysed by the one analysis
// (analyzeSource) and forecast by the engine, probabilities only; the numbers are cached by blob
// id (cache.ts), so a second run reads no blob and forecasts nothing.
import * as fs from 'node:fs';
import { analyzeSource, type DocumentAnalysis } from '../analysis/analyzeSource';
import type { ModelFile, UnreadableFile } from '../analysis/importGraph';
import type { Diagnostic, RelatedInformation } from '../model/diagnostics';
import { shownFrom } from '../model/imports/paths';
import type { ImportRoot } from '../model/imports/host';
import { LineIndex } from '../syntax/lines';
import { forecast } from '../engine/forecast';
import type { HistoryEntry } from '../../../common/history';
import { type VersionCache, type VersionSummary } from './cache';
import {
  blobAt, blobId, blobText, commitOfBlob, fileLog, GitError, type GitOptions, hashBlob, MAX_BLOB_BYTES, openRepository, pathInRepository, readBlob,
  type Repository, resolveCommit, runGit,
} from './git';
import { importerLog } from './importerLog';
import { VersionImports, writtenImports } from './versionImports';
import { parseDocument } from '../syntax/parse';
import * as nodePath from 'node:path';
import { monotonicMs } from '../util/clock';

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
  /** For a revision: the repository, the file's path there at that commit and its blob (to read its imports from the same commit). */
  at?: { repo: Repository; repoPath: string; blob: string };
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
  let pathThen = repoPath;
  try {
    blob = await blobAt(repo, commit, repoPath, ref.rev);
  } catch (e) {
    // Renamed since: the name the file had in that revision, from its history (git log --follow).
    const earlier = e instanceof GitError && e.kind === 'not-in-revision' ? await pathAt(repo, repoPath, commit) : null;
    if (earlier === null || earlier === repoPath) throw e;
    blob = await blobAt(repo, commit, earlier, ref.rev);
    pathThen = earlier;
  }
  return { ref, text: await readBlob(repo, blob.id, blob.size), commit, at: { repo, repoPath: pathThen, blob: blob.id } };
}

/**
 * A loaded version analysed with its imports: a revision's from the tree of its commit, the
 * working copy's from the disk, inside `root` (default: the repository's top folder, or the
 * file's folder outside a repository).
 */
export async function analyseVersion(version: LoadedVersion, options: { root?: ImportRoot; git?: GitOptions } = {}): Promise<ModelFile | UnreadableFile> {
  if (version.at) {
    const imports = new VersionImports(version.at.repo, options.root ?? null);
    const [model] = await imports.modelsAt([{ commit: version.commit!, repoPath: version.at.repoPath, blob: version.at.blob, text: version.text }]);
    return model!;
  }
  let repo: Repository | null = null;
  if (!options.root) {
    try {
      repo = await openRepository(version.ref.path, options.git);
    } catch (e) {
      if (!(e instanceof GitError)) throw e;
    }
  }
  return new VersionImports(repo, options.root ?? null).workingModel(version.ref.path, version.text);
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

/** One version of `scenario history` (common/history.ts's HistoryEntry, which the editor gets without `path`). */
export interface HistoryVersion extends HistoryEntry {
  /** The file's path in the repository at that commit (it may have been renamed since). */
  path: string | null;
  /** The first error of the version's imports, when it has one (a file missing at that revision). */
  importError?: string;
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
  /** The folder imports stay inside (`--root`); default: the repository's top folder. */
  root?: ImportRoot;
}

export const DEFAULT_MAX_VERSIONS = 200;

/** The history of `file`. Throws GitError when it is outside a repository or in a shallow clone. */
export async function fileHistory(file: string, options: HistoryOptions): Promise<FileHistory> {
  const started = monotonicMs();
  const max = Math.max(1, Math.floor(options.max ?? DEFAULT_MAX_VERSIONS));
  const repo = await openRepository(file, options.git);
  const repoPath = pathInRepository(repo, file);
  // Each version reads its imports from its own commit (versionImports.ts): what they resolved to is part of its key.
  const imports = new VersionImports(repo, options.root ?? null, options.cache);
  // The file's own commits and those that changed only files it imports (importerLog.ts).
  const log = await importerLog(repo, repoPath, max, imports);
  const truncated = log.length > max;
  const commits = log.slice(0, max).filter((c) => c.blob !== null).reverse();
  const committed = commits.map((c) => ({ commit: c.commit, repoPath: c.path || repoPath, blob: c.blob! }));
  const deps = await imports.keysAt(committed);
  const keyOf = (blob: string, dep: string) => `${blob}|samples=${options.samples ?? ''}|seed=${options.seed ?? ''}${dep ? `|imports=${dep}` : ''}`;
  const keys = committed.map((c, i) => keyOf(c.blob, deps[i]!));
  const summaries = new Map<string, VersionSummary>();
  const missing: number[] = [];
  keys.forEach((key, i) => {
    if (summaries.has(key) || missing.some((j) => keys[j] === key)) return;
    const hit = options.cache.get(key);
    if (hit) summaries.set(key, hit);
    else missing.push(i);
  });
  if (missing.length > 0) {
    const texts = await imports.textsOf(missing.map((i) => committed[i]!.blob));
    const importing: { i: number; text: string }[] = [];
    missing.forEach((i, k) => {
      const text = texts[k]!;
      if ('problem' in text) summaries.set(keys[i]!, { errors: 1, outcomes: null, message: text.problem });
      else if (deps[i]) importing.push({ i, text: text.text });
      else summaries.set(keys[i]!, safeSummary(text.text, options));
    });
    const models = await imports.modelsAt(importing.map(({ i, text }) => ({ ...committed[i]!, text })));
    importing.forEach(({ i }, k) => summaries.set(keys[i]!, safeModelSummary(models[k]!, options)));
    for (const i of missing) options.cache.set(keys[i]!, summaries.get(keys[i]!)!);
  }
  const computedKeys = new Set(missing.map((i) => keys[i]!));
  let cached = 0;
  let computed = 0;
  const versions: HistoryVersion[] = commits.map((c, i) => {
    const s = summaries.get(keys[i]!)!;
    if (computedKeys.has(keys[i]!)) computed++;
    else cached++;
    return {
      commit: c.commit, date: c.date, subject: c.subject, path: c.path || null,
      ...(c.changedImports ? { changedImports: c.changedImports } : {}), ...s,
    };
  });
  if (options.workingCopy !== false && fs.existsSync(file)) {
    const bytes = fs.readFileSync(file);
    const id = await hashBlob(bytes, repo.hashLength);
    let text: string | null = null;
    let summary: VersionSummary | undefined;
    try {
      text = blobText(bytes, 'working copy');
    } catch (e) {
      summary = { errors: 1, outcomes: null, message: (e as Error).message.replace(/^version working copy is/, 'the working copy is') };
    }
    const dep = text === null ? '' : imports.workingKey(file, text);
    const key = keyOf(id, dep);
    const last = keys[keys.length - 1];
    if (last !== key) {
      const hit = summary ? undefined : options.cache.get(key);
      if (hit) {
        summary = hit;
        cached++;
      } else {
        computed++;
        if (!summary) summary = dep ? safeModelSummary(imports.workingModel(file, text!), options) : safeSummary(text!, options);
        options.cache.set(key, summary);
      }
      versions.push({ commit: null, date: null, subject: null, path: repoPath, workingCopy: true, ...summary });
    }
  }
  return { file, versions, cached, computed, truncated, elapsedMs: Math.round((monotonicMs() - started) * 10) / 10 };
}

/** One version's numbers: its baseline's probabilities, or its error count. */
export function summarizeText(text: string, options: { samples?: number; seed?: number } = {}): VersionSummary {
  return summarizeAnalysis(analyzeSource({ text }), options);
}

/** The numbers of a version analysed with its imports (versionImports.ts), or why it has none. */
export function summarizeModel(file: ModelFile | UnreadableFile, options: { samples?: number; seed?: number } = {}): VersionSummary {
  if (!('analysis' in file)) return { errors: 1, outcomes: null, message: `cannot read the file (${file.problem})` };
  const summary = summarizeAnalysis(file.analysis, options);
  const d = firstImportDiagnostic(file.analysis);
  if (!d) return summary;
  // A library that does not check: its own first error too, where it is (relative to this file's folder).
  const there = libraryError(file, d);
  const where = there ? ` The first error there: ${shownFrom(file.path, there.file)}:${there.line}:${there.column}: ${there.code}: ${there.message}` : '';
  return { ...summary, importError: `${importErrorText(file.analysis.text, d)}${where}` };
}

function summarizeAnalysis(analysis: DocumentAnalysis, options: { samples?: number; seed?: number }): VersionSummary {
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

/** The codes of an import statement's own errors (LANGUAGE.md, Checks; `import-errors` for a library with errors). */
const IMPORT_CODES = new Set(['import-not-found', 'import-path', 'import-cycle', 'import-errors']);

/** The first error of the version's imports (an import statement's own, or a name declared again across files). */
function firstImportDiagnostic(analysis: Pick<DocumentAnalysis, 'diagnostics'>): Diagnostic | undefined {
  return analysis.diagnostics.find((x) => x.severity === 'error' && (IMPORT_CODES.has(x.code)
    || (x.code === 'duplicate-name' && (x.related ?? []).some((r) => r.elsewhere))));
}

/** `line 4: import-not-found: "lib/x.scenario" does not exist…`: an import error as a version's importError says it. */
function importErrorText(text: string, d: Diagnostic): string {
  return `line ${new LineIndex(text).positionAt(d.span.start).line + 1}: ${d.code}: ${d.message}`;
}

/** The first error of a library that does not check, where it is: the file that has it (its real path), 1-based line and column. */
export interface LibraryError {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  message: string;
}

/**
 * Where the error behind an `import-errors` diagnostic of `file` is: the first error of the file
 * it imports, or, when that one is an `import-errors` of its own, of the file that one imports,
 * and so on down. Null for any other diagnostic, or when the library is not known.
 */
export function libraryError(file: Pick<ModelFile, 'context'>, d: Pick<Diagnostic, 'code' | 'related'>): LibraryError | null {
  let code: string = d.code;
  let related: readonly RelatedInformation[] | undefined = d.related;
  let found: LibraryError | null = null;
  const seen = new Set<string>();
  while (code === 'import-errors') {
    const place = related?.find((r) => r.elsewhere)?.elsewhere;
    if (!place || seen.has(place.file)) break;
    seen.add(place.file);
    const library = file.context.files.get(place.file);
    const first = library?.firstError;
    if (!library || !first) break;
    const start = library.positionAt(first.span.start);
    const end = library.positionAt(first.span.end);
    found = {
      file: library.path, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
      code: first.code, message: first.message,
    };
    code = first.code;
    related = first.related;
  }
  return found;
}

/** summarizeModel, with a failure of the engine as a version that has no numbers (and says why). */
function safeModelSummary(file: ModelFile | UnreadableFile, options: { samples?: number; seed?: number }): VersionSummary {
  try {
    return summarizeModel(file, options);
  } catch (e) {
    return { errors: 1, outcomes: null, message: `could not forecast this version: ${(e as Error).message}` };
  }
}

/**
 * The numbers of a file git hands a textconv driver: the working copy itself (its imports from
 * the disk), or a temporary copy of a committed version, whose imports are read from the newest
 * commit that gave a file this blob (git runs the driver at the top of the work tree, `cwd`). A
 * file that imports nothing is summarised alone, with no git call.
 */
export async function copySummary(file: string, bytes: Buffer, options: { root?: ImportRoot; git?: GitOptions; cwd?: string } = {}): Promise<VersionSummary> {
  const text = blobText(bytes, 'input');
  if (writtenImports(parseDocument(text)).length === 0) return summarizeText(text);
  try {
    const repo = await openRepository(file, options.git);
    pathInRepository(repo, file);
    return safeModelSummary(new VersionImports(repo, options.root ?? null).workingModel(file, text), {});
  } catch (e) {
    if (!(e instanceof GitError)) throw e;
  }
  let repo: Repository;
  try {
    repo = await openRepository(nodePath.join(options.cwd ?? process.cwd(), 'textconv.scenario'), options.git);
  } catch (e) {
    if (!(e instanceof GitError)) throw e;
    return { errors: 1, outcomes: null, importError: `it imports files, and it is not in a git repository to read them from (${e.message})` };
  }
  const id = blobId(bytes, repo.hashLength);
  const found = await commitOfBlob(repo, id);
  if (!found) {
    return {
      errors: 1, outcomes: null,
      importError: 'it imports files, and this copy is no committed version, so there is no revision to read them from (scenario forecast reads the working copy\'s)',
    };
  }
  const imports = new VersionImports(repo, options.root ?? null);
  const [model] = await imports.modelsAt([{ commit: found.commit, repoPath: found.path, blob: id, text }]);
  return safeModelSummary(model!, {});
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
