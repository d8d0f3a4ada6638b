// Server memory on large documents, through the real protocol (issue 15): spawns
// `node dist/server.js --stdio` (run `npm run build` first), opens one generated file, makes ten
// one-character edits, each followed by a semantic-tokens request, waits for the last version's
// diagnostics, and reports the server's peak RSS (VmHWM from /proc; the peak while opening and
// while editing, sampled every 20 ms) and its RSS and heap at the end. One fresh server per
// model, so each peak is that model's own. The budget: 300 MB on any file the server accepts
// (MAX_DOCUMENT_CHARS), 250 MB with a 5,000-line model (ENGINEERING.md).
//
//   node bench/memory.mjs [--json] [--server path/to/server.js]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as rpc from 'vscode-jsonrpc/node';
import { emptyDeclarationsFile, factorsFile, nameDigitAt, realisticFile } from '../fuzz/largeFiles.mjs';
import { procStatusMb } from '../fuzz/proc.mjs';
import { positionAt } from './lib/text.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argument = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
const serverPath = argument('server', join(root, 'dist', 'server.js'));
// The accepted size, read from its one source.
const MAX_CHARS = Number(/MAX_DOCUMENT_CHARS = ([\d_]+)/.exec(readFileSync(join(root, 'server/src/syntax/assemble.ts'), 'utf8'))[1].replace(/_/g, ''));
const EDITS = 10;
const BUDGET_MB = 300;
const BUDGET_5000_LINES_MB = 250;



/** Opens `text`, makes ten one-character edits each followed by semantic tokens; peak RSS and heap. */
export async function measure(text, { server = serverPath, nodeArgs = [] } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, server, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiting = new Set();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    for (const waiter of [...waiting]) waiter(params);
  });
  connection.onNotification(() => {});
  connection.onRequest(() => null);
  connection.listen();
  const diagnosticsOf = (uri, version) => new Promise((resolve) => {
    const waiter = (p) => {
      if (p.uri === uri && p.version === version) {
        waiting.delete(waiter);
        resolve(p.diagnostics);
      }
    };
    waiting.add(waiter);
  });
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  const uri = pathToFileURL(join(root, '.bench-work', 'memory.scenario')).href;
  const started = performance.now();
  // RSS over time, by phase, to see where the peak is (open, or the edits).
  let phase = 'open';
  const peaks = {};
  const sampler = setInterval(() => {
    const rss = procStatusMb(child.pid, 'VmRSS');
    if (rss !== null) peaks[phase] = Math.max(peaks[phase] ?? 0, rss);
  }, 20);
  const opened = diagnosticsOf(uri, 1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'scenario', version: 1, text } });
  const first = await opened;
  phase = 'edits';
  let tokens = 0;
  let current = text;
  const lastPublished = diagnosticsOf(uri, EDITS + 1);
  for (let e = 0; e < EDITS; e++) {
    // Retype one digit of a name, spread over the file: every version differs.
    const at = nameDigitAt(current, (e + 0.5) / EDITS);
    const digit = String((Number(current[at]) % 9) + 1);
    const range = { start: positionAt(current, at), end: positionAt(current, at + 1) };
    current = current.slice(0, at) + digit + current.slice(at + 1);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: e + 2 }, contentChanges: [{ range, text: digit }] });
    const result = await connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
    tokens = (result?.data?.length ?? 0) / 5;
  }
  const last = await lastPublished;
  clearInterval(sampler);
  const elapsedMs = performance.now() - started;
  const stats = await connection.sendRequest('scenario/debug/stats', {});
  const peakMb = procStatusMb(child.pid, 'VmHWM');
  await connection.sendRequest('shutdown').catch(() => {});
  await connection.sendNotification('exit').catch(() => {});
  connection.dispose();
  child.kill();
  return {
    kb: text.length / 1000,
    lines: text.split('\n').length,
    diagnostics: last.length,
    firstDiagnostics: first.length,
    tokens,
    peakMb,
    rssMb: stats.memory.rss / 1048576,
    heapMb: stats.memory.heapUsed / 1048576,
    elapsedMs,
    peaks,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(serverPath)) {
    console.error(`${serverPath} is missing: run \`npm run build\` first.`);
    process.exit(2);
  }
  const models = [
    ['factors (issue 15), at the limit', factorsFile(MAX_CHARS), BUDGET_MB],
    ['factors and one outcome, at the limit', factorsFile(MAX_CHARS, true), BUDGET_MB],
    ['empty declarations, at the limit', emptyDeclarationsFile(MAX_CHARS), BUDGET_MB],
    ['realistic, at the limit', realisticFile(Infinity, MAX_CHARS), BUDGET_MB],
    ['990 KB of factors (too large: one error)', factorsFile(990_000), BUDGET_MB],
    ['5,000-line model', realisticFile(5_000), BUDGET_5000_LINES_MB],
  ];
  const rows = [];
  for (const [name, text, budget] of models) rows.push({ name, budget, ...(await measure(text)) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
  else {
    const f = (x, d = 0) => (x === null || x === undefined ? '—' : x.toFixed(d));
    console.log(`Server memory: open, ${EDITS} one-character edits each with semantic tokens (MB; peak = VmHWM)`);
    console.log(`accepted size: ${MAX_CHARS.toLocaleString('en-US')} characters`);
    console.log('| model | KB | lines | diagnostics | tokens | peak RSS | peak opening | peak editing | RSS after | heap after | budget | time (s) |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows) {
      const ok = r.peakMb === null ? '' : r.peakMb <= r.budget ? ' ✓' : ' ✗';
      console.log(`| ${r.name} | ${f(r.kb)} | ${r.lines} | ${r.diagnostics} | ${r.tokens} | ${f(r.peakMb)}${ok} | ` +
        `${f(r.peaks.open)} | ${f(r.peaks.edits)} | ${f(r.rssMb)} | ` +
        `${f(r.heapMb)} | ${r.budget} | ${f(r.elapsedMs / 1000, 1)} |`);
    }
  }
  process.exit(rows.every((r) => r.peakMb === null || r.peakMb <= r.budget) ? 0 : 1);
}
