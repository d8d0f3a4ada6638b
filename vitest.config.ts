import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';
import { recipeOfSource } from './grammar/recipe.mjs';

export default defineConfig({
  plugins: [
    {
      // Load grammar/*.ohm as ohm's recipe of the grammar, as esbuild.mjs does for the bundles
      // (tests/syntax/grammarLoad.test.ts checks it is the grammar the .ohm source compiles to).
      name: 'ohm-recipe',
      load(id: string) {
        if (id.endsWith('.ohm')) return `export default ${recipeOfSource(readFileSync(id, 'utf8'))};`;
        return null;
      },
    },
  ],
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
