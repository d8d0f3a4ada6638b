// The run-time grammar skips spaces and comments with a loop (server/src/syntax/fastSpaces.ts)
// instead of applying its `spaces` rule. The grammar compiled from grammar/scenario.ohm here keeps
// ohm's way, so each match below is run both ways: same result, same failures, and the same memo
// entries (but those of `spaces` and `comment`, which the loop does not make), which is what
// incremental parsing (replaceInputRange) reads to know what an edit invalidates.
import * as ohm from 'ohm-js';
import { describe, expect, it } from 'vitest';
import { scenarioGrammar } from '../../server/src/syntax/grammar';
import { endOfSpaces, hasFastSpaces } from '../../server/src/syntax/fastSpaces';
import { LAYOUT, declarations, grammarSource, matcherOf, mutated, outcome as outcomeOf, random, samples } from './ohmRuns';

const compiled = ohm.grammar(grammarSource);
// The loop makes no memo entries of `spaces` and `comment`.
const outcome = (grammar: ohm.Grammar, text: string, rule: string, matcher?: ohm.Matcher) =>
  outcomeOf(grammar, text, rule, matcher, ['spaces', 'comment']);

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
      const changed = mutated(text, next);
      const ours = outcome(scenarioGrammar, changed, rule) as { succeeded: boolean };
      expect(ours, JSON.stringify(changed)).toEqual(outcome(compiled, changed, rule));
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
