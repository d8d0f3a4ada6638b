// How imports reach files: an injected, pure interface, so the command line (the disk) and the
// language server (open editors first, then the disk) resolve imports with the same code, and the
// tests with files in memory. Paths are the platform's absolute paths.

export type FileKind = 'file' | 'directory' | 'other';

/** A file's text, or why it cannot be read ("permission denied", "larger than 1 million characters"). */
export type ReadResult = { text: string } | { problem: string };

export interface ImportHost {
  /** The path with every symbolic link resolved, or undefined when nothing is there. */
  realpath(path: string): string | undefined;
  /** What is at a path (links followed), or undefined when nothing is. */
  kind(path: string): FileKind | undefined;
  /** The text of a file: an open editor's, else the disk's. */
  read(path: string): ReadResult;
}

export interface ImportRoot {
  /** The folder no import may leave (the workspace folder, or `--root`). */
  path: string;
  /** How messages name it: "the workspace folder", "the --root folder". */
  name: string;
}

/**
 * A host that reads some files from elsewhere first (open editors in the language server, a text
 * the command line was given), by real path, and everything else from `base`. A file that is only
 * there (an unsaved editor) is its own real path.
 */
export function overlayHost(base: ImportHost, textOf: (path: string) => string | undefined): ImportHost {
  return {
    realpath: (path) => base.realpath(path) ?? (textOf(path) !== undefined ? path : undefined),
    kind: (path) => (textOf(path) !== undefined ? 'file' : base.kind(path)),
    read: (path) => {
      const text = textOf(path);
      return text !== undefined ? { text } : base.read(path);
    },
  };
}
