// The memory of passes over one plan, and the pass itself: the loops are WebAssembly
// (frontier.wat), which runs them at full speed from the first pass, where JavaScript interprets a
// loop until it has seen enough of it (a CLI forecast is over before most loops are optimised).
// This file lays out the plan in the module's memory once (see the map in frontier.wat) and, per
// pass, copies the tables in and the marginals out.
import kernelBytes from './frontier.wat';
import type { Plan, Step } from './frontier';
import { copyTables, kernelInstance, MemoryLayout } from './kernelPool';

/** The fields of a step's record, in i32 words (frontier.wat reads them at these byte offsets × 4). */
const KIND = 0, WIDTH = 1, TABLE = 2, COMBINATION = 3, POSITIONS = 4, POSITION_COUNT = 5;
const REMOVED = 6, REMOVED_COUNT = 7, KEEP_FALSE = 8, KEEP_TRUE = 9, KEEP = 10;
const RECORD_WORDS = 11;

/** Bytes of a plan's step records (what FrontierBuffer.copyRecords writes). */
export function recordBytes(plan: Plan): number {
  return 4 * RECORD_WORDS * plan.steps.length;
}

/** The loops of frontier.wat, by what a step does. */
const enum Kind {
  JoinBare = 0,
  ReplaceDriver = 1,
  ReplaceTwoDrivers = 2,
  Other = 3,
  Join = 4,
}

export interface KernelExports {
  memory: WebAssembly.Memory;
  run(records: number, first: number, last: number, marginals: number, offsets: number): void;
  hypercube(state: number, order: number, draws: number, dims: number, shuffle: number, consts: number): void;
  rows(state: number, order: number, draws: number, dims: number, from: number, count: number, jitter: number, out: number, consts: number): void;
  draws(
    count: number, mainRows: number, mainDims: number, mainSlots: number, extraRows: number, extraDims: number, extraSlots: number,
    logits: number, nLogits: number, fills: number, nFills: number, odds: number, factor: number, consts: number, maxExponent: number,
    t: number, records: number, nSteps: number, marginals: number, offsets: number, wanted: number, nWanted: number, out: number,
    stride: number,
  ): void;
  quantile(at: number, n: number, q: number): number;
  settled(at: number, n: number, low: number, high: number, halfWidth: number): number;
  worldSamples(
    count: number, state: number, n: number, width: number, table: number, tableStart: number, padded: number, sum: number,
    squares: number, outcomes: number, nOut: number, u: number, conditional: number, xs: number, toUnit: number,
  ): void;
}

function kindOf(step: Step): Kind {
  const removed = step.removed.length;
  if (!step.keep) return Kind.Other;
  if (step.parentPositions.length === 0) return removed === 0 ? Kind.JoinBare : Kind.Other;
  if (!step.combination) return Kind.Other;
  return removed === 0 ? Kind.Join : removed === 1 ? Kind.ReplaceDriver : removed === 2 ? Kind.ReplaceTwoDrivers : Kind.Other;
}

/**
 * Where everything of one plan lies in the memory, worked out once per plan (bands make a buffer
 * per batch): the frontier, the tables and the marginals, then the step records, positions and
 * combinations, kept as a byte image that each new memory takes at once.
 */
class FrontierLayout {
  /** Per step: where its table starts (in f64 entries). */
  readonly tableAt: Int32Array;
  /** Per step: its variable. */
  readonly variables: Int32Array;
  readonly marginalsAt: number;
  readonly records: number;
  readonly offsets: number;
  readonly widthAfter: Int32Array;
  /** The records' and what follows' bytes, from `records` on. */
  readonly image: Uint8Array;
  readonly bytes: number;

  constructor(plan: Plan) {
    const steps = plan.steps;
    const memory = new MemoryLayout(8 * (1 << plan.maxWidth));
    const tableBytes = steps.map((s) => memory.take(8 * (1 << s.parentPositions.length), 8));
    this.tableAt = Int32Array.from(tableBytes, (b) => b / 8);
    this.variables = Int32Array.from(steps, (s) => s.v);
    this.marginalsAt = memory.take(8 * steps.length, 8);
    this.records = memory.take(4 * RECORD_WORDS * steps.length, 8);
    const positionBytes = steps.map((s) => memory.take(4 * s.parentPositions.length, 4));
    const removedBytes = steps.map((s) => memory.take(4 * s.removed.length, 4));
    const mostRemoved = steps.reduce((most, s) => Math.max(most, s.removed.length), 0);
    this.offsets = memory.take(4 * (1 << mostRemoved), 4);
    const combinationBytes = steps.map((s) => (s.combination ? memory.take(4 * s.combination.length, 4) : 0));
    this.bytes = Math.ceil(memory.bytes / 8) * 8;
    this.widthAfter = Int32Array.from(steps, (s) => s.width + (s.keep ? 1 : 0) - s.removed.length);
    const image = new ArrayBuffer(this.bytes - this.records);
    const i32 = new Int32Array(image);
    const u32 = new Uint32Array(image);
    const word = (byte: number) => (byte - this.records) / 4;
    steps.forEach((s, k) => {
      const at = k * RECORD_WORDS;
      i32[at + KIND] = kindOf(s);
      i32[at + WIDTH] = s.width;
      i32[at + TABLE] = tableBytes[k]!;
      i32[at + COMBINATION] = combinationBytes[k]!;
      i32[at + POSITIONS] = positionBytes[k]!;
      i32[at + POSITION_COUNT] = s.parentPositions.length;
      i32[at + REMOVED] = removedBytes[k]!;
      i32[at + REMOVED_COUNT] = s.removed.length;
      i32[at + KEEP_FALSE] = 1;
      i32[at + KEEP_TRUE] = 1;
      i32[at + KEEP] = s.keep ? 1 : 0;
      i32.set(s.parentPositions, word(positionBytes[k]!));
      i32.set(s.removed, word(removedBytes[k]!));
      if (s.combination) u32.set(s.combination, word(combinationBytes[k]!));
    });
    this.image = new Uint8Array(image);
  }
}

const layouts = new WeakMap<Plan, FrontierLayout>();

/**
 * Reusable memory for passes over one plan: a module instance (kernelPool.ts), laid out for it,
 * with `extraBytes` more from `extraAt` on for whoever runs the module's other loops (bandKernel.ts).
 */
export class FrontierBuffer {
  /** The frontier's table (the first 2^width entries are the current joint). */
  readonly table: Float64Array;
  readonly kernel: KernelExports;
  readonly extraAt: number;
  private readonly f64: Float64Array;
  private readonly i32: Int32Array;
  private readonly layout: FrontierLayout;
  /** Whether the records hold evidence (keepFalse/keepTrue not all 1). */
  private seenWritten = false;

  constructor(readonly plan: Plan, extraBytes = 0) {
    let layout = layouts.get(plan);
    if (!layout) layouts.set(plan, (layout = new FrontierLayout(plan)));
    this.layout = layout;
    this.extraAt = layout.bytes;
    this.kernel = kernelInstance(kernelBytes, layout.bytes + extraBytes).exports as unknown as KernelExports;
    const memory = this.kernel.memory;
    new Uint8Array(memory.buffer).set(layout.image, layout.records);
    this.f64 = new Float64Array(memory.buffer);
    this.i32 = new Int32Array(memory.buffer);
    this.table = this.f64.subarray(0, 1 << plan.maxWidth);
  }

  /** Steps first … last − 1 with these tables (and evidence: −1 not observed); P(v) into marginals. */
  run(tables: readonly Float64Array[], evidence: Int8Array | null, marginals: Float64Array, first: number, last: number): void {
    const steps = this.plan.steps;
    const { f64, layout } = this;
    copyTables(f64, tables, layout.variables, layout.tableAt, first, last);
    if (evidence || this.seenWritten) {
      for (let k = 0; k < steps.length; k++) {
        const seen = evidence ? evidence[steps[k]!.v]! : -1;
        const at = layout.records / 4 + k * RECORD_WORDS;
        this.i32[at + KEEP_FALSE] = seen === 1 ? 0 : 1;
        this.i32[at + KEEP_TRUE] = seen === 0 ? 0 : 1;
      }
      this.seenWritten = evidence !== null;
    }
    this.kernel.run(layout.records, first, last, layout.marginalsAt, layout.offsets);
    const out = layout.marginalsAt / 8;
    for (let k = first; k < last; k++) marginals[steps[k]!.v] = this.f64[out + k]!;
  }

  /** Scratch for the sums of steps that remove several drivers (run's and run2's `offsets`). */
  get offsetsAt(): number {
    return this.layout.offsets;
  }

  /**
   * The step records copied to byte `to`, step k's table at tableAt(k) (frontier.wat's run2, whose
   * tables hold two draws interleaved).
   */
  copyRecords(to: number, tableAt: (k: number) => number): void {
    const from = this.layout.records / 4;
    const steps = this.plan.steps.length;
    this.i32.copyWithin(to / 4, from, from + RECORD_WORDS * steps);
    for (let k = 0; k < steps; k++) this.i32[to / 4 + k * RECORD_WORDS + TABLE] = tableAt(k);
  }

  /** The frontier's width after step k − 1 (0 before the first). */
  widthBefore(k: number): number {
    return k === 0 ? 0 : this.layout.widthAfter[k - 1]!;
  }
}
