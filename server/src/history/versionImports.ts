// How a version of a file reads its imports (LANGUAGE.md, Imports; More commands): a committed
// version from the tree of its own commit (the library as it was committed then:
// model/imports/treeHost.ts over git's objects, gitTree.ts), the working copy from the disk. Both
// go through the one import graph (analysis/importGraph.ts), so a version at a revision gets the
// same checks and model as `scenario check` gives the files checked out at that revision.
//
// The version cache (cache.ts) keys a version by its blob id. A version that imports is also keyed
// by what its imports resolved to: the blob id of every file it reads, directly or not, and the
// problem of every import that leads nowhere, with the root they were checked against; so a
// changed library is a new key, and an unchanged one the same key whatever commit it is read at.
// What a blob imports (its `import` statements as written) is kept by blob id too (`BLOB|imports`
// in the cache), so that a second run finds the keys by reading trees only, never a file's text.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { ImportGraph, type ModelFile, type UnreadableFile } from '../analysis/importGraph';
import { diskImportHost, MAX_IMPORT_BYTES } from '../model/imports/diskHost';
import { overlayHost, type ImportRoot, type ReadResult } from '../model/imports/host';
import { importTarget } from '../model/imports/paths';
import { ObjectsNeeded, treeImportHost, type TreeImportHost } from '../model/imports/treeHost';
import type { ImportDeclaration, ScenarioDocument } from '../syntax/ast';
import { parseDocument } from '../syntax/parse';
import { LruCache, type VersionCache, type VersionSummary } from './cache';
import { blobId, GitError, type Repository } from './git';
import { GitObjectStore, readUntilDone } from './gitTree';

/** How messages name the root when no `--root` was given: the repository's top folder. */
export const REPOSITORY_ROOT_NAME = 'the repository';

/** A committed version of a file: its commit, its path there (with `/`) and its blob. */
export interface CommittedFile {
  commit: string;
  repoPath: string;
  blob: string;
}

/** The paths a document's `import` statements name, as written. */
export function writtenImports(document: ScenarioDocument): string[] {
  return document.declarations.filter((d): d is ImportDeclaration => d.kind === 'import').map((d) => d.path.value);
}

export class VersionImports {
  readonly store: GitObjectStore | null;
  /** The work tree's top folder, real (null outside a repository). */
  readonly top: string | null;
  private readonly documents = new LruCache<ScenarioDocument>(64);
  private readonly written = new LruCache<string[]>(10_000);
  private readonly closures = new LruCache<ClosureAt>(20_000);
  private readonly hashLength: number;

  /**
   * `root` is the folder imports stay inside (`--root`); null: the repository's top folder (the
   * working copy's own folder outside a repository).
   */
  constructor(readonly repo: Repository | null, private readonly rootGiven: ImportRoot | null, private readonly cache: VersionCache | null = null) {
    this.store = repo ? new GitObjectStore(repo) : null;
    this.top = repo ? realFolder(repo.root) : null;
    this.hashLength = repo?.hashLength ?? 40;
  }

  /** The root for a file: the one given, else the repository's top folder, else the file's folder. */
  rootFor(file: string): ImportRoot {
    if (this.rootGiven) return { name: this.rootGiven.name, path: nodePath.resolve(this.rootGiven.path) };
    return { name: REPOSITORY_ROOT_NAME, path: this.top ?? nodePath.dirname(nodePath.resolve(file)) };
  }

  /** A committed file's path in the work tree. */
  pathOf(repoPath: string): string {
    return nodePath.join(this.top ?? '', ...repoPath.split('/'));
  }

  /** The syntax tree of a blob's text (a few kept: a version's is parsed once for its imports and its analysis). */
  document(blob: string, text: string): ScenarioDocument {
    const known = this.documents.get(blob);
    if (known && known.text === text) return known;
    const document = parseDocument(text);
    this.documents.set(blob, document);
    return document;
  }

  /** What a blob imports, as written: from memory, the cache, else its text (read through `read`). */
  importsOf(blob: string, read: () => ReadResult): string[] {
    const known = this.knownImports(blob);
    if (known) return known;
    const text = read();
    // A text without the keyword imports nothing: no need to parse it (its analysis will).
    const imports = 'problem' in text || !/\bimport\b/.test(text.text) ? [] : writtenImports(this.document(blob, text.text));
    this.written.set(blob, imports);
    this.cache?.set(importsKey(blob), { errors: 0, outcomes: null, imports });
    return imports;
  }

  /** What a blob imports when it is known already (memory, the cache), without reading it. */
  private knownImports(blob: string): string[] | undefined {
    const known = this.written.get(blob) ?? this.cache?.get(importsKey(blob))?.imports;
    if (known) this.written.set(blob, known);
    return known;
  }

  /** The host of a commit's tree (its root tree read with readRoots first). */
  hostAt(commit: string): TreeImportHost {
    const root = this.store?.rootOf(commit);
    if (!this.store || !this.top || !root) throw new GitError('failed', `the tree of commit ${commit.slice(0, 12)} was not read`);
    return treeImportHost(this.top, root, this.store);
  }

  /**
   * For each committed file, what its imports resolved to, as a short digest; '' when the file
   * imports nothing (its key is its blob's, as before imports). Reads trees (and, for a blob not
   * seen before, its text and those of the files it imports), in batches.
   */
  async keysAt(files: readonly CommittedFile[]): Promise<string[]> {
    return (await this.closuresAt(files)).map((c) => c.closure?.digest ?? '');
  }

  /**
   * For each committed file, the files its imports reach at its commit (directly or not) and their
   * digest (keysAt); null when it imports nothing. A file given without its blob is looked up in
   * the commit's tree (`blob` null when the commit has no file there). What a file's imports reach
   * at a commit never changes (a commit names its tree), so it is kept by commit, path and root, in
   * memory and, for a file that imports, in the cache: a second run reads no tree for it.
   */
  async closuresAt(files: readonly FileAt[]): Promise<ClosureAt[]> {
    const store = this.store;
    if (!store) return files.map((f) => ({ blob: f.blob ?? null, closure: null }));
    const keyOf = (f: FileAt) => closureKey(f.commit, f.repoPath, this.rootKey(this.pathOf(f.repoPath)));
    const results = files.map((f): ClosureAt | undefined => {
      // A blob known to import nothing has nothing to look up.
      if (f.blob !== undefined && this.knownImports(f.blob)?.length === 0) return { blob: f.blob, closure: null };
      const key = keyOf(f);
      const known = this.closures.get(key) ?? fromSummary(this.cache?.get(key));
      if (known) this.closures.set(key, known);
      return known;
    });
    const pending = files.map((_, i) => i).filter((i) => results[i] === undefined);
    if (pending.length === 0) return results as ClosureAt[];
    // The blobs not given, from each commit's tree.
    const unknown = pending.filter((i) => files[i]!.blob === undefined);
    if (unknown.length > 0) await store.readRoots([...new Set(unknown.map((i) => files[i]!.commit))]);
    const looked = await readUntilDone(store, unknown.map((i) => () => this.hostAt(files[i]!.commit).blobOf(this.pathOf(files[i]!.repoPath))));
    const blobs = new Map<number, string | null>(pending.map((i) => [i, files[i]!.blob ?? null]));
    unknown.forEach((i, k) => blobs.set(i, looked[k] ?? null));
    const present = pending.filter((i) => blobs.get(i) !== null);
    const read = (blob: string) => (): ReadResult => {
      const text = store.blob(blob);
      if (!text) throw new ObjectsNeeded([], [blob]);
      return text;
    };
    const imports = await readUntilDone(store, present.map((i) => () => this.importsOf(blobs.get(i)!, read(blobs.get(i)!))));
    const importing = present.filter((_, k) => imports[k]!.length > 0);
    await store.readRoots([...new Set(importing.map((i) => files[i]!.commit))]);
    const found = await readUntilDone(store, importing.map((i) => () => this.closure(this.hostAt(files[i]!.commit), this.pathOf(files[i]!.repoPath), blobs.get(i)!)));
    const closureOf = new Map(importing.map((i, k) => [i, found[k]!]));
    for (const i of pending) {
      const result: ClosureAt = { blob: blobs.get(i)!, closure: closureOf.get(i) ?? null };
      const key = keyOf(files[i]!);
      this.closures.set(key, result);
      // On disk where it saves reading trees: a file that imports, or one whose blob was looked up
      // (whether a file imports nothing is known from its blob's own entry).
      if (result.closure || files[i]!.blob === undefined) this.cache?.set(key, toSummary(result));
      results[i] = result;
    }
    return results as ClosureAt[];
  }

  /** The root a file's imports are checked against, as a closure's key holds it: relative to the work tree's top. */
  private rootKey(file: string): string {
    const root = this.rootFor(file);
    return nodePath.relative(this.top ?? root.path, nodePath.resolve(root.path)).split(nodePath.sep).join('/');
  }

  /** A work-tree path as a path in the repository (with `/`), or null outside the work tree. */
  repoPathOf(file: string): string | null {
    if (!this.top) return null;
    const relative = nodePath.relative(this.top, file);
    if (relative === '' || nodePath.isAbsolute(relative) || relative === '..' || relative.startsWith(`..${nodePath.sep}`)) return null;
    return relative.split(nodePath.sep).join('/');
  }

  /** A committed file's text (read in a batch with others when not read yet). */
  async textsOf(blobs: readonly string[]): Promise<ReadResult[]> {
    const store = this.store;
    if (!store) throw new GitError('failed', 'not in a repository');
    return readUntilDone(store, blobs.map((b) => () => {
      const text = store.blob(b);
      if (!text) throw new ObjectsNeeded([], [b]);
      return text;
    }));
  }

  /** Each committed file analysed with its imports read from its own commit's tree. */
  async modelsAt(files: readonly (CommittedFile & { text: string })[]): Promise<(ModelFile | UnreadableFile)[]> {
    const store = this.store;
    if (!store) throw new GitError('failed', 'not in a repository');
    await store.readRoots([...new Set(files.map((f) => f.commit))]);
    // The texts of every file the imports reach, read first in a few batches: the import graph
    // asks for one file at a time, so without them it would take a round of reading per file.
    const closures = await this.closuresAt(files);
    const blobs = await readUntilDone(store, files.map((f, i) => () => {
      const needed = new NeededObjects();
      const host = this.hostAt(f.commit);
      const ids = (closures[i]!.closure?.files ?? []).map((p) => needed.attempt(() => host.blobOf(this.pathOf(p))));
      needed.check();
      return ids.filter((id): id is string => id !== undefined);
    }));
    await store.read([], blobs.flat());
    return readUntilDone(store, files.map((f) => () => {
      const file = this.pathOf(f.repoPath);
      const graph = new ImportGraph(this.hostAt(f.commit), this.rootFor(file));
      return graph.file(file, { text: f.text, document: this.document(f.blob, f.text) });
    }));
  }

  /** The digest of the working copy's imports, read from the disk ('' when it imports nothing). */
  workingKey(file: string, text: string): string {
    const host = this.workingHost(file, text);
    const real = host.realpath(nodePath.resolve(file)) ?? nodePath.resolve(file);
    const id = host.blobOf(real)!;
    if (this.importsOf(id, () => ({ text })).length === 0) return '';
    return this.closure(host, real, id).digest;
  }

  /** The working copy analysed with its imports read from the disk. */
  workingModel(file: string, text: string): ModelFile | UnreadableFile {
    const host = this.workingHost(file, text);
    const absolute = nodePath.resolve(file);
    const real = host.realpath(absolute) ?? absolute;
    const graph = new ImportGraph(host, this.rootFor(file));
    return graph.file(real, { text, document: this.document(host.blobOf(real)!, text) });
  }

  /** The disk, with the working copy's text as given and every file named by the id git would give it. */
  private workingHost(file: string, text: string): TreeImportHost {
    const absolute = nodePath.resolve(file);
    const real = diskImportHost.realpath(absolute) ?? absolute;
    const host = overlayHost(diskImportHost, (p) => (p === real ? text : undefined));
    return {
      ...host,
      blobOf: (p) => {
        if (p === real) return blobId(Buffer.from(text, 'utf8'), this.hashLength);
        try {
          if (fs.statSync(p).size > MAX_IMPORT_BYTES) return undefined;
          return blobId(fs.readFileSync(p), this.hashLength);
        } catch {
          return undefined;
        }
      },
    };
  }

  /**
   * What the imports of the file at `file` (blob `blob`) resolve to through `host`: as a digest,
   * and the files they reach in the repository (an import that finds no file counts the path it
   * names: a file added there is a change of what it reads).
   */
  private closure(host: TreeImportHost, file: string, blob: string): ImportClosure {
    const root = this.rootFor(file);
    const base = this.top ?? root.path;
    const shown = (p: string) => nodePath.relative(base, p).split(nodePath.sep).join('/');
    const parts = [`root=${shown(nodePath.resolve(root.path))}`];
    const seen = new Set<string>([file]);
    const reached: string[] = [];
    const reach = (p: string) => {
      const inRepository = this.repoPathOf(p);
      if (inRepository !== null) reached.push(inRepository);
    };
    const queue: { path: string; blob: string }[] = [{ path: file, blob }];
    // Objects not read yet are gathered over the whole walk and asked for at once, so a file with
    // a thousand imports takes a round of reading per level of imports, not one per file.
    const needed = new NeededObjects();
    for (let k = 0; k < queue.length; k++) {
      const { path, blob: id } = queue[k]!;
      parts.push(`${shown(path)}=${id}`);
      const imports = needed.attempt(() => this.importsOf(id, () => host.read(path))) ?? [];
      for (const written of imports) {
        const target = needed.attempt(() => importTarget(path, written, root, host));
        if (!target) continue;
        if (!target.ok) {
          parts.push(`${shown(path)}>${written}=${target.code}`);
          // A file added there later is a change of what this import reads.
          if (target.path !== undefined && !seen.has(target.path)) {
            seen.add(target.path);
            reach(target.path);
          }
          continue;
        }
        if (seen.has(target.path)) continue;
        seen.add(target.path);
        reach(target.path);
        const next = host.blobOf(target.path);
        if (next === undefined) parts.push(`${shown(path)}>${written}=unreadable`);
        else queue.push({ path: target.path, blob: next });
      }
    }
    needed.check();
    return { digest: createHash('sha256').update(parts.sort().join('\n')).digest('hex').slice(0, 24), files: reached };
  }
}

/** Objects a synchronous walk over a tree host needed, gathered so that the walk can go on past them. */
class NeededObjects {
  private readonly trees = new Set<string>();
  private readonly blobs = new Set<string>();

  /** The result of `f`, or undefined when it needs objects not read yet (kept for check). */
  attempt<T>(f: () => T): T | undefined {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof ObjectsNeeded)) throw e;
      for (const t of e.trees) this.trees.add(t);
      for (const b of e.blobs) this.blobs.add(b);
      return undefined;
    }
  }

  /** Throws ObjectsNeeded with every object gathered, if any. */
  check(): void {
    if (this.trees.size > 0 || this.blobs.size > 0) throw new ObjectsNeeded([...this.trees], [...this.blobs]);
  }
}

/** What a version's imports reach: their digest (part of its cache key) and the files, as paths in the repository (with `/`). */
export interface ImportClosure {
  digest: string;
  files: string[];
}

/** A file at a commit, its blob given when known. */
export interface FileAt {
  commit: string;
  repoPath: string;
  blob?: string;
}

/** The file's blob at the commit (null: no file there), and what its imports reach (null: it imports nothing). */
export interface ClosureAt {
  blob: string | null;
  closure: ImportClosure | null;
}

/** The cache's key of what a file's imports reach at a commit. */
function closureKey(commit: string, repoPath: string, root: string): string {
  return `${commit}|${repoPath}|closure|root=${root}`;
}

function toSummary(c: ClosureAt): VersionSummary {
  return { errors: 0, outcomes: null, closure: { blob: c.blob, digest: c.closure?.digest ?? null, files: c.closure?.files ?? [] } };
}

function fromSummary(s: VersionSummary | undefined): ClosureAt | undefined {
  if (!s?.closure) return undefined;
  const { blob, digest, files } = s.closure;
  return { blob, closure: digest === null ? null : { digest, files } };
}

/** The cache's key of what a blob imports. */
export function importsKey(blob: string): string {
  return `${blob}|imports`;
}

function realFolder(folder: string): string {
  try {
    return fs.realpathSync(folder);
  } catch {
    return folder;
  }
}
