// The run-time grammar skips spaces and comments with a loop (server/src/syntax/fastSpaces.ts)
// instead of applying its `spaces` rule. The grammar compiled from grammar/scenario.ohm here keeps
// ohm's way, so each match below is run both ways: same result, same failures, and the same memo
// entries (but those of `spaces` and `comment`, which the loop does not make), which is what
// incremental parsing (replaceInputRange) reads to know what an edit invalidates.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ohm from 'ohm-js';
import { describe, expect, it } from 'vitest';
import { START_RULES, scenarioGrammar } from '../../server/src/syntax/grammar';
import { endOfSpaces, hasFastSpaces } from '../../server/src/syntax/fastSpaces';
import { scanDocument } from '../../server/src/syntax/scan';

const root = join(__dirname, '..', '..');
const compiled = ohm.grammar(readFileSync(join(root, 'grammar', 'scenario.ohm'), 'utf8'));
const samples = readdirSync(join(root, 'samples'))
  .filter((f) => f.endsWith('.scenario'))
  .sort()
  .map((f) => readFileSync(join(root, 'samples', f), 'utf8'));

interface MemoRecord { matchLength: number; examinedLength: number; value: unknown; rightmostFailureOffset: number }
interface PosInfo { memo: Record<string, MemoRecord> }
type Internal = ohm.Matcher & { _memoTable: (PosInfo | undefined)[] };

function matcherOf(grammar: ohm.Grammar, text: string): ohm.Matcher {
  const matcher = grammar.matcher();
  matcher.setInput(text);
  return matcher;
}

/** Everything a match leaves: its outcome, failures, and the memo table but for spaces and comments. */
function outcome(grammar: ohm.Grammar, text: string, rule: string, matcher?: ohm.Matcher): unknown {
  const m = (matcher ?? matcherOf(grammar, text)) as Internal;
  const result = m.match(rule);
  // A position where ohm only applied `spaces` has an entry in the table, empty of the others.
  const memo = m._memoTable.map((info) => {
    const entries = Object.entries(info?.memo ?? {})
      .filter(([key]) => key !== 'spaces' && key !== 'comment')
      .map(([key, r]) => [key, r.matchLength, r.examinedLength, Boolean(r.value), r.rightmostFailureOffset]);
    return entries.length > 0 ? entries : null;
  });
  while (memo.length > 0 && memo[memo.length - 1] === null) memo.pop();
  const failed = result as unknown as { getRightmostFailurePosition(): number; message: string; getExpectedText(): string };
  return {
    succeeded: result.succeeded(),
    failure: result.succeeded() ? null : [failed.getRightmostFailurePosition(), failed.message, failed.getExpectedText()],
    memo,
  };
}

/** Declarations cut into pieces of the samples, with their start rule. */
function declarations(): { text: string; rule: string }[] {
  const out: { text: string; rule: string }[] = [];
  for (const text of samples) {
    for (const chunk of scanDocument(text).chunks) {
      if (chunk.keyword) out.push({ text: text.slice(chunk.start, chunk.end), rule: START_RULES[chunk.keyword] });
    }
  }
  return out;
}

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Layout and near-layout: what the loop must read exactly as the rule does.
const LAYOUT = [' ', '  ', '\n', '\r\n', '\t', '\r', '\u00a0', '\ufeff', '// note\n', '//', '// x\r', '/', '/ ',
  '//\u2028 y\n', '\u0000', '\u000b', '\u000c', '\u001f', '\u0085', '\u2003', ';', '//\ud83d\ude00\n', '\ud83d'];

describe('spaces skipped by a loop', () => {
  it('is what the run-time grammar does, and not the grammar compiled here', () => {
    expect(hasFastSpaces(scenarioGrammar)).toBe(true);
    expect(hasFastSpaces(compiled)).toBe(false);
  });

  it('ends where the spaces rule ends', () => {
    // `spaces` then anything: the length `spaces` matched is how far ohm skips.
    const probe = ohm.grammar('Probe <: Scenario { probe = spaces any* }', { Scenario: compiled });
    const skipped = probe.createSemantics().addOperation<number>('skipped', {
      probe(spaces, _rest) { return spaces.sourceString.length; },
    });
    for (const piece of LAYOUT) {
      for (const text of [piece, `${piece}x`, `  ${piece}${piece}}`, `${piece}/`, `${piece}//`]) {
        const match = probe.match(text, 'probe');
        expect(match.succeeded()).toBe(true);
        expect(endOfSpaces(text, 0), JSON.stringify(text)).toBe(skipped(match)['skipped']());
      }
    }
  });

  it('gives the same matches, failures and memo entries on every declaration of the samples', () => {
    for (const { text, rule } of declarations()) {
      expect(outcome(scenarioGrammar, text, rule), rule).toEqual(outcome(compiled, text, rule));
    }
    for (const text of samples) expect(outcome(scenarioGrammar, text, 'Document')).toEqual(outcome(compiled, text, 'Document'));
  });

  it('gives the same with layout, comments and stray characters put between the tokens', () => {
    const next = random(8);
    const all = declarations();
    let failures = 0;
    for (let round = 0; round < 400; round++) {
      const { text, rule } = all[Math.floor(next() * all.length)]!;
      // Replace some runs of layout by others, and now and then cut the text short.
      let mutated = text.replace(/[ \t\r\n]+/g, (run) => (next() < 0.3 ? LAYOUT[Math.floor(next() * LAYOUT.length)]! : run));
      if (next() < 0.3) mutated = mutated.slice(0, Math.floor(next() * mutated.length));
      const ours = outcome(scenarioGrammar, mutated, rule) as { succeeded: boolean };
      expect(ours, JSON.stringify(mutated)).toEqual(outcome(compiled, mutated, rule));
      if (!ours.succeeded) failures++;
    }
    expect(failures).toBeGreaterThan(50);
  });

  it('leaves the same memo entries to an incremental re-parse (replaceInputRange)', () => {
    const next = random(14);
    for (const { text, rule } of declarations().slice(0, 40)) {
      const ours = matcherOf(scenarioGrammar, text);
      const theirs = matcherOf(compiled, text);
      ours.match(rule);
      theirs.match(rule);
      let current = text;
      for (let edit = 0; edit < 4; edit++) {
        const start = Math.floor(next() * current.length);
        const end = Math.min(current.length, start + Math.floor(next() * 4));
        const insert = LAYOUT[Math.floor(next() * LAYOUT.length)]!;
        ours.replaceInputRange(start, end, insert);
        theirs.replaceInputRange(start, end, insert);
        current = current.slice(0, start) + insert + current.slice(end);
        expect(outcome(scenarioGrammar, current, rule, ours), JSON.stringify(current))
          .toEqual(outcome(compiled, current, rule, theirs));
      }
    }
  });
});
