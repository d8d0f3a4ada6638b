// How the command line reads imports (LANGUAGE.md, Imports): from the disk, inside the folder
// `--root` names (default: the current directory), with the files the command was given read as
// it read them. `check`, `forecast` and `report` share it.
import * as path from 'node:path';
import { ImportGraph } from '../analysis/importGraph';
import { diskImportHost } from '../model/imports/diskHost';
import { overlayHost } from '../model/imports/host';

/** How messages name the root on the command line. */
export const ROOT_NAME = 'the --root folder';

export interface CliImports {
  graph: ImportGraph;
  /** Gives the graph a file's text as the command read it; returns the path the graph knows it by. */
  add(file: string, text: string): string;
  /** A file the graph read, as the output names it: relative to the current directory when inside it. */
  display(real: string): string;
}

export function cliImports(root: string | undefined, today?: string): CliImports {
  const given = new Map<string, string>();
  const host = overlayHost(diskImportHost, (p) => given.get(p));
  const graph = new ImportGraph(host, { path: path.resolve(root ?? '.'), name: ROOT_NAME }, { today });
  return {
    graph,
    add(file, text) {
      const absolute = path.resolve(file);
      const real = diskImportHost.realpath(absolute) ?? absolute;
      given.set(real, text);
      return real;
    },
    display(real) {
      const relative = path.relative(process.cwd(), real);
      return relative.startsWith('..') || path.isAbsolute(relative) ? real : relative.split(path.sep).join('/');
    },
  };
}
