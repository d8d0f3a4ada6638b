// Imports in the language server (issue 14), through the real protocol: a generated workspace of
// 2,000 .scenario files in a temporary folder (a shared library of factors, 1,999 questions that
// import it), opened as VS Code opens a folder. Measures opening one question (its imports read,
// nothing else: the workspace is indexed lazily), an edit → diagnostics while it imports, an edit
// of the open library → the open importer re-checked, the first and a later workspace-symbol
// search and references across files (the whole workspace read on first use), and the server's
// memory. `node bench/imports.mjs [--files 2000] [--importers N] [--edits 20] [--server path/to/server.js]` (run
// `npm run build` first).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as rpc from 'vscode-jsonrpc/node';
import { positionAt } from './lib/text.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argument = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
const serverPath = argument('server', join(root, 'dist', 'server.js'));
const FILES = Number(argument('files', 2000));
// How many of the questions import the library (the others are models of their own, with no
// import: the background reading for the library's hints skips them without parsing them).
const IMPORTERS = Math.max(20, Math.min(FILES - 1, Number(argument('importers', FILES - 1))));
const EDITS = Number(argument('edits', 20));
const FACTORS = 20;

// ---- the workspace -------------------------------------------------------------------------

const workspace = mkdtempSync(join(tmpdir(), 'scenario-bench-imports-'));
const write = (relative, text) => {
  mkdirSync(dirname(join(workspace, relative)), { recursive: true });
  writeFileSync(join(workspace, relative), text);
};
const library = Array.from({ length: FACTORS }, (_, f) => `factor f${f} "Shared factor ${f}" {\n  probability ${10 + (f % 8) * 10}%\n}\n`).join('\n');
write('lib/shared.scenario', library);
const ownFactors = (q) => `factor f${q % FACTORS} "Own factor" {\n  probability 30%\n}\n\nfactor f${(q + 7) % FACTORS} "Own factor" {\n  probability 60%\n}\n\n`;
const question = (q) => `${q <= IMPORTERS ? 'import "../../lib/shared.scenario"\n\n' : ''}scenario "Question ${q}" {\n  question "Does outcome ${q} happen?"\n}\n\n` +
  `${q <= IMPORTERS ? '' : ownFactors(q)}outcome o${q} "Outcome ${q}" {\n  base ${10 + (q % 7) * 10}%\n  f${q % FACTORS} raises moderately\n  f${(q + 7) % FACTORS} lowers weakly\n` +
  `  judged ${q % 2 ? 'likely' : 'unlikely'}\n  note "Question ${q} of the bench."\n}\n`;
for (let q = 1; q < FILES; q++) write(`questions/${String(Math.floor(q / 100)).padStart(2, '0')}/q${q}.scenario`, question(q));
const uriOf = (relative) => pathToFileURL(join(workspace, relative)).href;
const firstQuestion = 'questions/00/q1.scenario';
const secondQuestion = 'questions/00/q2.scenario';

// ---- a small client ------------------------------------------------------------------------

const child = spawn(process.execPath, [serverPath, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
const listeners = new Set();
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  for (const listener of [...listeners]) listener(params, performance.now());
});
// Work-done progress: when each began and ended (the server creates it; any request is answered null).
const progress = [];
connection.onNotification('$/progress', (params) => progress.push({ kind: params.value.kind, time: performance.now() }));
connection.onNotification(() => {});
connection.onRequest(() => null);
connection.listen();
const next = (match) => new Promise((resolve) => {
  const listener = (params, time) => {
    if (match(params)) {
      listeners.delete(listener);
      resolve({ params, time });
    }
  };
  listeners.add(listener);
});
await connection.sendRequest('initialize', {
  processId: process.pid, rootUri: pathToFileURL(workspace).href,
  workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'bench' }], capabilities: { window: { workDoneProgress: true } },
});
await connection.sendNotification('initialized', {});

const timed = async (run) => {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const open = async (relative, version = 1) => {
  const uri = uriOf(relative);
  const text = readFileSync(join(workspace, relative), 'utf8');
  const published = next((p) => p.uri === uri && p.version === version);
  const start = performance.now();
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'scenario', version, text } });
  const { params, time } = await published;
  return { uri, text, ms: time - start, diagnostics: params.diagnostics };
};
const rssMb = () => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024;
  } catch {
    return NaN;
  }
};

// ---- measurements --------------------------------------------------------------------------

const q1 = await open(firstQuestion);
if (q1.diagnostics.some((d) => d.severity === 1)) throw new Error(`the question has errors: ${JSON.stringify(q1.diagnostics)}`);
const q2 = await open(secondQuestion);

// Edits of the question: retype the digit of its note.
let text = q1.text;
let version = 1;
const edits = [];
const at = text.indexOf('of the bench') - 2;
for (let e = 0; e < EDITS; e++) {
  const digit = String(e % 10);
  const range = { start: positionAt(text, at), end: positionAt(text, at + 1) };
  text = text.slice(0, at) + digit + text.slice(at + 1);
  version++;
  const published = next((p) => p.uri === q1.uri && p.version === version);
  const sentAt = performance.now();
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: q1.uri, version }, contentChanges: [{ range, text: digit }] });
  edits.push((await published).time - sentAt);
}

// The library opened: its factors look unused until the workspace is read in the background
// (every one of them drives an outcome of some question), then edited: the open importers are
// checked again.
const libOpenedAt = performance.now();
const libSettled = next((p) => p.uri === uriOf('lib/shared.scenario') && p.diagnostics.length === 0);
const lib = await open('lib/shared.scenario');
const settled = (await libSettled).time - libOpenedAt;
const libEdits = [];
let libText = lib.text;
let libVersion = 1;
for (let e = 0; e < EDITS; e++) {
  const from = e % 2 === 0 ? 'probability 10%' : 'probability 11%';
  const to = e % 2 === 0 ? 'probability 11%' : 'probability 10%';
  const offset = libText.indexOf(from);
  const range = { start: positionAt(libText, offset), end: positionAt(libText, offset + from.length) };
  libText = libText.slice(0, offset) + to + libText.slice(offset + from.length);
  libVersion++;
  const republished = next((p) => p.uri === q2.uri);
  const sentAt = performance.now();
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: lib.uri, version: libVersion }, contentChanges: [{ range, text: to }] });
  libEdits.push((await republished).time - sentAt);
}

const symbolsAt = performance.now();
const firstSymbols = await timed(() => connection.sendRequest('workspace/symbol', { query: 'o1999' }));
const firstProgress = progress.find((p) => p.kind === 'begin' && p.time >= symbolsAt);
const laterSymbols = await timed(() => connection.sendRequest('workspace/symbol', { query: 'f3' }));
const factorAt = positionAt(text, text.indexOf(`f${1 % FACTORS} raises`));
const references = await timed(() => connection.sendRequest('textDocument/references', {
  textDocument: { uri: q1.uri }, position: factorAt, context: { includeDeclaration: true },
}));
const rss = rssMb();

await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
child.kill();
rmSync(workspace, { recursive: true, force: true });

const row = (what, value) => console.log(`${what.padEnd(66)} ${value}`);
const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`A workspace of ${FILES.toLocaleString('en-US')} .scenario files: one library of ${FACTORS} factors, ` +
  `${IMPORTERS.toLocaleString('en-US')} questions importing it${IMPORTERS < FILES - 1 ? `, ${(FILES - 1 - IMPORTERS).toLocaleString('en-US')} models of their own` : ''}`);
row('open a question → its diagnostics (its import read, nothing else)', ms(q1.ms));
row('open a second question → its diagnostics', ms(q2.ms));
row(`edit the question → diagnostics, median of ${EDITS}`, ms(median(edits)));
row(`open the library → its unused hints cleared (its ${IMPORTERS.toLocaleString('en-US')} importers read in the background)`, ms(settled));
row(`edit the open library → the open importer re-checked, median of ${EDITS}`, ms(median(libEdits)));
row(`workspace symbols, first (every file read): ${firstSymbols.value.length} found`, ms(firstSymbols.ms));
row('workspace symbols, first: its progress begun after', firstProgress ? ms(firstProgress.time - symbolsAt) : 'none');
row(`workspace symbols, later: ${laterSymbols.value.length} found`, ms(laterSymbols.ms));
row(`references of a library factor across files: ${references.value.length} found`, ms(references.ms));
row('server memory (RSS) after all of it', `${rss.toFixed(0)} MB`);

