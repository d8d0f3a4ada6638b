// The CLI bundled from the current source with esbuild's JS API and the plugins of `npm run build`
// (the grammar as its recipe, the lazy built-in modules), so the CLI tests never run a stale build;
// and a run of it as a real process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll } from 'vitest';
import { repoRoot } from '../fixture';
import { lazyBuiltins, ohmLazyLoad, ohmRecipe, watBinary } from '../../scripts/esbuildPlugins.mjs';

export async function bundleCli(outfile: string): Promise<void> {
  await esbuild.build({
    entryPoints: [join(repoRoot, 'server/src/cli.ts')], outfile, bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', plugins: [ohmRecipe, ohmLazyLoad, lazyBuiltins, watBinary], logLevel: 'warning',
  });
}

/** Runs the bundle from the repository root, without colour settings from the environment. */
export function runCli(cli: string, args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8', cwd: repoRoot, env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** For a test file: the CLI bundled into a fresh temporary folder before its tests, removed after. */
export function useBundledCli(prefix: string) {
  const state = { dir: '', cli: '' };
  beforeAll(async () => {
    state.dir = mkdtempSync(join(tmpdir(), prefix));
    state.cli = join(state.dir, 'cli.js');
    await bundleCli(state.cli);
  });
  afterAll(() => rmSync(state.dir, { recursive: true, force: true }));
  return {
    /** The temporary folder (for files a test writes). */
    dir: () => state.dir,
    run: (...args: string[]) => runCli(state.cli, args),
  };
}
