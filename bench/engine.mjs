// Benchmark of the forecast engine: the time of a full forecast (probabilities, bands, swings,
// worlds and every alternative) for each sample and for generated models of 20, 200 and 1,000
// variables, and the sampling throughput in variable-samples per second. Bundles the engine on
// the fly with esbuild's JS API (already a dev dependency), so `node bench/engine.mjs` needs
// nothing else built.
//
// Two families of generated models: local ones (each outcome has 3 drivers among the 6 variables
// declared just before it: the sparse, layered structure analysts write, at 20, 100 and 1,000
// variables) and dense ones (2–4 drivers among the 30 before, at 200 and 1,000), whose treewidth
// (about 20) puts them beyond exact inference.
//
//   node bench/engine.mjs [--sizes 20,100,1000] [--dense 200,1000] [--runs 5] [--json]
import { build } from 'esbuild';
import { watBinary } from '../scripts/esbuildPlugins.mjs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const sizes = option('--sizes', '20,100,1000').split(',').map(Number);
const denseSizes = option('--dense', '200,1000').split(',').filter(Boolean).map(Number);
const runs = Number(option('--runs', '5'));

async function loadEngine() {
  const dir = mkdtempSync(join(tmpdir(), 'scenario-bench-'));
  const outfile = join(dir, 'engine.cjs');
  await build({
    stdin: {
      contents: [
        "export { analyze } from './server/src/model/analyze';",
        "export { forecast } from './server/src/engine/forecast';",
        "export { compileModel } from './server/src/engine/compile';",
        "export { monteCarlo } from './server/src/engine/montecarlo';",
        "export { seededStream } from './server/src/engine/random';",
        "export { buildJunctionTree } from './server/src/engine/junction';",
      ].join('\n'),
      resolveDir: root, loader: 'ts',
    },
    outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', loader: { '.ohm': 'text' }, plugins: [watBinary],
    logLevel: 'warning',
  });
  const engine = createRequire(import.meta.url)(outfile);
  rmSync(dir, { recursive: true, force: true });
  return engine;
}

/**
 * A model of `n` variables: 40% factors and events (probabilities as phrases, ranges and points),
 * 60% outcomes, strengths as words, multipliers and ranges; one alternative. Local (default): 3
 * drivers per outcome among the 6 variables declared just before; dense: 2–4 among the 30 before.
 */
export function generateModel(n, { dense = false, seed = 7 } = {}) {
  const window = dense ? 30 : 6;
  let state = seed;
  const next = (k) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % k);
  const probabilities = ['likely', 'unlikely', '20%..35%', '0.4', 'very likely', 'roughly even chance', '65%', 'very unlikely'];
  const strengths = ['weakly', 'moderately', 'strongly', 'x3', 'x2..5', 'decisively'];
  const lines = [`scenario "Generated, ${n} variables" {`, '  samples 20000', '  seed 7', '}', ''];
  const names = [];
  for (let i = 0; i < n; i++) {
    const isInput = i < 4 || next(10) < 4;
    if (isInput) {
      const name = `f${i}`;
      lines.push(`${next(3) === 0 ? 'event' : 'factor'} ${name} { probability ${probabilities[next(probabilities.length)]} }`);
      names.push(name);
      continue;
    }
    const name = `o${i}`;
    const count = Math.min(names.length, dense ? 2 + next(3) : 3);
    const drivers = new Set();
    while (drivers.size < count) drivers.add(names[names.length - 1 - next(Math.min(window, names.length))]);
    lines.push(`outcome ${name} {`, `  base ${5 + next(60)}%`);
    for (const d of drivers) lines.push(`  ${d} ${next(4) === 0 ? 'lowers' : 'raises'} ${strengths[next(strengths.length)]}`);
    lines.push('}');
    names.push(name);
  }
  lines.push('', 'alternative "First factor holds" {', '  given f0', '}');
  return lines.join('\n');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeForecast(engine, model) {
  engine.forecast(model); // warm-up (JIT)
  const times = [];
  let last;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    last = engine.forecast(model);
    times.push(performance.now() - t);
  }
  return { ms: median(times), forecast: last };
}

const engine = await loadEngine();
const rows = [];
/** How each quantity was computed, and the widest elimination step (the largest junction-tree clique). */
function methods(model, forecast) {
  const tree = engine.buildJunctionTree(engine.compileModel(model));
  const guides = forecast.outcomes.some((o) => o.signposts.length > 0 || o.linchpins.length > 0);
  return { widest: tree ? tree.largest : null, worlds: forecast.worldsMethod, guides: guides ? 'exact' : 'none' };
}
const samplesDir = join(root, 'samples');
for (const file of readdirSync(samplesDir).filter((f) => f.endsWith('.scenario')).sort()) {
  const { model } = engine.analyze(readFileSync(join(samplesDir, file), 'utf8'));
  const { ms, forecast } = timeForecast(engine, model);
  rows.push({ model: file, variables: model.variables.size, alternatives: model.alternatives.length, method: forecast.method, ms, ...methods(model, forecast) });
}
for (const [family, list] of [['local', sizes], ['dense', denseSizes]]) {
  for (const n of list) {
    const { model } = engine.analyze(generateModel(n, { dense: family === 'dense' }));
    const { ms, forecast } = timeForecast(engine, model);
    rows.push({ model: `generated ${n} (${family})`, family, n, variables: model.variables.size, alternatives: model.alternatives.length, method: forecast.method, ms, ...methods(model, forecast) });
  }
}
const local = (n) => rows.find((r) => r.family === 'local' && r.n === n);
const scaling = local(100) && local(1000) ? { ratio: local(1000).ms / local(100).ms, ms: local(1000).ms, method: local(1000).method } : null;

// Throughput: the Monte Carlo sampling pass alone, which gives P(O), worlds and (when sampled)
// swings: one world per sample drawn from the θ-averaged tables (no θ is drawn per sample, see
// docs/forecast-method.md; the tables are computed inside the pass and their time is counted).
// Bands draw θ separately and are not part of this pass; the forecast times above include them.
const throughputSize = Math.max(...sizes, ...denseSizes);
const compiled = engine.compileModel(engine.analyze(generateModel(throughputSize, { dense: true })).model);
const samples = 20_000;
engine.monteCarlo(compiled, compiled, 2_000, 0, 0, engine.seededStream(1, 0), engine.seededStream(1, 3), 8, () => {});
const passes = [];
for (let r = 0; r < runs; r++) {
  const t = performance.now();
  engine.monteCarlo(compiled, compiled, samples, 0, 0, engine.seededStream(1 + r, 0), engine.seededStream(1 + r, 3), 8, () => {});
  passes.push(performance.now() - t);
}
const passMs = median(passes);
const throughput = (compiled.n * samples) / (passMs / 1000);

if (args.includes('--json')) {
  console.log(JSON.stringify({ rows, scaling, throughput: { variables: compiled.n, samples, ms: passMs, perSecond: throughput } }, null, 2));
} else {
  const pad = (s, w, right = false) => (right ? String(s).padStart(w) : String(s).padEnd(w));
  console.log(`${pad('model', 30)} ${pad('variables', 9, true)} ${pad('alts', 4, true)}  ${pad('method', 11)} ${pad('worlds', 11)} ` +
    `${pad('signposts', 9)} ${pad('widest step', 11, true)} ${pad('forecast ms', 11, true)}`);
  for (const r of rows) {
    console.log(`${pad(r.model, 30)} ${pad(r.variables, 9, true)} ${pad(r.alternatives, 4, true)}  ${pad(r.method, 11)} ${pad(r.worlds, 11)} ` +
      `${pad(r.guides, 9)} ${pad(r.widest === null ? '> 22' : `${r.widest} vars`, 11, true)} ${pad(r.ms.toFixed(1), 11, true)}`);
  }
  console.log('widest step: the largest clique of the junction tree (exact inference costs about 2^widest per clique);' +
    ' signposts and linchpins are exact when computed, left out when not affordable');
  if (scaling) {
    console.log(`local 1,000 against local 100: ${scaling.ratio.toFixed(1)}× (target ≤ 15×); local 1,000: ${scaling.ms.toFixed(0)} ms, ` +
      `${scaling.method} (target: exact, < 300 ms)`);
  }
  console.log(`\nsampling pass, ${compiled.n} variables × ${samples.toLocaleString('en-US')} samples: ` +
    `${passMs.toFixed(1)} ms = ${(throughput / 1e6).toFixed(1)} million variable-samples per second (dense model) ` +
    '(a world per sample from θ-averaged tables; bands not included)');
  console.log('targets: forecast of the samples (~20 variables) with swings and alternatives ≤ 50 ms; ' +
    '≥ 50 million variable-samples per second on 1,000 variables');
}
