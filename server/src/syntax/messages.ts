// Turns what ohm expected at a failure into a message in an analyst's words. Never shows a
// grammar rule name: only rule descriptions, keywords and punctuation reach the text.
import type { Span } from './ast';
import { type Expectation, scenarioGrammar } from './grammar';
import type { DeclarationKeyword } from './scan';
import { isNameChar, isSpace } from './scan';
import { DECLARATION_KEYWORDS, KEYWORDS, PHRASES, STATEMENT_KEYWORDS, STRENGTHS } from './vocabulary';

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

/** Rules that stand where a name is expected. */
const NAME_RULES = new Set(['name', 'driverName', 'changeName']);

/** Keywords in the order an analyst meets them (LANGUAGE.md's table). */
const KEYWORD_ORDER = [
  'scenario', 'factor', 'event', 'outcome', 'alternative', 'question', 'horizon', 'to', 'samples', 'seed',
  'probability', 'base', 'judged', 'given', 'not', 'note', 'source',
];

const STATEMENT_OR_DECLARATION = new Set<string>([...STATEMENT_KEYWORDS, ...DECLARATION_KEYWORDS]);

/**
 * What may start a statement in each kind of body. The grammar tries a keyword statement only
 * when the next character fits (for speed), so its failures there do not list every keyword:
 * this table does, in the grammar's own descriptions.
 */
const BODY_RULES: Record<DeclarationKeyword, string[]> = {
  scenario: ['questionKw', 'horizonKw', 'samplesKw', 'seedKw', 'noteKw', 'sourceKw'],
  factor: ['probabilityKw', 'noteKw', 'sourceKw'],
  event: ['probabilityKw', 'noteKw', 'sourceKw'],
  outcome: ['baseKw', 'judgedKw', 'noteKw', 'sourceKw', 'driverName'],
  alternative: ['givenKw', 'noteKw', 'sourceKw', 'changeName'],
};

function bodyExpectations(kind: DeclarationKeyword): Expectation[] {
  return BODY_RULES[kind].map((rule) => ({ kind: 'description', rule, text: scenarioGrammar.rules[rule]!.description }));
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
  const span = tokenSpan(text, position, word);
  // Something missing before a `}` or the end on a later line is reported where it is missing:
  // right after the last token, on the line the analyst is writing.
  if (position >= text.length || text.charCodeAt(position) === 125 /* } */) {
    const last = lastTokenEnd(text, position);
    if (/[\r\n]/.test(text.slice(last, position))) {
      span.start = last;
      span.end = last;
    }
  }
  const rendered = sortItems(items).map(render);
  const result = (message: string): AnalystMessage => ({ message, expected: rendered, span });

  if (items.some((e) => isRule(e, 'closeQuote'))) return result('expected a closing quote');

  const closes = items.some(isClosingBrace);
  const closing = `'}' to close the ${context.declaration.kind}${
    context.declaration.name !== null ? ` '${context.declaration.name}'` : ''
  }`;

  let prefix = '';
  if (word !== null && KEYWORDS.has(word)) {
    if (atStatementStart && STATEMENT_OR_DECLARATION.has(word)) prefix = `'${word}' is not allowed here: `;
    else if (items.some((e) => e.kind === 'description' && NAME_RULES.has(e.rule))) {
      return result(`'${word}' is a reserved word and cannot be a name`);
    }
  }

  if (closes && restIsBlank(text, position)) return result(`${prefix}expected ${closing}`);
  if (items.length === 1 && isRule(items[0]!, 'toKw')) return result("expected 'to' between the two dates");

  const parts = sortItems(items).map((e) => (isClosingBrace(e) ? closing : render(e)));
  if (parts.length === 0) return result(`${prefix}unexpected text here`);
  return result(`${prefix}expected ${joinAlternatives(parts)}${didYouMean(text, position, items, word)}`);
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
function joinAlternatives(parts: string[]): string {
  if (parts.length === 1) return parts[0]!;
  const head = parts.slice(0, -1).join(', ');
  const last = parts[parts.length - 1]!;
  const serial = parts.length > 2 && parts.slice(0, -1).some((p) => p.includes(' '));
  return `${head}${serial ? ',' : ''} or ${last}`;
}

/** The name-like word that starts at offset, or null. */
function wordAt(text: string, offset: number): string | null {
  let end = offset;
  while (end < text.length && isNameChar(text, end)) end += text.codePointAt(end)! > 0xffff ? 2 : 1;
  return end > offset ? text.slice(offset, end) : null;
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

/** " (did you mean 'likely'?)" when the word at the failure is a near miss of an expected word. */
function didYouMean(text: string, offset: number, items: Expectation[], word: string | null): string {
  if (word === null || word.length < 3) return '';
  const candidates: string[] = [];
  for (const e of items) {
    if (e.kind !== 'description') continue;
    if (isKeyword(e)) candidates.push(...(e.rule === 'direction' ? ['raises', 'lowers'] : [e.text]));
    else if (e.rule === 'strength') candidates.push(...STRENGTHS.map((s) => s.word));
    else if (e.rule === 'probability') candidates.push(...PHRASES.flatMap((p) => p.forms));
  }
  const ahead = text.slice(offset, offset + 64);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const words = candidate.split(' ').length;
    const written = ahead.split(/\s+/, words).join(' ');
    const distance = editDistance(written, candidate);
    if (distance > 0 && distance < bestDistance && distance <= (candidate.length <= 4 ? 1 : 2)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === null ? '' : ` (did you mean '${best}'?)`;
}

/** Edit distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return Math.abs(a.length - b.length);
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) rows[i]![j] = i === 0 ? j : 0;
  }
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
