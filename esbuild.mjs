// Bundles: CLI, language server, forecast worker (node, cjs), extension (cjs, vscode external),
// webview script (browser iife). Entries that do not exist yet are skipped.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.ohm': 'text' },
};
const nodeTargets = [
  { in: 'server/src/cli.ts', out: 'cli' },
  { in: 'server/src/server.ts', out: 'server' },
  { in: 'server/src/engine/worker.ts', out: 'forecastWorker' },
];
const builds = [
  { ...common, platform: 'node', format: 'cjs', target: 'node20',
    entryPoints: nodeTargets.filter((e) => existsSync(e.in)), outdir: 'dist' },
  { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'],
    entryPoints: [{ in: 'client/src/extension.ts', out: 'extension' }].filter((e) => existsSync(e.in)),
    outdir: 'dist' },
  { ...common, platform: 'browser', format: 'iife', target: 'es2022',
    entryPoints: [{ in: 'client/webview/main.ts', out: 'main' }].filter((e) => existsSync(e.in)),
    outdir: 'dist/webview' },
].filter((b) => b.entryPoints.length > 0);

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
