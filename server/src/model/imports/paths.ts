// Where an `import "…"` leads (LANGUAGE.md, Imports): a path relative to the importing file that
// ends in `.scenario` and never leaves the root, symbolic links resolved and checked against it.
// What is wrong is `import-path` (how it is written, or where it leads) or `import-not-found`
// (nothing readable there), in words that say how to fix it.
import * as nodePath from 'node:path';
import type { ImportHost, ImportRoot } from './host';

export type ImportTarget =
  | { ok: true; path: string }
  | { ok: false; code: 'import-path' | 'import-not-found'; message: string; path?: string };

/** The extension every imported file has. */
export const SCENARIO_EXTENSION = '.scenario';

const EXAMPLE = '"lib/factors.scenario"';

/** `scheme:` of a URL (two letters at least, so that `C:` reads as a drive). */
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]+:/;
const DRIVE = /^[A-Za-z]:/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** What is wrong with a path as written, before any file is looked at; null when nothing is. */
export function writtenPathProblem(written: string): string | null {
  const shown = quotePath(written);
  if (written.trim() === '') return `An import needs a path: write the file's path relative to this file, such as ${EXAMPLE}.`;
  if (CONTROL.test(written)) return `The path ${shown} holds a control character: write the file's path relative to this file, such as ${EXAMPLE}.`;
  if (URL_SCHEME.test(written)) {
    return `${shown} is a URL: imports read files inside the folder tree only. Copy the file into it and import it by its ` +
      `path relative to this file, such as ${EXAMPLE}.`;
  }
  if (written.startsWith('/') || written.startsWith('\\') || DRIVE.test(written)) {
    return `${shown} is an absolute path: write it relative to this file, such as ${EXAMPLE}, so the files can move together.`;
  }
  if (written.includes('\\')) return `${shown} has a backslash: separate folders with '/', as in ${EXAMPLE}, on every system.`;
  if (!written.endsWith(SCENARIO_EXTENSION)) {
    return `${shown} does not end in ${SCENARIO_EXTENSION}: only .scenario files can be imported.`;
  }
  return null;
}

/** True when `inner` is `outer` or lies below it, lexically (`..` never escapes; a name such as `..x` is inside). */
export function isInsideFolder(outer: string, inner: string): boolean {
  const relative = nodePath.relative(outer, inner);
  return relative === '' || (!nodePath.isAbsolute(relative) && relative !== '..' && !relative.startsWith(`..${nodePath.sep}`));
}

/**
 * Where `import "written"` in the file at `from` (a real path) leads, or why it leads nowhere. The
 * root is given as written and resolved here; the target is checked against it before and after
 * its symbolic links are resolved.
 */
export function importTarget(from: string, written: string, root: ImportRoot, host: ImportHost): ImportTarget {
  const problem = writtenPathProblem(written);
  if (problem) return { ok: false, code: 'import-path', message: problem };
  const rootPath = nodePath.resolve(root.path);
  const realRoot = host.realpath(rootPath) ?? rootPath;
  const shown = quotePath(written);
  if (!isInsideFolder(realRoot, from)) {
    return {
      ok: false, code: 'import-path',
      message: `This file is outside ${root.name} (${realRoot}), so it cannot import: imports stay inside that folder. ` +
        'Move the file into it, or choose a folder that holds both.',
    };
  }
  const lexical = nodePath.resolve(nodePath.dirname(from), written);
  if (!isInsideFolder(realRoot, lexical)) {
    return { ok: false, code: 'import-path', message: `${shown} leads outside ${root.name} (${realRoot}): imports stay inside it.` };
  }
  const real = host.realpath(lexical);
  if (real === undefined) {
    return {
      ok: false, code: 'import-not-found', path: lexical,
      message: `${shown} does not exist: no file ${nodePath.relative(realRoot, lexical).split(nodePath.sep).join('/')} in ` +
        `${root.name}. Check the path, which is relative to this file.`,
    };
  }
  if (!isInsideFolder(realRoot, real)) {
    return {
      ok: false, code: 'import-path', path: real,
      message: `${shown} is a symbolic link to a file outside ${root.name} (${realRoot}): imports stay inside it.`,
    };
  }
  const kind = host.kind(real);
  if (kind === 'directory') {
    return { ok: false, code: 'import-path', path: real, message: `${shown} is a folder: import a .scenario file inside it.` };
  }
  if (kind !== 'file') {
    return { ok: false, code: 'import-not-found', path: real, message: `${shown} is not a file that can be read.` };
  }
  return { ok: true, path: real };
}

/** A path as messages quote it: in double quotes, cut when very long. */
export function quotePath(written: string): string {
  return `"${written.length > 120 ? `${written.slice(0, 117)}…` : written}"`;
}

/** How a file is shown to another (messages, `origin`): its path relative to that file's folder, with `/`. */
export function shownFrom(from: string, file: string): string {
  return nodePath.relative(nodePath.dirname(from), file).split(nodePath.sep).join('/');
}
