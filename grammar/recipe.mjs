// What a bundle loads for grammar/scenario.ohm: ohm's recipe of the grammar (`grammar.toRecipe()`),
// made when the file is bundled (esbuild.mjs, vitest.config.ts, fuzz/run.mjs), so no process
// compiles the .ohm source at run time. The .ohm file stays the only source.
//
// The recipe is kept without the grammar's source text and each expression's place in it: those
// serve ohm's messages about a broken grammar (this one compiled here, so it is not broken) and its
// editor tools, never a match, and building a grammar from a recipe that has them costs a start
// about twice as long (ohm trims every expression's source text). tests/syntax/grammarLoad.test.ts
// checks the grammar from this recipe matches and fails as the compiled one does.
import * as ohm from 'ohm-js';

/** Leaves out the `source` and `sourceInterval` meta-information of a recipe, at every depth. */
function withoutSource(recipe) {
  if (Array.isArray(recipe)) return recipe.map(withoutSource);
  if (recipe === null || typeof recipe !== 'object') return recipe;
  const kept = {};
  for (const [key, value] of Object.entries(recipe)) {
    if (key !== 'source' && key !== 'sourceInterval') kept[key] = withoutSource(value);
  }
  return kept;
}

/** The recipe of an ohm grammar, as JSON text without its source (throws when the grammar is broken). */
export function grammarRecipe(grammar) {
  return JSON.stringify(withoutSource(JSON.parse(grammar.toRecipe())));
}

/** The recipe of the grammar that `source` (the text of a .ohm file) compiles to. */
export function recipeOfSource(source) {
  return grammarRecipe(ohm.grammar(source));
}
