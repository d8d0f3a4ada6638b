// Git access for the history layer, through the git CLI: `execFile` with argument arrays (never a
// shell), a time limit and an output limit on every call, `--` before every path, literal
// pathspecs (a file named `*.scenario` or `[a].scenario` is that file), no pager, no external
// diff or textconv, no prompts. Why the CLI rather than a JavaScript git library: no new
// dependency, it reads every repository git itself can (worktrees, packs, alternates, SHA-256,
// partial clones), and `git log --follow` over thousands of commits is git's own C code.
// Pure of LSP; the CLI and (later) the server call the same functions.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Why a git question has no answer; the CLI prints `message` on one line and exits 2. */
export type GitErrorKind =
  | 'git-missing' | 'not-a-repository' | 'shallow' | 'bad-revision' | 'not-in-revision'
  | 'outside-repository' | 'binary' | 'too-large' | 'timeout' | 'failed';

export class GitError extends Error {
  constructor(readonly kind: GitErrorKind, message: string) {
    super(message);
    this.name = 'GitError';
  }
}

export interface GitOptions {
  /** Milliseconds one git call may take (default 20 s). */
  timeoutMs?: number;
  /** Bytes of output one call may return (default 64 MB). */
  maxBuffer?: number;
  /** The git executable (default `git` on the PATH). */
  gitPath?: string;
}

export const GIT_TIMEOUT_MS = 20_000;
export const GIT_MAX_BUFFER = 64 * 1024 * 1024;
/** A version larger than this is refused (the parser's own limit is 1,000,000 characters). */
export const MAX_BLOB_BYTES = 4 * 1024 * 1024;

interface GitRun {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** Settings that keep git from running anything of the repository's own or waiting for a person. */
const SAFE_CONFIG = ['-c', 'core.fsmonitor=false', '-c', 'core.quotePath=false', '-c', 'log.showSignature=false'];

/** Runs git with `args` in `cwd`; resolves with its output and exit code (rejects only when git cannot run or takes too long). */
export function runGit(args: readonly string[], cwd: string, options: GitOptions = {}, input?: string): Promise<GitRun> {
  const timeout = options.timeoutMs ?? GIT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const child = execFile(options.gitPath ?? 'git', ['--no-pager', '--literal-pathspecs', ...SAFE_CONFIG, ...args], {
      cwd, timeout, maxBuffer: options.maxBuffer ?? GIT_MAX_BUFFER, encoding: 'buffer', windowsHide: true,
      env: {
        ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C', LANGUAGE: 'C', GIT_OPTIONAL_LOCKS: '0',
        GIT_LITERAL_PATHSPECS: '1',
      },
    }, (error, stdout, stderr) => {
      const err = error as (NodeJS.ErrnoException & { killed?: boolean; signal?: string; code?: number | string }) | null;
      if (err && err.code === 'ENOENT') {
        reject(new GitError('git-missing', 'git is not installed (or not on the PATH): history and diff need it'));
        return;
      }
      if (err && (err.killed || err.signal === 'SIGTERM')) {
        reject(new GitError('timeout', `git ${args[0]} took longer than ${timeout / 1000} s and was stopped`));
        return;
      }
      if (err && err.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
        reject(new GitError('too-large', `git ${args[0]} printed more than ${Math.round((options.maxBuffer ?? GIT_MAX_BUFFER) / 1048576)} MB`));
        return;
      }
      if (err && typeof err.code !== 'number') {
        reject(new GitError('failed', `git ${args[0]} failed: ${err.message}`));
        return;
      }
      resolve({ stdout: stdout as Buffer, stderr: (stderr as Buffer).toString('utf8'), code: err ? Number(err.code) : 0 });
    });
    // git reads its object ids from stdin (`cat-file --batch`); an early exit closes the pipe.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input ?? '');
  });
}

/** The first line of git's complaint, for a message. */
function firstLine(stderr: string): string {
  return stderr.split(/\r?\n/).map((l) => l.replace(/^(fatal|error): /, '').trim()).find((l) => l.length > 0) ?? 'unknown error';
}

/** A repository (or a worktree of one) and where a file sits in it. */
export interface Repository {
  /** The work tree's top folder (the worktree's own, for a linked worktree). */
  root: string;
  /** Object ids' length: 40 (SHA-1) or 64 (SHA-256). */
  hashLength: number;
  options: GitOptions;
}

/**
 * The repository that holds `file` (which need not exist: a file deleted since). Throws
 * GitError: not-a-repository, shallow (a shallow clone's history is cut), git-missing.
 */
export async function openRepository(file: string, options: GitOptions = {}): Promise<Repository> {
  const dir = existingFolder(path.dirname(path.resolve(file)));
  const run = await runGit(['rev-parse', '--show-toplevel', '--is-shallow-repository', '--show-object-format'], dir, options);
  if (run.code !== 0) {
    const why = firstLine(run.stderr);
    if (/not a git repository/i.test(why)) throw new GitError('not-a-repository', `${displayPath(file)} is not in a git repository`);
    throw new GitError('failed', `git: ${why}`);
  }
  const [root, shallow, format] = run.stdout.toString('utf8').split('\n');
  if (!root) throw new GitError('not-a-repository', `${displayPath(file)} is not in a git work tree (a bare repository?)`);
  if (shallow === 'true') {
    throw new GitError('shallow', `the repository at ${displayPath(root)} is a shallow clone, so its history is cut short: run git fetch --unshallow first`);
  }
  return { root, hashLength: format === 'sha256' ? 64 : 40, options };
}

function existingFolder(dir: string): string {
  let d = dir;
  while (!fs.existsSync(d)) {
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  return d;
}

/** A path as it may be shown: on one line, no control characters. */
export function displayPath(p: string): string {
  return p.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
}

/** The file's path inside the repository, with `/` (symlinked folders resolved as git resolves them). */
export function pathInRepository(repo: Repository, file: string): string {
  const absolute = path.resolve(file);
  const dir = existingFolder(path.dirname(absolute));
  let real: string;
  try {
    real = path.join(fs.realpathSync(dir), path.relative(dir, absolute));
  } catch {
    real = absolute;
  }
  const rootReal = safeRealpath(repo.root);
  const relative = path.relative(rootReal, real);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new GitError('outside-repository', `${displayPath(file)} is outside the repository at ${displayPath(repo.root)}`);
  }
  return relative.split(path.sep).join('/');
}

function safeRealpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** The commit a revision names; GitError bad-revision when there is none. */
export async function resolveCommit(repo: Repository, rev: string): Promise<string> {
  const run = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], repo.root, repo.options);
  const id = run.stdout.toString('utf8').trim();
  if (run.code !== 0 || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(id)) {
    throw new GitError('bad-revision', `${displayRevision(rev)} is not a revision of this repository`);
  }
  return id;
}

function displayRevision(rev: string): string {
  return `'${displayPath(rev)}'`;
}

/** The blob of `repoPath` in `commit`; GitError not-in-revision when the file is not there. */
export async function blobAt(repo: Repository, commit: string, repoPath: string, rev = commit): Promise<{ id: string; size: number }> {
  const run = await runGit(['ls-tree', '-z', '--long', '--full-tree', commit, '--', repoPath], repo.root, repo.options);
  if (run.code !== 0) throw new GitError('failed', `git ls-tree: ${firstLine(run.stderr)}`);
  for (const entry of run.stdout.toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0 || entry.slice(tab + 1) !== repoPath) continue;
    const [, type, id, size] = entry.slice(0, tab).split(/ +/);
    if (type !== 'blob' || !id) break;
    return { id, size: Number(size) };
  }
  throw new GitError('not-in-revision', `${displayPath(repoPath)} does not exist in ${displayRevision(rev)}`);
}

/**
 * A blob's text. Refused (GitError) when larger than MAX_BLOB_BYTES or binary (a NUL byte in its
 * first 8,000 bytes, git's own test).
 */
export async function readBlob(repo: Repository, id: string, size?: number): Promise<string> {
  if (size !== undefined && size > MAX_BLOB_BYTES) throw tooLarge(id, size);
  const run = await runGit(['cat-file', 'blob', id], repo.root, { ...repo.options, maxBuffer: MAX_BLOB_BYTES + 1 })
    .catch((e: unknown) => {
      if (e instanceof GitError && e.kind === 'too-large') throw tooLarge(id, undefined);
      throw e;
    });
  if (run.code !== 0) throw new GitError('failed', `git cat-file: ${firstLine(run.stderr)}`);
  return blobText(run.stdout, id);
}

/** A version's bytes as text, or why not (binary, huge). */
export function blobText(bytes: Buffer, id: string): string {
  if (bytes.length > MAX_BLOB_BYTES) throw tooLarge(id, bytes.length);
  if (bytes.subarray(0, 8000).includes(0)) throw new GitError('binary', `version ${id.slice(0, 12)} is a binary file, not a .scenario text`);
  return bytes.toString('utf8');
}

function tooLarge(id: string, size: number | undefined): GitError {
  const mb = size === undefined ? `more than ${MAX_BLOB_BYTES / 1048576} MB` : `${(size / 1048576).toFixed(1)} MB`;
  return new GitError('too-large', `version ${id.slice(0, 12)} is too large to read (${mb}; the limit is ${MAX_BLOB_BYTES / 1048576} MB)`);
}

/** One commit that changed the file: its blob then, and the path the file had. */
export interface FileCommit {
  commit: string;
  /** The committer date, ISO 8601 with its offset. */
  date: string;
  subject: string;
  /** The file's blob in this commit; null when the commit deleted it. */
  blob: string | null;
  path: string;
}

/**
 * The commits that changed `repoPath`, newest first, at most `max`, following renames
 * (`git log --follow`). Blob ids come from the raw diff of each commit, so no file is read.
 */
export async function fileLog(repo: Repository, repoPath: string, max: number, from = 'HEAD'): Promise<FileCommit[]> {
  const args = [
    'log', '--follow', '-z', '--raw', '--no-abbrev', '--no-ext-diff', '--no-textconv', '--no-color',
    '--diff-merges=first-parent', `--max-count=${Math.max(1, Math.floor(max))}`,
    '--format=%x1e%H%x1f%cI%x1f%s', '--end-of-options', from, '--', repoPath,
  ];
  const out = await logOutput(repo, args);
  return out === null ? [] : parseFileLog(out, repo.hashLength);
}

/** What a `git log` printed; null for a repository without commits (no HEAD yet: an empty history). */
async function logOutput(repo: Repository, args: string[]): Promise<string | null> {
  const run = await runGit(args, repo.root, repo.options);
  if (run.code !== 0) {
    const why = firstLine(run.stderr);
    if (/does not have any commits|unknown revision|bad revision 'HEAD'/i.test(why)) return null;
    throw new GitError('failed', `git log: ${why}`);
  }
  return run.stdout.toString('utf8');
}

/** Parses `git log -z --raw --format=%x1e%H%x1f%cI%x1f%s` output: each commit's last change (the followed file's). */
export function parseFileLog(out: string, hashLength = 40): FileCommit[] {
  const commits: FileCommit[] = [];
  for (const c of parseRawLog(out, hashLength)) {
    const last = c.changes[c.changes.length - 1];
    if (!last) continue; // a merge that left the file as its first parent had it
    commits.push({ commit: c.commit, date: c.date, subject: c.subject, blob: last.blob, path: last.path });
  }
  return commits;
}

/** One path a commit changed, from `git log --raw`: its status letter(s), its path (the new one of a rename) and its blob then (null when deleted). */
export interface RawChange {
  status: string;
  path: string;
  blob: string | null;
}

/** A commit of `git log --raw`, with every change the pathspec let through. */
export interface LogCommit {
  commit: string;
  date: string;
  subject: string;
  changes: RawChange[];
}

/** Parses `git log -z --raw --format=%x1e%H%x1f%cI%x1f%s` output, every change of each commit. */
export function parseRawLog(out: string, hashLength = 40): LogCommit[] {
  const start = new RegExp(`\\x1e(?=[0-9a-f]{${hashLength}}\\x1f)`);
  const commits: LogCommit[] = [];
  for (const record of out.split(start)) {
    if (record.length === 0) continue;
    const headerEnd = record.indexOf('\0');
    const header = headerEnd < 0 ? record : record.slice(0, headerEnd);
    const [commit, date, ...subject] = header.split('\x1f');
    if (!commit || !date) continue;
    const tokens = headerEnd < 0 ? [] : record.slice(headerEnd + 1).split('\0');
    const changes: RawChange[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const meta = tokens[i]!.replace(/^\n/, '');
      if (!meta.startsWith(':')) continue;
      const fields = meta.slice(1).split(' ');
      const newId = fields[3] ?? '';
      const status = fields[4] ?? '';
      const twoPaths = status.startsWith('R') || status.startsWith('C');
      changes.push({
        status,
        path: tokens[twoPaths ? i + 2 : i + 1] ?? '',
        blob: status.startsWith('D') || /^0+$/.test(newId) ? null : newId,
      });
      i += twoPaths ? 2 : 1;
    }
    commits.push({ commit, date, subject: subject.join('\x1f'), changes });
  }
  return commits;
}

/**
 * The commits that changed any of `repoPaths`, newest first, at most `max`, each with the changes
 * among those paths (no rename detection: a moved file is a deletion and an addition). One git
 * call for any number of paths; no file is read.
 */
export async function pathsLog(repo: Repository, repoPaths: readonly string[], max: number, from = 'HEAD'): Promise<LogCommit[]> {
  if (repoPaths.length === 0) return [];
  const args = [
    'log', '-z', '--raw', '--no-renames', '--no-abbrev', '--no-ext-diff', '--no-textconv', '--no-color',
    '--diff-merges=first-parent', `--max-count=${Math.max(1, Math.floor(max))}`,
    '--format=%x1e%H%x1f%cI%x1f%s', '--end-of-options', from, '--', ...repoPaths,
  ];
  const out = await logOutput(repo, args);
  return out === null ? [] : parseRawLog(out, repo.hashLength);
}

/** An object read by `readObjects`: its id, type and bytes, or why its bytes were not read. */
export interface GitObject {
  id: string;
  type: string;
  size: number;
  /** The object's bytes; absent when it is larger than the bound (`problem` says so). */
  bytes?: Buffer;
  problem?: GitError;
}

/** The bytes a tree object may have (a folder of some 100,000 entries). */
export const MAX_TREE_BYTES = 8 * 1024 * 1024;

/**
 * Many objects in two git calls (`cat-file --batch-check` for types and sizes, then `--batch` for
 * those small enough), by the name asked for: an object id, or any name git resolves
 * (`COMMIT^{tree}`, `COMMIT:path`). A name git does not know is left out of the map. Blobs larger
 * than MAX_BLOB_BYTES and trees larger than MAX_TREE_BYTES are not read.
 */
export async function readObjects(repo: Repository, names: readonly string[]): Promise<Map<string, GitObject>> {
  const result = new Map<string, GitObject>();
  // One name a line, so none may hold a line break (ids and `C^{tree}` never do).
  const unique = [...new Set(names)].filter((n) => n.length > 0 && !/[\r\n]/.test(n));
  if (unique.length === 0) return result;
  const check = await runGit(['cat-file', '--batch-check'], repo.root, repo.options, `${unique.join('\n')}\n`);
  if (check.code !== 0) throw new GitError('failed', `git cat-file: ${firstLine(check.stderr)}`);
  const found: GitObject[] = [];
  const wanted = new Map<string, string[]>();
  let total = 0;
  check.stdout.toString('utf8').split('\n').slice(0, unique.length).forEach((line, i) => {
    const [id, type, size] = line.split(' ');
    if (!id || !type || type === 'missing' || type === 'ambiguous' || size === undefined) return;
    const object: GitObject = { id, type, size: Number(size) };
    result.set(unique[i]!, object);
    const bound = type === 'tree' ? MAX_TREE_BYTES : MAX_BLOB_BYTES;
    if (object.size > bound) object.problem = tooLarge(id, object.size);
    else {
      found.push(object);
      if (!wanted.has(id)) total += object.size + 100;
      wanted.set(id, [...(wanted.get(id) ?? []), unique[i]!]);
    }
  });
  if (wanted.size === 0) return result;
  const run = await runGit(['cat-file', '--batch'], repo.root, { ...repo.options, maxBuffer: total + 1024 }, `${[...wanted.keys()].join('\n')}\n`);
  if (run.code !== 0) throw new GitError('failed', `git cat-file: ${firstLine(run.stderr)}`);
  const out = run.stdout;
  const bytesOf = new Map<string, Buffer>();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    if (eol < 0) break;
    const [id, , size] = out.subarray(at, eol).toString('latin1').split(' ');
    const n = Number(size);
    if (!id || !Number.isFinite(n)) break;
    bytesOf.set(id, Buffer.from(out.subarray(eol + 1, eol + 1 + n)));
    at = eol + 1 + n + 1;
  }
  for (const object of found) object.bytes = bytesOf.get(object.id);
  return result;
}

/**
 * Many blobs' texts in two git calls (readObjects): by id, a text or the GitError that refuses it.
 */
export async function readBlobs(repo: Repository, ids: readonly string[]): Promise<Map<string, string | GitError>> {
  const result = new Map<string, string | GitError>();
  const objects = await readObjects(repo, ids.filter((id) => /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(id)));
  for (const [id, object] of objects) {
    if (object.type !== 'blob') continue;
    if (object.problem) result.set(id, object.problem);
    else if (object.bytes) {
      try {
        result.set(id, blobText(object.bytes, id));
      } catch (e) {
        result.set(id, e as GitError);
      }
    }
  }
  return result;
}

/** One entry of a tree object: its mode as git writes it (`100644`, `40000`, `120000`, `160000`), name and object id. */
export interface RawTreeEntry {
  mode: string;
  name: string;
  id: string;
}

/** A tree object's entries (`<mode> <name>\0<id as bytes>`, repeated). */
export function parseTree(bytes: Buffer, hashLength: number): RawTreeEntry[] {
  const idBytes = hashLength / 2;
  const entries: RawTreeEntry[] = [];
  let at = 0;
  while (at < bytes.length) {
    const space = bytes.indexOf(32, at);
    const nul = space < 0 ? -1 : bytes.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > bytes.length) break;
    entries.push({
      mode: bytes.subarray(at, space).toString('latin1'),
      name: bytes.subarray(space + 1, nul).toString('utf8'),
      id: bytes.subarray(nul + 1, nul + 1 + idBytes).toString('hex'),
    });
    at = nul + 1 + idBytes;
  }
  return entries;
}

/** The id git gives a file's content (`git hash-object`, without filters), to tell whether the working copy differs. */
export async function hashBlob(bytes: Buffer, hashLength: number): Promise<string> {
  return blobId(bytes, hashLength);
}

/** hashBlob, synchronously (the working copy's imports are hashed inside an import graph's run). */
export function blobId(bytes: Buffer, hashLength: number): string {
  const hash = createHash(hashLength === 64 ? 'sha256' : 'sha1');
  hash.update(`blob ${bytes.length}\0`);
  hash.update(bytes);
  return hash.digest('hex');
}

/**
 * The newest commit (of every branch and tag) that gave some file the blob `id`, and that file's
 * path: where a copy of a committed version came from (`scenario textconv` gets only the copy).
 * Null when no commit did (a blob only in the index, or no blob of this repository at all).
 */
export async function commitOfBlob(repo: Repository, id: string): Promise<{ commit: string; path: string } | null> {
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(id)) return null;
  const args = ['log', '--all', `--find-object=${id}`, '-z', '--raw', '--no-abbrev', '--no-ext-diff', '--no-textconv', '--no-color',
    '--diff-merges=first-parent', '--format=%x1e%H%x1f%cI%x1f%s'];
  const run = await runGit(args, repo.root, repo.options);
  if (run.code !== 0) return null;
  const found = parseFileLog(run.stdout.toString('utf8'), repo.hashLength).find((c) => c.blob === id);
  return found ? { commit: found.commit, path: found.path } : null;
}
