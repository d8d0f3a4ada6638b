// Completion from the text around the cursor (the tree is missing exactly while the analyst types):
// names where a driver or an alternative's target belongs, phrases where a probability belongs,
// strengths after raises/lowers, statement keywords inside blocks, declarations at top level.
import {
  CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position, type Range,
} from 'vscode-languageserver';
import type { VariableKind } from '../syntax/ast';
import { KEYWORDS, PHRASES, STRENGTHS } from '../syntax/vocabulary';
import type { DocumentState } from './context';
import { KEYWORD_MEANINGS, phraseMeaning } from './explain';
import { isOpenString, lex, lineAround, type Token } from './lexer';
import { declaredNames } from './occurrences';
import { formatPercent } from '../../../common/text/numbers';

type Block = 'scenario' | 'factor' | 'event' | 'outcome' | 'alternative' | 'unknown';

interface Context {
  /** The innermost open block, or null at top level. */
  block: Block | null;
  /** The name in the block's header (`outcome NAME`), to keep an outcome from driving itself. */
  blockName: string | null;
  /** Names already listed as drivers or targets in this block, before the cursor's statement. */
  used: Set<string>;
  /** The complete tokens of the statement before the word being typed. */
  words: Token[];
  /** Where the word being typed starts (the cursor when none). */
  partialStart: number;
  offset: number;
}

export function completion(state: DocumentState, position: Position): CompletionItem[] {
  const offset = state.lines.offsetAt(position);
  const context = contextAt(state, offset);
  if (!context) return [];
  if (context.block === null) return topLevel(state, context);
  return inBlock(state, context);
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

  const tokens = lex(state.text, regionStart(state, offset), offset).filter((t) => t.kind !== 'comment');
  let depth = 0;
  let headerFirst: Token | null = null;
  let headerSecond: Token | null = null;
  let block: Block | null = null;
  let blockName: string | null = null;
  let statementStart = 0;
  let used = new Set<string>();
  const statementWords: Token[] = [];
  const closeStatement = (): void => {
    const first = statementWords[0];
    if (depth > 0 && first?.kind === 'word') {
      const name = first.text === 'given' ? statementWords.find((w, i) => i > 0 && w.text !== 'not')?.text : first.text;
      if (name && !KEYWORDS.has(name)) used.add(name);
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
        block = isBlock(headerFirst?.text) ? (headerFirst!.text as Block) : 'unknown';
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
  return { block: depth > 0 ? block : null, blockName, used, words, partialStart, offset };
}

function isBlock(word: string | undefined): boolean {
  return word === 'scenario' || word === 'factor' || word === 'event' || word === 'outcome' || word === 'alternative';
}

/**
 * Where to start reading: the start of the declaration (or broken stretch) around the cursor, or
 * of the last one before it when that one is not closed yet; else the end of the last one.
 */
function regionStart(state: DocumentState, offset: number): number {
  const spans = [...state.document.declarations.map((d) => d.span), ...state.document.errors.map((e) => e.skipped)];
  let last: { start: number; end: number } | undefined;
  for (const span of spans) {
    if (span.start < offset && (!last || span.start > last.start)) last = span;
  }
  if (!last) return 0;
  const closed = state.text[last.end - 1] === '}';
  if (offset < last.end || !closed) return last.start;
  return last.end;
}

// ---- top level --------------------------------------------------------------------------------

function topLevel(state: DocumentState, context: Context): CompletionItem[] {
  if (context.words.length > 0) return [];
  const range = replaceRange(state, context.partialStart, context.offset);
  const names = declaredNames(state).filter((d) => !d.broken).map((d) => d.name);
  const choice = (placeholder: string, fallback: string): string =>
    names.length ? `\${${placeholder}|${names.slice(0, 20).join(',')}|}` : `\${${placeholder}:${fallback}}`;
  const snippets: { keyword: string; body: string; detail: string }[] = [
    {
      keyword: 'scenario',
      body: 'scenario "${1:title}" {\n\tquestion "${2:question}"\n\thorizon ${3:2025-01-01} to ${4:2026-01-01}\n\tsamples ${5:20000}\n\tseed ${6:1}\n}',
      detail: 'the forecast\'s settings',
    },
    { keyword: 'factor', body: 'factor ${1:name} "${2:label}" {\n\tprobability ${3:likely}\n}', detail: 'a condition that holds or not' },
    { keyword: 'event', body: 'event ${1:name} "${2:label}" {\n\tprobability ${3:unlikely}\n}', detail: 'something that happens or not' },
    {
      keyword: 'outcome',
      body: `outcome \${1:name} "\${2:label}" {\n\tbase \${3:20%}\n\t${choice('4', 'driver')} \${5|raises,lowers|} \${6|moderately,weakly,strongly,decisively|}\n\tjudged \${7:likely}\n}`,
      detail: 'what the file forecasts',
    },
    { keyword: 'alternative', body: `alternative "\${1:what if}" {\n\tgiven ${choice('2', 'name')}\n}`, detail: 'a what-if beside the baseline' },
  ];
  const items: CompletionItem[] = [];
  snippets.forEach((s, i) => {
    items.push({
      label: s.keyword,
      kind: CompletionItemKind.Keyword,
      detail: s.detail,
      documentation: markdown(KEYWORD_MEANINGS[s.keyword]!),
      textEdit: { range, newText: s.keyword },
      sortText: `0${i}`,
    });
    items.push({
      label: `${s.keyword} …`,
      kind: CompletionItemKind.Snippet,
      detail: `new ${s.keyword}: ${s.detail}`,
      documentation: markdown(KEYWORD_MEANINGS[s.keyword]!),
      filterText: s.keyword,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: s.body },
      sortText: `1${i}`,
    });
  });
  return items;
}

// ---- inside a block ---------------------------------------------------------------------------

function inBlock(state: DocumentState, context: Context): CompletionItem[] {
  const words = context.words.map((t) => t.text);
  const nameRange = replaceRange(state, context.partialStart, context.offset);
  const kindOf = (name: string): VariableKind | undefined => declaredNames(state).find((d) => d.name === name)?.kind;
  switch (context.block) {
    case 'scenario':
      if (words.length === 0) return keywords(['question', 'horizon', 'samples', 'seed'], nameRange);
      if (words[0] === 'horizon' && words.length === 2) return keywords(['to'], nameRange);
      return [];
    case 'factor':
    case 'event':
      if (words.length === 0) return keywords(['probability', 'note', 'source'], nameRange);
      if (words[0] === 'probability') return phrases(state, context, 1);
      return [];
    case 'outcome': {
      if (words.length === 0) {
        return [
          ...keywords(['base', 'judged', 'note', 'source'], nameRange),
          ...names(state, nameRange, context, (d) => d.name !== context.blockName),
        ];
      }
      if (words[0] === 'base' || words[0] === 'judged') return phrases(state, context, 1);
      if (KEYWORDS.has(words[0]!)) return [];
      if (words.length === 1) return keywords(['raises', 'lowers'], nameRange);
      if (words.length === 2 && (words[1] === 'raises' || words[1] === 'lowers')) return strengths(nameRange);
      return [];
    }
    case 'alternative': {
      if (words.length === 0) return [...keywords(['given'], nameRange), ...names(state, nameRange, context, () => true)];
      if (words[0] === 'given') {
        if (words.length === 1) return [...keywords(['not'], nameRange), ...names(state, nameRange, context, () => true)];
        if (words.length === 2 && words[1] === 'not') return names(state, nameRange, context, () => true);
        return [];
      }
      if (KEYWORDS.has(words[0]!)) return [];
      const kind = kindOf(words[0]!);
      if (words[1] === 'base') return phrases(state, context, 2);
      if (kind === 'outcome') return words.length === 1 ? keywords(['base'], nameRange) : [];
      const items = phrases(state, context, 1);
      if (kind === undefined && words.length === 1) items.push(...keywords(['base'], nameRange));
      return items;
    }
    default:
      return [];
  }
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

function names(
  state: DocumentState,
  range: Range,
  context: Context,
  keep: (d: { name: string; kind: VariableKind }) => boolean,
): CompletionItem[] {
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const d of declaredNames(state)) {
    if (seen.has(d.name) || !keep(d) || context.used.has(d.name)) continue;
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
      labelDetails: { description: d.kind },
      textEdit: { range, newText: d.name },
      sortText: `0${d.name}`,
    });
  }
  return items;
}

/**
 * The probability phrases, replacing everything typed after the keyword (so "very l" becomes
 * "very likely"), when what is typed so far can still become a phrase.
 */
function phrases(state: DocumentState, context: Context, keywordCount: number): CompletionItem[] {
  const typed = context.words.slice(keywordCount);
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
