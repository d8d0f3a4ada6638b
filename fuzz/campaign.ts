// The campaign's engine: runs a target's oracle over inputs drawn by fast-check, in batches of
// seeded runs, until the target's count is reached. A failing run is shrunk by fast-check to a
// minimal input and reported with the command that replays it (the batch's seed and the run's
// path); the campaign then goes on with the next batch. Each run is also held to its CPU and
// memory budgets, and after each batch the retained heap is measured (no accumulation).
import fc from 'fast-check';
import { OracleFailure } from './oracles';

export interface Target<T> {
  name: string;
  /** What one counted unit is: "inputs", "models", "edit sequences", "server edits". */
  unit: string;
  arbitrary: fc.Arbitrary<T>;
  /** Units to run by default and with --short. */
  full: number;
  short: number;
  /** fast-check runs per batch (one seed each). */
  batch: number;
  /** How many units one input counts (a server sequence counts its edits). */
  units?(input: T): number;
  start?(): Promise<void>;
  stop?(): Promise<void>;
  /** The oracles; throws on a failure. */
  run(input: T): void | Promise<void>;
  /** The input as it is printed for a finding or a slow input. */
  show(input: T): string;
  /** Characters of input, for the report. */
  size(input: T): number;
  /** How the size reads in the report (default: "N characters"). */
  sizeLabel?(input: T): string;
  /** CPU budget of one input, in milliseconds (generous: a failure means a blow-up, not noise). */
  cpuBudgetMs(input: T): number;
  /** CPU measured elsewhere (the server process); the campaign's own is used when absent. */
  cpuMs?(): number;
  /** Extra numbers for the report (the server's peak RSS). */
  report?(): Record<string, number | string>;
}

/** Heap a single input may add while it runs (no collection in between), in MB. */
export const INPUT_HEAP_BUDGET_MB = 512;
/** Heap the campaign may keep after a full collection, above what it kept after the first batch, in MB. */
export const RETAINED_HEAP_BUDGET_MB = 64;
/** Shrinking stops after this long; the smallest failing input so far is reported. */
const SHRINK_TIME_LIMIT_MS = 120_000;

export interface Finding {
  target: string;
  seed: number;
  path: string;
  error: string;
  input: string;
  replay: string;
}

export interface SlowInput {
  cpuMs: number;
  size: number;
  what: string;
  seed: number;
  path: string;
  replay: string;
}

export interface TargetResult {
  target: string;
  unit: string;
  units: number;
  runs: number;
  batches: number;
  seeds: number[];
  seconds: number;
  findings: Finding[];
  slowest: SlowInput[];
  cpuMsTotal: number;
  retainedHeapMb: { first: number | null; last: number | null; max: number | null };
  extra: Record<string, number | string>;
}

/** A 32-bit seed for batch `batch` of `target`, from the campaign's seed (FNV-1a). */
export function batchSeed(campaignSeed: number, target: string, batch: number): number {
  let h = 0x811c9dc5;
  for (const c of `${campaignSeed}/${target}/${batch}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

export function replayCommand(target: string, seed: number, path: string): string {
  return `npm run fuzz -- --target ${target} --replay ${seed}:${path}`;
}

const gc = (globalThis as { gc?: () => void }).gc;

function retainedHeapMb(): number | null {
  if (!gc) return null;
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

interface Measured {
  cpuMs: number;
}

/** Runs the target's oracles and budgets on one input. */
async function runOne<T>(target: Target<T>, input: T, measured: Measured): Promise<void> {
  const cpu = process.cpuUsage();
  const otherCpu = target.cpuMs?.() ?? 0;
  const heap = process.memoryUsage().heapUsed;
  await target.run(input);
  const own = process.cpuUsage(cpu);
  measured.cpuMs = target.cpuMs ? target.cpuMs() - otherCpu : (own.user + own.system) / 1000;
  const budget = target.cpuBudgetMs(input);
  if (measured.cpuMs > budget) {
    throw new OracleFailure(`${measured.cpuMs.toFixed(0)} ms of CPU, over the budget of ${budget.toFixed(0)} ms for this input`);
  }
  const grown = (process.memoryUsage().heapUsed - heap) / 1048576;
  if (grown > INPUT_HEAP_BUDGET_MB) throw new OracleFailure(`the heap grew by ${grown.toFixed(0)} MB on this input, over ${INPUT_HEAP_BUDGET_MB} MB`);
}

export interface RunOptions {
  seed: number;
  units: number;
  log: (line: string) => void;
}

/** Runs batches until `units` units have run; returns the counts, findings and slowest inputs. */
export async function runTarget<T>(target: Target<T>, options: RunOptions): Promise<TargetResult> {
  const started = performance.now();
  const result: TargetResult = {
    target: target.name, unit: target.unit, units: 0, runs: 0, batches: 0, seeds: [], seconds: 0, findings: [], slowest: [],
    cpuMsTotal: 0, retainedHeapMb: { first: null, last: null, max: null }, extra: {},
  };
  await target.start?.();
  try {
    let nextReport = 0.1;
    while (result.units < options.units) {
      const seed = batchSeed(options.seed, target.name, result.batches);
      result.seeds.push(seed);
      let index = 0;
      let failedAt: number | null = null;
      const measured: Measured = { cpuMs: 0 };
      const property = fc.asyncProperty(target.arbitrary, async (input) => {
        if (failedAt !== null) {
          // Shrinking: stop trying smaller inputs after the time limit (the last failing one stays).
          if (performance.now() - failedAt > SHRINK_TIME_LIMIT_MS) return;
          await runOne(target, input, measured);
          return;
        }
        const path = String(index++);
        try {
          await runOne(target, input, measured);
        } catch (error) {
          failedAt = performance.now();
          throw error;
        } finally {
          result.runs++;
          result.units += target.units?.(input) ?? 1;
          result.cpuMsTotal += measured.cpuMs;
          noteSlow(result, target, input, measured.cpuMs, seed, path);
        }
      });
      const details = await fc.check(property, { seed, numRuns: target.batch });
      result.batches++;
      if (details.failed) {
        const finding: Finding = {
          target: target.name,
          seed,
          path: details.counterexamplePath ?? '',
          error: describe(details.errorInstance),
          input: details.counterexample ? target.show(details.counterexample[0] as T) : '(none)',
          replay: replayCommand(target.name, seed, details.counterexamplePath ?? ''),
        };
        result.findings.push(finding);
        options.log(formatFinding(finding));
      }
      const heap = retainedHeapMb();
      if (heap !== null) {
        if (result.retainedHeapMb.first === null) result.retainedHeapMb.first = heap;
        result.retainedHeapMb.last = heap;
        result.retainedHeapMb.max = Math.max(result.retainedHeapMb.max ?? 0, heap);
        if (heap - result.retainedHeapMb.first > RETAINED_HEAP_BUDGET_MB) {
          const finding: Finding = {
            target: target.name, seed, path: '', input: '(the inputs of the batches so far)',
            error: `the campaign keeps ${heap.toFixed(0)} MB after a full collection, ${(heap - result.retainedHeapMb.first).toFixed(0)} MB more than after its first batch (over ${RETAINED_HEAP_BUDGET_MB} MB): something accumulates`,
            replay: `npm run fuzz -- --target ${target.name} --seed ${options.seed} --count ${result.units}`,
          };
          result.findings.push(finding);
          options.log(formatFinding(finding));
          result.retainedHeapMb.first = heap; // report each growth once
        }
      }
      if (result.units >= nextReport * options.units) {
        options.log(`  ${target.name}: ${result.units.toLocaleString('en-US')} ${target.unit} (${((performance.now() - started) / 1000).toFixed(0)} s, batch seed ${seed})`);
        nextReport = Math.floor((result.units / options.units) * 10 + 1) / 10;
      }
    }
  } finally {
    await target.stop?.();
  }
  result.extra = target.report?.() ?? {};
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

const SLOWEST_KEPT = 5;

function noteSlow<T>(result: TargetResult, target: Target<T>, input: T, cpuMs: number, seed: number, path: string): void {
  const slowest = result.slowest;
  if (slowest.length >= SLOWEST_KEPT && cpuMs <= slowest[slowest.length - 1]!.cpuMs) return;
  const size = target.size(input);
  const what = target.sizeLabel?.(input) ?? `${size.toLocaleString('en-US')} characters`;
  slowest.push({ cpuMs, size, what, seed, path, replay: replayCommand(target.name, seed, path) });
  slowest.sort((a, b) => b.cpuMs - a.cpuMs);
  slowest.length = Math.min(slowest.length, SLOWEST_KEPT);
}

export function describe(error: unknown): string {
  if (error instanceof OracleFailure) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  return String(error);
}

export function formatFinding(f: Finding): string {
  const input = f.input.length > 4_000 ? `${f.input.slice(0, 4_000)}… (${f.input.length} characters)` : f.input;
  return [
    `FINDING in ${f.target}: ${f.error}`,
    `  minimised input: ${input}`,
    `  replay: ${f.replay}`,
  ].join('\n');
}

/** Replays one run (a seed and a fast-check path) and prints the input and what failed in full. */
export async function replay<T>(target: Target<T>, seed: number, path: string, log: (line: string) => void): Promise<boolean> {
  await target.start?.();
  try {
    let shown: T | undefined;
    const measured: Measured = { cpuMs: 0 };
    const property = fc.asyncProperty(target.arbitrary, async (input) => {
      shown = input;
      await runOne(target, input, measured);
    });
    const details = await fc.check(property, { seed, path, numRuns: 1, endOnFailure: true });
    log(`input (${shown === undefined ? 0 : target.size(shown)} characters): ${shown === undefined ? '(none)' : target.show(shown)}`);
    log(`CPU: ${measured.cpuMs.toFixed(1)} ms (budget ${shown === undefined ? '?' : target.cpuBudgetMs(shown).toFixed(0)} ms)`);
    if (details.failed) log(`FAILS: ${describe(details.errorInstance)}`);
    else log('passes');
    return !details.failed;
  } finally {
    await target.stop?.();
  }
}
