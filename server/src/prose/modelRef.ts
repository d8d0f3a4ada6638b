// Which model a draft names: front matter `scenario: path.scenario`, or a comment
// `<!-- scenario: path.scenario -->`, in its first lines (LANGUAGE.md, "Drafts in prose"). Pure.

export interface ModelReference {
  /** The path as written (relative to the draft's folder). */
  path: string;
  /** Offsets of the path in the text. */
  start: number;
  end: number;
  /** Why the path cannot be used (absolute, a URL, not `.scenario`), or null. */
  problem: string | null;
}

/** How far into a draft its model may be named: its first lines. */
const HEAD_LINES = 30;
const HEAD_CHARS = 4_000;

export function modelReference(text: string): ModelReference | null {
  const head = text.slice(0, HEAD_CHARS).split('\n').slice(0, HEAD_LINES).join('\n');
  const front = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(head);
  let found: { path: string; start: number } | null = null;
  if (front) {
    const line = /^scenario[ \t]*:[ \t]*(["']?)([^\r\n"']+?)\1[ \t]*$/m.exec(front[1]!);
    if (line) found = { path: line[2]!, start: front.index + front[0].indexOf(front[1]!) + line.index + line[0].indexOf(line[2]!) };
  }
  if (!found) {
    const comment = /<!--[ \t]*scenario[ \t]*:[ \t]*([^\r\n]+?)[ \t]*-->/.exec(head);
    if (comment) found = { path: comment[1]!, start: comment.index + comment[0].indexOf(comment[1]!) };
  }
  if (!found) return null;
  return { path: found.path, start: found.start, end: found.start + found.path.length, problem: pathProblem(found.path) };
}

export function pathProblem(path: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) return 'a model is named by a relative path, not a URL';
  if (path.startsWith('/') || path.startsWith('\\') || /^[a-z]:[\\/]/i.test(path)) return 'a model is named by a path relative to the draft, not an absolute path';
  if (!path.endsWith('.scenario')) return 'the model must be a .scenario file';
  return null;
}
