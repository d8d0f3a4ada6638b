// Committed trees for imports (model/imports/treeHost.ts): the trees and blobs of a repository,
// read from git in batches (git.ts readObjects: two `cat-file` calls for any number of objects)
// and kept by object id, which never changes what it names, so every version that shares a
// folder or a library reads it once. `readUntilDone` runs a synchronous piece of work (an
// import graph over a tree host) again and again, reading between runs every object the last
// run of each piece asked for, until none is missing.
import { LruCache } from './cache';
import { GitError, parseTree, readObjects, type Repository } from './git';
import { blobText } from './git';
import type { ReadResult } from '../model/imports/host';
import { ObjectsNeeded, type TreeEntry, type TreeEntryKind, type TreeSource } from '../model/imports/treeHost';

/** Trees and blobs kept in memory at most (small objects: a library's few KB, a folder's entries). */
const TREE_CAPACITY = 20_000;
const BLOB_CAPACITY = 5_000;
/** Rounds of reading at most: each one is a level of folders or imports deeper. */
export const MAX_READ_ROUNDS = 200;

function kindOf(mode: string): TreeEntryKind {
  if (mode === '40000' || mode === '040000') return 'directory';
  if (mode === '120000') return 'link';
  if (mode.startsWith('100')) return 'file';
  return 'other';
}

export class GitObjectStore implements TreeSource {
  private readonly trees = new LruCache<ReadonlyMap<string, TreeEntry>>(TREE_CAPACITY);
  private readonly blobs = new LruCache<ReadResult>(BLOB_CAPACITY);
  private readonly roots = new Map<string, string>();
  /** Objects read from git, for the benchmark and the tests. */
  reads = 0;

  constructor(readonly repo: Repository) {}

  tree(id: string): ReadonlyMap<string, TreeEntry> | undefined {
    return this.trees.get(id);
  }

  blob(id: string): ReadResult | undefined {
    return this.blobs.get(id);
  }

  /** A blob whose text was read elsewhere (a version's own text, from the history's batch). */
  addBlob(id: string, text: string): void {
    this.blobs.set(id, { text });
  }

  /** The root tree of a commit, once `readRoots` read it. */
  rootOf(commit: string): string | undefined {
    return this.roots.get(commit);
  }

  /** The root trees of commits (and the trees themselves), in one read. */
  async readRoots(commits: readonly string[]): Promise<void> {
    const wanted = commits.filter((c) => !this.roots.has(c));
    if (wanted.length === 0) return;
    const objects = await readObjects(this.repo, wanted.map((c) => `${c}^{tree}`));
    for (const commit of wanted) {
      const object = objects.get(`${commit}^{tree}`);
      if (!object) throw new GitError('bad-revision', `commit ${commit.slice(0, 12)} has no tree`);
      this.roots.set(commit, object.id);
      this.keep(object.id, object);
    }
  }

  /** Reads the objects asked for. */
  async read(trees: Iterable<string>, blobs: Iterable<string>): Promise<void> {
    const ids = [...new Set([...trees, ...blobs])].filter((id) => !this.trees.get(id) && !this.blobs.get(id));
    if (ids.length === 0) return;
    const objects = await readObjects(this.repo, ids);
    for (const id of ids) {
      const object = objects.get(id);
      this.reads++;
      if (!object) this.blobs.set(id, { problem: `object ${id.slice(0, 12)} is missing from the repository` });
      else this.keep(id, object);
    }
  }

  private keep(id: string, object: { type: string; bytes?: Buffer; problem?: GitError }): void {
    if (object.type === 'tree') {
      const entries = new Map<string, TreeEntry>();
      for (const e of object.bytes ? parseTree(object.bytes, this.repo.hashLength) : []) {
        entries.set(e.name, { kind: kindOf(e.mode), id: e.id });
      }
      this.trees.set(id, entries);
      return;
    }
    if (object.problem || !object.bytes) {
      this.blobs.set(id, { problem: object.problem?.message ?? 'it could not be read' });
      return;
    }
    try {
      this.blobs.set(id, { text: blobText(object.bytes, id) });
    } catch (e) {
      this.blobs.set(id, { problem: (e as Error).message });
    }
  }
}

/**
 * Runs each piece of work until it no longer needs an object the store has not read, reading
 * what all of them need between rounds; the results in order.
 */
export async function readUntilDone<T>(store: GitObjectStore, work: readonly (() => T)[]): Promise<T[]> {
  const results = new Array<T>(work.length);
  let pending = work.map((_, i) => i);
  for (let round = 0; pending.length > 0; round++) {
    if (round >= MAX_READ_ROUNDS) {
      throw new GitError('failed', `the imports lead more than ${MAX_READ_ROUNDS} folders or files deep`);
    }
    const trees = new Set<string>();
    const blobs = new Set<string>();
    const again: number[] = [];
    for (const i of pending) {
      try {
        results[i] = work[i]!();
      } catch (e) {
        if (!(e instanceof ObjectsNeeded)) throw e;
        for (const t of e.trees) trees.add(t);
        for (const b of e.blobs) blobs.add(b);
        again.push(i);
      }
    }
    if (again.length > 0) await store.read(trees, blobs);
    pending = again;
  }
  return results;
}
