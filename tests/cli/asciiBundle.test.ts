// scripts/asciiBundle.mjs: the bundles are made ASCII-only, so that bin/codeCache.js reads the CLI
// as Latin-1 (one-byte) text: non-ASCII characters in comment lines become \u escapes, and any
// elsewhere (a regular expression literal or a raw template, which esbuild keeps as written) fail
// the build with every such line named.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiComments, makeBundleAscii } from '../../scripts/asciiBundle.mjs';
import { bundleCli, runCli } from './bundle';
import { repoRoot } from '../fixture';

describe('asciiComments', () => {
  it('escapes the characters of comment lines, surrogate pairs as two units', () => {
    const text = 'a = 1;\n  /** x \u2212 y \u{1F600} */\n  // caf\u00e9\n * \u2026\nb = 2;';
    expect(asciiComments(text)).toBe('a = 1;\n  /** x \\u2212 y \\ud83d\\ude00 */\n  // caf\\u00e9\n * \\u2026\nb = 2;');
  });

  it('leaves ASCII text as it is', () => {
    const text = 'const s = "a\\xD7b";\n// plain\n';
    expect(asciiComments(text)).toBe(text);
  });

  it('refuses a character in code, naming every such line', () => {
    const text = 'const a = /[x\u00d7]/;\n// fine \u2212\nconst b = String.raw`\u2013`;';
    expect(() => asciiComments(text, 'cli.js')).toThrow(/cli\.js:1: const a = \/\[x\u00d7\]\/;\ncli\.js:3: const b/);
  });
});

describe('the CLI bundle made ASCII', () => {
  it('has no non-ASCII byte and checks the sample as before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-ascii-'));
    try {
      const cli = join(dir, 'cli.js');
      await bundleCli(cli);
      const sample = join(repoRoot, 'samples', 'us-pakistan-2025.scenario');
      const before = runCli(cli, ['forecast', sample, '--format', 'json', '--no-timing']);
      makeBundleAscii(cli);
      expect(readFileSync(cli).every((byte) => byte < 0x80)).toBe(true);
      const after = runCli(cli, ['forecast', sample, '--format', 'json', '--no-timing']);
      expect(after.code).toBe(0);
      expect(after.stdout).toBe(before.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
