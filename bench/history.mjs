// Benchmark of the forecast's history (issue 11): a 200-commit repository generated in a temporary
// folder (git fast-import: the op-ed sample with one number changed per commit, one commit with
// an error), its history cold and warm, in the process (what the editor keeps: the in-memory
// cache by blob id) and as a whole `scenario history` process (cold, then warm from the on-disk
// cache); and a diff of the op-ed sample with 10 changes (2^10 = 1,024 forecasts of the mixed
// models for exact Shapley values); and the history of a question that imports a library
// (samples/pakistan, both files changed in every commit: each version reads its library from its
// own commit's tree), cold and warm in the process, and the same question where most commits change
// the library alone (each of them a version of the question). Bundles what it needs with esbuild, so `node bench/history.mjs`
// works from the repository root with nothing else built.
//
//   node bench/history.mjs [--commits 200] [--runs 5] [--json] [--keep]
import { build } from 'esbuild';
import { watBinary } from '../scripts/esbuildPlugins.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRepository } from './lib/gitRepository.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const commits = Number(option('--commits', '200'));
const runs = Number(option('--runs', '5'));
const asJson = args.includes('--json');
const work = mkdtempSync(join(tmpdir(), 'scenario-bench-history-'));
const sample = readFileSync(join(root, 'samples', 'us-pakistan-2025.scenario'), 'utf8');

async function bundle() {
  const lib = join(work, 'history.cjs');
  const cli = join(work, 'cli.js');
  await build({
    stdin: {
      contents: [
        "export { fileHistory } from './server/src/history/versions';",
        "export { VersionCache } from './server/src/history/cache';",
        "export { diffVersions } from './server/src/history/attribution';",
        "export { analyzeSource } from './server/src/analysis/analyzeSource';",
      ].join('\n'),
      resolveDir: root, loader: 'ts',
    },
    outfile: lib, bundle: true, platform: 'node', format: 'cjs', target: 'node20', loader: { '.ohm': 'text' }, plugins: [watBinary], logLevel: 'warning',
  });
  await build({
    entryPoints: [join(root, 'server/src/cli.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    loader: { '.ohm': 'text' }, plugins: [watBinary], logLevel: 'warning',
  });
  return { lib: createRequire(import.meta.url)(lib), cli };
}

/** The numbers one commit may change, and the values they take in turn. */
const EDITS = [
  ['probability likely\n  note "The op-ed says', (k) => `probability ${40 + (k % 40)}%\n  note "The op-ed says`],
  ['probability 10%..25%', (k) => `probability ${5 + (k % 20)}%..${26 + (k % 10)}%`],
  ['base 10%', (k) => `base ${5 + (k % 15)}%`],
  ['base 50%', (k) => `base ${35 + (k % 30)}%`],
  ['probability unlikely', (k) => `probability ${15 + (k % 30)}%`],
];

function version(k) {
  if (k === Math.floor(commits / 2)) return sample.replace('base 50%', 'base maybe'); // a version with an error
  let text = sample;
  for (let e = 0; e <= k % EDITS.length; e++) text = text.replace(EDITS[e][0], EDITS[e][1](k + e));
  return text;
}

function makeHistoryRepository() {
  const dir = makeRepository(join(work, 'repo'), commits, (k) => ({ 'model.scenario': version(k) }));
  return { dir, file: join(dir, 'model.scenario') };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(f) {
  const t = performance.now();
  const result = await f();
  return { ms: performance.now() - t, result };
}

/** A whole process's wall time, and the elapsedMs its JSON reports (the history without the start-up). */
function processTime(cli, cliArgs, env) {
  const t = performance.now();
  const out = execFileSync(process.execPath, [cli, ...cliArgs], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const ms = performance.now() - t;
  let inside = null;
  try {
    inside = JSON.parse(out).elapsedMs ?? null;
  } catch {
    // not JSON (node -e 0)
  }
  return { ms, inside };
}

const { lib, cli } = await bundle();
const repo = makeHistoryRepository();
const lines = sample.split('\n').length;
const kb = statSync(repo.file).size / 1024;
const results = {};

// In the process: cold (a fresh cache: read every blob, check and forecast every version), warm (the same cache).
const cache = new lib.VersionCache();
const cold = await time(() => lib.fileHistory(repo.file, { cache, workingCopy: false }));
const warm = [];
for (let r = 0; r < runs; r++) warm.push((await time(() => lib.fileHistory(repo.file, { cache, workingCopy: false }))).ms);
results.history = {
  commits, versions: cold.result.versions.length, withErrors: cold.result.versions.filter((v) => v.errors > 0).length,
  fileLines: lines, fileKB: Number(kb.toFixed(1)), coldMs: cold.ms, warmMedianMs: median(warm),
};

// A question that imports its library (samples/pakistan): every commit changes one number of each
// file, so every version reads its own library from its commit.
const pakistan = join(root, 'samples', 'pakistan');
const libText = readFileSync(join(pakistan, 'lib', 'pakistan-baseline.scenario'), 'utf8');
const questionText = readFileSync(join(pakistan, 'security-2025.scenario'), 'utf8');
const importsDir = makeRepository(join(work, 'imports-repo'), commits, (k) => ({
  'lib/pakistan-baseline.scenario': libText.replace('probability 10%..25%', `probability ${5 + (k % 20)}%..${26 + (k % 10)}%`),
  'security-2025.scenario': questionText.replace('base 3%', `base ${2 + (k % 9)}%`),
}));
/** A file's history cold (an empty cache), then `runs` times warm from the same cache. */
async function coldAndWarm(file) {
  const cache = new lib.VersionCache();
  const cold = await time(() => lib.fileHistory(file, { cache, workingCopy: false }));
  const warm = [];
  for (let r = 0; r < runs; r++) warm.push((await time(() => lib.fileHistory(file, { cache, workingCopy: false }))).ms);
  return { versions: cold.result.versions, coldMs: cold.ms, warmMedianMs: median(warm) };
}
const imports = await coldAndWarm(join(importsDir, 'security-2025.scenario'));
results.historyImports = {
  commits, versions: imports.versions.length, withErrors: imports.versions.filter((v) => v.errors > 0).length,
  coldMs: imports.coldMs, warmMedianMs: imports.warmMedianMs,
};

// The same question where most commits change the library alone (the question itself every tenth
// commit): each of those commits is a version of the question too.
const libraryOnlyDir = makeRepository(join(work, 'library-only-repo'), commits, (k) => ({
  'lib/pakistan-baseline.scenario': libText.replace('probability 10%..25%', `probability ${5 + (k % 20)}%..${26 + (k % 10)}%`),
  ...(k % 10 === 0 ? { 'security-2025.scenario': questionText.replace('base 3%', `base ${2 + (k % 9)}%`) } : {}),
}));
const libraryOnly = await coldAndWarm(join(libraryOnlyDir, 'security-2025.scenario'));
results.historyLibraryOnly = {
  commits, questionCommits: Math.ceil(commits / 10), versions: libraryOnly.versions.length,
  coldMs: libraryOnly.coldMs, warmMedianMs: libraryOnly.warmMedianMs,
};

// Whole processes: `scenario history` with an empty disk cache, then again (warm from disk), and `node -e 0` beside them.
const cacheDir = join(work, 'cache');
const env = { SCENARIO_CACHE_DIR: cacheDir };
const processCold = processTime(cli, ['history', repo.file, '--format', 'json'], env);
const processWarm = [];
for (let r = 0; r < runs; r++) processWarm.push(processTime(cli, ['history', repo.file, '--format', 'json'], env));
const bare = [];
for (let r = 0; r < runs; r++) bare.push(processTime('-e', ['0'], {}));
results.historyProcess = {
  coldMs: processCold.ms, coldInsideMs: processCold.inside,
  warmMedianMs: median(processWarm.map((x) => x.ms)), warmInsideMedianMs: median(processWarm.map((x) => x.inside)),
  bareNodeMedianMs: median(bare.map((x) => x.ms)),
};

// Diffs with 10 changes on the op-ed sample. Each outcome's game is over the changes upstream of
// it, so 10 changes spread over the model need few forecasts; 10 changes all upstream of one
// outcome (security_reengage) need 2^10 = 1,024 mixed models, the worst case the issue names.
const SPREAD = [
  ['probability likely\n  note "The op-ed says', 'probability 40%\n  note "The op-ed says'],
  ['probability 10%..25%', 'probability 30%'],
  ['base 10%', 'base 15%'],
  ['base 50%', 'base 40%'],
  ['probability unlikely', 'probability 35%'],
  ['base 30%', 'base 20%'],
  ['base 85%', 'base 80%'],
  ['base 25%', 'base 35%'],
  ['probability very likely\n  note "Faces', 'probability 70%\n  note "Faces'],
  ['raises moderately', 'raises strongly'],
];
const UPSTREAM = [
  ['probability 10%..25%', 'probability 30%'],
  ['support to the TTP" {\n  probability very likely', 'support to the TTP" {\n  probability 70%'],
  ['probability unlikely', 'probability 35%'],
  ['(over $40 billion)" {\n  probability almost certain', '(over $40 billion)" {\n  probability 80%'],
  ['base 3%', 'base 6%'], // ttp_threat
  ['base 3%', 'base 5%'], // security_reengage (the first is replaced by then)
  ['trigger raises decisively', 'trigger raises strongly'],
  ['ttp_threat raises moderately', 'ttp_threat raises strongly'],
  ['taliban_ttp raises moderately', 'taliban_ttp raises weakly'],
  ['aq_revives raises moderately', 'aq_revives raises strongly'],
];
const before = lib.analyzeSource({ text: sample });
function diffCase(edits) {
  let changed = sample;
  for (const [from, to] of edits) {
    if (!changed.includes(from)) throw new Error(`bench/history: the sample no longer has ${JSON.stringify(from)}`);
    changed = changed.replace(from, to);
  }
  const after = lib.analyzeSource({ text: changed });
  const times = [];
  let diff;
  for (let r = 0; r < Math.max(1, Math.min(runs, 3)); r++) {
    const t = performance.now();
    diff = lib.diffVersions(before, after);
    times.push(performance.now() - t);
  }
  const widest = Math.max(...diff.outcomes.map((o) => o.attribution.length));
  return {
    variables: before.model.variables.size, changes: diff.changes.length, attributed: diff.changes.filter((c) => c.attributed).length,
    widestOutcome: widest, forecasts: diff.forecasts, method: diff.attributionMethod, firstMs: times[0], medianMs: median(times),
    perForecastMs: median(times) / diff.forecasts,
  };
}
results.diffUpstream = diffCase(UPSTREAM);
results.diffSpread = diffCase(SPREAD);

if (args.includes('--keep')) console.error(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
if (asJson) console.log(JSON.stringify(results, null, 2));
else {
  const ms = (x) => `${x.toFixed(1)} ms`;
  const h = results.history;
  const p = results.historyProcess;
  console.log(`history of a ${h.commits}-commit repository (${h.fileLines}-line, ${h.fileKB} KB file; ${h.versions} versions, ${h.withErrors} with errors)`);
  console.log(`  in process   cold ${ms(h.coldMs)}   warm (in-memory cache) median ${ms(h.warmMedianMs)}`);
  const hi = results.historyImports;
  console.log(`  a question importing its library (samples/pakistan, ${hi.versions} versions, ${hi.withErrors} with errors)   cold ${ms(hi.coldMs)}   warm median ${ms(hi.warmMedianMs)}`);
  const lo = results.historyLibraryOnly;
  console.log(`  the same, the library alone changed in ${lo.commits - lo.questionCommits} of ${lo.commits} commits (${lo.versions} versions)   cold ${ms(lo.coldMs)}   warm median ${ms(lo.warmMedianMs)}`);
  console.log(`  whole process (scenario history --format json, no V8 code cache)   cold ${ms(p.coldMs)}   warm (disk cache) median ${ms(p.warmMedianMs)}   node -e 0 ${ms(p.bareNodeMedianMs)}`);
  console.log(`    of which the history itself (its elapsedMs)   cold ${ms(p.coldInsideMs)}   warm median ${ms(p.warmInsideMedianMs)}`);
  for (const [title, d] of [['10 changes upstream of one outcome', results.diffUpstream], ['10 changes spread over the model', results.diffSpread]]) {
    console.log(`diff of the op-ed sample (${d.variables} variables), ${title}: ${d.attributed} attributed, ${d.method} Shapley, `
      + `at most ${d.widestOutcome} per outcome, ${d.forecasts} forecasts`);
    console.log(`  first ${ms(d.firstMs)}   median ${ms(d.medianMs)}   (${d.perForecastMs.toFixed(2)} ms per forecast)`);
  }
}
