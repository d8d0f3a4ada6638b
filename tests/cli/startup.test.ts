// What a start of the CLI loads before it works: `scenario check` of a model needs neither git nor
// hashing nor prose segmentation, so it loads no child_process, crypto or os (the bundle loads them on
// first use, scripts/esbuildPlugins.mjs) and makes no Intl.Segmenter (prose/segment.ts); the
// commands that need them still get them.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../fixture';
import { useBundledCli } from './bundle';

const cli = useBundledCli('scenario-startup-');
const sample = join(repoRoot, 'samples', 'us-pakistan-2025.scenario');

/** Runs the bundle with `args`; the built-in modules it loaded and the segmenters it made. */
function loads(...args: string[]): { status: number | null; modules: string[]; segmenters: number } {
  const probe = `
    const Segmenter = Intl.Segmenter;
    let made = 0;
    Intl.Segmenter = function (...a) { made++; return new Segmenter(...a); };
    const { writeSync } = require('node:fs');
    process.on('exit', () => writeSync(2, '\\n@@' + JSON.stringify({
      modules: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)),
      segmenters: made,
    })));
    process.argv = [process.argv[0], ${JSON.stringify(join(cli.dir(), 'cli.js'))}, ...${JSON.stringify(args)}];
    require(process.argv[1]);`;
  const run = spawnSync(process.execPath, ['-e', probe], { cwd: repoRoot, encoding: 'utf8' });
  const report = JSON.parse(run.stderr.slice(run.stderr.lastIndexOf('@@') + 2)) as { modules: string[]; segmenters: number };
  return { status: run.status, ...report };
}

describe('the start of the CLI', () => {
  it('scenario check loads no child_process or crypto and makes no segmenter', () => {
    const check = loads('check', sample);
    expect(check.status).toBe(0);
    expect(check.modules).not.toContain('child_process');
    expect(check.modules).not.toContain('crypto');
    expect(check.modules).not.toContain('os');
    expect(check.segmenters).toBe(0);
    const forecast = loads('forecast', sample, '--format', 'json');
    expect(forecast.status).toBe(0);
    expect(forecast.modules.filter((m) => m === 'child_process' || m === 'crypto')).toEqual([]);
  });

  it('writes its answer without making Node streams for stdout and stderr (pipes here: no net), where it needs no colour', () => {
    for (const args of [['check', sample], ['forecast', sample, '--format', 'json']]) {
      const run = loads(...args);
      expect(run.status).toBe(0);
      expect(run.modules, args.join(' ')).not.toContain('net');
      expect(run.modules, args.join(' ')).not.toContain('internal/fs/sync_write_stream');
    }
  });

  it("reads names beyond ASCII (ohm's Unicode letters, built when first read in the bundle)", () => {
    const file = join(cli.dir(), 'unicode.scenario');
    writeFileSync(file, 'factor crise_é { probability 50% }\noutcome résultat { base 20%\n  crise_é raises x3 }\nfactor Ωmega { probability 5% }\n');
    const run = cli.run('check', file, '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.stringify(JSON.parse(run.stdout))).not.toMatch(/syntax/i);
  });

  it('loads them when a command needs them', () => {
    // history runs git (child_process) and keys its versions by digests (crypto); a draft is segmented.
    const history = loads('history', sample, '--max', '1', '--no-cache');
    expect(history.status).toBe(0);
    expect(history.modules).toContain('child_process');
    expect(history.modules).toContain('crypto');
    const draft = loads('draft', join(repoRoot, 'samples', 'us-pakistan-oped.txt'));
    expect(draft.status).toBe(0);
    expect(draft.segmenters).toBeGreaterThan(0);
  });
});
