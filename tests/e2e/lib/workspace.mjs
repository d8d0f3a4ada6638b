// Test workspaces: fresh copies of the samples (and fixtures), so a test never edits the repo.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { REPO, WORK } from './paths.mjs';

/** Copies repo-relative files into <work>/ws/<name>; returns the folder. */
export function makeWorkspace(name, files) {
  const dir = path.join(WORK, 'ws', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    const from = path.join(REPO, file);
    if (!existsSync(from)) throw new Error(`missing ${file} (needed by the e2e tests)`);
    cpSync(from, path.join(dir, path.basename(file)));
  }
  return dir;
}
