// The ImportHost of the file system (the command line; the language server puts open editors in
// front of it). A file is bounded before it is read, by its size on disk.
import * as fs from 'node:fs';
import { MAX_DOCUMENT_CHARS } from '../../syntax/assemble';
import type { FileKind, ImportHost, ReadResult } from './host';

/** UTF-8 takes at most 3 bytes per UTF-16 unit: a larger file is over the parser's limit for sure. */
export const MAX_IMPORT_BYTES = 3 * MAX_DOCUMENT_CHARS;

export const diskImportHost: ImportHost = {
  realpath(path: string): string | undefined {
    try {
      return fs.realpathSync(path);
    } catch {
      return undefined;
    }
  },
  kind(path: string): FileKind | undefined {
    try {
      const stat = fs.statSync(path);
      return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
    } catch {
      return undefined;
    }
  },
  read(path: string): ReadResult {
    try {
      const size = fs.statSync(path).size;
      if (size > MAX_IMPORT_BYTES) return { problem: `it is ${Math.ceil(size / 1_000_000)} MB, larger than a file can be checked` };
      return { text: fs.readFileSync(path, 'utf8') };
    } catch (e) {
      return { problem: readProblem(e) };
    }
  },
};

function readProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EISDIR') return 'it is a folder';
  return (e as Error).message;
}
