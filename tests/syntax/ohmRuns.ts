// What a match of ohm leaves, as plain data, for the tests that compare the run-time grammar's
// shortcuts (fastSpaces.ts, plainRun.ts) with ohm's own evaluation; and the inputs they use.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as ohm from 'ohm-js';
import { expect } from 'vitest';
import { START_RULES } from '../../server/src/syntax/grammar';
import { scanDocument } from '../../server/src/syntax/scan';

const root = join(__dirname, '..', '..');

/** The source of grammar/scenario.ohm. */
export const grammarSource = readFileSync(join(root, 'grammar', 'scenario.ohm'), 'utf8');

/** The text of every sample. */
export const samples = readdirSync(join(root, 'samples'))
  .filter((f) => f.endsWith('.scenario'))
  .sort()
  .map((f) => readFileSync(join(root, 'samples', f), 'utf8'));

interface MemoRecord { matchLength: number; examinedLength: number; value: unknown; rightmostFailureOffset: number }
interface PosInfo { memo: Record<string, MemoRecord> }
type Internal = ohm.Matcher & { _memoTable: (PosInfo | undefined)[] };

export function matcherOf(grammar: ohm.Grammar, text: string): ohm.Matcher {
  const matcher = grammar.matcher();
  matcher.setInput(text);
  return matcher;
}

/** A match's tree as plain data: rule or iteration, start offset, children; terminals as their text. */
function treeOf(grammar: ohm.Grammar): (m: ohm.MatchResult) => unknown {
  const semantics = grammar.createSemantics().addOperation<unknown>('tree', {
    _nonterminal(...children) {
      return [this.ctorName, this.source.startIdx, this.source.endIdx, ...children.map((c) => c['tree']())];
    },
    _iter(...children) {
      return [this.isOptional() ? '?' : '*', this.source.startIdx, this.source.endIdx, ...children.map((c) => c['tree']())];
    },
    _terminal() {
      return [this.sourceString, this.source.startIdx];
    },
  });
  return (m) => semantics(m)['tree']();
}
const trees = new WeakMap<ohm.Grammar, (m: ohm.MatchResult) => unknown>();

/**
 * Everything a match leaves: its outcome, tree or failures, and the memo table (without the
 * entries of the rules in `leaveOut`), which is what incremental parsing (replaceInputRange) reads
 * to know what an edit invalidates.
 */
export function outcome(grammar: ohm.Grammar, text: string, rule: string, matcher?: ohm.Matcher, leaveOut: string[] = []): unknown {
  const m = (matcher ?? matcherOf(grammar, text)) as Internal;
  const result = m.match(rule);
  // A position where ohm only applied left-out rules has an entry in the table, empty of the others.
  const memo = m._memoTable.map((info) => {
    const entries = Object.entries(info?.memo ?? {})
      .filter(([key]) => !leaveOut.includes(key))
      .map(([key, r]) => [key, r.matchLength, r.examinedLength, Boolean(r.value), r.rightmostFailureOffset]);
    return entries.length > 0 ? entries : null;
  });
  while (memo.length > 0 && memo[memo.length - 1] === null) memo.pop();
  const failed = result as unknown as { getRightmostFailurePosition(): number; message: string; getExpectedText(): string };
  if (!trees.has(grammar)) trees.set(grammar, treeOf(grammar));
  return {
    succeeded: result.succeeded(),
    tree: result.succeeded() ? trees.get(grammar)!(result) : null,
    failure: result.succeeded() ? null : [failed.getRightmostFailurePosition(), failed.message, failed.getExpectedText()],
    memo,
  };
}

/** Declarations cut from the samples, with their start rule. */
export function declarations(): { text: string; rule: string }[] {
  const out: { text: string; rule: string }[] = [];
  for (const text of samples) {
    for (const chunk of scanDocument(text).chunks) {
      if (chunk.keyword) out.push({ text: text.slice(chunk.start, chunk.end), rule: START_RULES[chunk.keyword] });
    }
  }
  return out;
}

/** A small seeded generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Layout and near-layout: spaces, line breaks, comments, stray and control characters, half a surrogate pair. */
export const LAYOUT = [' ', '  ', '\n', '\r\n', '\t', '\r', '\u00a0', '\ufeff', '// note\n', '//', '// x\r', '/', '/ ',
  '//\u2028 y\n', '\u0000', '\u000b', '\u000c', '\u001f', '\u0085', '\u2003', ';', '//\ud83d\ude00\n', '\ud83d'];

/** A declaration with some runs of layout replaced by others, and now and then cut short. */
export function mutated(text: string, next: () => number): string {
  let out = text.replace(/[ \t\r\n]+/g, (run) => (next() < 0.3 ? LAYOUT[Math.floor(next() * LAYOUT.length)]! : run));
  if (next() < 0.3) out = out.slice(0, Math.floor(next() * out.length));
  return out;
}

type Outcome = (grammar: ohm.Grammar, text: string, rule: string, matcher?: ohm.Matcher) => unknown;

/** `rounds` mutated declarations of the samples through both grammars: the same outcome each time. How many failed to match. */
export function sameOnMutations(ours: ohm.Grammar, theirs: ohm.Grammar, seed: number, rounds: number, see: Outcome = outcome): number {
  const next = random(seed);
  const all = declarations();
  let failures = 0;
  for (let round = 0; round < rounds; round++) {
    const { text, rule } = all[Math.floor(next() * all.length)]!;
    const changed = mutated(text, next);
    const result = see(ours, changed, rule) as { succeeded: boolean };
    expect(result, JSON.stringify(changed)).toEqual(see(theirs, changed, rule));
    if (!result.succeeded) failures++;
  }
  return failures;
}

/**
 * Each text matched by both grammars, then edited four times in place (replaceInputRange, each edit
 * putting one of `inserts` somewhere): the same outcome after each edit.
 */
export function sameAfterEdits(
  ours: ohm.Grammar, theirs: ohm.Grammar, cases: readonly { text: string; rule: string }[], seed: number,
  inserts: readonly string[], see: Outcome = outcome,
): void {
  const next = random(seed);
  for (const { text, rule } of cases) {
    const a = matcherOf(ours, text);
    const b = matcherOf(theirs, text);
    a.match(rule);
    b.match(rule);
    let current = text;
    for (let edit = 0; edit < 4; edit++) {
      const start = Math.floor(next() * current.length);
      const end = Math.min(current.length, start + Math.floor(next() * 4));
      const insert = inserts[Math.floor(next() * inserts.length)]!;
      a.replaceInputRange(start, end, insert);
      b.replaceInputRange(start, end, insert);
      current = current.slice(0, start) + insert + current.slice(end);
      expect(see(ours, current, rule, a), JSON.stringify(current)).toEqual(see(theirs, current, rule, b));
    }
  }
}
