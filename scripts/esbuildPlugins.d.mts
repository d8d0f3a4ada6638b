import type { Plugin } from 'esbuild';
/** grammar/*.ohm as ohm's recipe of the grammar (grammar/recipe.mjs). */
export const ohmRecipe: Plugin;
/** node:child_process, node:crypto and node:os loaded on the first call of one of their functions; fs and path imported without esbuild's namespace copies. */
export const lazyBuiltins: Plugin;
/** ohm's Unicode category patterns, its own grammars and its signature parser built when first used instead of when ohm loads. */
export const ohmLazyLoad: Plugin;
/** *.wat as its WebAssembly binary (scripts/wat.mjs). */
export const watBinary: Plugin;
