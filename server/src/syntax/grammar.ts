// The ohm grammar (grammar/scenario.ohm) and what the rest of syntax/ needs from ohm's failures.
import * as ohm from 'ohm-js';
import grammarModule from '../../../grammar/scenario.ohm';
import { hasFastSpaces, installFastSpaces } from './fastSpaces';
import { installPlainRun } from './plainRun';
import type { DeclarationKeyword } from './scan';

// The bundles (esbuild.mjs) and the tests (vitest.config.ts) load grammar/scenario.ohm as ohm's
// recipe of the grammar, made from the .ohm source when the file is bundled: building a grammar
// from its recipe takes a few milliseconds, compiling the source (`ohm.grammar`) 100-500 ms of
// every CLI start. A plain text loader (the on-the-fly bundles of some benches and tests) still
// gives the source, which is then compiled. tests/syntax/grammarLoad.test.ts checks both are one grammar.
const makeRecipe = (ohm as unknown as { makeRecipe(recipe: unknown): ohm.Grammar }).makeRecipe;
// ohm asks every rule application, before each token, whether its rule is syntactic (a rule name
// that starts with a capital), by upper-casing the name's first letter each time: about a tenth
// of a cold parse. The answer never changes for an application, so it is remembered on it.
// (Same answer, computed once; tests/syntax/grammarLoad.test.ts compares the parses.)
const applyPrototype = (ohm.pexprs.Apply as unknown as { prototype: { isSyntactic(): boolean } }).prototype;
const askSyntactic = applyPrototype.isSyntactic;
applyPrototype.isSyntactic = function isSyntacticOnce(this: { syntactic?: boolean }) {
  return (this.syntactic ??= askSyntactic.call(this));
};

// ohm checks a grammar as it builds it: alternatives of one arity, applications of rules that exist
// with their parameters, no iteration of what can match nothing. A recipe was made at build time
// from a grammar compiled from its source (grammar/recipe.mjs), which passed those very checks, so
// building it again skips them: about a third of building it, 2 ms of every start.
const GRAMMAR_CHECKS = ['assertChoicesHaveUniformArity', 'assertAllApplicationsAreValid', 'assertIteratedExprsAreNotNullable'];
function fromCheckedRecipe(recipe: unknown): ohm.Grammar {
  const skipped: [Record<string, unknown>, string, unknown][] = [];
  for (const pexpr of Object.values(ohm.pexprs) as unknown[]) {
    const holder = (typeof pexpr === 'function' ? pexpr.prototype : pexpr) as Record<string, unknown> | null;
    if (holder === null || typeof holder !== 'object') continue;
    for (const check of GRAMMAR_CHECKS) {
      if (!Object.hasOwn(holder, check)) continue;
      skipped.push([holder, check, holder[check]]);
      holder[check] = () => {};
    }
  }
  try {
    return makeRecipe(recipe);
  } finally {
    for (const [holder, check, method] of skipped) holder[check] = method;
  }
}

export const scenarioGrammar: ohm.Grammar =
  typeof grammarModule === 'string' ? ohm.grammar(grammarModule) : fromCheckedRecipe(grammarModule);
// Spaces between tokens skipped by a loop instead of rule applications (see fastSpaces.ts).
installFastSpaces(scenarioGrammar);
// ohm's evaluation, shortened where nothing but the match can come of it (see plainRun.ts).
if (hasFastSpaces(scenarioGrammar)) installPlainRun(scenarioGrammar);

/** The start rule that matches one declaration of each kind. */
export const START_RULES: Record<DeclarationKeyword, string> = {
  scenario: 'ScenarioDecl',
  import: 'ImportDecl',
  factor: 'FactorDecl',
  event: 'EventDecl',
  outcome: 'OutcomeDecl',
  alternative: 'AlternativeDecl',
};

/** One thing ohm expected where the match failed, as the analyst will read it. */
export type Expectation =
  | { kind: 'description'; rule: string; text: string }
  | { kind: 'punctuation'; text: string }
  | { kind: 'end' };

// ohm's failure objects are not in its typings; this is the part we read.
interface OhmFailure {
  getPExpr(): unknown;
  getText(): string;
  isFluffy(): boolean;
}
interface FailedMatch {
  getRightmostFailurePosition(): number;
  getRightmostFailures(): OhmFailure[];
}

/**
 * What was expected at the failure position. Only described rules, braces and the end of input
 * are kept: everything else would show grammar internals.
 */
export function expectationsOf(result: ohm.MatchResult): { position: number; expected: Expectation[] } {
  const failed = result as unknown as FailedMatch;
  const position = failed.getRightmostFailurePosition();
  const expected: Expectation[] = [];
  const seen = new Set<string>();
  for (const failure of failed.getRightmostFailures()) {
    if (failure.isFluffy()) continue;
    const expectation = toExpectation(failure);
    if (!expectation) continue;
    const key = expectation.kind === 'end' ? 'end' : `${expectation.kind}:${expectation.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    expected.push(expectation);
  }
  return { position, expected };
}

function toExpectation(failure: OhmFailure): Expectation | null {
  const pexpr = failure.getPExpr();
  if (pexpr instanceof ohm.pexprs.Apply) {
    const rule = (pexpr as unknown as { ruleName: string }).ruleName;
    const description = scenarioGrammar.rules[rule]?.description;
    return description ? { kind: 'description', rule, text: description } : null;
  }
  if (pexpr instanceof ohm.pexprs.Terminal) {
    // Only the braces are punctuation an analyst types between statements; other terminals
    // (a backslash inside a string...) are details of a token.
    const text = failure.getText();
    return text === '{' || text === '}' ? { kind: 'punctuation', text } : null;
  }
  if (pexpr === ohm.pexprs.end) return { kind: 'end' };
  return null;
}
