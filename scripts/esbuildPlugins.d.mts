import type { Plugin } from 'esbuild';
/** grammar/*.ohm as ohm's recipe of the grammar (grammar/recipe.mjs). */
export const ohmRecipe: Plugin;
/** node:child_process and node:crypto loaded on the first call of one of their functions. */
export const lazyBuiltins: Plugin;
/** ohm's Unicode category patterns built when first read instead of when ohm loads. */
export const ohmLazyUnicode: Plugin;
/** *.wat as its WebAssembly binary (scripts/wat.mjs). */
export const watBinary: Plugin;
