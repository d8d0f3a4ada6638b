// Benchmark of whole processes, side by side in one run (interleaved, medians):
//   a. `scenario check` of the op-ed sample against a bare `node -e 0` (target ≤ 2.5×), and where
//      its time goes in its own process (Node's start, reading and compiling the bundle, running it);
//   b. a generated 60-variable model with uncertain parameters, which Squiggle samples 20,000 times:
//      `scenario forecast --format json` (exact when affordable, which it is for this sparse model;
//      worlds sampled) against Squiggle 0.10 running the same model (target ≥ 10× faster);
//   and the grammar's load in a fresh process: compiling grammar/scenario.ohm against building it
//   from ohm's recipe (what the bundles do, see esbuild.mjs).
// Uses the built CLI (dist/cli.js; built here when missing). Squiggle (@quri/squiggle-lang 0.10) is
// installed on first use into a cache folder outside the project's dependencies,
// .bench-work/squiggle/ (BENCH_WORK overrides .bench-work); without network that comparison is
// skipped with one line.
//
//   node bench/startup.mjs [--runs 15] [--squiggle-runs 5] [--no-squiggle] [--json]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMonteCarloModel } from './generate.mjs';
import { recipeOfSource } from '../grammar/recipe.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const runs = Number(option('--runs', '15'));
const squiggleRuns = Number(option('--squiggle-runs', '5'));
const asJson = args.includes('--json');
const work = process.env.BENCH_WORK ?? join(root, '.bench-work');
const here = join(work, 'startup');
mkdirSync(here, { recursive: true });
const log = (line) => { if (!asJson) console.log(line); };

const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  const build = spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Runs each command `n` times, in turn (a, b, a, b, ...), and returns the wall times in ms. */
function sideBySide(n, commands) {
  const times = commands.map(() => []);
  for (let r = 0; r < n; r++) {
    commands.forEach((command, i) => {
      const started = performance.now();
      const run = spawnSync(command[0], command.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
      times[i].push(performance.now() - started);
      if (run.status !== 0 && command.okStatus?.includes(run.status) !== true) {
        throw new Error(`${command.join(' ')} exited with ${run.status}: ${run.stderr}`);
      }
      command.lastOutput = run.stdout.toString();
    });
  }
  return times.map((t) => ({ ms: median(t), min: Math.min(...t) }));
}
const fmt = (ms) => `${ms.toFixed(0)} ms`;
const count = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const results = {};

// ---- grammar load, fresh process each: compile the source vs build from the recipe ----------
{
  const require = createRequire(import.meta.url);
  const source = readFileSync(join(root, 'grammar', 'scenario.ohm'), 'utf8');
  const recipeFile = join(here, 'scenario.recipe.json');
  writeFileSync(recipeFile, recipeOfSource(source));
  const ohmPath = require.resolve('ohm-js');
  const timer = (expr) => [process.execPath, '-e',
    `const fs=require('fs');const ohm=require(${JSON.stringify(ohmPath)});` +
    `const s=fs.readFileSync(${JSON.stringify(expr === 'compile' ? join(root, 'grammar', 'scenario.ohm') : recipeFile)},'utf8');` +
    `const t=performance.now();${expr === 'compile' ? 'ohm.grammar(s)' : 'ohm.makeRecipe(JSON.parse(s))'};` +
    'process.stdout.write(String(performance.now()-t))'];
  const times = { compile: [], recipe: [] };
  for (let r = 0; r < Math.max(5, Math.ceil(runs / 2)); r++) {
    for (const kind of ['compile', 'recipe']) {
      const [bin, ...rest] = timer(kind);
      times[kind].push(Number(spawnSync(bin, rest, { encoding: 'utf8' }).stdout));
    }
  }
  results.grammar = { compileMs: median(times.compile), recipeMs: median(times.recipe), recipeKB: readFileSync(recipeFile).length / 1024 };
  log(`grammar load, fresh process (median of ${times.compile.length}): ohm.grammar(source) ${results.grammar.compileMs.toFixed(1)} ms, ` +
    `ohm.makeRecipe(recipe) ${results.grammar.recipeMs.toFixed(1)} ms ` +
    `(${(results.grammar.compileMs / results.grammar.recipeMs).toFixed(0)}× faster; the bundles use the recipe, ${results.grammar.recipeKB.toFixed(0)} KB)`);
}

// ---- a. scenario check of the op-ed sample vs node -e 0 --------------------------------------
{
  const sample = join(root, 'samples', 'us-pakistan-2025.scenario');
  const text = readFileSync(sample, 'utf8');
  const shape = JSON.parse(spawnSync(process.execPath, [cli, 'forecast', sample, '--format', 'json', '--no-timing'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 }).stdout);
  const kinds = (k) => shape.inputs.filter((v) => v.kind === k).length;
  const size = {
    lines: text.split('\n').length, kb: text.length / 1024, factors: kinds('factor'), events: kinds('event'),
    outcomes: shape.outcomes.length, alternatives: shape.alternatives.length, method: shape.method,
  };
  const check = [process.execPath, join(root, 'bin', 'scenario.js'), 'check', relative(root, sample)];
  check.okStatus = [0, 1]; // 1 = the file has errors: still a full check
  const [bare, ours] = sideBySide(runs, [[process.execPath, '-e', '0'], check]);
  results.check = { size, runs, nodeMs: bare.ms, checkMs: ours.ms, nodeMinMs: bare.min, checkMinMs: ours.min, ratio: ours.ms / bare.ms };
  log(`\na. scenario check samples/us-pakistan-2025.scenario (${size.lines} lines, ${size.kb.toFixed(1)} KB: ` +
    `${count(size.factors, 'factor')}, ${count(size.events, 'event')}, ${count(size.outcomes, 'outcome')}, ` +
    `${count(size.alternatives, 'alternative')}; ${size.method}; ` +
    'checks + the forecast the judgment check needs), whole process, interleaved, median of ' + runs);
  log(`   node -e 0        ${fmt(bare.ms).padStart(8)}   (min ${fmt(bare.min)})`);
  log(`   scenario check   ${fmt(ours.ms).padStart(8)}   (min ${fmt(ours.min)})`);
  log(`   ratio            ${(ours.ms / bare.ms).toFixed(2)}×   (min/min ${(ours.min / bare.min).toFixed(2)}×; target ≤ 2.5×)`);

  // Where the time goes, in the process itself (less noisy than whole-process times on a busy
  // machine): Node's own start until the entry runs, reading the bundle and its code cache,
  // compiling it from the cache, and running it (its top level, then the check).
  const marks = join(root, 'bin', 'codeCache.js');
  const probe = `const t={start:performance.now()};process.argv=[process.argv[0],${JSON.stringify(join(root, 'dist', 'cli.js'))},...process.argv.slice(1)];` +
    // A command that answers synchronously ends the process itself (server/src/cli.ts): its run ends at the exit.
    `process.on('exit',()=>{t.ran??=performance.now();process.stderr.write('@@'+JSON.stringify(t));});require(${JSON.stringify(marks)}).runCli((m)=>{t[m]=performance.now();});`;
  const steps = { node: [], read: [], compile: [], run: [] };
  let cache = true;
  for (let r = 0; r < runs; r++) {
    const run = spawnSync(process.execPath, ['-e', probe, 'check', relative(root, sample)], { cwd: root, encoding: 'utf8' });
    const t = JSON.parse(run.stderr.slice(run.stderr.lastIndexOf('@@') + 2));
    const compiled = t.compiled ?? t['compiled without cache'];
    if (t.compiled === undefined) cache = false;
    steps.node.push(t.start);
    steps.read.push(t.read - t.start);
    steps.compile.push(compiled - t.read);
    steps.run.push(t.ran - compiled);
  }
  results.check.steps = Object.fromEntries(Object.entries(steps).map(([k, v]) => [`${k}Ms`, median(v)]));
  results.check.steps.codeCache = cache;
  log(`   in the process (median of ${runs}): Node's start ${fmt(median(steps.node))}, reading the bundle ${fmt(median(steps.read))}, ` +
    `compiling it ${fmt(median(steps.compile))} (${cache ? 'from its code cache' : 'no code cache'}), running it ${fmt(median(steps.run))} (its top level, then the check)`);
}

// ---- b. 60-variable Monte Carlo model, 20,000 samples: ours vs Squiggle 0.10 ------------------
{
  const model = generateMonteCarloModel(60, { drivers: 3 });
  const scenarioFile = join(here, 'mc60.scenario');
  const squiggleFile = join(here, 'mc60.squiggle');
  writeFileSync(scenarioFile, model.scenario);
  writeFileSync(squiggleFile, model.squiggle);
  const s = model.size;
  const sizeLine = `${s.variables} variables: ${count(s.factors, 'factor')} and ${count(s.events, 'event')} (uncertain probabilities), ` +
    `${s.outcomes} outcomes (logistic in ${s.drivers} drivers each, uncertain base and multipliers); 20,000 samples`;
  const squiggle = args.includes('--no-squiggle') ? null : installSquiggle();
  const ours = [process.execPath, join(root, 'bin', 'scenario.js'), 'forecast', scenarioFile, '--format', 'json', '--samples', '20000'];
  log(`\nb. forecast of a generated model with uncertain parameters, whole process (${sizeLine})`);
  if (!squiggle) {
    const [t] = sideBySide(squiggleRuns, [ours]);
    results.montecarlo = { size: s, oursMs: t.ms, squiggle: null };
    log(`   scenario forecast ${fmt(t.ms).padStart(8)}   (Squiggle comparison skipped)`);
  } else {
    const theirs = [process.execPath, squiggle.runner, squiggleFile, '20000'];
    const [a, b] = sideBySide(squiggleRuns, [ours, theirs]);
    const ourForecast = JSON.parse(ours.lastOutput);
    const theirMeans = JSON.parse(theirs.lastOutput);
    let largest = 0;
    for (const o of ourForecast.outcomes) largest = Math.max(largest, Math.abs(o.probability - theirMeans[o.name]));
    results.montecarlo = {
      size: s, runs: squiggleRuns, oursMs: a.ms, squiggleMs: b.ms, ratio: b.ms / a.ms, method: ourForecast.method,
      squiggleVersion: squiggle.version, largestDifference: largest,
    };
    log(`   scenario forecast --format json  ${fmt(a.ms).padStart(8)}   (min ${fmt(a.min)}; ${ourForecast.method}, ` +
      `worlds ${ourForecast.worldsMethod}, with bands from 500 or more exact draws of θ, swings and worlds)`);
    log(`   Squiggle ${squiggle.version.padEnd(24)}${fmt(b.ms).padStart(8)}   (min ${fmt(b.min)}; the means of the outcomes)`);
    log(`   ratio            ${(b.ms / a.ms).toFixed(1)}× faster   (median of ${squiggleRuns}, interleaved; target ≥ 10×)`);
    log(`   same model: largest difference of an outcome's probability ${(100 * largest).toFixed(1)} points ` +
      `(${ourForecast.method === 'exact' ? "Squiggle's sampling noise" : 'sampling noise of both'})`);
    if (largest > 0.05) {
      console.error('startup: the Squiggle program and the .scenario model disagree; the comparison is not valid');
      process.exitCode = 1;
    }
  }
}

if (asJson) console.log(JSON.stringify(results, null, 2));

/**
 * Squiggle 0.10 in its cache folder (installed when missing) and a small runner script that
 * imports it and runs a program; null (after one line saying why) when it cannot be installed.
 */
function installSquiggle() {
  const dir = join(work, 'squiggle');
  const pkg = join(dir, 'node_modules', '@quri', 'squiggle-lang', 'package.json');
  const version = () => (existsSync(pkg) ? JSON.parse(readFileSync(pkg, 'utf8')).version : null);
  if (!/^0\.10\./.test(version() ?? '')) {
    mkdirSync(dir, { recursive: true });
    log(`installing @quri/squiggle-lang@0.10 into ${relative(root, dir)}/ ...`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const install = spawnSync(npm, ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error',
      '--no-save', '@quri/squiggle-lang@0.10'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000, encoding: 'utf8' });
    if (install.status !== 0 || !/^0\.10\./.test(version() ?? '')) {
      const why = (install.stderr || install.error?.message || '').trim().split('\n')[0];
      console.log(`squiggle: could not install @quri/squiggle-lang@0.10 (${why || 'no network?'}); Squiggle comparison skipped`);
      return null;
    }
  }
  const runner = join(dir, 'run-squiggle.mjs');
  writeFileSync(runner, [
    '// Written by bench/startup.mjs: runs a Squiggle program, prints its result (a record of numbers) as JSON.',
    "import { readFileSync } from 'node:fs';",
    "import { run } from '@quri/squiggle-lang';",
    "const [file, samples] = process.argv.slice(2);",
    "const output = await run(readFileSync(file, 'utf8'), {",
    "  environment: { sampleCount: Number(samples), xyPointLength: 1000, seed: 'bench', profile: false },",
    '});',
    "if (!output.result.ok) { console.error(output.result.value.toString()); process.exit(1); }",
    'process.stdout.write(JSON.stringify(Object.fromEntries(output.result.value.result.value.entries().map(([k, v]) => [k, v.value]))));',
    '',
  ].join('\n'));
  return { runner, version: `@quri/squiggle-lang ${version()}` };
}
