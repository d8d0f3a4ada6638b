// Benchmark of the core: parse + check of generated, realistic .scenario files of 500, 5,000 and
// 13,000 lines (260,000-280,000 characters: under the 300,000-character limit). Prints, per size: lines, KB, the first run in a fresh process (what opening a file
// costs), the median of warm runs (parse and check apart, then together) and the heap the result
// keeps. Bundles the core on the fly with esbuild (already a dev dependency), so `node bench/core.mjs`
// works from the repository root with nothing else built.
//
//   node bench/core.mjs [--sizes 500,5000,13000] [--json]
import { build } from 'esbuild';
import { watBinary } from '../scripts/esbuildPlugins.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};

/** A file of about `lines` lines: factors and events that drive outcomes, outcomes that drive others, alternatives. */
export function generate(lines, variant = 0) {
  let seed = 12345;
  // Each variant renames everything, so no declaration's text repeats (the parser caches by text).
  const v = variant === 0 ? '' : `v${variant}_`;
  const next = (n) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const phrases = ['unlikely', 'likely', 'very likely', 'roughly even chance', 'very unlikely', '20%..35%', '0.4', '65%'];
  const strengths = ['weakly', 'moderately', 'strongly', 'x2..5', 'x3', 'decisively'];
  const out = [
    '// Generated for the benchmark: realistic declarations, unique names, no errors.',
    'scenario "Benchmark" {',
    '  question "How fast is the core?"',
    '  horizon 2025-01-20 to 2026-01-20',
    '  samples 20000',
    '  seed 7',
    '}',
    '',
  ];
  const outcomes = [];
  for (let g = 0; out.length < lines - 30; g++) {
    const inputs = [`${v}f${g}a`, `${v}f${g}b`, `${v}e${g}`];
    for (const name of inputs) {
      const kind = name.endsWith('a') || name.endsWith('b') ? 'factor' : 'event';
      out.push(`${kind} ${name} "The ${kind} ${name} holds over the horizon" {`);
      out.push(`  probability ${phrases[next(phrases.length)]}`);
      if (next(3) === 0) out.push(`  note "Reported in source ${g}."`);
      out.push('}', '');
    }
    for (let k = 0; k < 2; k++) {
      const name = `${v}o${g}_${k}`;
      out.push(`outcome ${name} "Outcome ${name} comes about" {`);
      out.push(`  base ${5 + next(60)}%`);
      const drivers = new Set([inputs[k], inputs[2]]);
      if (outcomes.length > 0 && next(2) === 0) drivers.add(outcomes[outcomes.length - 1 - next(Math.min(outcomes.length, 10))]);
      for (const d of drivers) out.push(`  ${d} ${next(4) === 0 ? 'lowers' : 'raises'} ${strengths[next(strengths.length)]}`);
      out.push(`  judged ${phrases[next(5)]}`, '}', '');
      outcomes.push(name);
    }
    if (g % 10 === 9) {
      out.push(`alternative "What if ${inputs[0]} is certain" {`, `  ${inputs[0]} 95%..99%`, `  given not ${inputs[2]}`, '}', '');
    }
  }
  return `${out.join('\n')}\n`;
}

async function bundleCore(dir) {
  const result = await build({
    stdin: {
      contents: "export { analyze, analyzeDocument } from './server/src/model/analyze';\n" +
        "export { parseDocument } from './server/src/syntax/parse';\n",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node20', loader: { '.ohm': 'text' }, plugins: [watBinary],
    logLevel: 'error',
  });
  const file = join(dir, 'core.cjs');
  writeFileSync(file, result.outputFiles[0].text);
  return file;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Wall and CPU milliseconds of fn() (CPU time shows the cost on a busy machine). */
function timed(fn) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = fn();
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { value, wall, cpu: (used.user + used.system) / 1000 };
}

/** In a fresh process (so the first run is a true first run): measure one size, print JSON. */
function child(corePath, lines) {
  const core = createRequire(import.meta.url)(corePath);
  const runs = lines <= 1000 ? 15 : lines <= 10000 ? 7 : 5;
  const warmUp = 2;
  // Distinct texts, so that every run parses from scratch (no chunk cache hits).
  const texts = Array.from({ length: 1 + warmUp + runs }, (_, i) => generate(lines, i));
  const gc = globalThis.gc ?? (() => {});
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const firstParse = timed(() => core.parseDocument(texts[0]));
  const firstCheck = timed(() => core.analyzeDocument(firstParse.value));
  const kept = { doc: firstParse.value, analysis: firstCheck.value };
  gc();
  const retainedMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  if (kept.analysis.diagnostics.length > 0) throw new Error(`generated file has diagnostics: ${kept.analysis.diagnostics[0].message}`);
  for (let i = 1; i <= warmUp; i++) core.analyze(texts[i]);
  const parse = [];
  const check = [];
  const both = [];
  const bothCpu = [];
  for (const text of texts.slice(1 + warmUp)) {
    const p = timed(() => core.parseDocument(text));
    const c = timed(() => core.analyzeDocument(p.value));
    parse.push(p.wall);
    check.push(c.wall);
    both.push(p.wall + c.wall);
    bothCpu.push(p.cpu + c.cpu);
  }
  // The same text again: every declaration comes from the parser's cache (an unchanged re-check).
  const again = [];
  for (let i = 0; i < runs; i++) again.push(timed(() => core.analyze(texts[0])).wall);
  const result = {
    lines: texts[0].split('\n').length - 1,
    kb: Buffer.byteLength(texts[0]) / 1024,
    declarations: kept.doc.declarations.length,
    firstMs: firstParse.wall + firstCheck.wall,
    firstCpuMs: firstParse.cpu + firstCheck.cpu,
    firstCheckMs: firstCheck.wall,
    parseMs: median(parse),
    checkMs: median(check),
    totalMs: median(both),
    totalCpuMs: median(bothCpu),
    cachedMs: median(again),
    runs,
    retainedMB,
    heapUsedMB: process.memoryUsage().heapUsed / 2 ** 20,
  };
  process.stdout.write(JSON.stringify(result));
}

function table(rows) {
  const header = ['lines', 'KB', 'decls', 'first ms', '(cpu ms)', '(of it check)', 'parse ms', 'check ms',
    'parse+check ms', '(cpu ms)', 'unchanged ms', 'runs', 'result MB', 'heap MB'];
  const cells = rows.map((r) => [
    r.lines, r.kb.toFixed(0), r.declarations, r.firstMs.toFixed(0), r.firstCpuMs.toFixed(0), r.firstCheckMs.toFixed(1),
    r.parseMs.toFixed(1), r.checkMs.toFixed(1), r.totalMs.toFixed(1), r.totalCpuMs.toFixed(1), r.cachedMs.toFixed(1), r.runs,
    r.retainedMB.toFixed(1), r.heapUsedMB.toFixed(1),
  ].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((v, i) => v.padStart(widths[i])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

async function main() {
  if (option('--child')) return child(option('--core'), Number(option('--child')));
  const sizes = (option('--sizes') ?? '500,5000,13000').split(',').map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'scenario-bench-'));
  try {
    const core = await bundleCore(dir);
    const rows = sizes.map((lines) => JSON.parse(execFileSync(process.execPath,
      ['--expose-gc', fileURLToPath(import.meta.url), '--child', String(lines), '--core', core],
      { encoding: 'utf8', maxBuffer: 1 << 20 })));
    if (args.includes('--json')) {
      console.log(JSON.stringify(rows, null, 2));
      return;
    }
    console.log(`Core: parse + check of generated files, Node ${process.version}`);
    console.log('first: the first parse + check in a fresh process (wall, CPU, and the check part alone);');
    console.log('CPU time is the steadier number on a busy machine (wall includes waiting for a core);');
    console.log('parse/check/parse+check: medians of warm runs on distinct texts (no parser cache hits);');
    console.log('unchanged: the same text again (declarations from the parser cache); result: heap the');
    console.log('parsed document and analysis keep; heap: heap used at the end.\n');
    console.log(table(rows));
    const target = rows.find((r) => r.lines >= 4500 && r.lines <= 5500);
    if (target) {
      const verdict = (ms) => (ms <= 300 ? 'met' : 'NOT met');
      console.log('\nTarget (ENGINEERING.md): first full check of a 5,000-line file <= 300 ms: ' +
        `${target.firstMs.toFixed(0)} ms wall (${verdict(target.firstMs)}), ` +
        `${target.firstCpuMs.toFixed(0)} ms CPU (${verdict(target.firstCpuMs)})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run when invoked as a script (other scripts may import generate()).
if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
