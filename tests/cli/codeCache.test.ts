// bin/scenario.js runs the bundle from V8's code cache made at build time (bin/codeCache.js): the
// same output and exit codes as the bundle run directly, and a cache that does not belong to the
// bundle is never used. The bundle is read as UTF-8 (as esbuild writes it here) or, made ASCII as
// the build makes it, as Latin-1: the same either way.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../fixture';
import { bundleCli } from './bundle';
import { makeBundleAscii } from '../../scripts/asciiBundle.mjs';

const sample = join(repoRoot, 'samples', 'us-pakistan-2025.scenario');
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scenario-cache-'));
  mkdirSync(join(dir, 'bin'));
  for (const f of ['scenario.js', 'codeCache.js']) copyFileSync(join(repoRoot, 'bin', f), join(dir, 'bin', f));
  await bundleCli(join(dir, 'dist', 'cli.js'));
  const made = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(dir, 'bin', 'codeCache.js'))}).writeCache([["check", ${JSON.stringify(sample)}]])`], { encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (entry: string, ...args: string[]) => spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const viaBin = (...args: string[]) => run(join(dir, 'bin', 'scenario.js'), ...args);
const direct = (...args: string[]) => run(join(dir, 'dist', 'cli.js'), ...args);
const same = (a: ReturnType<typeof run>, b: ReturnType<typeof run>) => expect([a.status, a.stdout, a.stderr]).toEqual([b.status, b.stdout, b.stderr]);

describe('the CLI from its code cache', () => {
  it('writes the cache and the stamp (size and time) of the bundle it belongs to', () => {
    expect(readFileSync(join(dir, 'dist', 'cli.js.cache')).length).toBeGreaterThan(10_000);
    const bundle = statSync(join(dir, 'dist', 'cli.js'));
    expect(readFileSync(join(dir, 'dist', 'cli.js.cache.stamp'), 'utf8').trim()).toBe(`${bundle.size}:${bundle.mtimeMs}`);
  });

  it('prints and exits exactly as the bundle run directly', () => {
    same(viaBin('check', sample), direct('check', sample));
    same(viaBin('forecast', sample, '--format', 'json', '--no-timing'), direct('forecast', sample, '--format', 'json', '--no-timing'));
    const broken = join(dir, 'broken.scenario');
    writeFileSync(broken, 'factor f { probability 150% }\n');
    const result = viaBin('check', broken);
    expect(result.status).toBe(1);
    same(result, direct('check', broken));
    same(viaBin('nonsense'), direct('nonsense'));
    expect(viaBin('nonsense').status).toBe(2);
  });

  it('sets its V8 flag without loading node:v8 (and with it Node\u2019s streams), and warns of nothing', () => {
    const probe = `process.on('exit', () => require('node:fs').writeSync(2, '@@' + JSON.stringify(process.moduleLoadList)));
      process.argv = [process.argv[0], ${JSON.stringify(join(dir, 'bin', 'scenario.js'))}, 'forecast', ${JSON.stringify(sample)}, '--format', 'json'];
      require(process.argv[1]);`;
    const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const at = result.stderr.lastIndexOf('@@');
    expect(result.stderr.slice(0, at)).toBe('');
    const modules = JSON.parse(result.stderr.slice(at + 2)) as string[];
    expect(modules).not.toContain('NativeModule v8');
    expect(modules).not.toContain('NativeModule stream');
    expect(JSON.parse(result.stdout).outcomes.length).toBeGreaterThan(0);
  });

  it('reads a bundle made ASCII (as npm run build makes it) to the same output', () => {
    const bundle = join(dir, 'dist', 'cli.js');
    makeBundleAscii(bundle);
    expect(readFileSync(bundle).every((byte) => byte < 0x80)).toBe(true);
    const made = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(dir, 'bin', 'codeCache.js'))}).writeCache([["check", ${JSON.stringify(sample)}]])`], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    same(viaBin('check', sample), direct('check', sample));
    same(viaBin('forecast', sample, '--format', 'markdown', '--no-timing'), direct('forecast', sample, '--format', 'markdown', '--no-timing'));
  });

  it('ignores a cache made from another bundle, and runs without one', () => {
    writeFileSync(join(dir, 'dist', 'cli.js.cache.stamp'), '1:1\n');
    same(viaBin('check', sample), direct('check', sample));
    rmSync(join(dir, 'dist', 'cli.js.cache'));
    rmSync(join(dir, 'dist', 'cli.js.cache.stamp'));
    expect(existsSync(join(dir, 'dist', 'cli.js.cache'))).toBe(false);
    const result = viaBin('forecast', sample, '--format', 'csv');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(direct('forecast', sample, '--format', 'csv').stdout);
  });
});
