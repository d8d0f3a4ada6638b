// Alternatives that observe (LANGUAGE.md, Semantics: Observe): P(O | E) = E_θ[P(O ∧ E | θ)] /
// E_θ[P(E | θ)]. Each parameter belongs to one variable's table, so the numerator and the
// denominator are the same computation on the θ-averaged tables: one junction-tree propagation
// (junction.ts) gives P(v | E) for every variable and P(E). Swings under evidence replace the
// driver's table (do) and propagate again; bands weight each draw of θ by P(E | θ), which is the
// posterior over θ. Models too dense for a junction tree fall back to likelihood weighting.
import type { Band } from './bands';
import { BAND_HIGH, BAND_LOW } from './bands';
import type { CompiledModel } from './compile';
import { type SwingTable, swingsByPasses } from './exact';
import { type Evidence, type JunctionTree, junctionBuffers, propagateLog } from './junction';
import { type Rng, TO_UNIT, UniformBlocks } from './random';
import { DrawnTables, LatinHypercube } from './tables';
import type { EngineAlternative } from './types';

/** The alternative's observations on c's variables (−1: not observed), or null when it has none. */
export function evidenceOf(c: CompiledModel, alternative: EngineAlternative | null): Evidence | null {
  const observed = (alternative?.changes ?? []).filter((change) => change.kind === 'observe');
  if (observed.length === 0) return null;
  const evidence = new Int8Array(c.n).fill(-1);
  for (const change of observed) {
    const v = c.index.get(change.name);
    if (v !== undefined) evidence[v] = change.value ? 1 : 0;
  }
  return evidence;
}

export interface EvidenceResult {
  /** P(E) under the alternative's other changes; 0 when the model rules the evidence out. */
  evidenceProbability: number;
  /** ln P(E): finite whenever E can happen, even when P(E) is below the smallest double. */
  logEvidenceProbability: number;
  /** P(v | E) for every variable (NaN when P(E) is 0). */
  marginals: Float64Array;
}

/** P(v | E) for every variable, and P(E), exactly. */
export function exactEvidence(tree: JunctionTree, tables: readonly Float64Array[], evidence: Evidence, n: number): EvidenceResult {
  const marginals = new Float64Array(n);
  const logEvidenceProbability = propagateLog(tree, tables, evidence, marginals);
  return { evidenceProbability: Math.exp(logEvidenceProbability), logEvidenceProbability, marginals };
}

/**
 * Swings under evidence: P(O | do(F true), E) − P(O | do(F false), E) for every driving F. An
 * observed F, or a do() under which the evidence cannot happen, has no swing (0, both ends at
 * P(O | E)).
 */
export function exactEvidenceSwings(
  c: CompiledModel, tree: JunctionTree, tables: Float64Array[], evidence: Evidence, given: Float64Array,
  checkCancelled: () => void,
): SwingTable[] {
  const buffers = junctionBuffers(tree);
  return swingsByPasses(c, tables, (t, out) => propagateLog(tree, t, evidence, out, buffers) > -Infinity, checkCancelled,
    given, (f) => evidence[f]! >= 0);
}

/**
 * Bands under evidence: the 5th and 95th percentiles of P(O | E, θ) over θ drawn from its prior
 * (Latin hypercube, as bandsByExactDraws) and weighted by P(E | θ).
 */
export function evidenceBands(
  c: CompiledModel, baseline: CompiledModel, tree: JunctionTree, evidence: Evidence, draws: number, rng: Rng, extra: Rng,
  checkCancelled: () => void,
): (Band | null)[] {
  // Evidence on anything uncertain moves every outcome's band (reasoning runs backwards too).
  const wanted = anyUncertain(c) ? Array.from(c.outcomes) : [];
  if (wanted.length === 0) return Array.from(c.outcomes, () => null);
  const tables = new DrawnTables(c, baseline);
  const hypercube = new LatinHypercube(new UniformBlocks(rng), draws, tables.theta.mainDimensions);
  const extraHypercube = new LatinHypercube(new UniformBlocks(extra), draws, tables.theta.extraDimensions);
  const mainRow = new Float64Array(tables.theta.mainDimensions);
  const extraRow = new Float64Array(tables.theta.extraDimensions);
  const marginals = new Float64Array(c.n);
  const buffers = junctionBuffers(tree);
  const values = wanted.map(() => new Float64Array(draws));
  // ln P(E | θ) per draw, then weights relative to the largest: rare evidence underflows no draw.
  const weights = new Float64Array(draws);
  let largest = -Infinity;
  for (let d = 0; d < draws; d++) {
    if ((d & 31) === 0) checkCancelled();
    tables.draw(hypercube.row(d, mainRow), extraHypercube.row(d, extraRow));
    weights[d] = propagateLog(tree, tables.tables, evidence, marginals, buffers);
    largest = Math.max(largest, weights[d]!);
    for (let i = 0; i < wanted.length; i++) values[i]![d] = weights[d]! > -Infinity ? marginals[wanted[i]!]! : 0;
  }
  for (let d = 0; d < draws; d++) weights[d] = largest > -Infinity ? Math.exp(weights[d]! - largest) : 0;
  const byVariable = new Map<number, Band>();
  wanted.forEach((v, i) => {
    byVariable.set(v, [weightedQuantile(values[i]!, weights, BAND_LOW), weightedQuantile(values[i]!, weights, BAND_HIGH)]);
  });
  return Array.from(c.outcomes, (v) => byVariable.get(v) ?? null);
}

/** Whether anything in the model is uncertain (a range somewhere). */
function anyUncertain(c: CompiledModel): boolean {
  for (let v = 0; v < c.n; v++) if (c.uncertain[v] === 1) return true;
  return false;
}

/**
 * The q-quantile of values with weights: the weighted empirical distribution, interpolated
 * between the midpoints of each value's weight (so that equal weights give the type-7-like
 * quantile of bands.ts up to a half step). Draws of weight 0 do not count.
 */
export function weightedQuantile(values: Float64Array, weights: Float64Array, q: number): number {
  const order = Array.from(values.keys()).filter((i) => weights[i]! > 0).sort((a, b) => values[a]! - values[b]! || a - b);
  if (order.length === 0) return Number.NaN;
  let total = 0;
  for (const i of order) total += weights[i]!;
  let before = 0;
  let previousMid = -Infinity;
  let previousValue = values[order[0]!]!;
  const target = q * total;
  for (const i of order) {
    const mid = before + weights[i]! / 2;
    if (target <= mid) {
      if (previousMid === -Infinity) return values[i]!;
      const t = (target - previousMid) / (mid - previousMid);
      return previousValue + t * (values[i]! - previousValue);
    }
    before += weights[i]!;
    previousMid = mid;
    previousValue = values[i]!;
  }
  return previousValue;
}

/**
 * The parameters of wide outcomes (more than MAX_TABLE_DRIVERS drivers, whose tables would be too
 * big): P(v | drivers) = logistic(logitBase[v] + Σ lnK of the drivers that hold), from parameters
 * drawn per sample (`redraw`, as montecarlo.ts does) or fixed for one draw of θ (bands).
 */
export interface WideParameters {
  logitBase: Float64Array;
  lnK: Float64Array;
  redraw: (() => void) | null;
}

/**
 * Likelihood weighting, for models too dense for a junction tree: each sample sets the observed
 * variables to their values and is weighted by how likely those values were given its drivers;
 * P(E) is the mean weight, P(v | E) the weighted mean of P(v | drivers). `tables` are the
 * θ-averaged tables (no θ is drawn per sample, as in montecarlo.ts); a table of one entry is a
 * constant (a do()), and an empty one stands for a wide outcome, computed from `wide`. Weights are
 * kept as logarithms against the largest so far, so that hundreds of improbable observations
 * neither underflow P(E) nor the weighted means.
 */
export function likelihoodWeighting(
  c: CompiledModel, tables: readonly Float64Array[], evidence: Evidence, samples: number, rng: Rng,
  checkCancelled: () => void, wide: WideParameters | null = null,
): EvidenceResult & { worlds: Map<string, number>; standardError: Float64Array } {
  const n = c.n;
  const { drvStart, drvParent } = c;
  const x = new Uint8Array(n);
  const conditional = new Float64Array(n);
  const sum = new Float64Array(n);
  const squares = new Float64Array(n);
  let totalWeight = 0;
  let totalSquaredWeight = 0;
  let reference = -Infinity; // every weight is exp(log weight − reference)
  const worlds = new Map<string, number>();
  for (let s = 0; s < samples; s++) {
    if ((s & 1023) === 0) checkCancelled();
    wide?.redraw?.();
    let logWeight = 0;
    for (let v = 0; v < n; v++) {
      const table = tables[v]!;
      let p: number;
      if (table.length === 1) p = table[0]!;
      else if (table.length === 0) {
        let z = wide!.logitBase[v]!;
        for (let j = drvStart[v]!; j < drvStart[v + 1]!; j++) if (x[drvParent[j]!]) z += wide!.lnK[j]!;
        p = 1 / (1 + Math.exp(-z));
      } else {
        let combination = 0;
        for (let j = drvStart[v]!; j < drvStart[v + 1]!; j++) combination |= x[drvParent[j]!]! << (j - drvStart[v]!);
        p = table[combination]!;
      }
      const seen = evidence[v]!;
      if (seen >= 0) {
        x[v] = seen;
        logWeight += Math.log(seen === 1 ? p : 1 - p);
        conditional[v] = seen;
      } else {
        x[v] = (rng.next() >>> 0) * TO_UNIT < p ? 1 : 0;
        // The sampled value, not p: later evidence weighs this sample by what x[v] became.
        conditional[v] = x[v]!;
      }
    }
    if (!(logWeight > -Infinity)) continue;
    if (logWeight > reference) {
      // A new largest weight: what is summed so far shrinks by the change of reference.
      const scale = reference === -Infinity ? 0 : Math.exp(reference - logWeight);
      totalWeight *= scale;
      totalSquaredWeight *= scale * scale;
      for (let v = 0; v < n; v++) {
        sum[v]! *= scale;
        squares[v]! *= scale;
      }
      for (const [key, w] of worlds) worlds.set(key, w * scale);
      reference = logWeight;
    }
    const weight = Math.exp(logWeight - reference);
    totalWeight += weight;
    totalSquaredWeight += weight * weight;
    for (let v = 0; v < n; v++) {
      sum[v]! += weight * conditional[v]!;
      squares[v]! += weight * conditional[v]! * conditional[v]!;
    }
    let key = '';
    for (const v of c.outcomes) key += x[v];
    worlds.set(key, (worlds.get(key) ?? 0) + weight);
  }
  const marginals = new Float64Array(n);
  const standardError = new Float64Array(n);
  // Kish's effective sample size measures what the weights leave of the samples.
  const effective = totalWeight > 0 ? (totalWeight * totalWeight) / totalSquaredWeight : 0;
  for (let v = 0; v < n; v++) {
    const mean = totalWeight > 0 ? sum[v]! / totalWeight : Number.NaN;
    marginals[v] = mean;
    const variance = totalWeight > 0 ? Math.max(0, squares[v]! / totalWeight - mean * mean) : 0;
    standardError[v] = effective > 1 ? Math.sqrt(variance / effective) : 0;
  }
  for (const [key, weight] of worlds) worlds.set(key, weight / totalWeight);
  const logEvidenceProbability = totalWeight > 0 ? reference + Math.log(totalWeight / samples) : -Infinity;
  return { evidenceProbability: Math.exp(logEvidenceProbability), logEvidenceProbability, marginals, worlds, standardError };
}
