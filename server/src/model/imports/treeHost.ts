// The ImportHost of a committed tree: a version of a file at a revision reads its imports from the
// same revision (the library as it was committed then), not from the disk. Pure: the trees and
// blobs come from a TreeSource (history/gitTree.ts reads them from git, in batches), and a host
// that needs an object the source has not read yet throws ObjectsNeeded, so the caller reads them
// all in one go and asks again. Paths are the platform's absolute paths of the work tree, so
// messages, `--root` and `origin` read as they do for the files on disk; symbolic links in the
// tree are followed as the file system would (at most 40), and one that leads out of the work
// tree resolves to a path outside it, which the import's root check refuses.
import * as nodePath from 'node:path';
import type { FileKind, ImportHost, ReadResult } from './host';

export type TreeEntryKind = 'file' | 'directory' | 'link' | 'other';

export interface TreeEntry {
  kind: TreeEntryKind;
  /** The object id: a blob (a file's text, a link's target), a tree, or a commit (a submodule). */
  id: string;
}

export interface TreeSource {
  /** A tree's entries by name; undefined when not read yet. */
  tree(id: string): ReadonlyMap<string, TreeEntry> | undefined;
  /** A blob's text, or why it cannot be read; undefined when not read yet. */
  blob(id: string): ReadResult | undefined;
}

/** Thrown by a tree host that needs objects its source has not read: read them, then ask again. */
export class ObjectsNeeded extends Error {
  constructor(readonly trees: readonly string[], readonly blobs: readonly string[]) {
    super(`objects not read yet: ${[...trees, ...blobs].join(', ')}`);
    this.name = 'ObjectsNeeded';
  }
}

/** An ImportHost that also names the blob of each file (what a version's cache key is made of). */
export interface TreeImportHost extends ImportHost {
  /** The blob id of the file at `path` (links followed), or undefined when no file is there. */
  blobOf(path: string): string | undefined;
}

/** Links followed in one lookup at most (as Linux's ELOOP). */
const MAX_LINKS = 40;

type Found = { parts: string[]; entry: TreeEntry } | { outside: string } | undefined;

/**
 * The host of the tree `rootTree`, checked out at `top` (the work tree's top folder, a real path).
 */
export function treeImportHost(top: string, rootTree: string, source: TreeSource): TreeImportHost {
  const rootEntry: TreeEntry = { kind: 'directory', id: rootTree };
  const entries = (id: string): ReadonlyMap<string, TreeEntry> => {
    const tree = source.tree(id);
    if (!tree) throw new ObjectsNeeded([id], []);
    return tree;
  };
  const text = (id: string): ReadResult => {
    const read = source.blob(id);
    if (!read) throw new ObjectsNeeded([], [id]);
    return read;
  };
  /** The entry at `parts` (no links among them), from the top. */
  const walk = (parts: readonly string[]): TreeEntry | undefined => {
    let entry = rootEntry;
    for (const name of parts) {
      if (entry.kind !== 'directory') return undefined;
      const next = entries(entry.id).get(name);
      if (!next) return undefined;
      entry = next;
    }
    return entry;
  };
  const find = (path: string): Found => {
    const relative = nodePath.relative(top, nodePath.resolve(path));
    if (relative === '') return { parts: [], entry: rootEntry };
    if (nodePath.isAbsolute(relative) || relative === '..' || relative.startsWith(`..${nodePath.sep}`)) return undefined;
    const pending = relative.split(nodePath.sep);
    const parts: string[] = [];
    let entry: TreeEntry = rootEntry;
    let links = 0;
    while (pending.length > 0) {
      const name = pending.shift()!;
      if (name === '' || name === '.') continue;
      if (name === '..') {
        if (parts.length === 0) return { outside: nodePath.resolve(top, '..', ...pending) };
        parts.pop();
        entry = walk(parts)!;
        continue;
      }
      if (entry.kind !== 'directory') return undefined;
      const next = entries(entry.id).get(name);
      if (!next) return undefined;
      if (next.kind === 'link') {
        if (++links > MAX_LINKS) return undefined;
        const target = text(next.id);
        if ('problem' in target) return undefined;
        if (target.text.startsWith('/')) return { outside: nodePath.resolve(target.text, ...pending) };
        pending.unshift(...target.text.split('/'));
        continue;
      }
      parts.push(name);
      entry = next;
    }
    return { parts, entry };
  };
  const inside = (path: string): { parts: string[]; entry: TreeEntry } | undefined => {
    const found = find(path);
    return found && 'entry' in found ? found : undefined;
  };
  return {
    realpath(path) {
      const found = find(path);
      if (!found) return undefined;
      return 'outside' in found ? found.outside : nodePath.join(top, ...found.parts);
    },
    kind(path): FileKind | undefined {
      const found = inside(path);
      if (!found) return undefined;
      const { kind } = found.entry;
      return kind === 'file' ? 'file' : kind === 'directory' ? 'directory' : 'other';
    },
    read(path): ReadResult {
      const found = inside(path);
      if (!found) return { problem: 'it does not exist in this revision' };
      if (found.entry.kind === 'directory') return { problem: 'it is a folder' };
      if (found.entry.kind !== 'file') return { problem: 'it is not a file' };
      return text(found.entry.id);
    },
    blobOf(path) {
      const found = inside(path);
      return found?.entry.kind === 'file' ? found.entry.id : undefined;
    },
  };
}
