import type { Grammar } from 'ohm-js';
/** The recipe of an ohm grammar, as JSON text without its source (throws when the grammar is broken). */
export function grammarRecipe(grammar: Grammar): string;
/** The recipe of the grammar that `source` (the text of a .ohm file) compiles to. */
export function recipeOfSource(source: string): string;
