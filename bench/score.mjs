// Benchmark of the track record at scale (issue 12, point 5): a repository of --files resolved
// question files with --commits commits each (every commit changes every file's numbers), made in a
// temporary folder with git fast-import, then `scorePaths` over the folder: cold (a fresh version
// cache: git log of every file, every blob read, every version checked and forecast) and warm (a
// fresh in-memory cache over the same disk cache, as a second `scenario score` finds it), with the
// files scored --concurrency at a time. Memory is the process's peak RSS and the heap after the
// run: what scoring keeps is bounded by the cache's capacity, not by the number of files. Bundles what it needs with esbuild, so it runs from the repository root as it is.
//
//   node bench/score.mjs [--files 1000] [--commits 50] [--concurrency 4]
import { build } from 'esbuild';
import { watBinary } from '../scripts/esbuildPlugins.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DAY, FIRST_COMMIT, makeRepository } from './lib/gitRepository.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return Number(i === -1 ? fallback : process.argv[i + 1]);
};
const files = option('--files', 1000);
const commits = option('--commits', 50);
const concurrency = option('--concurrency', 4);
const work = mkdtempSync(join(tmpdir(), 'scenario-bench-score-'));

async function bundle() {
  const lib = join(work, 'score.cjs');
  await build({
    stdin: {
      contents: "export { scorePaths } from './server/src/history/records';\nexport { DiskVersionStore, VersionCache } from './server/src/history/cache';\n",
      resolveDir: root, loader: 'ts',
    },
    outfile: lib, bundle: true, platform: 'node', format: 'cjs', target: 'node20', loader: { '.ohm': 'text' }, plugins: [watBinary], logLevel: 'warning',
  });
  return createRequire(import.meta.url)(lib);
}

/** The day a question resolves: after four fifths of the commits, so most versions stood before it. */
const resolvedOn = new Date((FIRST_COMMIT + Math.floor(commits * 0.8) * DAY) * 1000).toISOString().slice(0, 10);

/** Question i in commit k: two factors, an event and an outcome, its numbers moving commit by commit. */
function question(i, k) {
  const last = k === commits - 1;
  return `scenario "Question ${i}" { seed ${1 + (i % 7)} }

factor pressure "Pressure builds" {
  probability ${20 + ((i + k) % 60)}%
  ${last && i % 3 === 0 ? `resolved ${i % 2 ? 'yes' : 'no'} on ${resolvedOn}` : ''}
}

factor talks "Talks go on" {
  probability ${30 + ((2 * i + k) % 40)}%..${75 + ((i + k) % 20)}%
}

event shock "A shock" {
  probability ${5 + ((i + 3 * k) % 20)}%
}

outcome deal "A deal by the deadline" {
  base ${10 + ((i + k) % 50)}%
  talks raises strongly
  pressure lowers moderately
  shock lowers weakly
  judged ${['likely', 'unlikely', 'roughly even chance'][i % 3]}
  ${last ? `resolved ${(i * 7 + 3) % 5 < 2 ? 'yes' : 'no'} on ${resolvedOn}` : ''}
}
`;
}

const lib = await bundle();
const t0 = performance.now();
const repo = makeRepository(join(work, 'repo'), commits, (k) => Object.fromEntries(
  Array.from({ length: files }, (_, i) => [`questions/q${String(i).padStart(4, '0')}.scenario`, question(i, k)]),
));
const madeMs = performance.now() - t0;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
// As `scenario score` keeps it: in memory (an LRU of a few thousand versions) and on disk.
const disk = new lib.DiskVersionStore(join(work, 'cache'), 'bench');
async function run(cache) {
  const t = performance.now();
  const record = await lib.scorePaths([join(repo, 'questions')], { cache, concurrency });
  return { ms: performance.now() - t, record };
}
const cache = new lib.VersionCache(disk);
const cold = await run(cache);
const warm = await run(new lib.VersionCache(disk));
clearInterval(sampler);
globalThis.gc?.();
const heapMB = process.memoryUsage().heapUsed / 2 ** 20;
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
rmSync(work, { recursive: true, force: true });

const s = cold.record.summary;
const mb = (b) => `${(b / 2 ** 20).toFixed(0)} MB`;
console.log(`track record of ${files} files × ${commits} commits (${files * commits} versions; 4 declarations a file), ${concurrency} files at a time`);
console.log(`  repository made in ${(madeMs / 1000).toFixed(1)} s (git fast-import)`);
console.log(`  ${cold.record.questions.length} questions scored (${s.recordedBefore} on a forecast of record), ${cold.record.skipped.length} files skipped`);
console.log(`  cold (every version read, checked and forecast): ${(cold.ms / 1000).toFixed(1)} s, ${(cold.ms / (files * commits)).toFixed(2)} ms a version`);
console.log(`  warm (a new process's view: the disk cache by blob id): ${(warm.ms / 1000).toFixed(1)} s, ${(warm.ms / files).toFixed(1)} ms a file (its git log)`);
console.log(`  memory: peak RSS ${mb(peakRss)}, heap after ${heapMB.toFixed(0)} MB (the cache keeps at most ${cache.memory.capacity} versions)`);
if (warm.record.questions.length !== cold.record.questions.length) {
  console.error('bench/score: the warm run scored a different number of questions');
  process.exit(1);
}
