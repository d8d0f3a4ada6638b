// Parse speed and heap of the syntax layer on generated files of 500, 5,000 and 10,000 lines (the
// largest under the 300,000-character limit):
// a first full parse (nothing cached), a re-parse of the same text (chunk cache warm), and
// typing into a note with the IncrementalParser.
// Run: node bench/parse.mjs  (bundles the syntax layer, server/src/syntax/, on the fly with esbuild).
// With --expose-gc the heap column is measured after a collection.
import * as esbuild from 'esbuild';
import { watBinary } from '../scripts/esbuildPlugins.mjs';
import { fileURLToPath } from 'node:url';
import { generateScenario } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = await esbuild.build({
  stdin: {
    contents: "export { parseDocument } from './server/src/syntax/parse';\nexport { IncrementalParser } from './server/src/syntax/incremental';\n",
    resolveDir: root, loader: 'ts',
  },
  absWorkingDir: root,
  bundle: true,
  write: false,
  platform: 'node',
  format: 'esm',
  loader: { '.ohm': 'text' }, plugins: [watBinary],
});
const { parseDocument, IncrementalParser } = await import(
  'data:text/javascript;base64,' + Buffer.from(bundle.outputFiles[0].text).toString('base64')
);

/** Median wall-clock ms of `runs` calls, and the CPU ms of the median run. */
function time(fn, runs = 1) {
  const samples = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    result = fn(i);
    const wall = performance.now() - t;
    const used = process.cpuUsage(cpu);
    samples.push({ wall, cpu: (used.user + used.system) / 1000 });
  }
  samples.sort((a, b) => a.wall - b.wall);
  return { ...samples[Math.floor(samples.length / 2)], result };
}

function heapMb() {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1048576;
}

const fmt = (ms) => ms.toFixed(ms < 10 ? 2 : 0);
const rows = [];
for (const lines of [500, 5000, 10000]) {
  const text = generateScenario(lines, `s${lines}`);
  const first = time(() => parseDocument(text));
  const warm = time(() => parseDocument(text), 5);
  const parser = new IncrementalParser(text);
  // Typing 50 characters into a note in the middle of the file: each keystroke moves every
  // declaration after it, and every version of the note is new to the chunk cache.
  const at = text.indexOf('note "', Math.floor(text.length / 2)) + 'note "'.length;
  const edit = time((i) => parser.applyChange(at + i, at + i, 'abcdefghij'[i % 10]), 50);
  rows.push({
    lines,
    KB: Math.round(text.length / 1024),
    'first parse ms (cpu)': `${fmt(first.wall)} (${fmt(first.cpu)})`,
    'warm re-parse ms': fmt(warm.wall),
    'keystroke ms (median)': fmt(edit.wall),
    'heap MB': heapMb().toFixed(0),
    declarations: first.result.declarations.length,
    errors: first.result.errors.length + edit.result.errors.length,
  });
}
console.table(rows);
