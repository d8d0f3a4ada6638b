// What completion of an import's path reads of the disk (features/importPaths.ts): the .scenario
// files and folders of one folder, each with its real path (symbolic links resolved, so that the
// feature can leave out those that lead outside the root). Bounded: at most MAX_LISTED entries of
// a folder are looked at, so a huge folder costs no more than a small one.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { ImportPathSource, PathEntry } from '../features/importPaths';
import { SCENARIO_EXTENSION } from '../model/imports/paths';

/** The most entries of one folder read for completion. */
export const MAX_LISTED = 2_000;

/** The .scenario files and folders of `folder`, sorted by name; none when it cannot be read. */
export function listImportFolder(folder: string): PathEntry[] {
  const out: PathEntry[] = [];
  let dir: fs.Dir;
  try {
    dir = fs.opendirSync(folder);
  } catch {
    return out;
  }
  // Entries other than links are where their folder really is.
  const real = realpath(folder) ?? folder;
  try {
    for (let n = 0; n < MAX_LISTED; n++) {
      const entry = dir.readSync();
      if (!entry) break;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') out.push({ name: entry.name, kind: 'directory', real: nodePath.join(real, entry.name) });
      } else if (entry.isFile()) {
        if (entry.name.endsWith(SCENARIO_EXTENSION)) out.push({ name: entry.name, kind: 'file', real: nodePath.join(real, entry.name) });
      } else if (entry.isSymbolicLink()) {
        const target = realpath(nodePath.join(folder, entry.name));
        const kind = target === undefined ? undefined : kindOf(target);
        if (kind === 'directory' || (kind === 'file' && entry.name.endsWith(SCENARIO_EXTENSION))) out.push({ name: entry.name, kind, real: target });
      }
    }
  } catch {
    // a folder that went away while it was read: what was read is offered
  } finally {
    try {
      dir.closeSync();
    } catch {
      // closed already
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The source for a document's file, inside its root (both real paths). */
export function importPathSource(file: string, root: string): ImportPathSource {
  return { file: realpath(file) ?? file, root: realpath(root) ?? root, list: listImportFolder };
}

function realpath(path: string): string | undefined {
  try {
    return fs.realpathSync(path);
  } catch {
    return undefined;
  }
}

function kindOf(path: string): 'file' | 'directory' | undefined {
  try {
    const stat = fs.statSync(path);
    return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}
