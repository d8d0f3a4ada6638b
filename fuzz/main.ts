// npm run fuzz [-- options]: the standing fuzz campaign (docs/fuzzing.md).
//
//   --short                 the few-minute version CI runs on every submission
//   --target NAME[,NAME]    parse, forecast, incremental, server (default: all, in that order)
//   --seed N                the campaign's seed (default 15); every batch's seed derives from it
//   --count N               units per target instead of the default (inputs, models, sequences, edits)
//   --replay SEED:PATH      replay one run of --target (from a finding or the slowest list)
//   --json FILE             also write the results as JSON
import { writeFileSync } from 'node:fs';
import { type Target, type TargetResult, formatFinding, replay, runTarget } from './campaign';
import { forecastTarget } from './targets/forecast';
import { incrementalTarget } from './targets/incremental';
import { parseTarget } from './targets/parse';
import { serverTarget } from './targets/server';

const TARGETS: Target<never>[] = [parseTarget, forecastTarget, incrementalTarget, serverTarget] as unknown as Target<never>[];
const DEFAULT_SEED = 15;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function usage(message: string): never {
  console.error(`${message}\nusage: npm run fuzz -- [--short] [--target ${TARGETS.map((t) => t.name).join(',')}] [--seed N] [--count N] [--replay SEED:PATH] [--json FILE]`);
  process.exit(2);
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

async function main(): Promise<number> {
  const short = process.argv.includes('--short');
  const seedText = option('seed');
  const seed = seedText === undefined ? DEFAULT_SEED : Number(seedText);
  if (!Number.isSafeInteger(seed)) usage(`--seed must be a whole number (got ${seedText})`);
  const names = option('target')?.split(',') ?? TARGETS.map((t) => t.name);
  const targets = names.map((name) => TARGETS.find((t) => t.name === name) ?? usage(`unknown target ${name}`));
  const countText = option('count');
  const count = countText === undefined ? null : Number(countText);
  if (count !== null && !(Number.isSafeInteger(count) && count > 0)) usage(`--count must be a positive whole number (got ${countText})`);

  const replayText = option('replay');
  if (replayText !== undefined) {
    const match = /^(\d+):([\d:]+)$/.exec(replayText);
    if (!match || targets.length !== 1) usage('--replay SEED:PATH needs one --target');
    return (await replay(targets[0]!, Number(match[1]), match[2]!, console.log)) ? 0 : 1;
  }

  console.log(`fuzz campaign: seed ${seed}${short ? ', short' : ''}; targets ${targets.map((t) => t.name).join(', ')}`);
  console.log(`(every batch's seed derives from the campaign's seed: npm run fuzz -- --seed ${seed}${short ? ' --short' : ''} runs the same inputs again)`);
  const started = performance.now();
  const results: TargetResult[] = [];
  for (const target of targets) {
    const units = count ?? (short ? target.short : target.full);
    console.log(`\n${target.name}: ${units.toLocaleString('en-US')} ${target.unit}`);
    results.push(await runTarget(target, { seed, units, log: console.log }));
  }
  const seconds = (performance.now() - started) / 1000;

  console.log('\n=== results ===');
  for (const r of results) {
    const rate = r.units / r.seconds;
    const extra = Object.entries(r.extra).map(([k, v]) => `, ${k} ${v}`).join('');
    console.log(`${r.target}: ${r.units.toLocaleString('en-US')} ${r.unit} (${r.runs.toLocaleString('en-US')} runs, ${r.batches} batches) in ${r.seconds.toFixed(0)} s ` +
      `(${rate.toFixed(rate < 10 ? 1 : 0)}/s), ${r.findings.length} finding${r.findings.length === 1 ? '' : 's'}` +
      `${r.retainedHeapMb.last !== null ? `, retained heap ${r.retainedHeapMb.first?.toFixed(0)} → ${r.retainedHeapMb.last.toFixed(0)} MB` : ''}${extra}`);
    console.log(`  batch seeds: ${r.seeds.slice(0, 3).join(', ')}${r.seeds.length > 3 ? `, … (${r.seeds.length})` : ''}`);
    for (const s of r.slowest) console.log(`  slow: ${s.cpuMs.toFixed(0)} ms CPU, ${s.what}: ${s.replay}`);
  }
  console.log(`campaign: ${seconds.toFixed(0)} s, peak RSS of the campaign process ${peakRssMb().toFixed(0)} MB`);
  const findings = results.flatMap((r) => r.findings);
  if (findings.length > 0) {
    console.log(`\n${findings.length} finding${findings.length === 1 ? '' : 's'}:`);
    for (const f of findings) console.log(formatFinding(f));
  } else console.log('no findings');
  const json = option('json');
  if (json) writeFileSync(json, `${JSON.stringify({ seed, short, seconds, peakRssMb: peakRssMb(), results }, null, 2)}\n`);
  return findings.length > 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(2);
});
