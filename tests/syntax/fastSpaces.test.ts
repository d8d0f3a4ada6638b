// The run-time grammar skips spaces and comments with a loop (server/src/syntax/fastSpaces.ts)
// instead of applying its `spaces` rule. The grammar compiled from grammar/scenario.ohm here keeps
// ohm's way, so each match below is run both ways: same result, same failures, and the same memo
// entries (but those of `spaces` and `comment`, which the loop does not make), which is what
// incremental parsing (replaceInputRange) reads to know what an edit invalidates.
import * as ohm from 'ohm-js';
import { describe, expect, it } from 'vitest';
import { scenarioGrammar } from '../../server/src/syntax/grammar';
import { endOfSpaces, hasFastSpaces } from '../../server/src/syntax/fastSpaces';
import { LAYOUT, declarations, grammarSource, outcome as outcomeOf, sameAfterEdits, sameOnMutations, samples } from './ohmRuns';

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
    expect(sameOnMutations(scenarioGrammar, compiled, 8, 400, outcome)).toBeGreaterThan(50);
  });

  it('leaves the same memo entries to an incremental re-parse (replaceInputRange)', () => {
    sameAfterEdits(scenarioGrammar, compiled, declarations().slice(0, 40), 14, LAYOUT, outcome);
  });
});
