// Bands: the 5th and 95th percentiles of P(O | θ) over θ. Two ways to get P(O | θ) per draw:
// exactly (a frontier pass over the binary variables with that draw's tables, θ drawn by Latin
// hypercube sampling), or, when the
// graph is too wide for that, by nested sampling: W worlds per draw of θ, averaging each
// outcome's probability given its sampled drivers, with the sampling noise then removed from
// the spread (see docs/forecast-method.md).
import { type CompiledModel, reachable } from './compile';
import { BandBatch } from './bandKernel';
import { type Plan, buildPlan, neededBy } from './frontier';
import { fastSigmoid } from './logistic';
import { type Rng, UniformBlocks } from './random';
import { DrawnTables, LatinHypercube, type TableDraws, tableKey } from './tables';
import { ThetaSampler } from './theta';

export type Band = [number, number];

export const BAND_LOW = 0.05;
export const BAND_HIGH = 0.95;

/** The q-quantile of sorted values, interpolating between order statistics (type 7). */
export function quantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const i = Math.floor(h);
  const j = Math.min(n - 1, i + 1);
  return sorted[i]! + (h - i) * (sorted[j]! - sorted[i]!);
}

/**
 * The k-th smallest (0-based) of values[0 … n − 1], found by quickselect, which leaves the smaller
 * ones left of k and the larger right of it: O(n), where a full sort of every outcome's draws
 * cost more than the draws themselves on models of hundreds of outcomes.
 */
export function select(values: Float64Array, k: number, n = values.length): number {
  let left = 0;
  let right = n - 1;
  while (right > left) {
    // Median of three as the pivot, so sorted or constant draws stay linear.
    const middle = (left + right) >>> 1;
    const a = values[left]!, b = values[middle]!, c = values[right]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k]!;
}

/** The q-quantile of values (type 7, as `quantile`) without sorting them; rearranges them. */
export function quantileOf(values: Float64Array, q: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const i = Math.floor(h);
  const low = select(values, i);
  if (i + 1 >= n || h === i) return low;
  let next = Infinity;
  for (let k = i + 1; k < n; k++) if (values[k]! < next) next = values[k]!;
  return low + (h - i) * (next - low);
}

/**
 * How precisely each band end must be known: the half-width of its own 95% interval (from order
 * statistics, which ignore the Latin hypercube's gain and so overstate it), half of LANGUAGE.md's
 * 0.03. Bands whose P(O | θ) has a thin, long tail need more draws for that than the first batch
 * gives. On the thin-tailed test model over 200 seeds the worst end missed by 0.024 (at ±0.02,
 * by 0.0297: too close to the promise; a fixed 1,000 draws missed it in 3–4% of seeds).
 */
export const BAND_END_HALF_WIDTH = 0.015;
/** The most draws of θ the adaptive bands take. */
export const MAX_BAND_DRAWS = 16_000;

/**
 * Band of each outcome (c.outcomes order) from exact evaluations of P(O | θ): a first Latin
 * hypercube of `draws` draws, then further ones (doubling the total, each its own hypercube from
 * the same streams) for the outcomes whose band ends are not yet known well enough, until they are
 * or `maxDraws` is reached. Those further passes run a plan of what those outcomes need only: on
 * the sparse models analysts write, a few dozen variables where the first pass took hundreds.
 * With `only` (a mask of variables), the bands of the outcomes in it alone, the others null.
 */
export function bandsByExactDraws(
  c: CompiledModel, baseline: CompiledModel, plan: Plan, draws: number, rng: Rng, extra: Rng,
  checkCancelled: () => void, maxDraws = draws, only: Uint8Array | null = null,
): (Band | null)[] {
  const wanted = Array.from(c.outcomes).filter((v) => c.uncertain[v] === 1 && (!only || only[v] === 1));
  if (wanted.length === 0) return Array.from(c.outcomes, () => null);
  const slotOf = new Map<number, number>();
  c.outcomes.forEach((v, i) => slotOf.set(v, i));
  const tables = new DrawnTables(c, baseline);
  const limit = Math.max(draws, maxDraws);
  // Grown as draws are added: the most draws of every outcome would take megabytes for nothing.
  const values = wanted.map(() => new Float64Array(Math.min(draws, limit)));
  /** How many draws each outcome has; those still drawn (`active`) all have `total`. */
  const counts = new Int32Array(wanted.length);
  let active = wanted.map((_, i) => i);
  /** The pass for the active outcomes: the whole plan, or one of what they need. */
  const passFor = (outcomes: number[], whole: boolean): { plan: Plan; draws: TableDraws } | null => {
    if (whole) return { plan, draws: tables };
    const needed = neededBy(c, outcomes.map((i) => slotOf.get(wanted[i]!)!));
    const narrower = buildPlan(c, false, plan.maxWidth, needed.map((x, v) => x & c.isOutcome[v]!));
    return narrower && { plan: narrower, draws: tables.subset(needed) };
  };
  let pass = passFor(active, only === null) ?? passFor(active, true)!;
  // Each batch's hypercube continues the streams where the last one stopped.
  const uniforms = new UniformBlocks(rng);
  const extraUniforms = new UniformBlocks(extra);
  let total = 0;
  let batch = draws;
  let run: BandBatch;
  for (;;) {
    run = new BandBatch(c, pass.plan, tables, pass.draws, active.map((i) => wanted[i]!), batch, total + batch);
    run.run(uniforms, extraUniforms, active.map((i) => values[i]!), total, checkCancelled);
    total += batch;
    for (const i of active) counts[i] = total;
    if (total >= limit) break;
    active = active.filter((i) => !run.endsSettled(values[i]!.subarray(0, total), BAND_LOW, BAND_HIGH, BAND_END_HALF_WIDTH));
    if (active.length === 0) break;
    batch = Math.min(total, limit - total);
    for (const i of active) {
      const grown = new Float64Array(total + batch);
      grown.set(values[i]!);
      values[i] = grown;
    }
    pass = passFor(active, false) ?? pass;
  }
  return bandsOf(c, wanted, values.map((v, i) => v.subarray(0, counts[i])), (v) => run.quantiles(v, BAND_LOW, BAND_HIGH));
}

/**
 * The variables of an alternative whose bands can differ from the baseline's: those whose own
 * table changed (a probability, a base, a line cut by `given`) and everything downstream of them.
 * Every other outcome reads the baseline's tables only, draw for draw: its band is the baseline's.
 */
export function changedDownstream(c: CompiledModel, baseline: CompiledModel): Uint8Array {
  const changed: number[] = [];
  for (let v = 0; v < c.n; v++) if (tableKey(c, v) !== tableKey(baseline, v)) changed.push(v);
  return reachable(c.n, changed, baseline.childStart, baseline.children);
}

/** The bands of `wanted` from their draws; `quantiles` gives the BAND_LOW and BAND_HIGH quantiles (quantileOf's). */
function bandsOf(
  c: CompiledModel, wanted: number[], values: Float64Array[],
  quantiles: (values: Float64Array) => [number, number] = (v) => [quantileOf(v, BAND_LOW), quantileOf(v, BAND_HIGH)],
): (Band | null)[] {
  const byVariable = new Map<number, Band>();
  wanted.forEach((v, i) => {
    const [low, high] = quantiles(values[i]!);
    byVariable.set(v, [clamp01(low), clamp01(high)]);
  });
  return Array.from(c.outcomes, (v) => byVariable.get(v) ?? null);
}

/**
 * A number as lists are sorted by it, rounded to 1e-9: values equal in exact arithmetic (two
 * causes of the same strength) can differ in their last bits, and the first declared then comes
 * first whichever way they were computed.
 */
export function ordering(x: number): number {
  return Math.round(x * 1e9);
}

/** Rounding noise can put a sum of probabilities a hair outside 0..1. */
export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/**
 * Band of each outcome by nested sampling: `draws` draws of θ, `worlds` worlds for each. The
 * per-draw estimate is the average of P(O | sampled drivers, θ), whose noise variance is
 * estimated from the same worlds; the estimates are then pulled towards their mean so that
 * their spread is that of P(O | θ) alone (variance of the estimates minus the mean noise).
 */
export function bandsByNestedSampling(
  c: CompiledModel, baseline: CompiledModel, draws: number, worlds: number, rng: Rng, extra: Rng,
  checkCancelled: () => void,
): (Band | null)[] {
  const wanted = Array.from(c.outcomes).filter((v) => c.uncertain[v] === 1);
  if (wanted.length === 0) return Array.from(c.outcomes, () => null);
  const n = c.n;
  const { inputCount, drvStart, drvParent } = c;
  const sumByVariable = new Float64Array(n);
  const squaresByVariable = new Float64Array(n);
  const theta = new ThetaSampler(c, baseline);
  const { probability, logitBase, lnK } = theta;
  const x = new Uint8Array(n);
  const sum = new Float64Array(wanted.length);
  const sumSquares = new Float64Array(wanted.length);
  const estimates = wanted.map(() => new Float64Array(draws));
  const noise = new Float64Array(wanted.length);
  // One block source per stream, for the hypercube and then the worlds (the same sequence as next()).
  const uniforms = new UniformBlocks(rng);
  const hypercube = new LatinHypercube(uniforms, draws, theta.mainDimensions);
  const extraHypercube = new LatinHypercube(new UniformBlocks(extra), draws, theta.extraDimensions);
  const u = new Float64Array(n);
  const mainRow = new Float64Array(theta.mainDimensions);
  const extraRow = new Float64Array(theta.extraDimensions);
  for (let d = 0; d < draws; d++) {
    if ((d & 15) === 0) checkCancelled();
    theta.drawFrom(hypercube.row(d, mainRow), extraHypercube.row(d, extraRow));
    sumByVariable.fill(0);
    squaresByVariable.fill(0);
    for (let w = 0; w < worlds; w++) {
      uniforms.fill(u, n);
      for (let v = 0; v < inputCount; v++) x[v] = +(u[v]! < probability[v]!);
      for (let v = inputCount; v < n; v++) {
        let z = logitBase[v]!;
        const end = drvStart[v + 1]!;
        for (let j = drvStart[v]!; j < end; j++) z += x[drvParent[j]!]! * lnK[j]!;
        const p = fastSigmoid(z);
        x[v] = +(u[v]! < p);
        sumByVariable[v]! += p;
        squaresByVariable[v]! += p * p;
      }
    }
    for (let i = 0; i < wanted.length; i++) {
      sum[i] = sumByVariable[wanted[i]!]!;
      sumSquares[i] = squaresByVariable[wanted[i]!]!;
    }
    for (let i = 0; i < wanted.length; i++) {
      const mean = sum[i]! / worlds;
      estimates[i]![d] = mean;
      const variance = Math.max(0, (sumSquares[i]! - worlds * mean * mean) / Math.max(1, worlds - 1));
      noise[i]! += variance / worlds;
    }
  }
  for (let i = 0; i < wanted.length; i++) {
    const e = estimates[i]!;
    let mean = 0;
    for (let d = 0; d < draws; d++) mean += e[d]!;
    mean /= draws;
    let spread = 0;
    for (let d = 0; d < draws; d++) spread += (e[d]! - mean) ** 2;
    spread /= Math.max(1, draws - 1);
    const signal = Math.max(0, spread - noise[i]! / draws);
    const shrink = spread > 0 ? Math.sqrt(signal / spread) : 0;
    for (let d = 0; d < draws; d++) e[d] = mean + shrink * (e[d]! - mean);
  }
  return bandsOf(c, wanted, estimates);
}
