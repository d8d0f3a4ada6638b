/**
 * One-line checks of the editing features, on the pure feature functions (no server): a fixture
 * marks the cursor with `<|>`, as Langium's test helpers and rust-analyzer's fixtures do.
 *
 *   expectHover('judged <|>likely', '**likely**: 55%–80% (ICD 203)');
 *   expectNoHover('// likely <|>crisis');
 *   expectCompletion('factor f {\n  <|>\n}', { exactly: ['probability', 'note', 'source'] });
 *   expectCompletion(text, { includes: ['crisis'], excludes: ['o'] });
 *   expectDiagnostics('outcome o { base 5%; ghost raises weakly }', ['unknown-name@1:22']);
 *
 * The cursor is a text with exactly one `<|>`, or a `marked()` state (for a state made with
 * options, e.g. without a forecast). Each helper returns what it found, for further checks, and a
 * failure prints all of it: the whole hover, every label, every diagnostic with its message.
 */
import { expect } from 'vitest';
import {
  CompletionTriggerKind, type CompletionItem, type Diagnostic, type Hover, type MarkupContent, type Position,
} from 'vscode-languageserver';
import { completion } from '../../server/src/features/completion';
import type { DocumentState } from '../../server/src/features/context';
import { toLspDiagnostics } from '../../server/src/features/diagnostics';
import { hover } from '../../server/src/features/hover';
import { CURSOR } from '../fixture';
import { marked, stateOf, type Marked, type StateOptions } from './state';

/** Where to ask: a text with one `<|>`, or a state from `marked()` with one cursor. */
export type At = string | Marked;

function cursorOf(at: At): { state: DocumentState; position: Position; where: string } {
  const m = typeof at === 'string' ? marked(at) : at;
  if (m.cursors.length !== 1) throw new Error(`one ${CURSOR} expected, found ${m.cursors.length}`);
  const position = m.cursors[0]!;
  const line = m.state.text.split(/\r\n|\r|\n/)[position.line] ?? '';
  const marker = `${line.slice(0, position.character)}${CURSOR}${line.slice(position.character)}`;
  return { state: m.state, position, where: `at ${position.line + 1}:${position.character + 1} (${JSON.stringify(marker)})` };
}

// ---- hover --------------------------------------------------------------------------------------

/** Hover Markdown as the reader sees it: the escapes removed. */
export const shown = (markdown: string): string => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** The hover at the cursor, which must exist. */
export function hoverAt(at: At): Hover {
  const { state, position, where } = cursorOf(at);
  const h = hover(state, position);
  expect(h, `a hover ${where}`).not.toBeNull();
  return h!;
}

/** The hover's Markdown, as sent (escapes and all). */
export function hoverMarkdown(at: At): string {
  return (hoverAt(at).contents as MarkupContent).value;
}

function expectFragments(text: string, fragments: readonly (string | RegExp)[], what: string): void {
  const missing = fragments.filter((f) => (typeof f === 'string' ? !text.includes(f) : !f.test(text)));
  expect(missing, `${what} lacks these; it reads:\n${text}\n`).toEqual([]);
}

/**
 * The hover at the cursor, as the reader sees it (Markdown escapes removed), contains each string
 * and matches each RegExp. Returns that text.
 */
export function expectHover(at: At, ...fragments: (string | RegExp)[]): string {
  const { where } = cursorOf(at);
  const text = shown(hoverMarkdown(at));
  expectFragments(text, fragments, `the hover ${where}`);
  return text;
}

/** The same on the Markdown as sent, escapes included (for what must or must not be escaped). */
export function expectHoverMarkdown(at: At, ...fragments: (string | RegExp)[]): string {
  const { where } = cursorOf(at);
  const markdown = hoverMarkdown(at);
  expectFragments(markdown, fragments, `the hover's Markdown ${where}`);
  return markdown;
}

/** No hover at the cursor. */
export function expectNoHover(at: At): void {
  const { state, position, where } = cursorOf(at);
  const h = hover(state, position);
  expect(h, `no hover ${where}, found:\n${h ? (h.contents as MarkupContent).value : ''}\n`).toBeNull();
}

// ---- completion ---------------------------------------------------------------------------------

export interface CompletionExpectation {
  /** Offered, in any order, among others. */
  includes?: string[];
  /** Not offered. */
  excludes?: string[];
  /** Exactly these labels, in this order (`[]`: nothing offered). */
  exactly?: string[];
  /** Ask as the editor does right after this trigger character was typed (e.g. ' '). */
  typed?: string;
}

/** The labels completion offers at the cursor satisfy `expected`. Returns the items. */
export function expectCompletion(at: At, expected: CompletionExpectation): CompletionItem[] {
  const { state, position, where } = cursorOf(at);
  const context = expected.typed === undefined
    ? undefined
    : { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: expected.typed };
  const items = completion(state, position, context);
  const labels = items.map((i) => i.label);
  const offered = `completion ${where}${expected.typed === undefined ? '' : ` after typing ${JSON.stringify(expected.typed)}`} offers ${JSON.stringify(labels)}`;
  if (expected.exactly) expect(labels, offered).toEqual(expected.exactly);
  if (expected.includes) expect(expected.includes.filter((l) => !labels.includes(l)), `${offered}; missing`).toEqual([]);
  if (expected.excludes) expect(expected.excludes.filter((l) => labels.includes(l)), `${offered}; should not offer`).toEqual([]);
  return items;
}

// ---- diagnostics --------------------------------------------------------------------------------

export interface DiagnosticsOptions extends StateOptions {
  /** Compare only the diagnostics with these codes. */
  codes?: string[];
}

const start = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1}`;
const end = (d: Diagnostic) => `${d.range.end.line + 1}:${d.range.end.character + 1}`;

/**
 * The text's diagnostics, as the server publishes them (toLspDiagnostics of the analysed state),
 * are exactly `expected`, in order: each `code@LINE:COLUMN` of its start, 1-based with UTF-16
 * columns like the CLI's, or `code@L:C-L:C` to check where it ends too. Returns the diagnostics.
 */
export function expectDiagnostics(text: string | DocumentState, expected: string[], options: DiagnosticsOptions = {}): Diagnostic[] {
  const state = typeof text === 'string' ? stateOf(text, options) : text;
  const all = toLspDiagnostics(state);
  const diagnostics = options.codes ? all.filter((d) => options.codes!.includes(String(d.code))) : all;
  const found = diagnostics.map((d, i) => `${d.code}@${start(d)}${expected[i]?.includes('-', expected[i]!.indexOf('@')) ? `-${end(d)}` : ''}`);
  const listing = all.map((d) => `  ${d.code}@${start(d)}-${end(d)}: ${d.message}`).join('\n');
  expect(found, `diagnostics${options.codes ? ` (${options.codes.join(', ')})` : ''}; all of them:\n${listing || '  (none)'}\n`).toEqual(expected);
  return diagnostics;
}
