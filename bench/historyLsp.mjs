// The editor's history through the real protocol (issue 11: "history of a 200-commit file, warm:
// instant in the editor"): a 200-commit repository of the op-ed sample generated in a temporary
// folder (git fast-import, one number changed per commit, one commit with an error), then
// `scenario/history` cold (a fresh server: git log, every blob, every version checked and
// forecast in the history worker) and warm (the same server: its cache by blob id), and
// `scenario/fileCommits` and `scenario/compare` (HEAD~1 against the file), each the median of
// --runs. Run `npm run build` first. `node bench/historyLsp.mjs [--commits 200] [--runs 9]`
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeRepository } from './lib/gitRepository.mjs';
import * as rpc from 'vscode-jsonrpc/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
const commits = Number(option('--commits', '200'));
const runs = Number(option('--runs', '9'));
const sample = readFileSync(join(root, 'samples', 'us-pakistan-2025.scenario'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'scenario-bench-history-lsp-'));

function version(k) {
  if (k === Math.floor(commits / 2)) return sample.replace('base 50%', 'base maybe'); // a version with an error
  return sample.replace('probability 10%..25%', `probability ${5 + (k % 20)}%..${26 + (k % 10)}%`)
    .replace('base 10%', `base ${5 + (k % 15)}%`);
}

function makeHistoryRepository() {
  return join(makeRepository(join(work, 'repo'), commits, (k) => ({ 'model.scenario': version(k) })), 'model.scenario');
}

async function startServer() {
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  connection.onNotification(() => {});
  connection.onRequest(() => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  return { child, connection };
}

async function timed(connection, method, params) {
  const t = performance.now();
  const result = await connection.sendRequest(method, params);
  return { ms: performance.now() - t, result };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

const file = makeHistoryRepository();
const uri = pathToFileURL(file).toString();
const server = await startServer();
try {
  const cold = await timed(server.connection, 'scenario/history', { uri });
  if (!cold.result?.history) throw new Error(`no history: ${cold.result?.notice}`);
  const h = cold.result.history;
  const warm = [];
  for (let r = 0; r < runs; r++) {
    const w = await timed(server.connection, 'scenario/history', { uri });
    if (w.result.history.computed !== 0) throw new Error('the warm history computed versions again');
    warm.push(w.ms);
  }
  const log = [];
  for (let r = 0; r < runs; r++) log.push((await timed(server.connection, 'scenario/fileCommits', { uri })).ms);
  const compareCold = await timed(server.connection, 'scenario/compare', { uri, rev: 'HEAD~1' });
  if (!compareCold.result.diff) throw new Error(`no diff: ${compareCold.result.notice}`);
  const compare = [];
  for (let r = 0; r < runs; r++) compare.push((await timed(server.connection, 'scenario/compare', { uri, rev: 'HEAD~1' })).ms);
  console.log(`history through the protocol: ${commits} commits of the op-ed sample (${h.versions.filter((v) => v.errors > 0).length} with errors), dist/server.js --stdio`);
  console.log(`  scenario/history cold (fresh server, history worker start, ${h.computed} versions forecast): ${ms(cold.ms)} (worker's own ${ms(h.elapsedMs)})`);
  console.log(`  scenario/history warm (same server, ${h.versions.length} versions from its cache), median of ${runs}: ${ms(median(warm))}  target: instant (≤ 100 ms)`);
  console.log(`  scenario/fileCommits (quick pick), median of ${runs}: ${ms(median(log))}`);
  console.log(`  scenario/compare HEAD~1 → file (${compareCold.result.diff.changes.length} changes, ${compareCold.result.diff.forecasts} forecasts): first ${ms(compareCold.ms)}, median of ${runs} ${ms(median(compare))}`);
  if (median(warm) > 100) process.exitCode = 1;
} finally {
  server.connection.dispose();
  server.child.kill();
  rmSync(work, { recursive: true, force: true });
}
