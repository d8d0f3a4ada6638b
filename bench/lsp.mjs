// LSP latency and memory, through the real protocol: spawns `node dist/server.js --stdio` (run
// `npm run build` first), opens generated 500- and 5,000-line files and measures the first full
// check, edit → diagnostics and hover latency (median, p95), the first forecast, and the server's
// memory (RSS from /proc, heap from a server-only debug request). Prints a table and the targets
// of ENGINEERING.md. `node bench/lsp.mjs [--edits N] [--sizes 500,5000] [--server path/to/server.js]`;
// SERVER_NODE_ARGS="--flag ..." passes V8/Node flags to the server process (to try them out).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as rpc from 'vscode-jsonrpc/node';
import { positionAt } from './lib/text.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function argument(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}
const serverPath = argument('server', join(root, 'dist', 'server.js'));
const NODE_ARGS = (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const EDITS = Number(argument('edits', 50));
const HOVERS = Number(argument('hovers', 50));
const SIZES = argument('sizes', '500,5000').split(',').map(Number);

const TARGETS = { edit500: 5, edit5000: 20, firstCheck5000: 300, hover: 10, memoryMb: 250 };

// ---- a generated model (the same shape as tests/server/models.ts generateModel) ----------------

const STRENGTHS = ['weakly', 'moderately', 'strongly'];
const PHRASES = ['likely', 'unlikely', 'very likely', 'roughly even chance', '35%', '20%..40%', '0.6'];

function generateModel(lines) {
  const out = ['scenario "Generated" {', '  question "How does a generated model behave?"', '  samples 20000', '  seed 7', '}', ''];
  for (let block = 0; out.length < lines; block++) {
    const names = [];
    for (let f = 0; f < 4; f++) {
      const name = `f${block}_${f}`;
      names.push(name);
      out.push(`factor ${name} "Factor ${block}.${f}" {`, `  probability ${PHRASES[(block + f) % PHRASES.length]}`,
        `  note "Generated factor number ${f} of block ${block}."`, '}', '');
    }
    out.push(`outcome o${block} "Outcome ${block}" {`, `  base ${10 + (block % 7) * 10}%`);
    names.forEach((name, i) => out.push(`  ${name} ${i % 3 === 2 ? 'lowers' : 'raises'} ${STRENGTHS[(block + i) % 3]}`));
    out.push('  judged likely', '}', '');
  }
  return out.join('\n');
}

// ---- a small client ---------------------------------------------------------------------------


async function startServer() {
  const child = spawn(process.execPath, [...NODE_ARGS, serverPath, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const listeners = new Set();
  const on = (method) => connection.onNotification(method, (params) => {
    for (const listener of [...listeners]) listener(method, params, performance.now());
  });
  on('textDocument/publishDiagnostics');
  on('scenario/forecastReady');
  connection.onNotification('window/logMessage', () => {});
  connection.onRequest(() => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  /** Resolves with the time of the first notification for which `match` holds. */
  const next = (method, match) => new Promise((resolve) => {
    const listener = (m, params, time) => {
      if (m === method && match(params)) {
        listeners.delete(listener);
        resolve({ params, time });
      }
    };
    listeners.add(listener);
  });
  return { child, connection, next };
}

function vmRssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
}

// ---- one size -----------------------------------------------------------------------------------

async function measure(lines) {
  const server = await startServer();
  const { connection, next } = server;
  let text = generateModel(lines);
  const uri = pathToFileURL(join(root, 'bench', `generated-${lines}.scenario`)).href;
  let version = 1;

  const opened = next('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1);
  const firstForecast = next('scenario/forecastReady', (p) => p.uri === uri && p.forecast !== null);
  const openAt = performance.now();
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'scenario', version, text } });
  const firstCheck = (await opened).time - openAt;
  const forecastMs = (await firstForecast).time - openAt;

  // Edits spread over the file: retype one digit of a note (the check runs, the model is rebuilt).
  const editLatencies = [];
  const noteOffsets = [];
  for (let i = text.indexOf('factor number '); i !== -1; i = text.indexOf('factor number ', i + 1)) noteOffsets.push(i + 'factor number '.length);
  for (let e = 0; e < EDITS; e++) {
    const at = noteOffsets[Math.floor((e * noteOffsets.length) / EDITS)];
    const digit = String((Number(text[at]) + 1) % 10);
    const range = { start: positionAt(text, at), end: positionAt(text, at + 1) };
    text = text.slice(0, at) + digit + text.slice(at + 1);
    version++;
    const published = next('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version);
    const sentAt = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: digit }] });
    editLatencies.push((await published).time - sentAt);
  }

  // Hovers on factor names where they drive an outcome.
  const hoverLatencies = [];
  const uses = [];
  for (let i = text.indexOf('\n  f'); i !== -1; i = text.indexOf('\n  f', i + 1)) uses.push(i + 3);
  let answered = 0;
  for (let h = 0; h < HOVERS; h++) {
    const position = positionAt(text, uses[Math.floor((h * uses.length) / HOVERS)]);
    const sentAt = performance.now();
    const result = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    hoverLatencies.push(performance.now() - sentAt);
    if (result) answered++;
  }

  global.gc?.();
  const stats = await connection.sendRequest('scenario/debug/stats', {});
  const rss = vmRssMb(server.child.pid) ?? stats.memory.rss / 1048576;
  const result = {
    requested: lines,
    lines: text.split('\n').length,
    kb: text.length / 1024,
    firstCheck,
    forecastMs,
    editMedian: median(editLatencies),
    editP95: quantile(editLatencies, 0.95),
    hoverMedian: median(hoverLatencies),
    hoverP95: quantile(hoverLatencies, 0.95),
    hoverAnswered: answered,
    rssMb: rss,
    heapMb: stats.memory.heapUsed / 1048576,
  };
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  server.child.kill();
  return result;
}

// ---- main -----------------------------------------------------------------------------------------

if (!existsSync(serverPath)) {
  console.error(`${serverPath} is missing: run \`npm run build\` first.`);
  process.exit(2);
}

const f = (x, digits = 1) => (x === null || x === undefined ? '—' : x.toFixed(digits));
const rows = [];
for (const size of SIZES) rows.push(await measure(size));

console.log(`LSP through the protocol (${EDITS} edits, ${HOVERS} hovers per size; times in ms, memory in MB)`);
console.log('| lines | KB | first check | first forecast | edit→diag median | p95 | hover median | p95 | RSS | heap |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.lines} | ${f(r.kb, 0)} | ${f(r.firstCheck)} | ${f(r.forecastMs)} | ${f(r.editMedian, 2)} | ${f(r.editP95, 2)} | ` +
    `${f(r.hoverMedian, 2)} | ${f(r.hoverP95, 2)} | ${f(r.rssMb, 0)} | ${f(r.heapMb, 0)} |`);
}

const checks = [];
const near = (lines) => rows.find((r) => r.requested === lines);
const r500 = near(500);
const r5000 = near(5000);
if (r500) checks.push(['edit → diagnostics, 500 lines, median', r500.editMedian, TARGETS.edit500, 'ms']);
if (r5000) {
  checks.push(['edit → diagnostics, 5,000 lines, median', r5000.editMedian, TARGETS.edit5000, 'ms']);
  checks.push(['first full check, 5,000 lines', r5000.firstCheck, TARGETS.firstCheck5000, 'ms']);
  checks.push(['server memory (RSS) with a 5,000-line file', r5000.rssMb, TARGETS.memoryMb, 'MB']);
}
for (const r of rows) checks.push([`hover, ${r.lines} lines, median`, r.hoverMedian, TARGETS.hover, 'ms']);
console.log('\n| target | measured | limit | |');
console.log('| --- | ---: | ---: | --- |');
for (const [name, value, limit, unit] of checks) {
  console.log(`| ${name} | ${f(value, 2)} ${unit} | ${limit} ${unit} | ${value <= limit ? 'ok' : 'MISSED'} |`);
}
for (const r of rows) {
  if (r.hoverAnswered < HOVERS) console.log(`note: ${HOVERS - r.hoverAnswered} of ${HOVERS} hovers on ${r.lines} lines returned null`);
}
