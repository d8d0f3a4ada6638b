// A batch of exact band draws run by frontier.wat from end to end: the Latin hypercubes, each
// draw's θ and the tables it changes, the pass (two draws at once, one per lane of f64x2), and the
// outcomes' P. The same numbers to the last bit as the JavaScript they replace (LatinHypercube,
// DrawnTables.draw, runPlan; a test compares them), which interpreted a cold CLI's band draws for
// about as long as the passes took. Only the bases' logits stay in JavaScript: WebAssembly has no
// logarithm, and Math.log's last bit is V8's.
import { type CompiledModel, INPUT } from './compile';
import type { Plan } from './frontier';
import { FrontierBuffer, recordBytes } from './frontierKernel';
import { MemoryLayout } from './kernelPool';
import { POW2, ROOTS, SCALE, SIXTH, STEP } from './logistic';
import { TO_UNIT, type UniformBlocks } from './random';
import { type DrawnTables, MAX_ODDS_EXPONENT, type TableDraws } from './tables';
import type { ThetaSlots } from './theta';

/** Draws per call of the pass loop: their rows and logits are made just before. */
const CHUNK = 64;
/** frontier.wat's constants: POW2, ROOTS, then SCALE, STEP, 1/6 and 2^-32 (its byte offsets); made on first use, not at every start. */
let consts: Float64Array | null = null;
const kernelConstants = () => (consts ??= Float64Array.of(...POW2, ...ROOTS, SCALE, STEP, SIXTH, TO_UNIT));
/** Bytes of one uniform's record: kind, address, a, b (frontier.wat's $theta). */
const SLOT_BYTES = 24;
/** The kinds of a uniform's record: a + b·u into lnK, the next logit into logitBase, a + b·u into a table's lane. */
const AFFINE = 0, LOGIT = 1, TABLE_ENTRY = 2;

/** One source's uniforms: how many a draw takes, and where its bases' uniforms sit in a row. */
interface Source {
  dims: number;
  state: number;
  order: number;
  rows: number;
  slots: number;
  /** Row positions, lower ends and widths of the bases (their logits are computed here). */
  basePositions: Int32Array;
  baseLow: Float64Array;
  baseWidth: Float64Array;
}

/**
 * `batch` draws of θ over `plan` (the tables of `draws`, a DrawnTables or one of its subsets),
 * keeping P(v) of each of `outcomes` per draw; and the order statistics of up to `total` draws.
 */
export class BandBatch {
  private readonly buffer: FrontierBuffer;
  private readonly main: Source;
  private readonly extra: Source;
  private readonly f64: Float64Array;
  private readonly i32: Int32Array;
  private readonly at: {
    consts: number; shuffle: number; jitter: number; logits: number; lnK: number; logitBase: number;
    fills: number; odds: number; factor: number; wanted: number; out: number; scratch: number;
    frontier: number; records: number; marginals: number; offsets: number;
  };
  private readonly sources: readonly Source[];
  private readonly nLogits: number;
  private readonly nFills: number;

  constructor(
    c: CompiledModel, plan: Plan, tables: DrawnTables, draws: TableDraws, private readonly outcomes: readonly number[],
    private readonly batch: number, total = batch,
  ) {
    const { main, extra } = draws.theta;
    const stepOf = new Map<number, number>();
    plan.steps.forEach((s, k) => stepOf.set(s.v, k));
    // A drawn input's P goes straight into its table (its slot's address); an outcome's table is
    // filled from its drawn parameters.
    const fills = Array.from(draws.ranged).filter((v) => c.kind[v] !== INPUT && stepOf.has(v));
    let maxK = 0;
    for (const v of fills) maxK = Math.max(maxK, c.drvStart[v + 1]! - c.drvStart[v]!);
    const mainDims = draws.mainDimensions;
    const extraDims = draws.extraDimensions;
    this.nLogits = main.bases.length + extra.bases.length;
    this.nFills = fills.length;

    // The region after the pass's memory, measured first (the buffer is made with it).
    const region = new MemoryLayout(0);
    const take = (bytes: number, align = 8) => region.take(bytes, align);
    const constants = kernelConstants();
    const constsAt = take(8 * constants.length);
    const state = [take(16), take(16)];
    const order = [take(4 * mainDims * batch), take(4 * extraDims * batch)];
    const shuffle = take(8 * Math.max(0, batch - 1));
    const jitter = take(8 * Math.max(mainDims, extraDims));
    const rows = [take(8 * CHUNK * mainDims), take(8 * CHUNK * extraDims)];
    const slots = [take(SLOT_BYTES * mainDims), take(SLOT_BYTES * extraDims)];
    const logits = take(8 * CHUNK * this.nLogits);
    const lnK = take(8 * tables.theta.lnK.length);
    const logitBase = take(8 * c.n);
    const fillRecords = take(16 * fills.length);
    const odds = take(8 * (1 << maxK));
    const factor = take(8 * Math.max(1, maxK));
    const wanted = take(4 * outcomes.length, 4);
    const out = take(8 * batch * outcomes.length);
    const sink = take(16, 16);
    const scratch = take(8 * total);
    // Two draws side by side: the frontier and every step's table interleaved (16 bytes an entry).
    const frontier = take(16 * (1 << plan.maxWidth), 16);
    const stepTables = plan.steps.map((step) => take(16 * (1 << step.parentPositions.length), 16));
    const marginals = take(16 * plan.steps.length, 16);
    const records = take(recordBytes(plan), 4);

    this.buffer = new FrontierBuffer(plan, region.bytes + 16);
    // 16-aligned, for the interleaved entries.
    const base = Math.ceil(this.buffer.extraAt / 16) * 16;
    const memory = this.buffer.kernel.memory.buffer;
    this.f64 = new Float64Array(memory);
    this.i32 = new Int32Array(memory);
    const f64 = this.f64;
    const i32 = this.i32;
    this.at = {
      consts: base + constsAt, shuffle: base + shuffle, jitter: base + jitter, logits: base + logits, lnK: base + lnK,
      logitBase: base + logitBase, fills: base + fillRecords, odds: base + odds, factor: base + factor,
      wanted: base + wanted, out: base + out, scratch: base + scratch, frontier: base + frontier, records: base + records, marginals: base + marginals,
      offsets: this.buffer.offsetsAt,
    };
    f64.set(constants, this.at.consts / 8);
    f64.set(tables.theta.lnK, this.at.lnK / 8);
    f64.set(tables.theta.logitBase, this.at.logitBase / 8);
    // Both lanes start from the tables as they are; the drawn ones are refilled draw by draw.
    plan.steps.forEach((step, k) => {
      const table = tables.tables[step.v]!;
      const at = (base + stepTables[k]!) / 8;
      for (let e = 0; e < table.length; e++) f64[at + 2 * e] = f64[at + 2 * e + 1] = table[e]!;
    });
    this.buffer.copyRecords(this.at.records, (k) => base + stepTables[k]!);

    const tableOf = (v: number) => (stepOf.has(v) ? base + stepTables[stepOf.get(v)!]! : base + sink);
    const { offset, scale } = tables.theta;
    const source = (k: 0 | 1, s: ThetaSlots): Source => {
      const at = base + slots[k]!;
      let d = 0;
      const slot = (kind: number, address: number, a: number, b: number) => {
        i32[(at + d * SLOT_BYTES) / 4] = kind;
        i32[(at + d * SLOT_BYTES) / 4 + 1] = address;
        f64[(at + d * SLOT_BYTES + 8) / 8] = a;
        f64[(at + d * SLOT_BYTES + 16) / 8] = b;
        d++;
      };
      for (const v of s.inputs) slot(TABLE_ENTRY, tableOf(v), c.lo[v]!, c.hi[v]! - c.lo[v]!);
      const basePositions = Int32Array.from(s.bases, (_, i) => s.inputs.length + i);
      for (const v of s.bases) slot(LOGIT, this.at.logitBase + 8 * v, 0, 0);
      for (const j of s.drivers) slot(AFFINE, this.at.lnK + 8 * j, offset[j]!, scale[j]!);
      return {
        dims: d, state: base + state[k]!, order: base + order[k]!, rows: base + rows[k]!, slots: at, basePositions,
        baseLow: Float64Array.from(s.bases, (v) => c.lo[v]!), baseWidth: Float64Array.from(s.bases, (v) => c.hi[v]! - c.lo[v]!),
      };
    };
    this.main = source(0, main);
    this.extra = source(1, extra);
    this.sources = [this.main, this.extra];
    fills.forEach((v, i) => {
      const record = this.at.fills / 4 + 4 * i;
      i32[record] = tableOf(v);
      i32[record + 1] = this.at.logitBase + 8 * v;
      i32[record + 2] = this.at.lnK + 8 * c.drvStart[v]!;
      i32[record + 3] = c.drvStart[v + 1]! - c.drvStart[v]!;
    });
    outcomes.forEach((v, i) => {
      if (!stepOf.has(v)) throw new Error('BandBatch: an outcome is not in the plan');
      i32[this.at.wanted / 4 + i] = stepOf.get(v)!;
    });
  }

  /**
   * The batch's draws, continuing both streams: P(outcomes[i]) of draw d into into[i][at + d].
   * `checkCancelled` is called between chunks of draws.
   */
  run(mainStream: UniformBlocks, extraStream: UniformBlocks, into: Float64Array[], at: number, checkCancelled: () => void): void {
    const { kernel } = this.buffer;
    const { main, extra, batch, f64, i32 } = this;
    const a = this.at;
    mainStream.saveState(i32, main.state / 4);
    extraStream.saveState(i32, extra.state / 4);
    kernel.hypercube(main.state, main.order, batch, main.dims, a.shuffle, a.consts);
    kernel.hypercube(extra.state, extra.order, batch, extra.dims, a.shuffle, a.consts);
    const steps = this.buffer.plan.steps.length;
    const wanted = this.outcomes.length;
    for (let from = 0; from < batch; from += CHUNK) {
      checkCancelled();
      const count = Math.min(CHUNK, batch - from);
      kernel.rows(main.state, main.order, batch, main.dims, from, count, a.jitter, main.rows, a.consts);
      kernel.rows(extra.state, extra.order, batch, extra.dims, from, count, a.jitter, extra.rows, a.consts);
      this.logits(count);
      kernel.draws(count, main.rows, main.dims, main.slots, extra.rows, extra.dims, extra.slots, a.logits, this.nLogits,
        a.fills, this.nFills, a.odds, a.factor, a.consts, MAX_ODDS_EXPONENT, a.frontier, a.records, steps, a.marginals,
        a.offsets, a.wanted, wanted, a.out + 8 * from, batch);
    }
    // Each outcome's draws lie in a row of their own: copied out at once.
    for (let i = 0; i < wanted; i++) into[i]!.set(f64.subarray(a.out / 8 + i * batch, a.out / 8 + (i + 1) * batch), at);
    mainStream.loadState(i32, main.state / 4);
    extraStream.loadState(i32, extra.state / 4);
  }

  /** bands.ts's endsSettled on a copy of `values` (at most `total` of them). */
  endsSettled(values: Float64Array, low: number, high: number, halfWidth: number): boolean {
    this.f64.set(values, this.at.scratch / 8);
    return this.buffer.kernel.settled(this.at.scratch, values.length, low, high, halfWidth) === 1;
  }

  /** quantileOf at `low`, then at `high`, on one copy of `values`, as bands.ts's bandsOf takes them. */
  quantiles(values: Float64Array, low: number, high: number): [number, number] {
    this.f64.set(values, this.at.scratch / 8);
    const { kernel } = this.buffer;
    return [kernel.quantile(this.at.scratch, values.length, low), kernel.quantile(this.at.scratch, values.length, high)];
  }

  /** The logit of each drawn base, draw by draw (main's, then extra's), as ThetaSampler draws them. */
  private logits(count: number): void {
    const { f64 } = this;
    let k = this.at.logits / 8;
    for (let d = 0; d < count; d++) {
      for (const s of this.sources) {
        const row = s.rows / 8 + d * s.dims;
        for (let i = 0; i < s.basePositions.length; i++) {
          const b = s.baseLow[i]! + s.baseWidth[i]! * f64[row + s.basePositions[i]!]!;
          f64[k++] = Math.log(b / (1 - b));
        }
      }
    }
  }
}
