// Parse speed and heap of the syntax layer on generated files of 500, 5,000 and 20,000 lines:
// a first full parse, a re-parse of the same text (chunk cache warm), and incremental edits.
// Run: node bench/parse.mjs  (bundles server/src/syntax/parse.ts on the fly with esbuild).
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import { generateScenario } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = await esbuild.build({
  entryPoints: ['server/src/syntax/parse.ts'],
  absWorkingDir: root,
  bundle: true,
  write: false,
  platform: 'node',
  format: 'esm',
  loader: { '.ohm': 'text' },
});
const { parseDocument, IncrementalParser } = await import(
  'data:text/javascript;base64,' + Buffer.from(bundle.outputFiles[0].text).toString('base64')
);

function time(fn, runs = 1) {
  const samples = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = fn(i);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)], result };
}

const heapMb = () => (process.memoryUsage().heapUsed / 1048576).toFixed(0);
const fmt = (ms) => ms.toFixed(ms < 10 ? 2 : 0).padStart(8);

console.log('lines     KB  first parse  warm re-parse  edit (median)  heap MB  declarations  errors');
for (const lines of [500, 5000, 20000]) {
  const text = generateScenario(lines);
  globalThis.gc?.();
  // A different text per size keeps the chunk cache cold for the first parse.
  const first = time(() => parseDocument(text));
  const warm = time(() => parseDocument(text), 5);
  const parser = new IncrementalParser(text);
  // Typing 50 characters into a note in the middle of the file: each keystroke moves every
  // declaration after it, and every version of the note is new to the chunk cache.
  const at = text.indexOf('note "', Math.floor(text.length / 2)) + 'note "'.length;
  const edit = time((i) => parser.applyChange(at + i, at + i, 'abcdefghij'[i % 10]), 50);
  const doc = first.result;
  console.log(
    `${String(lines).padStart(5)} ${String(Math.round(text.length / 1024)).padStart(6)} ${fmt(first.ms)} ms ${fmt(warm.ms)} ms   ${fmt(edit.ms)} ms ${heapMb().padStart(8)} ${String(doc.declarations.length).padStart(13)} ${String(doc.errors.length).padStart(7)}`,
  );
}
