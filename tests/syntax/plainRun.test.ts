// The run-time grammar evaluates a plain match with shortened steps (server/src/syntax/plainRun.ts).
// Each grammar here is built twice from one source: once taking the plain run, once ohm's own
// evaluation. Every match is run on both: same tree, same failures, the same memo table (every
// entry, with its lengths and failure offset), the same traces and the same errors.
import * as ohm from 'ohm-js';
import { describe, expect, it } from 'vitest';
import { START_RULES, scenarioGrammar } from '../../server/src/syntax/grammar';
import { hasPlainRun, installPlainRun } from '../../server/src/syntax/plainRun';
import { LAYOUT, declarations, grammarSource, outcome, random, sameAfterEdits, sameOnMutations, samples } from './ohmRuns';

/** The grammar `source` twice: taking the plain run, and ohm's own. */
function pair(source: string): { plain: ohm.Grammar; own: ohm.Grammar } {
  const plain = ohm.grammar(source);
  installPlainRun(plain);
  return { plain, own: ohm.grammar(source) };
}

// What plainRun.ts does beyond the scenario grammar: left recursion, parameters (ListOf,
// caseInsensitive), lexified parts (#), applySyntactic, characters beyond 16 bits, described rules,
// lookahead, negation, optional parts and iterations of several bindings.
const TOY = String.raw`
Toy {
  Start = Exp ";" end
  Exp = Exp "+" Term  -- plus
      | Exp "-" Term  -- minus
      | Term
  Term = Term "*" Factor  -- times
       | Factor
  Factor = "(" Exp ")"  -- paren
         | "[" ListOf<num, ","> "]"  -- list
         | #(word "!"?)  -- shout
         | &"~" "~" ~"~" emoji  -- tilde
         | key
         | num
  key (a key word) = caseInsensitive<"key">
  word = letter (letter | digit)*
  num (a number) = digit+ ("." digit+)?
  emoji = "\u{1F600}".."\u{1F64F}"
  pairs = (letter digit)+ ("=" applySyntactic<Exp>)?
}`;
const TOY_TOKENS = ['1', '23', '4.5', '+', '-', '*', '(', ')', '[', ']', ',', ';', 'ab', 'x9', '!', 'KeY', 'key', '~',
  '\u{1F600}', '\u{1F64F}', '\u{1F650}', '\ud83d', ' ', '\n', '  ', 'é', '.', '=', 'a1b2'];

function toyInputs(count: number): string[] {
  const next = random(21);
  const out = ['1+2*3;', '(1 + [2, 3.5]) * key ;', 'abc! - ~\u{1F600} ;', '1+;', '(((1));', '[1,,2];', '~~\u{1F600};', ''];
  while (out.length < count) {
    const length = 1 + Math.floor(next() * 12);
    out.push(Array.from({ length }, () => TOY_TOKENS[Math.floor(next() * TOY_TOKENS.length)]!).join(''));
  }
  return out;
}

describe('the plain run', () => {
  it('is what the run-time grammar does, and not a grammar built here from the source', () => {
    expect(hasPlainRun(scenarioGrammar)).toBe(true);
    expect(hasPlainRun(ohm.grammar(grammarSource))).toBe(false);
  });

  it('leaves what ohm leaves on every declaration of the samples, and on the whole samples', () => {
    const { plain, own } = pair(grammarSource);
    for (const { text, rule } of declarations()) expect(outcome(plain, text, rule), rule).toEqual(outcome(own, text, rule));
    for (const text of samples) expect(outcome(plain, text, 'Document')).toEqual(outcome(own, text, 'Document'));
  });

  it('leaves what ohm leaves on mutated and cut declarations, failures included', () => {
    const { plain, own } = pair(grammarSource);
    expect(sameOnMutations(plain, own, 5, 300)).toBeGreaterThan(40);
  });

  it('leaves what ohm leaves on a grammar with left recursion, parameters, lexified parts and wide characters', () => {
    const { plain, own } = pair(TOY);
    let failures = 0;
    for (const text of toyInputs(600)) {
      for (const rule of ['Start', 'Exp', 'pairs']) {
        const ours = outcome(plain, text, rule) as { succeeded: boolean };
        expect(ours, `${rule} ${JSON.stringify(text)}`).toEqual(outcome(own, text, rule));
        if (!ours.succeeded) failures++;
      }
    }
    expect(failures).toBeGreaterThan(300);
    expect(plain.match('(1 + [2, 3]) * KEY - x! * ~\u{1F610};').succeeded()).toBe(true);
    expect(plain.match('a1b2= 1 + 2 ', 'pairs').succeeded()).toBe(true);
  });

  it('leaves the memo table an incremental re-parse (replaceInputRange) reads as ohm does', () => {
    const scenario = pair(grammarSource);
    sameAfterEdits(scenario.plain, scenario.own, declarations().slice(0, 30), 9, LAYOUT);
    const toy = pair(TOY);
    sameAfterEdits(toy.plain, toy.own, toyInputs(60).map((text) => ({ text, rule: 'Start' })), 10, TOY_TOKENS);
  });

  it('leaves traces to ohm', () => {
    const { plain, own } = pair(TOY);
    for (const text of ['1+2*3;', '(1+;', 'key!;']) expect(plain.trace(text).toString()).toBe(own.trace(text).toString());
    const scenario = pair(grammarSource);
    const text = 'factor trade { probability 30%..40% }';
    expect(scenario.plain.trace(text, START_RULES.factor).toString()).toBe(scenario.own.trace(text, START_RULES.factor).toString());
  });

  it("throws ohm's error for an iteration of what can match nothing", () => {
    // ohm refuses such a grammar when it builds it; built with that check skipped, the match throws.
    const check = 'assertIteratedExprsAreNotNullable';
    const holders = (Object.values(ohm.pexprs) as unknown[])
      .map((p) => (typeof p === 'function' ? p.prototype : p) as Record<string, unknown> | null)
      .filter((h): h is Record<string, unknown> => h !== null && typeof h === 'object' && Object.hasOwn(h, check));
    const saved = holders.map((h) => h[check]);
    holders.forEach((h) => (h[check] = () => {}));
    let grammars: { plain: ohm.Grammar; own: ohm.Grammar };
    try {
      grammars = pair('Nullable { start = "a" ("b" | "")* }');
    } finally {
      holders.forEach((h, i) => (h[check] = saved[i]));
    }
    const thrown = (g: ohm.Grammar) => {
      try {
        g.match('abbc');
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(thrown(grammars.own)).toMatch(/nullable/i);
    expect(thrown(grammars.plain)).toBe(thrown(grammars.own));
  });
});
