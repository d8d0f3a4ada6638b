// The grammar the parser runs is built from ohm's recipe (made from grammar/scenario.ohm when the
// file is bundled, see esbuild.mjs and vitest.config.ts), not compiled from the source at run
// time. It must be the very grammar the source compiles to: same rules, bodies and descriptions,
// same trees and the same failures on the samples.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ohm from 'ohm-js';
import { describe, expect, it } from 'vitest';
import grammarModule from '../../grammar/scenario.ohm';
import { grammarRecipe, recipeOfSource } from '../../grammar/recipe.mjs';
import { START_RULES, scenarioGrammar } from '../../server/src/syntax/grammar';
import { scanDocument } from '../../server/src/syntax/scan';

const root = join(__dirname, '..', '..');
const compiled = ohm.grammar(readFileSync(join(root, 'grammar', 'scenario.ohm'), 'utf8'));
const samples = readdirSync(join(root, 'samples'))
  .filter((f) => f.endsWith('.scenario'))
  .sort()
  .map((f) => ({ file: f, text: readFileSync(join(root, 'samples', f), 'utf8') }));

/** A match as plain data: the tree (rule, start, children) on success, the failure otherwise. */
function describer(grammar: ohm.Grammar): (m: ohm.MatchResult) => unknown {
  const semantics = grammar.createSemantics().addOperation<unknown>('tree', {
    _nonterminal(...children) {
      return [this.ctorName, this.source.startIdx, ...children.map((c) => c['tree']())];
    },
    _iter(...children) {
      return ['*', this.source.startIdx, ...children.map((c) => c['tree']())];
    },
    _terminal() {
      return this.sourceString;
    },
  });
  return (m) => {
    if (m.succeeded()) return { tree: semantics(m)['tree']() };
    const failed = m as unknown as { getRightmostFailurePosition(): number; message: string; getExpectedText(): string };
    return { position: failed.getRightmostFailurePosition(), message: failed.message, expected: failed.getExpectedText() };
  };
}
const runTime = describer(scenarioGrammar);
const reference = describer(compiled);

describe('the run-time grammar', () => {
  it('is built from a recipe, not from the source text', () => {
    expect(typeof grammarModule).not.toBe('string');
    expect(Array.isArray(grammarModule)).toBe(true);
  });

  it("skips ohm's checks of a grammar only while it builds this one from its recipe", () => {
    // The checks are back for any other grammar: an iteration of what can match nothing is refused.
    expect(() => ohm.grammar('G { start = ("" | "a")* }')).toThrow(/nullable/i);
    expect(() => ohm.grammar('G { start = undeclared }')).toThrow(/undeclared/i);
  });

  it('has the rules of grammar/scenario.ohm, with the same bodies, parameters and descriptions', () => {
    expect(scenarioGrammar.name).toBe(compiled.name);
    expect(scenarioGrammar.superGrammar.name).toBe(compiled.superGrammar.name);
    expect(Object.keys(scenarioGrammar.rules).sort()).toEqual(Object.keys(compiled.rules).sort());
    for (const [name, rule] of Object.entries(compiled.rules)) {
      const ours = scenarioGrammar.rules[name]!;
      // A rule without a description has `undefined` compiled and `null` from a recipe.
      expect({ name, description: ours.description ?? null, formals: ours.formals, body: ours.body.toString() })
        .toEqual({ name, description: rule.description ?? null, formals: rule.formals, body: rule.body.toString() });
    }
    // The bundles' recipe leaves out the source text (grammar/recipe.mjs): the rest is the same.
    expect(grammarRecipe(scenarioGrammar)).toBe(grammarRecipe(compiled));
    expect(JSON.stringify(grammarModule)).toBe(recipeOfSource(readFileSync(join(root, 'grammar', 'scenario.ohm'), 'utf8')));
  });

  it('matches every sample as the compiled grammar does, whole and declaration by declaration', () => {
    for (const { file, text } of samples) {
      const whole = scenarioGrammar.match(text, 'Document');
      expect(whole.succeeded(), file).toBe(true);
      expect(runTime(whole), file).toEqual(reference(compiled.match(text, 'Document')));
      for (const chunk of scanDocument(text).chunks) {
        if (!chunk.keyword) continue;
        const rule = START_RULES[chunk.keyword];
        const part = text.slice(chunk.start, chunk.end);
        expect(runTime(scenarioGrammar.match(part, rule)), `${file} ${rule}`)
          .toEqual(reference(compiled.match(part, rule)));
      }
    }
  });

  it('fails where and as the compiled grammar does (same message and expected text)', () => {
    let failures = 0;
    for (const { file, text } of samples) {
      for (const chunk of scanDocument(text).chunks) {
        if (!chunk.keyword) continue;
        const rule = START_RULES[chunk.keyword];
        const part = text.slice(chunk.start, chunk.end);
        // Cut short, and with a stray character at the cut, at three places of each declaration.
        for (const cut of [0.3, 0.6, 0.9].map((f) => Math.max(1, Math.floor(part.length * f)))) {
          for (const broken of [part.slice(0, cut), `${part.slice(0, cut)}@${part.slice(cut)}`]) {
            const ours = runTime(scenarioGrammar.match(broken, rule));
            expect(ours, `${file} ${rule} cut at ${cut}`).toEqual(reference(compiled.match(broken, rule)));
            if (!('tree' in (ours as object))) failures++;
          }
        }
      }
    }
    expect(failures).toBeGreaterThan(150);
  });
});
