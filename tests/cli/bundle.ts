// The CLI bundled from the current source with esbuild's JS API (as `npm run build` does), so the
// CLI tests never run a stale build; and a run of it as a real process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from '../fixture';

export async function bundleCli(outfile: string): Promise<void> {
  await esbuild.build({
    entryPoints: [join(repoRoot, 'server/src/cli.ts')], outfile, bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', loader: { '.ohm': 'text' }, logLevel: 'warning',
  });
}

/** Runs the bundle from the repository root, without colour settings from the environment. */
export function runCli(cli: string, args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8', cwd: repoRoot, env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
