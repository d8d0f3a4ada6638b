import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';
import { recipeOfSource } from './grammar/recipe.mjs';
import { watModule } from './scripts/wat.mjs';

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
    {
      // Load *.wat as its binary, as esbuild.mjs does (scripts/wat.mjs).
      name: 'wat-binary',
      async load(id: string) {
        return id.endsWith('.wat') ? watModule(readFileSync(id, 'utf8'), id) : null;
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
