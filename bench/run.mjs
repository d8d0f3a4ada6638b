// `npm run bench`: runs every benchmark in turn (each prints its own table with model sizes).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { inlayHintsLine, readUpdatesResult, updatesLine, updatesSource } from '../tests/e2e/lib/updatesResult.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// Each suite with its arguments: the imports bench twice, every question importing the library,
// then 20 of them among models of their own.
const suites = ['parse.mjs', 'core.mjs', 'engine.mjs', 'lsp.mjs', 'memory.mjs', 'startup.mjs', 'history.mjs', 'historyLsp.mjs', 'score.mjs', 'imports.mjs',
  'imports.mjs --importers 20'];
let failed = 0;
for (const suite of suites) {
  const [file, ...args] = suite.split(' ');
  const path = join(here, file);
  if (!existsSync(path)) continue;
  console.log(`\n=== ${suite.replace('.mjs', '')} ===`);
  const run = spawnSync(process.execPath, ['--expose-gc', path, ...args], { stdio: 'inherit', cwd: join(here, '..') });
  if (run.status !== 0) failed++;
}
// Measured only in a real VS Code, by the e2e run: shown here from its last run.
console.log('\n=== real VS Code (from the e2e run) ===');
const updates = readUpdatesResult();
if (!updates) console.log('no measurement yet: run npm run test:e2e');
else console.log([updatesLine(updates), inlayHintsLine(updates), `  ${updatesSource(updates)}`].filter(Boolean).join('\n'));
process.exit(failed ? 1 : 0);
