// Formatting: the canonical layout of a file, rebuilt from its syntax tree. One statement per line,
// single spaces, one blank line between declarations (consecutive imports stay together, as the
// analyst grouped them), and every comment kept: a comment on a line
// of its own stays before what follows it, a comment after code stays at the end of that line.
// A file with syntax errors is left alone: the tree does not hold what the analyst wrote there.
import type { FormattingOptions, TextEdit } from 'vscode-languageserver';
import type { Comment, Declaration, ProbabilityExpr, ScenarioDocument, Span, Statement, Strength } from '../syntax/ast';
import type { DocumentState } from './context';
import { lineBreakOf } from '../model/edits';
import { compactRange } from './text';

export function formatDocument(state: DocumentState, options: FormattingOptions): TextEdit[] {
  if (state.document.errors.length > 0) return [];
  const formatted = formatText(state.document, indentUnit(options), lineBreakOf(state.text));
  if (formatted === state.text) return [];
  // One edit over the stretch that changed, so the editor keeps the cursor and folds elsewhere.
  const old = state.text;
  let start = 0;
  while (start < old.length && start < formatted.length && old[start] === formatted[start]) start++;
  let oldEnd = old.length;
  let newEnd = formatted.length;
  while (oldEnd > start && newEnd > start && old[oldEnd - 1] === formatted[newEnd - 1]) {
    oldEnd--;
    newEnd--;
  }
  // Never split a \r\n pair or a surrogate pair.
  while (start > 0 && (isLowSurrogate(old.charCodeAt(start)) || (old[start] === '\n' && old[start - 1] === '\r'))) start--;
  return [{
    range: { start: state.lines.positionAt(start), end: state.lines.positionAt(oldEnd) },
    newText: formatted.slice(start, newEnd),
  }];
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function indentUnit(options: Pick<FormattingOptions, 'tabSize' | 'insertSpaces'>): string {
  if (options.insertSpaces === false) return '\t';
  const size = Number.isInteger(options.tabSize) && options.tabSize > 0 && options.tabSize <= 16 ? options.tabSize : 2;
  return ' '.repeat(size);
}

// ---- the layout ------------------------------------------------------------------------------

interface Item {
  /** The lines of the item, unindented. */
  lines: string[];
  /** Where it was in the original text (to keep a blank line before a comment). */
  start: number;
  end: number;
  isComment: boolean;
  isImport: boolean;
}

/** The canonical text of a document without syntax errors. */
export function formatText(doc: ScenarioDocument, indent: string, eol = '\n'): string {
  const text = doc.text;
  const comments = placeComments(doc);
  const items: Item[] = comments.topLevel.map((c) => ({
    lines: [c.text.trimEnd()], start: c.span.start, end: c.span.end, isComment: true, isImport: false,
  }));
  doc.declarations.forEach((decl, i) => {
    items.push({
      lines: declarationLines(text, decl, comments, i, indent), start: decl.span.start, end: decl.span.end,
      isComment: false, isImport: decl.kind === 'import',
    });
  });
  items.sort((a, b) => a.start - b.start);

  const out: string[] = [];
  items.forEach((item, i) => {
    const previous = items[i - 1];
    // After a declaration always one blank line; after a comment, and between two imports, only
    // where the analyst left one.
    const together = previous && (previous.isComment || (previous.isImport && item.isImport));
    if (previous && (!together || hasBlankLine(text, previous.end, item.start))) out.push('');
    out.push(...item.lines);
  });
  return out.length ? out.join(eol) + eol : '';
}

/** True when the original text between two offsets holds an empty line. */
function hasBlankLine(text: string, from: number, to: number): boolean {
  return /\n[ \t\r]*\n/.test(text.slice(from, to));
}

interface PlacedComments {
  topLevel: Comment[];
  /** Per declaration index: comments after its `}` on the same line. */
  afterDeclaration: Map<number, Comment[]>;
  /** Per declaration index: comments in its header or after its `{`. */
  header: Map<number, Comment[]>;
  /** Per declaration index: own-line comments before the closing brace. */
  beforeClose: Map<number, Comment[]>;
  /** Per statement (by start offset): comments on its own lines before it, and after it on its line. */
  leading: Map<number, Comment[]>;
  trailing: Map<number, Comment[]>;
}

function push<K>(map: Map<K, Comment[]>, key: K, c: Comment): void {
  const list = map.get(key);
  if (list) list.push(c);
  else map.set(key, [c]);
}

/** Decides where each comment goes: before the next thing, or at the end of a line of code. */
function placeComments(doc: ScenarioDocument): PlacedComments {
  const text = doc.text;
  const placed: PlacedComments = {
    topLevel: [], afterDeclaration: new Map(), header: new Map(), beforeClose: new Map(),
    leading: new Map(), trailing: new Map(),
  };
  const sameLine = (from: number, to: number): boolean => !/[\r\n]/.test(text.slice(from, to));
  for (const c of doc.comments) {
    const index = doc.declarations.findIndex((d) => d.span.start <= c.span.start && c.span.start < d.span.end);
    if (index < 0) {
      const before = doc.declarations.map((d, i) => ({ d, i })).filter(({ d }) => d.span.end <= c.span.start).pop();
      if (before && sameLine(before.d.span.end, c.span.start)) push(placed.afterDeclaration, before.i, c);
      else placed.topLevel.push(c);
      continue;
    }
    const decl = doc.declarations[index]!;
    if (decl.kind === 'import' || c.span.start < decl.bodySpan.start) {
      push(placed.header, index, c);
      continue;
    }
    const inside = decl.statements.find((s) => s.span.start < c.span.start && c.span.start < s.span.end);
    if (inside) {
      push(placed.trailing, inside.span.start, c);
      continue;
    }
    const ended = decl.statements.filter((s) => s.span.end <= c.span.start).pop();
    if (ended && sameLine(ended.span.end, c.span.start)) {
      push(placed.trailing, ended.span.start, c);
      continue;
    }
    if (!ended && sameLine(decl.bodySpan.start, c.span.start)) {
      push(placed.header, index, c);
      continue;
    }
    const next = decl.statements.find((s) => s.span.start >= c.span.end);
    if (next) push(placed.leading, next.span.start, c);
    else push(placed.beforeClose, index, c);
  }
  return placed;
}

function joinComments(comments: Comment[] | undefined): string {
  return comments?.length ? ` ${comments.map((c) => c.text.trimEnd()).join(' ')}` : '';
}

function declarationLines(text: string, decl: Declaration, placed: PlacedComments, index: number, indent: string): string[] {
  const raw = (span: Span): string => text.slice(span.start, span.end);
  if (decl.kind === 'import') {
    // No body: one line, a comment inside it kept at its end.
    const comments = [...(placed.header.get(index) ?? []), ...(placed.afterDeclaration.get(index) ?? [])];
    return [`import ${raw(decl.path.span)}${joinComments(comments)}`];
  }
  let header: string;
  if (decl.kind === 'scenario' || decl.kind === 'alternative') header = `${decl.kind} ${raw(decl.title.span)}`;
  else header = `${decl.kind} ${decl.name.text}${decl.label ? ` ${raw(decl.label.span)}` : ''}`;
  const lines = [`${header} {${joinComments(placed.header.get(index))}`];

  let previousEnd = decl.bodySpan.start;
  let first = true;
  const blankBefore = (start: number): void => {
    if (!first && hasBlankLine(text, previousEnd, start)) lines.push('');
    first = false;
  };
  for (const st of decl.statements) {
    for (const c of placed.leading.get(st.span.start) ?? []) {
      blankBefore(c.span.start);
      lines.push(indent + c.text.trimEnd());
      previousEnd = c.span.end;
    }
    blankBefore(st.span.start);
    lines.push(indent + statementText(text, st) + joinComments(placed.trailing.get(st.span.start)));
    previousEnd = st.span.end;
  }
  for (const c of placed.beforeClose.get(index) ?? []) {
    blankBefore(c.span.start);
    lines.push(indent + c.text.trimEnd());
    previousEnd = c.span.end;
  }
  lines.push(`}${joinComments(placed.afterDeclaration.get(index))}`);
  return lines;
}

/** A part of a statement with its canonical text. */
interface Piece {
  start: number;
  end: number;
  text: string;
}

/**
 * A statement's canonical text, for any statement of the vocabulary: its parts as the tree holds
 * them (keyword, names, strings, dates, numbers, probabilities, strengths), in source order, one
 * space apart; the words between them (`to`, `not`, `base`, a verb) keep their spelling, and
 * layout and comments between them go (a comment is kept at the end of the line).
 */
function statementText(text: string, st: Statement): string {
  const pieces: Piece[] = [];
  for (const [key, value] of Object.entries(st)) {
    if (key === 'span' || key === 'kind' || typeof value !== 'object' || value === null) continue;
    const piece = pieceOf(text, value as object);
    if (piece) pieces.push(piece);
  }
  pieces.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: string[] = [];
  let at = st.span.start;
  const between = (to: number): void => {
    const words = text.slice(at, to).replace(/\/\/[^\r\n]*/g, ' ').trim();
    if (words) out.push(words.replace(/\s+/g, ' '));
  };
  for (const piece of pieces) {
    if (piece.start < at) continue; // the same span twice (a driver's keywordSpan is its name)
    between(piece.start);
    out.push(piece.text);
    at = piece.end;
  }
  between(st.span.end);
  return out.join(' ');
}

/** A part of a statement: a span, or a node with one (a probability and a strength are laid out). */
function pieceOf(text: string, value: object): Piece | undefined {
  const node = value as { kind?: unknown; span?: Span; start?: unknown; end?: unknown };
  if (typeof node.start === 'number' && typeof node.end === 'number') {
    return { start: node.start, end: node.end, text: text.slice(node.start, node.end) };
  }
  if (!node.span) return undefined;
  const { start, end } = node.span;
  switch (node.kind) {
    case 'point': case 'range': case 'phrase': case 'hedge':
      return { start, end, text: probabilityText(text, value as ProbabilityExpr) };
    case 'word': case 'multiplier':
      return { start, end, text: strengthText(text, value as Strength) };
    default:
      return { start, end, text: text.slice(start, end) };
  }
}

/** Ranges and numbers lose their inner spaces (`20 % to 35%` → `20%..35%`); phrases keep one space. */
function probabilityText(text: string, expr: ProbabilityExpr): string {
  const raw = text.slice(expr.span.start, expr.span.end);
  if (expr.kind === 'phrase' || expr.kind === 'hedge') return raw.replace(/\s+/g, ' ');
  return compactRange(raw);
}

function strengthText(text: string, strength: Strength): string {
  if (strength.kind === 'word') return strength.word;
  return compactRange(text.slice(strength.span.start, strength.span.end));
}
