// Bundles: CLI, language server, forecast worker (node, cjs), extension (cjs, vscode external),
// webview script (browser iife).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { recipeOfSource } from './grammar/recipe.mjs';

const watch = process.argv.includes('--watch');

// grammar/*.ohm becomes ohm's recipe of the grammar (grammar/recipe.mjs), compiled here once
// per build instead of at every start: `ohm.makeRecipe` builds it in a few milliseconds, where
// compiling the source at run time cost the CLI 100-500 ms. The .ohm file stays the only source.
const recipes = new Map();
const ohmRecipe = {
  name: 'ohm-recipe',
  setup(build) {
    build.onLoad({ filter: /\.ohm$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      try {
        if (!recipes.has(source)) recipes.set(source, recipeOfSource(source));
      } catch (error) {
        return { errors: [{ text: `${args.path}: ${error.message}` }], watchFiles: [args.path] };
      }
      return { contents: `export default ${recipes.get(source)};\n`, loader: 'js', watchFiles: [args.path] };
    });
  },
};

const common = {
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  plugins: [ohmRecipe],
};
const nodeTargets = [
  { in: 'server/src/cli.ts', out: 'cli' },
  { in: 'server/src/server.ts', out: 'server' },
  { in: 'server/src/worker/forecastWorker.ts', out: 'forecastWorker' },
  { in: 'server/src/worker/historyWorker.ts', out: 'historyWorker' },
];
const builds = [
  { ...common, platform: 'node', format: 'cjs', target: 'node20',
    entryPoints: nodeTargets, outdir: 'dist' },
  { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'],
    entryPoints: [{ in: 'client/src/extension.ts', out: 'extension' }], outdir: 'dist' },
  { ...common, platform: 'browser', format: 'iife', target: 'es2022',
    entryPoints: [{ in: 'client/webview/main.ts', out: 'main' }, { in: 'client/webview/compare/main.ts', out: 'compare' },
      { in: 'client/webview/trackRecord/main.ts', out: 'trackRecord' }], outdir: 'dist/webview' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  // The CLI's V8 code cache (bin/codeCache.js), made from the commands users run most.
  const sample = 'samples/us-pakistan-2025.scenario';
  const made = spawnSync(process.execPath, ['-e', `require('./bin/codeCache').writeCache(${JSON.stringify([
    ['check', sample], ['forecast', sample], ['forecast', sample, '--format', 'json'],
    ['forecast', 'samples/election.scenario', '--format', 'json'], // Monte Carlo
  ])})`], { stdio: 'inherit' });
  if (made.status !== 0) throw new Error('could not make the CLI code cache');
}
