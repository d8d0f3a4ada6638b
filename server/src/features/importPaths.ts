// Completion inside an import's path (LANGUAGE.md, Imports): `import "lib/|"` offers the .scenario
// files and the folders of the folder typed so far, relative to this file, inside the root (the
// workspace folder) and never outside it, symbolic links judged by where they lead; not this file
// itself, nor a file another import of it reads already. Which declaration takes a path is the
// vocabulary's (a header 'path'). The folder's entries come from the server (a listing of the
// disk): this is path arithmetic on them only.
import * as nodePath from 'node:path';
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver';
import { DECLARATIONS } from '../syntax/vocabulary';
import { SCENARIO_EXTENSION, isInsideFolder, shownFrom, writtenPathProblem } from '../model/imports/paths';
import type { DocumentState } from './context';
import { isOpenString, lex, lineAround } from './lexer';

/** One entry of a folder: a .scenario file or a folder, with where it leads (links resolved). */
export interface PathEntry {
  name: string;
  kind: 'file' | 'directory';
  /** Its real path; undefined when it leads nowhere (a broken link). */
  real: string | undefined;
}

/** What path completion reads of the disk (server.ts gives it; tests give lists). */
export interface ImportPathSource {
  /** The document's file, its real path. */
  file: string;
  /** The folder no import may leave, its real path. */
  root: string;
  /** The .scenario files and folders in a folder (an absolute path); none when it cannot be read. */
  list(folder: string): readonly PathEntry[];
}

/** The keywords whose header is a path: `import`. */
const PATH_KEYWORDS = new Set<string>(DECLARATIONS.filter((d) => d.header === 'path').map((d) => d.keyword));

/** Where the cursor is in an import's path: the string's content so far, and where its segment ends. */
export interface PathAt {
  /** Offset of the string's first character after the opening quote. */
  contentStart: number;
  /** The end of the path segment at the cursor (the next `/`, the closing quote or the line's end). */
  segmentEnd: number;
  /** True when the string has no closing quote yet. */
  open: boolean;
  /** True when the cursor is after the keyword, before any quote (`import |`). */
  unquoted: boolean;
}

/** The import path at the cursor, or null when the cursor is in none. */
export function importPathAt(state: DocumentState, offset: number): PathAt | null {
  const line = lineAround(state.text, offset);
  const tokens = lex(state.text, line.start, line.end);
  const [keyword, path] = tokens;
  if (keyword?.kind !== 'word' || !PATH_KEYWORDS.has(keyword.text) || offset <= keyword.end) return null;
  if (!path) {
    // `import |`: nothing written after the keyword yet.
    return /^[ \t]+$/.test(state.text.slice(keyword.end, offset)) ? { contentStart: offset, segmentEnd: offset, open: true, unquoted: true } : null;
  }
  if (path.kind !== 'string') return null;
  const open = isOpenString(path.text);
  const contentEnd = open ? path.end : path.end - 1;
  if (offset <= path.start || offset > contentEnd) return null;
  let segmentEnd = offset;
  while (segmentEnd < contentEnd && state.text[segmentEnd] !== '/') segmentEnd++;
  return { contentStart: path.start + 1, segmentEnd, open, unquoted: false };
}

/** The completion items of the import path at the cursor (`at` from importPathAt). */
export function importPathItems(state: DocumentState, offset: number, at: PathAt, source: ImportPathSource): CompletionItem[] {
  const typed = state.text.slice(at.contentStart, offset);
  const slash = typed.lastIndexOf('/');
  const folderPart = typed.slice(0, slash + 1);
  const partial = typed.slice(slash + 1);
  // A folder part that is absolute, a URL or has a backslash leads nowhere an import may read.
  if (folderPart !== '' && writtenPathProblem(`${folderPart}x${SCENARIO_EXTENSION}`) !== null) return [];
  const folder = nodePath.resolve(nodePath.dirname(source.file), folderPart);
  if (!isInsideFolder(source.root, folder)) return [];
  const taken = importedFiles(state, offset);
  const range = {
    start: state.lines.positionAt(at.contentStart + folderPart.length),
    end: state.lines.positionAt(at.segmentEnd),
  };
  const quote = at.unquoted ? '"' : '';
  const close = at.open ? '"' : '';
  const items: CompletionItem[] = [];
  // Up a level, while that stays inside the root.
  if (folder !== source.root && partial.startsWith('.')) {
    items.push(folderItem('..', range, quote, '0'));
  }
  for (const entry of source.list(folder)) {
    if (entry.real === undefined || !isInsideFolder(source.root, entry.real)) continue;
    // Hidden entries only when a dot is typed.
    if (entry.name.startsWith('.') && !partial.startsWith('.')) continue;
    if (entry.kind === 'directory') {
      items.push(folderItem(entry.name, range, quote, '2'));
      continue;
    }
    if (!entry.name.endsWith(SCENARIO_EXTENSION) || entry.real === source.file || taken.has(entry.real)) continue;
    items.push({
      label: entry.name,
      kind: CompletionItemKind.File,
      detail: shownFrom(source.file, entry.real),
      filterText: `${quote}${entry.name}`,
      textEdit: { range, newText: `${quote}${entry.name}${close}` },
      sortText: `1${entry.name}`,
    });
  }
  return items;
}

/** A folder: its name and a slash, and completion asked again inside it. */
function folderItem(name: string, range: Range, quote: string, order: string): CompletionItem {
  return {
    label: `${name}/`,
    kind: CompletionItemKind.Folder,
    filterText: `${quote}${name}/`,
    textEdit: { range, newText: `${quote}${name}/` },
    sortText: `${order}${name}`,
    command: { title: 'Suggest', command: 'editor.action.triggerSuggest' },
  };
}

/** The real paths the document's other imports read (the one at the cursor is being edited). */
function importedFiles(state: DocumentState, offset: number): Set<string> {
  const out = new Set<string>();
  for (const { declaration, result } of state.imports?.imports ?? []) {
    const { span } = declaration.path;
    if (span.start < offset && offset <= span.end) continue;
    if (result.kind === 'file') out.add(result.library.path);
  }
  return out;
}
