// Helpers for the import tests: real files in a temporary folder, and the graph over them.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ImportGraph, type ModelFile, type UnreadableFile } from '../../server/src/analysis/importGraph';
import { diskImportHost } from '../../server/src/model/imports/diskHost';
import type { Diagnostic } from '../../server/src/model/diagnostics';

export interface Workspace {
  /** The folder (real path: the temporary folder may sit behind a link). */
  root: string;
  /** Writes files (paths relative to the root, folders made as needed). */
  write(files: Record<string, string>): void;
  path(relative: string): string;
  graph(root?: string): ImportGraph;
  remove(): void;
}

export function workspace(prefix = 'scenario-imports-'): Workspace {
  const outer = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  const root = join(outer, 'root');
  mkdirSync(root);
  return {
    root,
    write(files) {
      for (const [relative, text] of Object.entries(files)) {
        const path = join(root, relative);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
      }
    },
    path: (relative) => join(root, relative),
    graph: (r = root) => new ImportGraph(diskImportHost, { path: r, name: 'the --root folder' }),
    remove: () => rmSync(outer, { recursive: true, force: true }),
  };
}

export function analysed(file: ModelFile | UnreadableFile): ModelFile {
  if (!('analysis' in file)) throw new Error(`${file.path}: ${file.problem}`);
  return file;
}

/** `code line:column message` of each diagnostic (1-based), as a reader would list them; hints left out with `withHints` false. */
export function listed(file: ModelFile, withHints = true): string[] {
  return file.analysis.diagnostics.filter((d) => withHints || d.severity !== 'hint').map((d: Diagnostic) => {
    const before = file.text.slice(0, d.span.start);
    const line = before.split('\n').length;
    const column = d.span.start - before.lastIndexOf('\n');
    return `${d.code} ${line}:${column} ${d.message}`;
  });
}

export const factor = (name: string, p = 'likely') => `factor ${name} {\n  probability ${p}\n}\n`;
export const outcome = (name: string, ...drivers: string[]) =>
  `outcome ${name} {\n  base 20%\n${drivers.map((d) => `  ${d} raises moderately\n`).join('')}}\n`;
