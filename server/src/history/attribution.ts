// `scenario diff`'s numbers: the changes between two versions (changes.ts) and, for every outcome
// both versions have, its delta split among the changes that can move probabilities by Shapley
// values (shapley.ts) over the mixed models (mixed.ts). Every mixed model is forecast by the
// engine with the same options (probabilities only: no bands, worlds or alternatives), so a
// Monte Carlo model replays the same random streams on every side; v(no change) is the old
// version itself and v(every change) the new one, so the points of an outcome add up to its
// delta. Each outcome O has its own game, over the changes R_O that touch something upstream of
// O (or O) in either version: a change outside R_O cannot move P(O), so v_O(S) = v_O(S ∩ R_O),
// and it is a dummy whose share is 0 however it is computed. So a diff of ten changes spread over
// several outcomes needs far fewer than 2^10 forecasts; the mixed models' forecasts are shared
// between the outcomes' games. Exact while every R_O has at most 10 changes (`attributionMethod`
// says 'sampled' when one has more).
import type { DocumentAnalysis } from '../analysis/analyzeSource';
import { forecast, type EngineOptions } from '../engine/forecast';
import type { EngineModel } from '../engine/types';
import type { ResolvedModel } from '../model/types';
import type { Forecast } from '../../../common/forecast';
import { diffModels, type ChangeEdit, type ModelChange, type ModelDiff } from './changes';
import { mixedModel } from './mixed';
import { shapley, type ShapleyResult } from './shapley';
import { monotonicMs } from '../util/clock';

export interface OutcomeAttribution {
  change: number;
  /** Percentage points of the outcome's delta. */
  points: number;
}

export interface OutcomeDelta {
  name: string;
  label: string;
  /** The old name, when the outcome was renamed. */
  renamedFrom?: string;
  /** Fractions; null when the outcome is only in the other version. */
  before: number | null;
  after: number | null;
  /** Percentage points (after − before); null unless both versions have the outcome. */
  delta: number | null;
  /** Largest share first; changes with no share are left out. */
  attribution: OutcomeAttribution[];
}

export interface DiffResult {
  changes: ModelChange[];
  outcomes: OutcomeDelta[];
  attributionMethod: 'exact' | 'sampled';
  /** How the probabilities were computed, per version. */
  method: { before: Forecast['method']; after: Forecast['method'] };
  /** Monte Carlo samples per version (for the digits shown). */
  samples: { before: number; after: number };
  /** Forecasts of mixed models made (2^n for n attributed changes when exact). */
  forecasts: number;
  elapsedMs: number;
}

type Side = Pick<DocumentAnalysis, 'text' | 'document' | 'model'>;

export interface DiffOptions {
  samples?: number;
  seed?: number;
  /** Attributed changes up to which Shapley values are exact (default 10). */
  exactChanges?: number;
  /** Forecasts the sampled method may make (default 2,048). */
  sampledForecasts?: number;
}

/** The options every forecast of a diff is made with: probabilities only, the same streams. */
function engineOptions(options: DiffOptions): EngineOptions {
  return { samples: options.samples, seed: options.seed, bandMethod: 'none', maxWorlds: 0 };
}

function baselineOnly(model: ResolvedModel): EngineModel {
  return { ...model, alternatives: [] };
}

/** The diff of two versions that both check without errors. */
export function diffVersions(before: Side, after: Side, options: DiffOptions = {}): DiffResult {
  const started = monotonicMs();
  const diff = diffModels(before, after);
  const engine = engineOptions(options);
  const oldForecast = forecast(baselineOnly(before.model), engine);
  const newForecast = forecast(baselineOnly(after.model), engine);
  const compared = after.model.outcomes.map((o) => o.name).filter((n) => diff.before.variables.get(n)?.kind === 'outcome');
  const montecarlo = oldForecast.method === 'monte-carlo' || newForecast.method === 'monte-carlo';
  const players = diff.changes.filter((c) => c.attributed && diff.edits.has(c.id) && canMove(diff, c, compared, montecarlo));
  const probabilities = (f: Forecast): Float64Array => {
    const byName = new Map(f.outcomes.map((o) => [o.name, o.probability]));
    return Float64Array.from(compared, (n) => byName.get(n) ?? Number.NaN);
  };
  const oldProbabilities = probabilities(renamedForecast(oldForecast, diff.renames));
  const newProbabilities = probabilities(newForecast);
  // Each outcome's own game is over the changes upstream of it (the others cannot move it, so
  // v_O(S) = v_O(S ∩ R_O)); the mixed models' forecasts are shared between the outcomes' games.
  // An exact P(O) depends only on O's ancestors: each game forecasts the mixed models cut down to
  // the ancestors of its outcome in either version (a few variables instead of the whole file).
  // Monte Carlo keeps the whole model, so that every mixed model replays the same streams.
  let forecasts = 2;
  const mixed = new Map<string, Float64Array>();
  const upstream = compared.map((name) => upstreamOf(diff, [name]));
  const scopeKey = upstream.map((set) => (montecarlo ? '' : [...set].sort().join(' ')));
  const forecastOf = (members: readonly number[], k: number): Float64Array => {
    const key = `${scopeKey[k]}|${members.join(',')}`;
    let result = mixed.get(key);
    if (!result) {
      forecasts++;
      const edits: ChangeEdit[] = members.map((i) => diff.edits.get(players[i]!.id)!);
      result = probabilities(forecast(mixedModel(diff, edits, montecarlo ? undefined : upstream[k]), engine));
      mixed.set(key, result);
    }
    return result;
  };
  const seed = options.seed ?? after.model.settings.seed;
  const relevant = compared.map((_, k) => players.flatMap((c, i) => (movesWithin(diff, c, upstream[k]!, montecarlo) ? [i] : [])));
  const games: (ShapleyResult | null)[] = compared.map((_, k) => {
    const own = relevant[k]!;
    if (own.length === 0) return null;
    return shapley(own.length, (local) => {
      if (local.length === 0) return Float64Array.of(oldProbabilities[k]!);
      if (local.length === own.length) return Float64Array.of(newProbabilities[k]!);
      return Float64Array.of(forecastOf(local.map((j) => own[j]!), k)[k]!);
    }, seed, { exactPlayers: options.exactChanges, evaluations: options.sampledForecasts });
  });
  const share = (k: number, player: number): number => {
    const j = relevant[k]!.indexOf(player);
    return j < 0 ? 0 : games[k]!.values[j]![0]!;
  };
  const sampled = games.some((g) => g?.method === 'sampled');
  const reverse = new Map([...diff.renames].map(([from, to]) => [to, from]));
  const oldByName = new Map(renamedForecast(oldForecast, diff.renames).outcomes.map((o) => [o.name, o]));
  const outcomes: OutcomeDelta[] = [];
  for (const o of newForecast.outcomes) {
    const k = compared.indexOf(o.name);
    const entry: OutcomeDelta = { name: o.name, label: o.label, before: null, after: o.probability, delta: null, attribution: [] };
    if (reverse.has(o.name)) entry.renamedFrom = reverse.get(o.name)!;
    if (k >= 0 && oldByName.has(o.name)) {
      entry.before = oldProbabilities[k]!;
      entry.after = newProbabilities[k]!;
      entry.delta = clean(100 * (entry.after - entry.before));
      entry.attribution = players
        .map((c, i) => ({ change: c.id, points: clean(100 * share(k, i)) }))
        .filter((a) => a.points !== 0)
        .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.change - b.change);
    }
    outcomes.push(entry);
  }
  for (const o of oldForecast.outcomes) {
    const name = diff.renames.get(o.name) ?? o.name;
    if (newForecast.outcomes.some((x) => x.name === name)) continue;
    outcomes.push({ name, label: o.label, before: o.probability, after: null, delta: null, attribution: [] });
  }
  return {
    changes: diff.changes,
    outcomes,
    attributionMethod: sampled ? 'sampled' : 'exact',
    method: { before: oldForecast.method, after: newForecast.method },
    samples: { before: oldForecast.samples, after: newForecast.samples },
    forecasts,
    elapsedMs: Math.round((monotonicMs() - started) * 10) / 10,
  };
}

/** Rounding noise of identical numbers (1e-13 points) reads as no change. */
function clean(points: number): number {
  return Math.abs(points) < 1e-9 ? 0 : points;
}

function renamedForecast(f: Forecast, renames: ReadonlyMap<string, string>): Forecast {
  if (renames.size === 0) return f;
  return { ...f, outcomes: f.outcomes.map((o) => ({ ...o, name: renames.get(o.name) ?? o.name })) };
}

/**
 * Whether a change can move an outcome whose ancestors (itself included, in either version) are
 * `upstream`: what it touches (the variable whose number it sets, the outcome whose line it is)
 * is among them. The file's samples and seed move Monte Carlo numbers only, and all of them.
 */
function movesWithin(diff: ModelDiff, change: ModelChange, upstream: ReadonlySet<string>, montecarlo: boolean): boolean {
  const edit = diff.edits.get(change.id)!;
  if (edit.type === 'settings') return montecarlo;
  return upstream.has(edit.type === 'driver' ? edit.outcome : edit.name);
}

function canMove(diff: ModelDiff, change: ModelChange, compared: string[], montecarlo: boolean): boolean {
  return movesWithin(diff, change, upstreamOf(diff, compared), montecarlo);
}

/** Everything upstream of `names` (and they themselves) over the driver lines of both versions. */
function upstreamOf(diff: ModelDiff, names: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...names];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const model of [diff.before, diff.after]) {
      const v = model.variables.get(name);
      if (v?.kind === 'outcome') for (const d of v.drivers) stack.push(d.name);
    }
  }
  return seen;
}
