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
import { LruCache, type VersionCache } from './cache';
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
    const known = this.written.get(blob) ?? this.cache?.get(importsKey(blob))?.imports;
    if (known) {
      this.written.set(blob, known);
      return known;
    }
    const text = read();
    // A text without the keyword imports nothing: no need to parse it (its analysis will).
    const imports = 'problem' in text || !/\bimport\b/.test(text.text) ? [] : writtenImports(this.document(blob, text.text));
    this.written.set(blob, imports);
    this.cache?.set(importsKey(blob), { errors: 0, outcomes: null, imports });
    return imports;
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
    const store = this.store;
    if (!store) return files.map(() => '');
    const read = (blob: string) => (): ReadResult => {
      const text = store.blob(blob);
      if (!text) throw new ObjectsNeeded([], [blob]);
      return text;
    };
    const imports = await readUntilDone(store, files.map((f) => () => this.importsOf(f.blob, read(f.blob))));
    const importing = files.filter((_, i) => imports[i]!.length > 0);
    await store.readRoots([...new Set(importing.map((f) => f.commit))]);
    const keys = await readUntilDone(store, importing.map((f) => () => this.digest(this.hostAt(f.commit), this.pathOf(f.repoPath), f.blob)));
    let k = 0;
    return imports.map((list) => (list.length > 0 ? keys[k++]! : ''));
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
    return this.digest(host, real, id);
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

  /** What the imports of the file at `file` (blob `blob`) resolve to through `host`, as a digest. */
  private digest(host: TreeImportHost, file: string, blob: string): string {
    const root = this.rootFor(file);
    const base = this.top ?? root.path;
    const shown = (p: string) => nodePath.relative(base, p).split(nodePath.sep).join('/');
    const parts = [`root=${shown(nodePath.resolve(root.path))}`];
    const seen = new Set<string>([file]);
    const queue: { path: string; blob: string }[] = [{ path: file, blob }];
    for (let k = 0; k < queue.length; k++) {
      const { path, blob: id } = queue[k]!;
      parts.push(`${shown(path)}=${id}`);
      for (const written of this.importsOf(id, () => host.read(path))) {
        const target = importTarget(path, written, root, host);
        if (!target.ok) {
          parts.push(`${shown(path)}>${written}=${target.code}`);
          continue;
        }
        if (seen.has(target.path)) continue;
        seen.add(target.path);
        const next = host.blobOf(target.path);
        if (next === undefined) parts.push(`${shown(path)}>${written}=unreadable`);
        else queue.push({ path: target.path, blob: next });
      }
    }
    return createHash('sha256').update(parts.sort().join('\n')).digest('hex').slice(0, 24);
  }
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
