// Bundles: CLI, language server, forecast worker (node, cjs), extension (cjs, vscode external),
// webview script (browser iife).
import * as esbuild from 'esbuild';

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
  { in: 'server/src/worker/forecastWorker.ts', out: 'forecastWorker' },
];
const builds = [
  { ...common, platform: 'node', format: 'cjs', target: 'node20',
    entryPoints: nodeTargets, outdir: 'dist' },
  { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'],
    entryPoints: [{ in: 'client/src/extension.ts', out: 'extension' }], outdir: 'dist' },
  { ...common, platform: 'browser', format: 'iife', target: 'es2022',
    entryPoints: [{ in: 'client/webview/main.ts', out: 'main' }], outdir: 'dist/webview' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
