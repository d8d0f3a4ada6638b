// The bundles' esbuild plugins (scripts/esbuildPlugins.mjs) on small entries, bundled as the
// node bundles are and run as real processes: ohm, loaded lazily, still compiles grammars from
// source and parses operation signatures; fs and path imported from our files are forwarders
// that call the real module's current function, without esbuild's namespace copies; os is loaded
// on the first call of one of its functions.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../fixture';
import { lazyBuiltins, ohmLazyLoad } from '../../scripts/esbuildPlugins.mjs';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scenario-plugins-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bundles `source` (ohm-js from the project's dependencies) and runs it; its output and the bundle. */
async function bundleAndRun(name: string, source: string): Promise<{ stdout: string; stderr: string; status: number | null; bundle: string }> {
  const entry = join(dir, `${name}.ts`);
  const outfile = join(dir, `${name}.cjs`);
  writeFileSync(entry, source);
  await esbuild.build({
    entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    nodePaths: [join(repoRoot, 'node_modules')], plugins: [ohmLazyLoad, lazyBuiltins], logLevel: 'silent',
  });
  const run = spawnSync(process.execPath, [outfile], { encoding: 'utf8' });
  return { stdout: run.stdout, stderr: run.stderr, status: run.status, bundle: readFileSync(outfile, 'utf8') };
}

describe('ohm loaded lazily', () => {
  it('compiles a grammar from source, with parameterised rules and operations that take arguments', async () => {
    const run = await bundleAndRun('ohm', `
      import * as ohm from 'ohm-js';
      const g = ohm.grammar('G { Start = "a" ListOf<x, ","> \\n x = "x" }');
      const s = g.createSemantics().addOperation('count(k)', {
        Start(_a: any, list: any) { return list.asIteration().children.length * (this as any).args.k; },
        x(_x: any) { return 1; },
      });
      const bad = ohm.grammar('G { Start = "a" }').match('b');
      let syntaxError = '';
      try { ohm.grammar('G { Start = = }'); } catch (e) { syntaxError = (e as Error).message.split('\\n')[0]!; }
      console.log(JSON.stringify({
        matched: g.match('a x, x,x').succeeded(), count: s(g.match('a x, x,x')).count(10), failed: bad.failed(),
        ohmGrammar: ohm.ohmGrammar.name, hasRule: 'Base_application' in ohm.ohmGrammar.rules,
        isGrammar: ohm.ohmGrammar instanceof Object.getPrototypeOf(g).constructor, syntaxError,
      }));
    `);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      matched: true, count: 30, failed: true, ohmGrammar: 'Ohm', hasRule: true, isGrammar: true,
      syntaxError: expect.stringContaining('Line 1, col'),
    });
    // The two grammars are built on first use, not when the bundle loads.
    expect(run.bundle).not.toMatch(/^var ohm_grammar_default = makeRecipe/m);
  });
});

describe('fs, path and os from our files', () => {
  it('call the real module\u2019s function of the moment, keep constants and classes, and make no namespace copies', async () => {
    const run = await bundleAndRun('builtins', `
      import * as fs from 'node:fs';
      import fsDefault from 'node:fs';
      import { sep, join } from 'node:path';
      import * as os from 'node:os';
      const osBefore = process.moduleLoadList.includes('NativeModule os');
      const home = os.homedir();
      const real = require('node:fs');
      const calls: unknown[] = [];
      const original = real.existsSync;
      real.existsSync = (p: string) => { calls.push(p); return original(p); };
      const seen = fs.existsSync('/');
      real.existsSync = original;
      const stats = fs.statSync('/');
      console.log(JSON.stringify({
        seen, calls, sep, joined: join('a', 'b'), osBefore, home: home === require('node:os').homedir(), isStats: stats instanceof fs.Stats,
        sameDefault: fsDefault === real, constants: typeof fs.constants.O_RDONLY,
      }));
    `);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      seen: true, calls: ['/'], sep: '/', joined: 'a/b', osBefore: false, home: true, isStats: true, sameDefault: true, constants: 'number',
    });
    expect(run.bundle).not.toMatch(/__toESM\(require\("node:(fs|path|os)"\)\)/);
  });

  it('refuses a constant of a module loaded on first call', async () => {
    await expect(bundleAndRun('constant', `import { EOL } from 'node:os';\nconsole.log(EOL);`)).rejects.toThrow(/No matching export/);
  });
});
