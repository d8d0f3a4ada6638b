// forecast(model): LANGUAGE.md's semantics on a resolved model. Exact whenever exact inference is
// affordable (whatever the number of variables), seeded Monte Carlo for models too dense for it;
// the worlds are exact while the joint of the outcomes is affordable, sampled otherwise. The
// baseline and every alternative replay the same random streams. Pure: no VS Code, no LSP, no unseeded randomness.
import type { ProbabilitySpec } from '../model/types';
import { SAMPLES_MAX, SAMPLES_MIN } from '../model/values';
import { phraseFor } from '../syntax/vocabulary';
import { type Band, BAND_HIGH, BAND_LOW, bandsByExactDraws, bandsByNestedSampling, changedDownstream, clamp01, MAX_BAND_DRAWS, ordering } from './bands';
import { cancelCheck } from './cancel';
import { type CompiledModel, compileModel } from './compile';
import {
  type ExactPlans, exactForecast, exactPlans, exactSwingCost, exactSwings, type RawResult, type SwingTable, swingsByPasses, topWorlds, WORLDS_BUDGET,
} from './exact';
import { buildPlan, frontierBuffer, MAX_WIDTH, type Plan, runPlan } from './frontier';
import { monteCarlo } from './montecarlo';
import {
  evidenceBands, evidenceOf, exactEvidence, exactEvidenceSwings, likelihoodWeighting, weightedQuantile, type WideParameters,
} from './evidence';
import { type Evidence, buildJunctionTree, type JunctionTree, MAX_CLIQUE } from './junction';
import { guideCost, guides, type Guides, type KeptGuides, SIGNPOST_BUDGET } from './signposts';
import { seededStream, STREAM, uniformsInto } from './random';
import { DrawnTables, expectedTables, sampledTables, type TableCache } from './tables';
import { drawWideParameters } from './worldDraw';
import {
  UNTITLED_TITLE, type AlternativeForecast, type Forecast, type InputForecast, type JudgedCheck, type OutcomeForecast, type ResolvedAs, type World,
} from '../../../common/forecast';
import type { EngineAlternative, EngineModel, EngineOutcome, ForecastOptions } from './types';
import { withKeptKernels } from './kernelPool';
import type { ForecastStage } from '../../../common/progress';
import { monotonicMs } from '../util/clock';

/**
 * The first draws of θ for exact bands, which then double for the outcomes whose band ends are
 * not yet known to within BAND_END_HALF_WIDTH (bands.ts). Measured on 1,080 band ends of 30
 * random models against 100,000 draws: worst error 0.020, root mean square 0.003
 * (tests/engine/bandAccuracy.test.ts); thin tails, 64 seeds: 0.024 (bandTails.test.ts).
 */
export const BAND_DRAWS = 500;
/**
 * Draws of θ for the bands of an alternative that observes (weighted by P(E | θ), not adaptive):
 * a 5th or 95th percentile of 1,000 draws errs by less than 0.007 (one standard deviation) even
 * when P(O | θ) spreads over all of 0..1.
 */
export const EVIDENCE_BAND_DRAWS = 1_000;
/** Nested sampling (wide Monte Carlo models): draws of θ and the least worlds per draw. */
export const NESTED_DRAWS = 1_000;
export const NESTED_MIN_WORLDS = 64;
/** Work (table entries touched) allowed for an exact run, and for exact band draws. */
export const EXACT_BUDGET = 200_000_000;
/**
 * Beyond EXACT_BUDGET, an exact run is still chosen while it touches no more table entries than
 * this many times the variable-samples of the Monte Carlo run it replaces (the main pass and the
 * nested bands): a table entry costs a few times less than a variable-sample, so exact is then
 * no slower, and it is exact.
 */
export const EXACT_PER_SAMPLE = 5;
export const BAND_BUDGET = 100_000_000;
export const SWING_BUDGET = 50_000_000;
/**
 * Re-evaluations allowed for sampled swings: every sample for small graphs, fewer (at least
 * MIN_SWING_SAMPLES) for large ones, where swings then carry about ±1 point of noise.
 */
export const SWING_WORK = 4_000_000;
export const MIN_SWING_SAMPLES = 2_000;
/**
 * The sampled worlds of an exact run: a world's probability from N samples has a standard error
 * of √(p(1 − p)/N), at most 0.5/√N (0.008 at 4,000). Such models have hundreds of outcomes, whose
 * worlds are all rare: the sampling stops once even the most frequent world's standard error is
 * known to be under WORLD_STANDARD_ERROR (512 samples when no world repeats).
 */
export const WORLDS_SAMPLE_WORK = 4_000_000;
export const MIN_WORLD_SAMPLES = 4_000;
export const WORLD_STANDARD_ERROR = 0.008;

/**
 * Whether N samples, whose most frequent world was seen k times, give every world's probability
 * to within WORLD_STANDARD_ERROR: with p ≤ u, an upper bound for the largest probability (k and
 * about two standard deviations of it, plus two), the standard error √(p(1 − p)/N) ≤ √(u/N).
 */
export function worldsKnown(samples: number, largest: number): boolean {
  const upper = (largest + 1.96 * Math.sqrt(largest + 1) + 2) / samples;
  return Math.sqrt(upper / samples) <= WORLD_STANDARD_ERROR;
}
/** Draws of θ for the bands of an alternative that observes, in a model too dense for exact inference. */
export const BAND_WEIGHTED_DRAWS = 200;
/** A point judgment holds within ± this many points. */
export const JUDGED_POINT_TOLERANCE = 0.05;

export interface EngineOptions extends ForecastOptions {
  /**
   * How bands are computed: exact draws when affordable (auto), or nested sampling; `none` for a
   * caller that needs the probabilities only (the judgment check, history, attribution): each
   * band is then its point, no swings, signposts or linchpins are computed, and the method chosen
   * (exact or Monte Carlo) is the same as with bands.
   */
  bandMethod?: 'auto' | 'nested' | 'none';
  /** How Monte Carlo swings are computed: exactly from averaged tables when affordable, or by sampling. */
  swingMethod?: 'auto' | 'sampled';
  /** How alternatives that observe are computed: exactly when affordable (auto), or by likelihood weighting. */
  evidenceMethod?: 'auto' | 'weighted';
  /** Draws of θ for bands (default min(samples, BAND_DRAWS)); tests raise it for references. */
  bandDraws?: number;
}

interface RunSettings {
  method: Forecast['method'];
  worldsMethod: Forecast['worldsMethod'];
  samples: number;
  seed: number;
  maxWorlds: number;
  bandDraws: number;
  evidenceBandDraws: number;
  /** The most draws adaptive bands may take (bandDraws when the caller fixed the draws). */
  maxBandDraws: number;
  bandMethod: 'auto' | 'nested' | 'none';
  swingMethod: 'auto' | 'sampled';
  evidenceMethod: 'auto' | 'weighted';
  cache: TableCache;
  /** The junction tree of the model's structure (the same for every alternative), built once. */
  tree: () => JunctionTree | null;
  /** The baseline's exact plans, planned once (an alternative's `given` can change the graph). */
  baselinePlans: ExactPlans | null;
  /** The baseline's exact bands (c.outcomes order), once computed: alternatives keep those nothing changes. */
  baselineBands: (Band | null)[] | null;
  /** The baseline's signposts, linchpins and swings, likewise. */
  baselineGuides: Guides | null;
  baseline: CompiledModel;
  checkCancelled: () => void;
  /** Says which stage of the current scenario starts (ForecastOptions.onProgress). */
  stage: (stage: ForecastStage) => void;
}

export function forecast(model: EngineModel, options: EngineOptions = {}): Forecast {
  return withKeptKernels(() => forecastNow(model, options));
}

function forecastNow(model: EngineModel, options: EngineOptions): Forecast {
  const started = monotonicMs();
  const samples = options.samples ?? model.settings.samples;
  if (!Number.isInteger(samples) || samples < SAMPLES_MIN || samples > SAMPLES_MAX) {
    throw new RangeError(`samples must be a whole number from ${SAMPLES_MIN} to ${SAMPLES_MAX} (got ${samples})`);
  }
  const seed = options.seed ?? model.settings.seed;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a number (got ${seed})`);
  const maxWorlds = Math.max(0, Math.min(1000, Math.floor(options.maxWorlds ?? 8)));
  const exactLimit = options.exactLimit ?? Infinity;
  const checkCancelled = cancelCheck(options.isCancelled);
  checkCancelled();
  const baseline = compileModel(model);
  const bandDraws = Math.max(1, Math.floor(options.bandDraws ?? Math.min(samples, BAND_DRAWS)));
  const monteCarloWork = baseline.n * (samples + Math.min(NESTED_DRAWS, samples) * NESTED_MIN_WORLDS);
  const plans = baseline.n <= exactLimit
    ? exactPlans(baseline, bandDraws, Math.max(EXACT_BUDGET, EXACT_PER_SAMPLE * monteCarloWork)) : null;
  const settings: RunSettings = {
    method: plans ? 'exact' : 'monte-carlo', worldsMethod: plans?.worlds ? 'exact' : 'monte-carlo', samples, seed, maxWorlds, bandDraws,
    evidenceBandDraws: Math.max(1, Math.floor(options.bandDraws ?? Math.min(samples, EVIDENCE_BAND_DRAWS))),
    maxBandDraws: options.bandDraws === undefined ? Math.max(bandDraws, MAX_BAND_DRAWS) : bandDraws,
    bandMethod: options.bandMethod ?? 'auto', swingMethod: options.swingMethod ?? 'auto',
    evidenceMethod: options.evidenceMethod ?? 'auto', cache: new Map(), checkCancelled,
    tree: once(() => buildJunctionTree(baseline, MAX_CLIQUE, EXACT_BUDGET / (2 * drivingCount(baseline) + 1))),
    baselinePlans: plans, baselineBands: null, baselineGuides: null, baseline, stage: () => {},
  };
  // Progress: each stage of each scenario, the baseline first.
  let scenario = 0;
  const onProgress = options.onProgress;
  if (onProgress) {
    settings.stage = (stage) => onProgress({
      scenario, scenarios: 1 + model.alternatives.length, name: scenario === 0 ? null : model.alternatives[scenario - 1]!.title,
      stage, elapsedMs: monotonicMs() - started,
    });
  }
  const base = withGuides(baseline, settings, null, run(baseline, baseline, settings));
  const outcomes = outcomeForecasts(model, baseline, base, null);
  const inputs = inputForecasts(model);
  const alternatives: AlternativeForecast[] = model.alternatives.map((alternative, k) => {
    scenario = k + 1;
    const compiled = compileModel(model, alternative, baseline);
    const evidence = evidenceOf(compiled, alternative);
    const result = withGuides(compiled, settings, evidence,
      evidence ? runWithEvidence(compiled, baseline, settings, evidence) : run(compiled, baseline, settings));
    const unused = unusedEvidenceProbability(model, compiled, alternative);
    // P(E) of hundreds of improbable observations can underflow to 0 and still be possible: it is
    // then the smallest positive double, so that P(E) > 0 says "possible" everywhere. Certain
    // evidence (observing a factor at 0% to be false) can sum to 1.0000000000000002: clamped.
    const possible = possibleEvidence(result) && unused > 0;
    const evidenceProbability = possible ? Math.max(Number.MIN_VALUE, clamp01((result.evidenceProbability ?? 1) * unused)) : 0;
    return {
      name: alternative.title,
      assumptions: assumptionsOf(alternative),
      observed: alternative.changes.flatMap((change) => (change.kind === 'observe' ? [{ name: change.name, value: change.value }] : [])),
      evidenceProbability,
      inputs: possible ? alternativeInputs(alternative, compiled, result, inputs) : [],
      outcomes: possible ? outcomeForecasts(model, compiled, result, outcomes) : [],
      worlds: possible ? worldsOf(compiled, result) : [],
    };
  });
  return {
    title: model.settings.title ?? UNTITLED_TITLE,
    question: model.settings.question,
    horizon: model.settings.horizon,
    samples,
    seed,
    method: settings.method,
    worldsMethod: settings.worldsMethod,
    outcomes,
    inputs,
    worlds: worldsOf(baseline, base),
    alternatives,
    elapsedMs: Math.round((monotonicMs() - started) * 10) / 10,
  };
}

/** What an alternative assumes, in the file's words, for readers of its numbers (the preview, reports). */
function assumptionsOf(alternative: EngineAlternative): AlternativeForecast['assumptions'] {
  return alternative.changes.map((change) => {
    switch (change.kind) {
      case 'given':
        return { name: change.name, text: `given ${change.value ? '' : 'not '}${change.name}` };
      case 'set-probability':
        return { name: change.name, text: `${change.name} ${change.probability.text}` };
      case 'set-base':
        return { name: change.name, text: `base of ${change.name} ${change.base.text}` };
      case 'observe':
        return { name: change.name, text: `observe ${change.value ? '' : 'not '}${change.name}` };
    }
  });
}

/**
 * P of the observations on factors and events that drive nothing (the compiled model leaves them
 * out): independent of everything else, so P(E) is multiplied by each one's probability.
 */
function unusedEvidenceProbability(model: EngineModel, c: CompiledModel, alternative: EngineAlternative): number {
  let p = 1;
  for (const change of alternative.changes) {
    if (change.kind !== 'observe' || c.index.has(change.name)) continue;
    const input = model.inputs.find((v) => v.name === change.name);
    if (!input?.probability) continue;
    const mean = inputMeanUnder(alternative, input.name, (input.probability.low + input.probability.high) / 2);
    p *= change.value ? mean : 1 - mean;
  }
  return p;
}

/** An input's probability under an alternative's own changes (`given`, a new probability). */
function inputMeanUnder(alternative: EngineAlternative, name: string, mean: number): number {
  for (const change of alternative.changes) {
    if (change.name !== name) continue;
    if (change.kind === 'given') return change.value ? 1 : 0;
    if (change.kind === 'set-probability') return (change.probability.low + change.probability.high) / 2;
  }
  return mean;
}

/** Every factor and event under the alternative: given its evidence where it has some. */
function alternativeInputs(
  alternative: EngineAlternative, c: CompiledModel, result: RawResult, baseline: InputForecast[],
): AlternativeForecast['inputs'] {
  return baseline.map((input) => {
    const v = c.index.get(input.name);
    const observed = alternative.changes.find((change) => change.kind === 'observe' && change.name === input.name);
    const probability = observed?.kind === 'observe' ? (observed.value ? 1 : 0)
      : result.marginals && v !== undefined ? clamp01(result.marginals[v]!)
      : v !== undefined ? (c.lo[v]! + c.hi[v]!) / 2
      : inputMeanUnder(alternative, input.name, input.probability);
    const delta = 100 * (probability - input.probability);
    return { name: input.name, probability, delta: Math.abs(delta) < 1e-9 ? 0 : delta };
  });
}

/** One scenario: `c` (the baseline or an alternative) on the baseline's layout of random draws. */
function run(c: CompiledModel, baseline: CompiledModel, s: RunSettings): RawResult {
  s.checkCancelled();
  s.stage('probabilities');
  if (s.method === 'exact') {
    // A plan reads the structure only (variables, driver lines), which every alternative shares
    // with the baseline (a cut line stays, its table constant): planned once for all.
    const plans = s.baselinePlans ?? exactPlans(c, s.bandDraws, Infinity)!;
    // Swings come with the signposts' sweeps where those are affordable, else by passes of their own.
    if (s.bandMethod !== 'none') s.stage('swings and signposts');
    // An alternative's outcomes that nothing it changes reaches keep the baseline's guides and bands.
    const changed = c === s.baseline ? null : changedDownstream(c, baseline);
    const kept = changed && s.baselineGuides ? { guides: s.baselineGuides, changed } : null;
    const swept = s.bandMethod === 'none' ? null : sweptGuides(c, s, null, true, kept);
    const exact = exactForecast(c, plans, s.cache, s.maxWorlds, s.checkCancelled, s.bandMethod !== 'none' && !swept);
    const result = swept ? { ...exact, swing: swept.swing!, guides: swept } : exact;
    if (s.bandMethod !== 'none') s.stage('bands');
    const band = s.bandMethod === 'none' ? [] : exactBands(c, baseline, plans.marginals, s, changed);
    if (c === s.baseline) {
      s.baselineGuides = swept;
      s.baselineBands = band.length > 0 ? band : null;
    }
    if (!result.worlds) s.stage('worlds');
    return { ...result, band, standardError: null, worlds: result.worlds ?? sampledWorlds(c, baseline, s) };
  }
  const plan = buildPlan(c, false);
  const swings = s.bandMethod !== 'none';
  const swingsExact = swings && s.swingMethod === 'auto' && plan !== null && exactSwingCost(c, plan) <= SWING_BUDGET;
  const mc = monteCarlo(c, baseline, s.samples, swingsExact || !swings ? 0 : SWING_WORK, MIN_SWING_SAMPLES,
    seededStream(s.seed, STREAM.main), seededStream(s.seed, STREAM.mainExtra), s.maxWorlds, s.checkCancelled,
    s.cache);
  if (s.bandMethod !== 'none') s.stage('bands');
  const band = s.bandMethod === 'none' ? []
    : s.bandMethod === 'auto' && plan && plan.cost * s.bandDraws <= BAND_BUDGET
    ? bandsByExactDraws(c, baseline, plan, s.bandDraws, seededStream(s.seed, STREAM.bands),
      seededStream(s.seed, STREAM.bandsExtra), s.checkCancelled, affordableDraws(plan.cost, s))
    : bandsByNestedSampling(c, baseline, Math.min(NESTED_DRAWS, s.samples),
      Math.max(NESTED_MIN_WORLDS, Math.ceil(s.samples / NESTED_DRAWS)), seededStream(s.seed, STREAM.nested),
      seededStream(s.seed, STREAM.nestedExtra), s.checkCancelled);
  let swing: SwingTable[] = [];
  if (swings) s.stage('swings and signposts');
  if (!swings) {
    // The caller wants the probabilities only.
  } else if (swingsExact) {
    swing = exactSwings(c, plan!, expectedTables(c, s.cache, s.checkCancelled), s.checkCancelled);
  } else {
    const position = new Map<number, number>();
    mc.swingVars.forEach((v, i) => position.set(v, i));
    const nOut = c.outcomes.length;
    swing = Array.from(c.outcomes, (_, o) => {
      const at = Int32Array.from(c.upstream[o]!, (f) => position.get(f)! * nOut + o);
      const ifTrue = Float64Array.from(at, (k) => mc.swingTrue[k]!);
      const ifFalse = Float64Array.from(at, (k) => mc.swingTrue[k]! - mc.swing[k]!);
      return { points: Float64Array.from(at, (k) => 100 * mc.swing[k]!), ifTrue, ifFalse };
    });
  }
  return { probability: mc.probability, standardError: mc.standardError, band, swing, worlds: mc.worlds };
}

/**
 * An alternative that observes: exact by a junction tree wherever one is affordable (whatever the
 * method of the rest of the forecast), else likelihood weighting (evidence.ts).
 */
function runWithEvidence(c: CompiledModel, baseline: CompiledModel, s: RunSettings, evidence: Evidence): RawResult {
  s.checkCancelled();
  s.stage('probabilities');
  const tree = s.evidenceMethod === 'auto' ? s.tree() : null;
  let drivers = 0;
  for (let v = 0; v < c.n; v++) if (c.childStart[v + 1]! > c.childStart[v]! && evidence[v]! < 0) drivers++;
  if (!tree || tree.cost * (2 * drivers + 1) > EXACT_BUDGET) return weightedRun(c, baseline, s, evidence);
  const tables = expectedTables(c, s.cache, s.checkCancelled);
  const { evidenceProbability, logEvidenceProbability, marginals } = exactEvidence(tree, tables, evidence, c.n);
  if (!(logEvidenceProbability > -Infinity)) return impossibleRun(c);
  const probability = Float64Array.from(c.outcomes, (v) => marginals[v]!);
  if (s.bandMethod !== 'none') s.stage('swings and signposts');
  const swept = s.bandMethod === 'none' ? null : sweptGuides(c, s, evidence);
  const swing = s.bandMethod === 'none' ? [] : swept ? swept.swing! : exactEvidenceSwings(c, tree, tables, evidence, marginals, s.checkCancelled);
  if (s.bandMethod !== 'none') s.stage('bands');
  // Each band draw is a propagation (about 4 passes over the tree's tables).
  const draws = Math.min(s.evidenceBandDraws, Math.max(100, Math.floor(BAND_BUDGET / (4 * tree.cost))));
  const band = s.bandMethod === 'none' ? [] : evidenceBands(c, baseline, tree, evidence, draws,
    seededStream(s.seed, STREAM.bands), seededStream(s.seed, STREAM.bandsExtra), s.checkCancelled);
  s.stage('worlds');
  const worldsPlan = s.maxWorlds > 0 && c.outcomes.length <= MAX_WIDTH ? buildPlan(c, true) : null;
  let worlds: RawResult['worlds'];
  if (s.maxWorlds === 0) worlds = [];
  else if (worldsPlan && worldsPlan.cost <= WORLDS_BUDGET) {
    const joint = runPlan(worldsPlan, tables, new Float64Array(c.n), frontierBuffer(worldsPlan), evidence);
    // P(world | E) = P(world, E) / P(E), with P(E) the joint's own sum: the junction tree's P(E)
    // agrees only to rounding, which for rare evidence (P(E) 4e-8, a base of 99.9999% observed
    // false) made the worlds sum to 1 + 1e-9. A joint that underflowed to 0 (P(E) below the
    // smallest double) tells no world.
    let total = 0;
    for (let i = 0; i < joint.length; i++) total += joint[i]!;
    const scaled = total > 0 ? joint.map((p) => p / total) : new Float64Array(0);
    worlds = topWorlds(scaled, worldsPlan.finalOrder, c.outcomes, s.maxWorlds);
  } else {
    worlds = weightedWorlds(likelihoodWeighting(c, tables, evidence, s.samples, seededStream(s.seed, STREAM.main), s.checkCancelled).worlds, s.maxWorlds);
  }
  return { probability, standardError: null, band, swing, worlds, evidenceProbability, logEvidenceProbability, marginals, ...(swept ? { guides: swept } : {}) };
}

/**
 * Signposts and linchpins of every outcome, exactly, when the junction tree is affordable (for
 * Monte Carlo forecasts too); none otherwise, and none when `bandMethod` is 'none' (the
 * judgment check needs the probabilities only).
 */
function withGuides(c: CompiledModel, s: RunSettings, evidence: Evidence | null, result: RawResult): RawResult {
  if (result.guides || s.bandMethod === 'none' || !possibleEvidence(result)) return result;
  s.stage('swings and signposts');
  const found = sweptGuides(c, s, evidence, false);
  return found ? { ...result, guides: found } : result;
}

/** Signposts and linchpins (and with `swings`, the swings) by the junction tree's sweeps, when the tree is affordable. */
function sweptGuides(
  c: CompiledModel, s: RunSettings, evidence: Evidence | null, swings = true, kept: KeptGuides | null = null,
): Guides | null {
  const tree = s.tree();
  if (!tree || guideCost(c, tree) > SIGNPOST_BUDGET) return null;
  const found = guides(c, tree, expectedTables(c, s.cache, s.checkCancelled), evidence, swings, s.checkCancelled, kept);
  return swings && !found.swing ? null : found;
}

/** The variables that drive something (each costs two propagations of swings under evidence). */
function drivingCount(c: CompiledModel): number {
  let count = 0;
  for (let v = 0; v < c.n; v++) if (c.childStart[v + 1]! > c.childStart[v]!) count++;
  return count;
}

function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

/** Whether a run's evidence can happen (ln P(E) is finite even when P(E) underflows). */
function possibleEvidence(result: RawResult): boolean {
  if (result.logEvidenceProbability !== undefined) return result.logEvidenceProbability > -Infinity;
  return (result.evidenceProbability ?? 1) > 0;
}

/** Evidence the model rules out: P(E) = 0, and nothing to condition on. */
function impossibleRun(c: CompiledModel): RawResult {
  return {
    probability: new Float64Array(c.outcomes.length), standardError: null, band: [], swing: [], worlds: [],
    evidenceProbability: 0, logEvidenceProbability: -Infinity, marginals: null,
  };
}

/**
 * Likelihood weighting for a model too dense for a junction tree: probabilities, P(E), worlds;
 * swings by replaying the same random stream with the driver's table replaced; bands from
 * BAND_WEIGHTED_DRAWS draws of θ, each estimated with its own weighted samples (their noise
 * widens the band a little).
 */
function weightedRun(c: CompiledModel, baseline: CompiledModel, s: RunSettings, evidence: Evidence): RawResult {
  // Wide outcomes (too many drivers for a table) draw their parameters per sample, as in Monte Carlo.
  const tables = sampledTables(c, s.cache, s.checkCancelled);
  const wide = Int32Array.from(tables.flatMap((t, v) => (t.length === 0 ? [v] : [])));
  const perSample = (): WideParameters | null => {
    if (wide.length === 0) return null;
    const extra = seededStream(s.seed, STREAM.mainExtra);
    const parameters = { logitBase: new Float64Array(c.n), lnK: new Float64Array(c.drvParent.length) };
    return { ...parameters, redraw: () => drawWideParameters(c, wide, parameters.logitBase, parameters.lnK, extra) };
  };
  const stream = () => seededStream(s.seed, STREAM.main);
  const main = likelihoodWeighting(c, tables, evidence, s.samples, stream(), s.checkCancelled, perSample());
  if (!(main.logEvidenceProbability > -Infinity)) return impossibleRun(c);
  const probability = Float64Array.from(c.outcomes, (v) => main.marginals[v]!);
  const standardError = Float64Array.from(c.outcomes, (v) => main.standardError[v]!);
  const swing = s.bandMethod === 'none' ? [] : swingsByPasses(c, tables, (t, out) => {
    const replayed = likelihoodWeighting(c, t, evidence, s.samples, stream(), s.checkCancelled, perSample());
    out.set(replayed.marginals);
    return replayed.logEvidenceProbability > -Infinity;
  }, s.checkCancelled, main.marginals, (f) => evidence[f]! >= 0);
  let band: RawResult['band'] = [];
  if (s.bandMethod !== 'none') {
    const drawn = new DrawnTables(c, baseline, true);
    const fixed: WideParameters = { logitBase: drawn.theta.logitBase, lnK: drawn.theta.lnK, redraw: null };
    const rng = seededStream(s.seed, STREAM.nested);
    const extra = seededStream(s.seed, STREAM.nestedExtra);
    const perDraw = Math.max(NESTED_MIN_WORLDS, Math.ceil(s.samples / BAND_WEIGHTED_DRAWS));
    const values = c.outcomes.length ? Array.from(c.outcomes, () => new Float64Array(BAND_WEIGHTED_DRAWS)) : [];
    // ln P(E | θ) per draw, then weights relative to the largest (as evidenceBands).
    const weights = new Float64Array(BAND_WEIGHTED_DRAWS);
    let largest = -Infinity;
    const mainRow = new Float64Array(drawn.mainDimensions);
    const extraRow = new Float64Array(drawn.extraDimensions);
    for (let d = 0; d < BAND_WEIGHTED_DRAWS; d++) {
      drawn.draw(uniformsInto(rng, mainRow), uniformsInto(extra, extraRow));
      const estimate = likelihoodWeighting(c, drawn.tables, evidence, perDraw, rng, s.checkCancelled, fixed);
      weights[d] = estimate.logEvidenceProbability;
      largest = Math.max(largest, weights[d]!);
      c.outcomes.forEach((v, i) => (values[i]![d] = estimate.logEvidenceProbability > -Infinity ? estimate.marginals[v]! : 0));
    }
    for (let d = 0; d < BAND_WEIGHTED_DRAWS; d++) weights[d] = largest > -Infinity ? Math.exp(weights[d]! - largest) : 0;
    band = values.map((vs) => [weightedQuantile(vs, weights, BAND_LOW), weightedQuantile(vs, weights, BAND_HIGH)]);
  }
  const worlds = weightedWorlds(main.worlds, s.maxWorlds);
  return {
    probability, standardError, band, swing, worlds, evidenceProbability: main.evidenceProbability,
    logEvidenceProbability: main.logEvidenceProbability, marginals: main.marginals,
  };
}

/** The most probable of the weighted worlds (keys: one 0/1 character per outcome). */
function weightedWorlds(worlds: Map<string, number>, maxWorlds: number): RawResult['worlds'] {
  return [...worlds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxWorlds)
    .map(([key, probability]) => ({ values: Uint8Array.from(key, (ch) => (ch === '1' ? 1 : 0)), probability }));
}

/**
 * The most probable worlds by sampling (an exact run whose joint of the outcomes is too wide):
 * the file's samples, at most WORLDS_SAMPLE_WORK variable-samples (at least MIN_WORLD_SAMPLES),
 * fewer once the worlds are known (worldsKnown).
 */
function sampledWorlds(c: CompiledModel, baseline: CompiledModel, s: RunSettings): RawResult['worlds'] {
  if (s.maxWorlds === 0) return [];
  const samples = Math.min(s.samples, Math.max(MIN_WORLD_SAMPLES, Math.floor(WORLDS_SAMPLE_WORK / Math.max(1, c.n))));
  return monteCarlo(c, baseline, samples, 0, 0, seededStream(s.seed, STREAM.main), seededStream(s.seed, STREAM.mainExtra),
    s.maxWorlds, s.checkCancelled, s.cache, worldsKnown).worlds;
}

/**
 * The band as shown, holding P. Its ends come from draws of θ and P from the exact marginal (or
 * the main run), two computations whose rounding differs: with every draw equal, the band could
 * sit 3e-14 above P (the fuzz campaign found it: base 1% and a driver that never holds).
 */
function bandHolding(band: readonly [number, number] | null, probability: number): [number, number] {
  return band ? [Math.min(band[0], probability), Math.max(band[1], probability)] : [probability, probability];
}

function outcomeForecasts(
  model: EngineModel, c: CompiledModel, result: RawResult, baseline: OutcomeForecast[] | null,
): OutcomeForecast[] {
  const slot = new Map<number, number>();
  c.outcomes.forEach((v, i) => slot.set(v, i));
  const before = new Map(baseline?.map((o) => [o.name, o]));
  const forecasts: OutcomeForecast[] = [];
  for (const variable of model.outcomes) {
    const v = c.index.get(variable.name);
    if (v === undefined) continue;
    const i = slot.get(v)!;
    // Sums of products can land a few ulps outside 0..1 (1 + 9e-16 for a base of 100%).
    const probability = clamp01(result.probability[i]!);
    const upstream = c.upstream[i]!;
    const table = result.swing[i];
    const swing = table ? swingList(c, upstream, table) : [];
    const signposts = (result.guides?.signposts[i] ?? []).map((g) => ({
      name: c.names[g.v]!, probability: g.probability, ifTrue: g.ifTrue, ifFalse: g.ifFalse, expectedShift: g.expectedShift,
    }));
    const linchpins = (result.guides?.linchpins[i] ?? []).map((g) => ({
      name: c.names[g.v]!, current: g.current, holdsFrom: g.holdsFrom, holdsTo: g.holdsTo, phrase: g.phrase,
    }));
    const forecast: OutcomeForecast = {
      name: variable.name,
      label: variable.label,
      probability,
      standardError: result.standardError ? result.standardError[i]! : null,
      band: bandHolding(result.band[i] ?? null, probability),
      phrase: phraseFor(probability).phrase,
      judged: judgedCheck(variable, probability),
      swing,
      signposts,
      linchpins,
    };
    if (variable.resolution) forecast.resolved = resolvedAs(variable.resolution);
    const earlier = before.get(variable.name);
    if (earlier) {
      const delta = 100 * (probability - earlier.probability);
      forecast.delta = Math.abs(delta) < 1e-9 ? 0 : delta; // rounding noise of identical numbers
    }
    forecasts.push(forecast);
  }
  return forecasts;
}

/** An outcome's swings, largest first (by ordering: the first upstream first among equals). */
function swingList(c: CompiledModel, upstream: Int32Array, table: SwingTable): OutcomeForecast['swing'] {
  const keys = new Float64Array(upstream.length);
  const order: number[] = [];
  for (let k = 0; k < upstream.length; k++) {
    keys[k] = ordering(Math.abs(table.points[k]!));
    order.push(k);
  }
  order.sort((a, b) => keys[b]! - keys[a]! || a - b);
  return order.map((k) => ({
    name: c.names[upstream[k]!]!, points: table.points[k]!, ifTrue: clamp01(table.ifTrue[k]!), ifFalse: clamp01(table.ifFalse[k]!),
  }));
}

/**
 * Exact bands of a scenario. An alternative's outcomes that nothing it changes reaches (its
 * tables are the baseline's, draw for draw) keep the baseline's bands: only the others are drawn.
 */
function exactBands(
  c: CompiledModel, baseline: CompiledModel, plan: Plan, s: RunSettings, changed: Uint8Array | null,
): (Band | null)[] {
  const draw = (only: Uint8Array | null) => bandsByExactDraws(c, baseline, plan, s.bandDraws,
    seededStream(s.seed, STREAM.bands), seededStream(s.seed, STREAM.bandsExtra), s.checkCancelled,
    affordableDraws(plan.cost, s), only);
  const kept = changed ? s.baselineBands : null;
  if (!changed || !kept) return draw(null);
  const drawn = draw(changed);
  return Array.from(c.outcomes, (v, i) => (changed[v] ? drawn[i]! : kept[i]!));
}

/** The most band draws a plan of this cost may take: within MAX_BAND_DRAWS and 4 × BAND_BUDGET. */
function affordableDraws(cost: number, s: RunSettings): number {
  return Math.max(s.bandDraws, Math.min(s.maxBandDraws, Math.floor((4 * BAND_BUDGET) / Math.max(1, cost))));
}


/** The range a judged value stands for: a phrase's or a range's ends, a point ± 5 points. */
export function judgedRange(spec: ProbabilitySpec): [number, number] {
  if (spec.low !== spec.high) return [spec.low, spec.high];
  return [Math.max(0, spec.low - JUDGED_POINT_TOLERANCE), Math.min(1, spec.high + JUDGED_POINT_TOLERANCE)];
}

export function judgedCheck(variable: EngineOutcome, probability: number): JudgedCheck | null {
  if (!variable.judged) return null;
  const range = judgedRange(variable.judged);
  // A hair of tolerance so that a probability printed as a range's end counts as inside it.
  const agrees = probability >= range[0] - 1e-12 && probability <= range[1] + 1e-12;
  return { text: variable.judged.text, range, agrees };
}

function worldsOf(c: CompiledModel, result: RawResult): World[] {
  const names = Array.from(c.outcomes, (v) => c.names[v]!);
  return result.worlds.map((w) => {
    const outcomes: Record<string, boolean> = {};
    names.forEach((name, i) => (outcomes[name] = w.values[i] === 1));
    return { outcomes, probability: clamp01(w.probability) };
  });
}

function inputForecasts(model: EngineModel): InputForecast[] {
  return model.inputs.filter((v) => v.probability).map((v) => {
    const p = v.probability!;
    const input: InputForecast = {
      name: v.name, kind: v.kind, label: v.label, probability: (p.low + p.high) / 2,
      range: [p.low, p.high], text: p.text, notes: v.notes, sources: v.sources,
    };
    if (v.resolution) input.resolved = resolvedAs(v.resolution);
    return input;
  });
}

const resolvedAs = (r: { value: boolean; date: string }): ResolvedAs => ({ value: r.value, date: r.date });

