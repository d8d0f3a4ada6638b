// Turns what ohm expected at a failure into a message in an analyst's words. Never shows a
// grammar rule name: only rule descriptions, keywords and punctuation reach the text.
import { spellingScorer } from '../model/editDistance';
import type { Span } from './ast';
import { type Expectation, scenarioGrammar } from './grammar';
import type { DeclarationKeyword } from './scan';
import { isSpace, wordAt } from './scan';
import {
  KEYWORDS, KEYWORD_ORDER, LANGUAGE_KEYWORDS, NAME_RULES, PHRASES, STRENGTHS, declarationRow,
} from './vocabulary';

export interface FailureContext {
  /** The text of the declaration being matched (offsets below are relative to it). */
  text: string;
  position: number;
  expected: Expectation[];
  declaration: { kind: DeclarationKeyword; name: string | null };
}

export interface AnalystMessage {
  message: string;
  expected: string[];
  span: Span;
}

/**
 * What may start a statement in each kind of body: the start rules of the statements the
 * vocabulary lists for it. The grammar tries a keyword statement only when the next character
 * fits (for speed), so its failures there do not list every keyword: this does, in the grammar's
 * own descriptions.
 */
function bodyRules(kind: DeclarationKeyword): string[] {
  return [...new Set(declarationRow(kind).statements.map((s) => s.startRule))];
}

/** bodyExpectations by declaration kind, each computed on first use. */
const bodyExpectationsByKind = new Map<DeclarationKeyword, readonly Expectation[]>();

function bodyExpectations(kind: DeclarationKeyword): readonly Expectation[] {
  let expectations = bodyExpectationsByKind.get(kind);
  if (!expectations) {
    expectations = bodyRules(kind).map((rule) => ({ kind: 'description', rule, text: scenarioGrammar.rules[rule]!.description }));
    bodyExpectationsByKind.set(kind, expectations);
  }
  return expectations;
}

export function analystMessage(context: FailureContext): AnalystMessage {
  const { text, position } = context;
  // Where a body may close, a statement may start: list what may start one.
  const atStatementStart = context.expected.some(isClosingBrace);
  const items = atStatementStart
    ? [
        ...bodyExpectations(context.declaration.kind),
        ...context.expected.filter((e) => !isKeyword(e) && !(e.kind === 'description' && NAME_RULES.has(e.rule))),
      ]
    : context.expected;
  const word = wordAt(text, position);
  const wordSpan = tokenSpan(text, position, word);
  // Something missing on a line is reported where it is missing, right after the line's last
  // token, when what follows is on a later line: before a `}` or the end, and inside a statement
  // (`rapport raises` with no strength, followed by the next statement).
  let missingSpan: Span | null = null;
  if (position >= text.length || text.charCodeAt(position) === 125 /* } */ || !atStatementStart) {
    const last = lastTokenEnd(text, position);
    if (/[\r\n]/.test(text.slice(last, position))) missingSpan = { start: last, end: last };
  }
  const rendered = sortItems(items).map(render);
  // A message about the word at the failure (a reserved word, a near miss) sits on that word.
  const result = (message: string, aboutWord = false): AnalystMessage =>
    ({ message, expected: rendered, span: aboutWord || !missingSpan ? wordSpan : missingSpan });

  if (items.some((e) => isRule(e, 'closeQuote'))) return result('expected a closing quote');

  const closes = items.some(isClosingBrace);
  const closing = `'}' to close the ${context.declaration.kind}${
    context.declaration.name !== null ? ` '${context.declaration.name}'` : ''
  }`;

  let prefix = '';
  if (word !== null && KEYWORDS.has(word)) {
    if (atStatementStart && LANGUAGE_KEYWORDS.has(word)) prefix = `'${word}' is not allowed here: `;
    else if (items.some((e) => e.kind === 'description' && NAME_RULES.has(e.rule))) {
      return result(`'${word}' is a reserved word and cannot be a name`, true);
    }
  }

  if (closes && restIsBlank(text, position)) return result(`${prefix}expected ${closing}`);
  if (items.length === 1 && isRule(items[0]!, 'toKw')) return result("expected 'to' between the two dates");

  const parts = sortItems(items).map((e) => (isClosingBrace(e) ? closing : render(e)));
  if (parts.length === 0) return result(`${prefix}unexpected text here`);
  const suggestion = didYouMean(text, position, items, word);
  return result(`${prefix}expected ${joinAlternatives(parts)}${suggestion}`, suggestion !== '');
}

function isRule(e: Expectation, rule: string): boolean {
  return e.kind === 'description' && e.rule === rule;
}

function isKeyword(e: Expectation): boolean {
  return e.kind === 'description' && (e.rule.endsWith('Kw') || e.rule === 'direction');
}

function isClosingBrace(e: Expectation): boolean {
  return e.kind === 'punctuation' && e.text === '}';
}

function render(e: Expectation): string {
  if (e.kind === 'end') return 'nothing more';
  if (e.kind === 'punctuation') return `'${e.text}'`;
  if (e.rule === 'direction') return "'raises' or 'lowers'";
  return isKeyword(e) ? `'${e.text}'` : e.text;
}

/** Keywords in reading order first, then values, then names, then punctuation. */
function sortItems(items: Expectation[]): Expectation[] {
  const rank = (e: Expectation): number => {
    if (e.kind === 'end') return 4000;
    if (e.kind === 'punctuation') return 3000;
    if (isKeyword(e)) {
      const i = KEYWORD_ORDER.indexOf(e.text);
      return i < 0 ? KEYWORD_ORDER.length : i;
    }
    return NAME_RULES.has(e.rule) ? 2000 : 1000;
  };
  return items
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map((x) => x.e);
}

/** "a or b", "a, b or c"; with ", or" when an item has its own inner list or spaces. */
export function joinAlternatives(parts: readonly string[]): string {
  if (parts.length === 1) return parts[0]!;
  const head = parts.slice(0, -1).join(', ');
  const last = parts[parts.length - 1]!;
  const serial = parts.length > 2 && parts.slice(0, -1).some((p) => p.includes(' '));
  return `${head}${serial ? ',' : ''} or ${last}`;
}

/** The offending token: a word, one character, or nothing at a line's end or the text's end. */
function tokenSpan(text: string, offset: number, word: string | null): Span {
  if (word !== null) return { start: offset, end: offset + word.length };
  if (offset >= text.length) return { start: offset, end: offset };
  const c = text.charCodeAt(offset);
  if (c === 10 || c === 13) return { start: offset, end: offset };
  return { start: offset, end: offset + (text.codePointAt(offset)! > 0xffff ? 2 : 1) };
}

/** The end of the last token before offset (strings and comments read as the scan reads them). */
function lastTokenEnd(text: string, offset: number): number {
  let last = 0;
  let i = 0;
  while (i < offset) {
    const c = text.charCodeAt(i);
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else if (c === 34 /* " */) {
      i++;
      while (i < text.length && text.charCodeAt(i) !== 34 && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) {
        i += text.charCodeAt(i) === 92 /* \ */ ? 2 : 1;
      }
      if (text.charCodeAt(i) === 34) i++;
      last = Math.min(i, offset);
    } else {
      i++;
      if (!isSpace(c)) last = i;
    }
  }
  return last;
}

/** Only spaces and comments from offset to the end of the text. */
function restIsBlank(text: string, offset: number): boolean {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) i++;
    else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else return false;
  }
  return true;
}

/**
 * " (did you mean 'likely'?)" when the word at the failure is a near miss (or the start) of an
 * expected word, by the same rule as names (model/editDistance.ts).
 */
function didYouMean(text: string, offset: number, items: Expectation[], word: string | null): string {
  if (word === null || word.length < 3) return '';
  const candidates: string[] = [];
  for (const e of items) {
    if (e.kind !== 'description') continue;
    if (isKeyword(e)) candidates.push(...(e.rule === 'direction' ? ['raises', 'lowers'] : [e.text]));
    else if (e.rule === 'strength') candidates.push(...STRENGTHS.map((s) => s.word));
    else if (e.rule === 'probability') candidates.push(...PHRASES.flatMap((p) => p.forms));
  }
  // What is written on the rest of the line, for phrases of several words.
  const lineEnd = text.slice(offset, offset + 64).search(/[\r\n]/);
  const ahead = text.slice(offset, lineEnd < 0 ? offset + 64 : offset + lineEnd);
  // A word of the language is no misspelling, unless it starts the phrase (`very likly`).
  const reserved = KEYWORDS.has(word);
  // One scorer per text compared: the word, or as many words of the line as the phrase has.
  const scorers = new Map<string, (candidate: string) => number | null>();
  let best: string | null = null;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const words = candidate.split(' ');
    if (reserved && words[0] !== word) continue;
    const written = words.length === 1 ? word : ahead.split(/[ \t]+/, words.length).join(' ');
    let scoreOf = scorers.get(written);
    if (!scoreOf) {
      scoreOf = spellingScorer(written);
      scorers.set(written, scoreOf);
    }
    const score = scoreOf(candidate);
    if (score !== null && score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best === null ? '' : ` (did you mean '${best}'?)`;
}
