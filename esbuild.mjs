// Bundles: CLI, language server, forecast worker (node, cjs), extension (cjs, vscode external),
// webview script (browser iife).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { makeBundleAscii } from './scripts/asciiBundle.mjs';
import { lazyBuiltins, ohmLazyLoad, ohmRecipe, watBinary } from './scripts/esbuildPlugins.mjs';

const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  plugins: [ohmRecipe, ohmLazyLoad],
};
const nodeCommon = { ...common, plugins: [ohmRecipe, ohmLazyLoad, lazyBuiltins, watBinary] };
const nodeTargets = [
  { in: 'server/src/cli.ts', out: 'cli' },
  { in: 'server/src/server.ts', out: 'server' },
  { in: 'server/src/worker/forecastWorker.ts', out: 'forecastWorker' },
  { in: 'server/src/worker/historyWorker.ts', out: 'historyWorker' },
];
const builds = [
  { ...nodeCommon, platform: 'node', format: 'cjs', target: 'node20',
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
  // Node reads an ASCII bundle as a one-byte string (scripts/asciiBundle.mjs).
  for (const target of [...nodeTargets, { out: 'extension' }]) makeBundleAscii(`dist/${target.out}.js`);
  // The CLI's V8 code cache (bin/codeCache.js), made from the commands users run most.
  const sample = 'samples/us-pakistan-2025.scenario';
  const made = spawnSync(process.execPath, ['-e', `require('./bin/codeCache').writeCache(${JSON.stringify([
    ['check', sample], ['forecast', sample], ['forecast', sample, '--format', 'json'],
    ['forecast', 'samples/election.scenario', '--format', 'json'], // Monte Carlo
  ])})`], { stdio: 'inherit' });
  if (made.status !== 0) throw new Error('could not make the CLI code cache');
}
