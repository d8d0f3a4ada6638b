// Where drafts in prose may read from, and which files are drafts by the setting: the workspace
// folders bound every model path a draft names (a model outside them is never read, whatever the
// draft says), and the globs of `scenario.prose.files` are matched against a file's path relative
// to its folder, as VS Code's own file globs are. Path arithmetic only; no file access.
import { relative, resolve, sep } from 'node:path';
import { isInsideFolder } from '../model/imports/paths';
import { fileURLToPath } from 'node:url';

/** The path of a `file:` URI; null for any other scheme (untitled, virtual workspaces) or a bad URI. */
export function fileOfUri(uri: string): string | null {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}

/** True when `file` is `folder` or lies below it (lexically: `..` never escapes): the one test imports use too. */
export const isInside = isInsideFolder;

export class WorkspaceFolders {
  /** Deepest first, so the folder of a file in nested folders is the nearest one. */
  private roots: string[] = [];

  set(paths: readonly string[]): void {
    this.roots = [...new Set(paths.map((p) => resolve(p)))].sort((a, b) => b.length - a.length);
  }

  change(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed.map((p) => resolve(p)));
    this.set([...this.roots.filter((r) => !gone.has(r)), ...added]);
  }

  /** Every workspace folder. */
  all(): string[] {
    return [...this.roots];
  }

  /** The workspace folder holding `file`, or null when it is in none. */
  folderOf(file: string): string | null {
    return this.roots.find((root) => isInside(root, file)) ?? null;
  }
}

/**
 * A glob as a regular expression over a relative path with `/` separators: `**` any number of
 * folders, `*` and `?` within one name, `{a,b}` alternatives, `[abc]` / `[!abc]` a character.
 * `*.md` matches at the top of the folder only (`**\/*.md` anywhere), as in `files.exclude`.
 */
export function globToRegExp(glob: string): RegExp {
  const g = glob.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
  let out = '';
  let braces = 0;
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*' && g[i + 1] === '*') {
      const before = i === 0 || g[i - 1] === '/';
      const after = i + 2 === g.length || g[i + 2] === '/';
      if (before && after) {
        // `**/` is any folders (none too); a final `**` is anything below.
        if (i + 2 === g.length) out += '.*';
        else {
          out += '(?:[^/]*/)*';
          i++;
        }
        i++;
        continue;
      }
      out += '[^/]*';
      i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else if (c === '[') {
      const close = g.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = g.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else out += c.replace(/[.+^$()|[\]\\/{}]/g, '\\$&');
  }
  out += ')'.repeat(braces);
  return new RegExp(`^${out}$`, 'u');
}

/** Compiled globs; a glob that does not compile matches nothing. */
export function compileGlobs(globs: readonly string[]): RegExp[] {
  const out: RegExp[] = [];
  for (const glob of globs) {
    try {
      out.push(globToRegExp(glob));
    } catch {
      // an unbalanced class or the like: ignored, like any other bad setting
    }
  }
  return out;
}

/** True when `file`, relative to `folder`, matches one of the globs. */
export function matchesGlobs(folder: string, file: string, globs: readonly RegExp[]): boolean {
  if (globs.length === 0 || !isInside(folder, file)) return false;
  const rel = relative(folder, file).split(sep).join('/');
  return globs.some((g) => g.test(rel));
}
