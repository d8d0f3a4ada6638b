// Conditional probability tables: P(v true | its drivers' values), one entry per combination of
// drivers (bit j = driver line j holds). Two kinds: the tables for one draw of θ (bands), and
// the tables averaged over θ (exact mode), which are enough because the parameters of different
// variables are independent: E_θ[P(world)] = Π_v E_θ[table entry of v].
import { type CompiledModel, INPUT } from './compile';
import { fastExp, fastSigmoid, meanSigmoidOverBase } from './logistic';
import { compress, convolve, type Rule, uniformRule } from './quadrature';
import type { UniformBlocks } from './random';
import { ThetaSampler, type ThetaSubset } from './theta';

/** Outcomes with more drivers than this have no averaged table (2^k entries): they are "wide". */
export const MAX_TABLE_DRIVERS = 12;

/** Whether v has too many drivers for a table: it is computed from its parameters instead. */
export function isWide(c: CompiledModel, v: number): boolean {
  return c.drvStart[v + 1]! - c.drvStart[v]! > MAX_TABLE_DRIVERS;
}

/** Tables drawn by odds keep |logit| + Σ |ln K| under this: no product of odds leaves a double's range. */
export const MAX_ODDS_EXPONENT = 600;

/**
 * Largest rule kept as it is; bigger ones are compressed to a Gauss rule of COMPRESSED nodes. A
 * node kept costs one closed-form mean (meanSigmoidOverBase); a compression costs a Stieltjes
 * procedure and an eigen-solve, which in a command's one cold run took longer than the 216 nodes
 * of three uncertain multipliers it saves (the 60-variable benchmark's tables: 25–40 ms against
 * 6–12 ms, equal to 2e-15).
 */
const MAX_NODES = 256;
const COMPRESSED = 16;

/** The key of v's averaged table in a TableCache (its kind and every parameter). */
export function tableKey(c: CompiledModel, v: number): string {
  const parts = [c.kind[v], c.lo[v], c.hi[v]];
  for (let j = c.drvStart[v]!; j < c.drvStart[v + 1]!; j++) parts.push(c.drvSign[j]!, c.drvLnLo[j]!, c.drvLnHi[j]!);
  return parts.join(',');
}

/**
 * Averaged tables already computed, by tableKey: the baseline and every alternative share the
 * tables of the variables they do not change.
 */
export type TableCache = Map<string, Float64Array>;

/**
 * As expectedTables, but a wide outcome (isWide) gets an empty table: likelihood weighting
 * computes it from parameters drawn per sample (evidence.ts), as Monte Carlo does.
 */
export function sampledTables(c: CompiledModel, cache: TableCache, checkCancelled: () => void): Float64Array[] {
  const tables: Float64Array[] = [];
  const sums: RuleMemo = new Map();
  for (let v = 0; v < c.n; v++) {
    checkCancelled();
    if (isWide(c, v)) {
      tables.push(new Float64Array(0));
      continue;
    }
    tables.push(cachedTable(c, v, cache, sums));
  }
  return tables;
}

function cachedTable(c: CompiledModel, v: number, cache: TableCache, sums: RuleMemo): Float64Array {
  const key = tableKey(c, v);
  let table = cache.get(key);
  if (!table) {
    table = expectedTable(c, v, sums);
    cache.set(key, table);
  }
  return table;
}

/** The averaged table of every variable (c's order), from `cache` where it has them, adding the rest. */
export function expectedTables(c: CompiledModel, cache: TableCache, checkCancelled: () => void): Float64Array[] {
  const tables: Float64Array[] = [];
  const sums: RuleMemo = new Map();
  for (let v = 0; v < c.n; v++) {
    checkCancelled();
    tables.push(cachedTable(c, v, cache, sums));
  }
  return tables;
}

/**
 * Rules of sums of uncertain ln K, keyed by the sequence of (sign, range) convolved: many outcomes
 * share strengths ("moderately"…), so their tables share most convolutions and compressions.
 * The rule is a pure function of its key, so sharing never changes a number.
 */
export type RuleMemo = Map<string, Rule>;

/** The average of P(v | drivers) over v's own parameters, for every combination of drivers. */
export function expectedTable(c: CompiledModel, v: number, sums: RuleMemo = new Map()): Float64Array {
  if (c.kind[v] === INPUT) return Float64Array.of((c.lo[v]! + c.hi[v]!) / 2);
  const start = c.drvStart[v]!;
  const k = c.drvStart[v + 1]! - start;
  const table = new Float64Array(1 << k);
  const lo = c.lo[v]!;
  const hi = c.hi[v]!;
  if (lo === hi && (lo === 0 || lo === 1)) return table.fill(lo); // a pinned base
  const rules: Rule[] = [];
  for (let j = 0; j < k; j++) {
    const a = c.drvLnLo[start + j]!;
    const b = c.drvLnHi[start + j]!;
    rules.push(uniformRule(a, b));
  }
  // Depth-first over the drivers: `rule` is the distribution of the summed uncertain ln K of the
  // active drivers so far, `shift` the sum of their fixed ones.
  const visit = (j: number, mask: number, shift: number, rule: Rule, key: string): void => {
    if (j === k) {
      let sum = 0;
      for (let i = 0; i < rule.nodes.length; i++) {
        sum += rule.weights[i]! * meanSigmoidOverBase(lo, hi, shift + rule.nodes[i]!);
      }
      table[mask] = Math.min(1, Math.max(0, sum));
      return;
    }
    visit(j + 1, mask, shift, rule, key);
    const sign = c.drvSign[start + j]!;
    const r = rules[j]!;
    if (r.nodes.length === 1) {
      visit(j + 1, mask | (1 << j), shift + sign * r.nodes[0]!, rule, key);
    } else {
      const nextKey = `${key}|${sign},${c.drvLnLo[start + j]!},${c.drvLnHi[start + j]!}`;
      let next = sums.get(nextKey);
      if (!next) {
        // A sum that would outgrow MAX_NODES is compressed before it is convolved, not after:
        // the same Gauss rule of the partial sum, from a sixth of the nodes (216, not 1,296).
        const partial = rule.nodes.length * r.nodes.length > MAX_NODES ? compressedRule(rule, key, sums) : rule;
        next = convolve(partial, r, sign);
        if (next.nodes.length > MAX_NODES) next = compress(next, COMPRESSED);
        sums.set(nextKey, next);
      }
      visit(j + 1, mask | (1 << j), shift, next, nextKey);
    }
  };
  visit(0, 0, 0, { nodes: Float64Array.of(0), weights: Float64Array.of(1) }, '');
  return table;
}

/** A rule compressed to COMPRESSED nodes, once per key of the memo. */
function compressedRule(rule: Rule, key: string, sums: RuleMemo): Rule {
  const compressedKey = `${key}#`;
  let out = sums.get(compressedKey);
  if (!out) sums.set(compressedKey, (out = compress(rule, COMPRESSED)));
  return out;
}

/** A rough count of the work expectedTable does for v (for choosing exact or Monte Carlo). */
export function expectedTableCost(c: CompiledModel, v: number): number {
  if (c.kind[v] === INPUT) return 1;
  const start = c.drvStart[v]!;
  const k = c.drvStart[v + 1]! - start;
  let ranged = 0;
  for (let j = 0; j < k; j++) if (c.drvLnLo[start + j] !== c.drvLnHi[start + j]) ranged++;
  return 2 ** k * (ranged === 0 ? 1 : Math.min(MAX_NODES, 24 ** Math.min(ranged, 2)) * 4);
}

/**
 * Draws of θ into tables: the uniforms one draw takes from each source (`theta`, with where they
 * go), the variables whose tables a draw refills, and the draw from rows of them.
 */
export interface TableDraws {
  readonly mainDimensions: number;
  readonly extraDimensions: number;
  readonly theta: ThetaSubset;
  readonly ranged: Int32Array;
  draw(main: Float64Array, extra: Float64Array): void;
}

/**
 * Tables for one draw of θ (drawn by a ThetaSampler, see there for the layout of the uniforms),
 * then P(v | drivers) for each combination. Tables of variables without ranges are computed
 * once and never redrawn.
 */
export class DrawnTables implements TableDraws {
  readonly tables: Float64Array[];
  readonly theta: ThetaSampler;
  readonly ranged: Int32Array;
  /** Logits or odds of each combination, and each driver's K, of the table being filled. */
  private readonly logits: Float64Array;
  private readonly factors: Float64Array;

  /**
   * With `wideAsParameters`, a wide outcome (isWide) gets no table (an empty one): its P is
   * computed from this draw's theta.logitBase and theta.lnK by whoever reads the tables.
   */
  constructor(private readonly c: CompiledModel, baseline: CompiledModel = c, wideAsParameters = false) {
    this.theta = new ThetaSampler(c, baseline);
    this.tables = [];
    const ranged: number[] = [];
    let maxK = 0;
    for (let v = 0; v < c.n; v++) {
      const k = c.drvStart[v + 1]! - c.drvStart[v]!;
      if (wideAsParameters && isWide(c, v)) {
        this.tables.push(new Float64Array(0));
        continue;
      }
      maxK = Math.max(maxK, k);
      this.tables.push(new Float64Array(1 << k));
      let isRanged = c.lo[v] !== c.hi[v];
      for (let j = c.drvStart[v]!; j < c.drvStart[v + 1]!; j++) isRanged ||= c.drvLnLo[j] !== c.drvLnHi[j];
      if (isRanged) ranged.push(v);
    }
    this.ranged = Int32Array.from(ranged);
    this.logits = new Float64Array(1 << maxK);
    this.factors = new Float64Array(maxK);
    for (let v = 0; v < c.n; v++) this.fill(v);
  }

  get mainDimensions(): number {
    return this.theta.mainDimensions;
  }

  get extraDimensions(): number {
    return this.theta.extraDimensions;
  }

  /** Draws θ from rows of uniforms (ThetaSampler.drawFrom) and refreshes the tables that depend on it. */
  draw(main: Float64Array, extra: Float64Array): void {
    this.theta.drawFrom(main, extra);
    for (let i = 0; i < this.ranged.length; i++) this.fill(this.ranged[i]!);
  }

  /**
   * Draws of the parameters and tables of the variables in `needed` (a mask) only, for passes
   * that read no other table: their θ has its own dimensions (stratified on their own).
   */
  subset(needed: Uint8Array): TableDraws {
    const theta = this.theta.subset(needed);
    const ranged = this.ranged.filter((v) => needed[v] === 1);
    return {
      mainDimensions: theta.mainDimensions,
      extraDimensions: theta.extraDimensions,
      theta,
      ranged,
      draw: (main, extra) => {
        theta.drawFrom(main, extra);
        for (let i = 0; i < ranged.length; i++) this.fill(ranged[i]!);
      },
    };
  }

  private fill(v: number): void {
    const c = this.c;
    const table = this.tables[v]!;
    if (table.length === 0) return; // a wide outcome, read from theta
    const { probability, logitBase, lnK } = this.theta;
    if (c.kind[v] === INPUT) {
      table[0] = probability[v]!;
      return;
    }
    const start = c.drvStart[v]!;
    const k = c.drvStart[v + 1]! - start;
    const base = logitBase[v]!;
    let reach = Math.abs(base);
    for (let j = 0; j < k; j++) reach += Math.abs(lnK[start + j]!);
    if (reach <= MAX_ODDS_EXPONENT) {
      // By odds: base odds times each active driver's K, one exponential per driver instead of
      // one sigmoid per combination (no product leaves e^±600, far inside a double's range).
      const odds = this.logits;
      const factor = this.factors;
      for (let j = 0; j < k; j++) factor[j] = fastExp(lnK[start + j]!);
      odds[0] = fastExp(base);
      table[0] = odds[0] / (1 + odds[0]);
      for (let mask = 1; mask < 1 << k; mask++) {
        const lowest = mask & -mask;
        const o = odds[mask ^ lowest]! * factor[31 - Math.clz32(lowest)]!;
        odds[mask] = o;
        table[mask] = o / (1 + o);
      }
      return;
    }
    this.fillByLogits(table, start, k, base);
  }

  /** A pinned base (±∞) or extreme multipliers: by logits, which saturate correctly. */
  private fillByLogits(table: Float64Array, start: number, k: number, base: number): void {
    const lnK = this.theta.lnK;
    const z = this.logits;
    z[0] = base;
    table[0] = fastSigmoid(z[0]);
    for (let mask = 1; mask < 1 << k; mask++) {
      const lowest = mask & -mask;
      z[mask] = z[mask ^ lowest]! + lnK[start + 31 - Math.clz32(lowest)]!;
      table[mask] = fastSigmoid(z[mask]!);
    }
  }
}

/**
 * Latin hypercube draws: each of `dimensions` uniforms is stratified over the `draws` draws
 * (one draw per 1/draws slice, in a seeded random order), which makes percentiles of a function
 * of θ steadier than independent draws at the same cost.
 */
export class LatinHypercube {
  private readonly order: Uint32Array;
  /** A row's jitter, one uniform per dimension. */
  private readonly jitter: Float64Array;

  /** `uniforms`: the stream's uniforms in blocks (random.ts), the same sequence as its next() calls. */
  constructor(private readonly uniforms: UniformBlocks, private readonly draws: number, private readonly dimensions: number) {
    this.order = new Uint32Array(draws * dimensions);
    this.jitter = new Float64Array(dimensions);
    const shuffle = new Float64Array(Math.max(0, draws - 1));
    for (let k = 0; k < dimensions; k++) {
      const base = k * draws;
      for (let d = 0; d < draws; d++) this.order[base + d] = d;
      uniforms.fill(shuffle, shuffle.length);
      for (let d = draws - 1; d > 0; d--) {
        const e = Math.floor(shuffle[draws - 1 - d]! * (d + 1));
        const t = this.order[base + d]!;
        this.order[base + d] = this.order[base + e]!;
        this.order[base + e] = t;
      }
    }
  }

  /** The uniforms of draw number `row`, one per dimension, into out[0 … dimensions − 1]. */
  row(row: number, out: Float64Array): Float64Array {
    const { order, draws, jitter } = this;
    this.uniforms.fill(jitter, this.dimensions);
    for (let k = 0; k < this.dimensions; k++) out[k] = (order[k * draws + row]! + jitter[k]!) / draws;
    return out;
  }
}
