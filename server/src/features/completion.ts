// Completion from the text around the cursor (the tree is missing exactly while the analyst types).
// What may come next is read from the vocabulary table (syntax/vocabulary): the statements of the
// block the cursor is in, matched part by part against what the statement holds so far, give
// keywords, names, phrases or strengths; at top level, one snippet per declaration.
// Typing a space asks again (a trigger character), and is answered only where a fixed set of words
// comes next (a strength after `raises `, a phrase after `probability `, `to` after a date, a
// file after `import `…), so a space elsewhere opens no popup. A quote or a slash asks again too,
// for an import's path only (features/importPaths.ts).
import {
  CompletionItemKind, CompletionTriggerKind, InsertTextFormat, MarkupKind, type CompletionContext, type CompletionItem,
  type Position, type Range,
} from 'vscode-languageserver';
import type { VariableKind } from '../syntax/ast';
import { isNamePart } from '../../../common/names';
import {
  DECLARATIONS, KEYWORDS, KEYWORD_MEANINGS, PHRASES, STRENGTHS, STRENGTH_CHOICES, declarationRow,
  strengthRow, type DeclarationKind, type Part, type StatementRow,
} from '../syntax/vocabulary';
import type { DocumentState } from './context';
import { phraseMeaning } from './explain';
import { isOpenString, lex, lineAround, type Token } from './lexer';
import { importedDeclarations } from './imported';
import { importPathAt, importPathItems, type ImportPathSource } from './importPaths';
import { declaredNames } from './occurrences';
import { formatPercent } from '../../../common/text/numbers';

type Block = DeclarationKind | 'unknown';
type NamePart = Extract<Part, { kind: 'name' }>;

interface Context {
  /** The innermost open block, or null at top level. */
  block: Block | null;
  /** The name in the block's header (`outcome NAME`), to keep an outcome from driving itself. */
  blockName: string | null;
  /** Names the block's other statements already list as drivers or targets (before and after the cursor). */
  used: Set<string>;
  /** The complete tokens of the statement before the word being typed. */
  words: Token[];
  /** Where the word being typed starts (the cursor when none). */
  partialStart: number;
  offset: number;
}

/**
 * Completion at a position; `trigger` is the request's context (a character typed, or asked for);
 * `paths` lists the folders an import's path may lead to (none for a document that is no file).
 */
export function completion(state: DocumentState, position: Position, trigger?: CompletionContext, paths?: ImportPathSource | null): CompletionItem[] {
  const offset = state.lines.offsetAt(position);
  const typedCharacter = trigger?.triggerKind === CompletionTriggerKind.TriggerCharacter ? trigger.triggerCharacter : undefined;
  // In an import's path (features/importPaths.ts); a quote or a slash asks for nothing else.
  const path = importPathAt(state, offset);
  if (path) return paths ? importPathItems(state, offset, path, paths) : [];
  if (typedCharacter === '"' || typedCharacter === '/') return [];
  const context = contextAt(state, offset);
  if (!context) return [];
  const onSpace = typedCharacter === ' ';
  if (context.block === null) return onSpace ? [] : topLevel(state, context);
  return inBlock(state, context, onSpace);
}

/** Reads the tokens from the start of the enclosing declaration up to the cursor. */
function contextAt(state: DocumentState, offset: number): Context | null {
  const line = lineAround(state.text, offset);
  const lineTokens = lex(state.text, line.start, line.end);
  // Inside a string or a comment there is nothing to complete.
  for (const t of lineTokens) {
    if (t.kind === 'comment' && t.start < offset) return null;
    if (t.kind === 'string' && t.start < offset && (offset < t.end || isOpenString(t.text))) return null;
  }

  const region = regionAround(state, offset);
  const tokens = lex(state.text, region.start, offset).filter((t) => t.kind !== 'comment');
  let depth = 0;
  let headerFirst: Token | null = null;
  let headerSecond: Token | null = null;
  let block: Block | null = null;
  let blockName: string | null = null;
  let statementStart = 0;
  let used = new Set<string>();
  const statementWords: Token[] = [];
  const closeStatement = (): void => {
    if (depth > 0 && block !== null) {
      const name = listedName(block, statementWords);
      if (name) used.add(name);
    }
    statementWords.length = 0;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const previous = tokens[i - 1];
    if (previous && /[\r\n]/.test(state.text.slice(previous.end, t.start))) {
      closeStatement();
      statementStart = i;
    }
    if (t.text === '{') {
      depth++;
      if (depth === 1) {
        block = isBlock(headerFirst?.text) ? headerFirst!.text as DeclarationKind : 'unknown';
        blockName = headerSecond?.kind === 'word' ? headerSecond.text : null;
        used = new Set();
      }
      statementWords.length = 0;
      statementStart = i + 1;
    } else if (t.text === '}') {
      closeStatement();
      depth = Math.max(0, depth - 1);
      if (depth === 0) {
        block = null;
        headerFirst = headerSecond = null;
      }
      statementStart = i + 1;
    } else if (t.text === ';') {
      closeStatement();
      statementStart = i + 1;
    } else if (depth === 0) {
      if (!headerFirst || isBlock(t.text)) {
        headerFirst = t;
        headerSecond = null;
      } else if (!headerSecond) {
        headerSecond = t;
      }
    } else {
      statementWords.push(t);
    }
  }
  const lastToken = tokens[tokens.length - 1];
  if (lastToken && /[\r\n]/.test(state.text.slice(lastToken.end, offset))) {
    closeStatement();
    statementStart = tokens.length;
  }
  let words = tokens.slice(statementStart);
  let partialStart = offset;
  const last = words[words.length - 1];
  if (last && last.end === offset && last.kind !== 'punct' && last.kind !== 'string') {
    partialStart = last.start;
    words = words.slice(0, -1);
  }
  if (depth > 0 && block !== null) for (const name of namesListedAfter(state, block, offset, region.end)) used.add(name);
  return { block: depth > 0 ? block : null, blockName, used, words, partialStart, offset };
}

function isBlock(word: string | undefined): boolean {
  return DECLARATIONS.some((d) => d.keyword === word);
}

/**
 * The stretch to read: the declaration (or broken stretch) around the cursor, or the last one
 * before it when that one is not closed yet; else from the end of the last one to the cursor.
 */
function regionAround(state: DocumentState, offset: number): { start: number; end: number } {
  const spans = [...state.document.declarations.map((d) => d.span), ...state.document.errors.map((e) => e.skipped)];
  let last: { start: number; end: number } | undefined;
  for (const span of spans) {
    if (span.start < offset && (!last || span.start > last.start)) last = span;
  }
  if (!last) return { start: 0, end: offset };
  const closed = state.text[last.end - 1] === '}';
  if (offset < last.end || !closed) return { start: last.start, end: Math.max(offset, last.end) };
  return { start: last.end, end: offset };
}

/** The names listed by the block's statements after the one at the cursor, up to the block's end. */
function namesListedAfter(state: DocumentState, block: Block, offset: number, end: number): string[] {
  const names: string[] = [];
  const tokens = lex(state.text, offset, end).filter((t) => t.kind !== 'comment');
  let statement: Token[] | null = null; // null: still in the cursor's statement
  let previousEnd = offset;
  for (const t of tokens) {
    const breaks = /[\r\n]/.test(state.text.slice(previousEnd, t.start));
    previousEnd = t.end;
    if (breaks || t.text === ';' || t.text === '}') {
      if (statement) {
        const name = listedName(block, statement);
        if (name) names.push(name);
      }
      statement = [];
      if (t.text === '}') break;
      if (t.text === ';') continue;
    }
    statement?.push(t);
  }
  return names;
}

// ---- statements, part by part ------------------------------------------------------------------

/** What may come next in a statement: one of these words, a name, a probability or a strength. */
type Next =
  | { kind: 'keywords'; words: readonly string[]; optional: boolean }
  | { kind: 'names'; part: NamePart; row: StatementRow; rest: readonly Part[] }
  /** `from`: the index of the statement's first word of the phrase being typed. */
  | { kind: 'probability'; from: number }
  | { kind: 'strength' };

type KindOf = (name: string) => VariableKind | undefined;

/** Phrase forms as words, longest first: a complete phrase in the middle of a statement. */
const PHRASE_WORDS = PHRASES.flatMap((r) => r.forms.map((f) => f.split(' '))).sort((a, b) => b.length - a.length);

/**
 * What may follow `words` in a statement of this row, or null when the words do not fit it. The
 * words have been matched up to parts[i] and words[t].
 */
function follow(row: StatementRow, words: Token[], kindOf: KindOf, i = 0, t = 0): Next[] | null {
  const parts = row.parts;
  if (t === words.length) return offersAt(row, i, t);
  const part = parts[i];
  if (!part) return null;
  const w = words[t]!;
  const isWord = w.kind === 'word';
  switch (part.kind) {
    case 'keyword':
      return isWord && part.words.includes(w.text) ? follow(row, words, kindOf, i + 1, t + 1) : null;
    case 'optional':
      if (isWord && w.text === part.word) {
        const taken = follow(row, words, kindOf, i + 1, t + 1);
        if (taken) return taken;
      }
      return follow(row, words, kindOf, i + 1, t);
    case 'name': {
      if (!isWord || KEYWORDS.has(w.text)) return null;
      const kind = kindOf(w.text);
      return kind && !part.of.includes(kind) ? null : follow(row, words, kindOf, i + 1, t + 1);
    }
    case 'strength':
      return w.kind === 'multiplier' || (isWord && strengthRow(w.text)) ? follow(row, words, kindOf, i + 1, t + 1) : null;
    case 'text':
      return w.kind === 'string' ? follow(row, words, kindOf, i + 1, t + 1) : null;
    case 'date':
      return w.kind === 'date' ? follow(row, words, kindOf, i + 1, t + 1) : null;
    case 'integer':
      return w.kind === 'number' ? follow(row, words, kindOf, i + 1, t + 1) : null;
    case 'probability': {
      if (words.slice(t).every((x) => x.kind === 'word')) {
        // A whole phrase, when more parts follow it; else a phrase still being typed.
        for (const phrase of PHRASE_WORDS) {
          if (i + 1 < parts.length && phrase.every((p, k) => words[t + k]?.text === p)) {
            const after = follow(row, words, kindOf, i + 1, t + phrase.length);
            if (after) return after;
          }
        }
        return [{ kind: 'probability', from: t }];
      }
      // A number, or a range of two.
      let u = t;
      if (words[u]?.kind !== 'number') return null;
      u++;
      if (words[u] && (words[u]!.kind === 'range' || words[u]!.text === 'to')) {
        u++;
        if (words[u]?.kind === 'number') u++;
      }
      return follow(row, words, kindOf, i + 1, u);
    }
  }
}

function offersAt(row: StatementRow, i: number, t: number): Next[] {
  const part = row.parts[i];
  if (!part) return [];
  switch (part.kind) {
    case 'keyword': return [{ kind: 'keywords', words: part.words, optional: false }];
    case 'optional': return [{ kind: 'keywords', words: [part.word], optional: true }, ...offersAt(row, i + 1, t)];
    case 'name': return [{ kind: 'names', part, row, rest: row.parts.slice(i + 1) }];
    case 'probability': return [{ kind: 'probability', from: t }];
    case 'strength': return [{ kind: 'strength' }];
    default: return [];
  }
}

/** The name a statement lists (a driver, an alternative's target), read by the table. */
function listedName(block: Block, words: Token[]): string | null {
  if (block === 'unknown' || words.length === 0) return null;
  for (const row of declarationRow(block).statements) {
    let t = 0;
    for (const part of row.parts) {
      const w = words[t];
      if (!w) break;
      if (part.kind === 'optional') {
        if (w.kind === 'word' && w.text === part.word) t++;
        continue;
      }
      if (part.kind === 'name') {
        if (w.kind === 'word' && !KEYWORDS.has(w.text)) return w.text;
        break;
      }
      if (part.kind !== 'keyword' || w.kind !== 'word' || !part.words.includes(w.text)) break;
      t++;
    }
  }
  return null;
}

// ---- top level --------------------------------------------------------------------------------

function topLevel(state: DocumentState, context: Context): CompletionItem[] {
  if (context.words.length > 0) return [];
  const range = replaceRange(state, context.partialStart, context.offset);
  const names = [...importedDeclarations(state).map((d) => d.name), ...declaredNames(state).filter((d) => !d.broken).map((d) => d.name)];
  const choice = (tabstop: number, fallback: string): string =>
    names.length ? `\${${tabstop}|${names.slice(0, 20).join(',')}|}` : `\${${tabstop}:${fallback}}`;
  // A declaration that appears once per file is not offered again (unless the cursor is on its keyword).
  const present = new Set<string>();
  for (const d of state.document.declarations) if (d.span.start !== context.partialStart) present.add(d.kind);
  for (const e of state.document.errors) {
    if (e.declarationKind && e.skipped.start !== context.partialStart) present.add(e.declarationKind);
  }
  const items: CompletionItem[] = [];
  DECLARATIONS.forEach((d, i) => {
    if (d.oncePerFile && present.has(d.keyword)) return;
    items.push({
      label: d.keyword,
      kind: CompletionItemKind.Keyword,
      detail: `new ${d.keyword}: ${d.detail}`,
      documentation: markdown(d.meaning),
      filterText: d.keyword,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: d.snippet(choice) },
      sortText: `0${i}`,
    });
  });
  return items;
}

// ---- inside a block ---------------------------------------------------------------------------

function inBlock(state: DocumentState, context: Context, onSpace: boolean): CompletionItem[] {
  if (context.block === 'unknown' || context.block === null) return [];
  // A space at a statement's start is indentation, not a request.
  if (onSpace && context.words.length === 0) return [];
  const declared = declaredNames(state);
  const kindOf: KindOf = (name) => state.model.variables.get(name)?.kind ?? declared.find((d) => d.name === name)?.kind;
  const nexts: Next[] = [];
  for (const row of declarationRow(context.block).statements) nexts.push(...(follow(row, context.words, kindOf) ?? []));

  const range = replaceRange(state, context.partialStart, context.offset);
  const keywordWords: string[] = [];
  const nameNexts: Extract<Next, { kind: 'names' }>[] = [];
  let probabilityFrom: number | null = null;
  let strength = false;
  for (const next of nexts) {
    if (next.kind === 'keywords') {
      // On a space, only words that must come next (not an optional `not`).
      if (onSpace && next.optional) continue;
      for (const w of next.words) if (!keywordWords.includes(w)) keywordWords.push(w);
    } else if (next.kind === 'names') {
      if (!onSpace) nameNexts.push(next);
    } else if (next.kind === 'probability') probabilityFrom ??= next.from;
    else strength = true;
  }

  const items: CompletionItem[] = [];
  if (probabilityFrom !== null) items.push(...phrases(state, context, probabilityFrom));
  if (strength) items.push(...strengths(range));
  items.push(...keywords(keywordWords, range));
  if (nameNexts.length > 0) items.push(...names(state, range, context, nameNexts));
  return items;
}

function keywords(list: string[], range: Range): CompletionItem[] {
  return list.map((keyword, i) => ({
    label: keyword,
    kind: CompletionItemKind.Keyword,
    documentation: markdown(KEYWORD_MEANINGS[keyword] ?? ''),
    textEdit: { range, newText: keyword },
    sortText: `1${i}`,
  }));
}

/**
 * The declared names that fit: of the kinds the statements take, not yet listed in the block,
 * and, for a driver, neither the outcome itself nor one it drives (that would make a cycle).
 * Where only one statement starts with a name (a driver line), the name comes as a snippet of
 * the whole line: `crisis raises ${1|moderately,…|}`.
 */
function names(state: DocumentState, range: Range, context: Context, nexts: Extract<Next, { kind: 'names' }>[]): CompletionItem[] {
  const kinds = new Set(nexts.flatMap((n) => n.part.of));
  const drives = nexts.some((n) => n.part.role === 'driver');
  const excluded = drives && context.blockName !== null ? downstreamOf(state, context.blockName) : new Set<string>();
  const rows = new Set(nexts.map((n) => n.row));
  const tail = rows.size === 1 && !restOfLineHasText(state, context.offset) ? snippetTail(nexts[0]!.rest) : '';
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  // This file's names, then those its imports bring (each marked with its file).
  const candidates = [
    ...declaredNames(state).map((d) => ({ name: d.name, kind: d.kind, label: d.label, from: null as string | null })),
    ...importedDeclarations(state).map((d) => ({ name: d.name, kind: d.kind, label: d.label, from: d.shown })),
  ];
  for (const d of candidates) {
    if (seen.has(d.name) || !kinds.has(d.kind) || context.used.has(d.name) || excluded.has(d.name)) continue;
    seen.add(d.name);
    const variable = state.model.variables.get(d.name);
    const label = variable?.label ?? d.label;
    const probability = variable && variable.kind !== 'outcome' && variable.probability
      ? ` · ${formatPercent((variable.probability.low + variable.probability.high) / 2)}`
      : '';
    items.push({
      label: d.name,
      kind: d.kind === 'factor' ? CompletionItemKind.Variable : d.kind === 'event' ? CompletionItemKind.Event : CompletionItemKind.Function,
      detail: label && label !== d.name ? `${d.kind}: ${label}${probability}` : `${d.kind}${probability}`,
      labelDetails: { description: d.from === null ? d.kind : `${d.kind} · ${d.from}` },
      filterText: d.name,
      ...(tail ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
      textEdit: { range, newText: tail ? `${d.name} ${tail}` : d.name },
      sortText: `0${d.name}`,
    });
  }
  return items;
}

/** The rest of a statement after its name, as snippet placeholders (`raises ${1|moderately,…|}`). */
function snippetTail(parts: readonly Part[]): string {
  let tabstop = 1;
  const out: string[] = [];
  for (const part of parts) {
    switch (part.kind) {
      case 'keyword': out.push(part.words[0]!); break;
      case 'optional': break;
      case 'strength': {
        out.push(`\${${tabstop++}|${STRENGTH_CHOICES.join(',')}|}`);
        break;
      }
      case 'probability': out.push(`\${${tabstop++}:likely}`); break;
      case 'name': out.push(`\${${tabstop++}:name}`); break;
      case 'text': out.push(`"\${${tabstop++}}"`); break;
      case 'date': out.push(`\${${tabstop++}:2025-01-01}`); break;
      case 'integer': out.push(`\${${tabstop++}:1}`); break;
    }
  }
  return out.join(' ');
}

/** True when the line goes on after the word at the cursor (then only the name is inserted). */
function restOfLineHasText(state: DocumentState, offset: number): boolean {
  const line = lineAround(state.text, offset);
  let i = offset;
  while (i < line.end && isNamePart(state.text, i)) i++;
  const rest = state.text.slice(i, line.end).replace(/\/\/.*$/, '').trim();
  return rest !== '' && !/^[;}]/.test(rest);
}

/**
 * The outcome and every outcome it drives, directly or through others: none of them may become
 * its driver. Read from the driver lines of the parsed outcomes (the lines model/graph.ts builds
 * the driver graph from), so an outcome being edited, which does not parse yet, still counts.
 */
function downstreamOf(state: DocumentState, outcome: string): Set<string> {
  const driven = new Map<string, string[]>();
  for (const decl of state.document.declarations) {
    if (decl.kind !== 'outcome') continue;
    for (const st of decl.statements) {
      if (st.kind !== 'driver') continue;
      const list = driven.get(st.name.text);
      if (list) list.push(decl.name.text);
      else driven.set(st.name.text, [decl.name.text]);
    }
  }
  const reached = new Set<string>([outcome]);
  const queue = [outcome];
  while (queue.length > 0) {
    for (const next of driven.get(queue.pop()!) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return reached;
}

/**
 * The probability phrases, replacing everything typed after the keyword (so "very l" becomes
 * "very likely"), when what is typed so far can still become a phrase. `from` is the index of the
 * statement's first word of the phrase.
 */
function phrases(state: DocumentState, context: Context, from: number): CompletionItem[] {
  const typed = context.words.slice(from);
  if (typed.some((t) => t.kind !== 'word')) return [];
  const start = typed[0]?.start ?? context.partialStart;
  const soFar = state.text.slice(start, context.offset).replace(/\s+/g, ' ');
  const range = replaceRange(state, start, context.offset);
  const items: CompletionItem[] = [];
  PHRASES.forEach((row, i) => {
    row.forms.forEach((form, j) => {
      if (typed.length && !form.startsWith(soFar.slice(0, soFar.lastIndexOf(' ') + 1))) return;
      items.push({
        label: form,
        kind: CompletionItemKind.Value,
        detail: phraseMeaning(row),
        documentation: j > 0 ? markdown(`Same as *${row.phrase}*.`) : undefined,
        filterText: form,
        textEdit: { range, newText: form },
        sortText: `${j}${i}`,
      });
    });
  });
  return items;
}

function strengths(range: Range): CompletionItem[] {
  const items: CompletionItem[] = STRENGTHS.map((s, i) => ({
    label: s.word,
    kind: CompletionItemKind.EnumMember,
    detail: s.meaning,
    textEdit: { range, newText: s.word },
    sortText: `0${i}`,
  }));
  items.push({
    label: 'x3',
    kind: CompletionItemKind.Snippet,
    detail: 'a multiplier of the odds (x3, x2.5, or a range x2..5)',
    filterText: 'x',
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: 'x${1:3}' },
    sortText: '1',
  });
  return items;
}

function replaceRange(state: DocumentState, start: number, end: number): Range {
  return { start: state.lines.positionAt(start), end: state.lines.positionAt(end) };
}

function markdown(value: string): { kind: 'markdown'; value: string } {
  return { kind: MarkupKind.Markdown, value };
}
