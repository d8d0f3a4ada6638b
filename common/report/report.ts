// The one view model of a forecast: built once from a Forecast, with every number already
// formatted (common/text/numbers.ts) and the raw number kept beside it where a renderer needs it
// (bars, charts, the fractions of CSV and JSON). The CLI's text, Markdown, CSV and JSON, the
// preview page and the preview's copy and save commands all render from it, so each shows the
// same digits. Pure: no DOM, no Node APIs (the CLI, the extension and the browser page import it).
import {
  UNTITLED_TITLE, observedValue, type AlternativeForecast, type Forecast, type ForecastExclusion, type InputForecast,
  type OutcomeForecast, type ResolvedAs, type World,
} from '../forecast';
import { brierScore } from '../scores';
import {
  bandText, formatCount, formatElapsed, formatPoints, formatStandardError, formatWrittenRange, pointsSign, round, samplingOf,
  samplingWithError, showPercent, type Sampling,
} from '../text/numbers';
import { keyJudgment, type KeyJudgment, type KeySignpost } from './keyJudgments';
import { formatScore } from './scores';

/** How many drivers "top drivers" lists. */
export const TOP_DRIVERS = 3;

/** A computed probability: the fraction, the number the text shows (in percent), the text. */
export interface ReportPercent {
  value: number;
  percent: number;
  text: string;
}

/** A 5–95% band: the fractions, the numbers the text shows (in percent), the text ("48–77%"). */
export interface ReportBand {
  low: number;
  high: number;
  lowPercent: number;
  highPercent: number;
  text: string;
}

/** Percentage points: the value, the number its text shows, the text ("+4.0", "−4.7", "0.0"), its sign. */
export interface ReportPoints {
  value: number;
  /** One decimal, as the text: 21.3 for "+21.3". */
  shown: number;
  text: string;
  sign: -1 | 0 | 1;
}

export interface ReportDriver {
  name: string;
  /** The driver's label as written, or its name when it has none. */
  label: string;
  /** Its swing on the outcome. */
  points: ReportPoints;
  /** P(O) if the driver were made true, and if made false: the ends of its tornado bar. */
  ifTrue: ReportPercent;
  ifFalse: ReportPercent;
}

/** A Monte Carlo probability's standard error: the fraction, in points, as text ("±0.3"). */
export interface ReportStandardError {
  value: number;
  points: number;
  text: string;
}

export interface ReportSignpost {
  name: string;
  label: string;
  probability: ReportPercent;
  ifTrue: ReportPercent;
  ifFalse: ReportPercent;
  expectedShift: ReportPoints;
  /** "if attack is seen: 17% → 56% (12% if not)". */
  text: string;
}

export interface ReportLinchpin {
  name: string;
  label: string;
  current: ReportPercent;
  holdsFrom: ReportPercent;
  holdsTo: ReportPercent;
  phrase: string;
  /** "rapport is above 41%" (…below…, …between 41% and 80%). */
  condition: string;
  /** "stays likely while rapport is above 41%". */
  text: string;
}

export interface ReportJudged {
  /** The call as written: "likely", "60%..70%". */
  text: string;
  range: [number, number];
  /** The range as written: "55%–80%". */
  rangeText: string;
  /** The engine's check, as the JSON contract has it (false for an observed outcome pinned outside the call). */
  agrees: boolean;
  /** False when the outcome is observed in the alternative: seen, not forecast, so there is no call to check. */
  checked: boolean;
  /** Checked and contradicted by the forecast: what every count of contradicted calls counts. */
  contradicted: boolean;
  /** "✓ likely", "✗ likely", or "likely (not checked)" for an observed outcome. */
  summary: string;
}

/** A variable an alternative observes: assumed seen (or seen not to hold), so it is not forecast. */
export interface ReportObservation {
  value: boolean;
  /** "observed" or "observed not": shown in place of the phrase (and of a factor's change). */
  text: string;
  /** "assumed seen" or "assumed not seen". */
  meaning: string;
}

export interface ReportOutcome {
  name: string;
  label: string;
  /** The label, or the name when the label is empty. */
  title: string;
  probability: ReportPercent;
  /** Monte Carlo only (the probability is then rounded to what it supports); null when exact. */
  standardError: ReportStandardError | null;
  band: ReportBand;
  /** The ICD 203 phrase of the probability (the JSON's `phrase`). */
  phrase: string;
  /** What the report shows for the phrase: the phrase, or "observed" / "observed not". */
  phraseText: string;
  /** What the report shows for the band: its text, or "—" for an observed outcome (it has none). */
  bandText: string;
  judged: ReportJudged | null;
  /** In an alternative that observes this outcome: what was seen; else null (observedValue in common/forecast.ts). */
  observed: ReportObservation | null;
  /** Every upstream variable by absolute swing, largest first (the JSON's `swing`). */
  drivers: ReportDriver[];
  /**
   * The TOP_DRIVERS largest, leaving out what the alternative observes (its swing is 0 once seen);
   * none for an observed outcome, which nothing moves once seen.
   */
  top: ReportDriver[];
  /** The top drivers as text: "crisis +20.4, rapport +18.7" ("" when there are none). */
  topDrivers: string;
  /** What to watch, largest expected shift first. */
  signposts: ReportSignpost[];
  /** The assumptions whose change would flip the phrase, nearest first. */
  linchpins: ReportLinchpin[];
  /** In an alternative: the change from the baseline (the engine's, else computed); else null. */
  delta: ReportPoints | null;
  /** While the file has errors: why these are the last good numbers, not new ones; else null. */
  stale: string | null;
  /** In the baseline, when the file records how it turned out; else null. */
  resolution: ReportResolution | null;
  /** For an imported outcome: the file that declares it, relative to this one's folder; else null. */
  origin: string | null;
}

/** A resolved question and this forecast's Brier score for it (the track record scores the forecast of record). */
export interface ReportResolution {
  value: boolean;
  date: string;
  /** "resolved yes on 2025-11-02". */
  text: string;
  brier: number;
  /** "Brier 0.0225". */
  brierText: string;
}

export interface ReportWorld {
  outcomes: Record<string, boolean>;
  /** The outcomes that hold, in outcome order. */
  holding: string[];
  probability: ReportPercent;
  /** "democracy_push, trade_up", or "none of the outcomes". */
  text: string;
  /** Every outcome, held or not: "democracy_push, not trade_up". */
  words: string;
}

export interface ReportWorlds {
  list: ReportWorld[];
  /** The probability of every world the list leaves out; null when the list covers them all. */
  rest: ReportPercent | null;
  /** "The other worlds: 33% together", or "" when the list covers them all. */
  restText: string;
}

export interface ReportAlternative {
  name: string;
  /** What it assumes, in the file's words ("given attack", "rapport 80%..90%"). */
  assumptions: { name: string; text: string }[];
  /** "Assumes: given attack; observe not crisis", or "" when it changes nothing. */
  assumptionsText: string;
  /** Its observations and how probable they were, P(E); null when it observes nothing. */
  evidence: ReportEvidence | null;
  /** Every factor and event under the alternative, with the change from the baseline; `observed` when it observes it. */
  inputs: { name: string; probability: ReportPercent; delta: ReportPoints; observed: ReportObservation | null }[];
  outcomes: ReportOutcome[];
  worlds: ReportWorlds;
}

export interface ReportEvidence {
  observed: { name: string; value: boolean }[];
  probability: ReportPercent;
  /** False when the model rules the observations out (P(E) = 0): the alternative has no numbers. */
  possible: boolean;
  /** "What it observes had a 17% chance in this model", or why there are no numbers. */
  text: string;
}

export interface ReportInput {
  name: string;
  kind: 'factor' | 'event';
  label: string;
  title: string;
  /** The mean of the range as written. */
  probability: ReportPercent;
  range: [number, number];
  /** The range as written: "55%–75%", "30%". */
  rangeText: string;
  /** The probability as the file writes it: "almost certain", "55%..75%". */
  text: string;
  notes: string[];
  sources: string[];
  /** As for outcomes: why these are the last good numbers; else null. */
  stale: string | null;
  resolution: ReportResolution | null;
  /** As for outcomes: the file an imported factor or event comes from; else null. */
  origin: string | null;
}

export interface ReportMethod {
  kind: Forecast['method'];
  /** How the worlds were found (an exact forecast samples them when the outcomes' joint is too wide). */
  worlds: Forecast['worldsMethod'];
  /** The method in words: "exact" or "Monte Carlo". */
  name: 'exact' | 'Monte Carlo';
  /** Monte Carlo samples; null for an exact forecast, which draws no samples for its probabilities. */
  samples: number | null;
  /** "20,000", or null for an exact forecast. */
  samplesText: string | null;
  seed: number;
  /** "exact", "exact (worlds sampled, 20,000 samples)" or "Monte Carlo, 20,000 samples". */
  text: string;
  /** "exact, seed 2025" or "Monte Carlo, 20,000 samples, seed 1" (an exact forecast's bands are seeded). */
  line: string;
}

export interface Report {
  /** The file as the caller names it (a path for the CLI, workspace-relative in the extension). */
  file: string | null;
  /** The scenario's title, or the file's base name without `.scenario` when it has none. */
  title: string;
  question: string | null;
  horizon: { from: string; to: string; text: string } | null;
  method: ReportMethod;
  /** The settings as run, for the JSON contract (which lists samples for exact forecasts too). */
  settings: { samples: number; seed: number };
  elapsed: { ms: number; text: string };
  outcomes: ReportOutcome[];
  /** One sentence per outcome, in file order (keyJudgments.ts). */
  keyJudgments: KeyJudgment[];
  worlds: ReportWorlds;
  alternatives: ReportAlternative[];
  inputs: ReportInput[];
  /** While the file has errors: what was not forecast anew, and why (empty otherwise). */
  excluded: ForecastExclusion[];
  /** "3 of 7 outcomes show their last good numbers: …", or "" when everything is current. */
  excludedText: string;
}

export interface ReportOptions {
  file?: string | null;
}

/** The label an analyst wrote, or the name when there is none. */
export function displayLabel(item: { name: string; label: string }): string {
  return item.label.trim() === '' ? item.name : item.label;
}

/** `dir/us-pakistan-2025.scenario` → `us-pakistan-2025`. */
export function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.scenario$/i, '');
}

function percentOf(p: number, sampling: Sampling): ReportPercent {
  const shown = showPercent(p, sampling);
  return { value: p, percent: shown.percent, text: shown.text };
}

function bandOf(band: readonly [number, number], sampling: Sampling): ReportBand {
  const low = showPercent(band[0], sampling);
  const high = showPercent(band[1], sampling);
  return {
    low: band[0],
    high: band[1],
    lowPercent: low.percent,
    highPercent: high.percent,
    text: bandText(low.text, high.text),
  };
}

function pointsOf(points: number): ReportPoints {
  return { value: points, shown: round(points, 1), text: formatPoints(points), sign: pointsSign(points) };
}

/** What the report says of a variable an alternative observes (`value`), or null when it observes nothing of it. */
export function observationOf(value: boolean | null): ReportObservation | null {
  if (value === null) return null;
  return value ? { value, text: 'observed', meaning: 'assumed seen' } : { value, text: 'observed not', meaning: 'assumed not seen' };
}

function outcomeOf(
  o: OutcomeForecast, sampling: Sampling, labelOf: (name: string) => string, baseline: OutcomeForecast[] | null,
  observed: ReportObservation | null = null, seen: (name: string) => boolean = () => false,
): ReportOutcome {
  const drivers = o.swing.map((s) => ({
    name: s.name, label: labelOf(s.name), points: pointsOf(s.points),
    ifTrue: percentOf(s.ifTrue, sampling), ifFalse: percentOf(s.ifFalse, sampling),
  }));
  // Seen variables are assumptions, not drivers: under evidence their swing is 0 (LANGUAGE.md).
  const top = observed ? [] : drivers.filter((d) => !seen(d.name)).slice(0, TOP_DRIVERS);
  const band = bandOf(o.band, sampling);
  const error = o.standardError ?? null;
  let delta: ReportPoints | null = null;
  if (baseline) {
    const before = baseline.find((b) => b.name === o.name);
    const value = typeof o.delta === 'number' ? o.delta : before ? (o.probability - before.probability) * 100 : null;
    delta = value === null ? null : pointsOf(value);
  }
  return {
    name: o.name,
    label: o.label,
    title: displayLabel(o),
    probability: percentOf(o.probability, samplingWithError(o.probability, error, sampling)),
    standardError: error === null ? null : { value: error, points: round(100 * error, 1), text: formatStandardError(error) },
    band,
    phrase: o.phrase,
    phraseText: observed ? observed.text : o.phrase,
    bandText: observed ? '—' : band.text,
    judged: o.judged
      ? {
          text: o.judged.text,
          range: [o.judged.range[0], o.judged.range[1]],
          rangeText: formatWrittenRange(o.judged.range[0], o.judged.range[1]),
          agrees: o.judged.agrees,
          checked: observed === null,
          contradicted: observed === null && !o.judged.agrees,
          summary: observed ? `${o.judged.text} (not checked)` : `${o.judged.agrees ? '✓' : '✗'} ${o.judged.text}`,
        }
      : null,
    observed,
    drivers,
    top,
    topDrivers: top.map((d) => `${d.name} ${d.points.text}`).join(', '),
    signposts: (o.signposts ?? []).map((s) => {
      const ifTrue = percentOf(s.ifTrue, sampling);
      const ifFalse = percentOf(s.ifFalse, sampling);
      const now = percentOf(o.probability, sampling);
      return {
        name: s.name, label: labelOf(s.name), probability: percentOf(s.probability, sampling), ifTrue, ifFalse,
        expectedShift: pointsOf(s.expectedShift), text: `if ${s.name} is seen: ${now.text} → ${ifTrue.text} (${ifFalse.text} if not)`,
      };
    }),
    linchpins: (o.linchpins ?? []).map((l) => {
      const from = percentOf(l.holdsFrom, undefined);
      const to = percentOf(l.holdsTo, undefined);
      const where = l.holdsFrom <= 1e-9 ? `below ${to.text}` : l.holdsTo >= 1 - 1e-9 ? `above ${from.text}` : `between ${from.text} and ${to.text}`;
      const condition = `${l.name} is ${where}`;
      return {
        name: l.name, label: labelOf(l.name), current: percentOf(l.current, undefined), holdsFrom: from, holdsTo: to,
        phrase: l.phrase, condition, text: `stays ${l.phrase} while ${condition}`,
      };
    }),
    delta,
    stale: o.stale ?? null,
    // Alternatives are what-ifs: the question's resolution scores the baseline only.
    resolution: baseline === null ? resolutionOf(o.resolved, o.probability) : null,
    origin: o.origin ?? null,
  };
}

function resolutionOf(resolved: ResolvedAs | undefined, probability: number): ReportResolution | null {
  if (!resolved) return null;
  const brier = brierScore(probability, resolved.value);
  return {
    value: resolved.value, date: resolved.date, text: `resolved ${resolved.value ? 'yes' : 'no'} on ${resolved.date}`,
    brier, brierText: `Brier ${formatScore(brier)}`,
  };
}

/** The signpost that would move an outcome most (the report lists them largest first). */
function topSignpost(o: ReportOutcome): KeySignpost | null {
  const first = o.signposts[0];
  return first ? { title: first.label, ifTrue: first.ifTrue, ifFalse: first.ifFalse } : null;
}

function worldsOf(worlds: World[], order: readonly string[], sampling: Sampling): ReportWorlds {
  const list = worlds.map((w): ReportWorld => {
    const names = [...order.filter((n) => n in w.outcomes), ...Object.keys(w.outcomes).filter((n) => !order.includes(n))];
    const holding = names.filter((n) => w.outcomes[n]);
    return {
      outcomes: { ...w.outcomes },
      holding,
      probability: percentOf(w.probability, sampling),
      text: holding.length === 0 ? 'none of the outcomes' : holding.join(', '),
      words: names.map((n) => (w.outcomes[n] ? n : `not ${n}`)).join(', '),
    };
  });
  const covered = worlds.reduce((sum, w) => sum + w.probability, 0);
  const left = Math.min(1, Math.max(0, 1 - covered));
  // Below a millionth, the rest is the rounding of the listed worlds, not worlds left out.
  const rest = list.length === 0 || left < 1e-6 ? null : percentOf(left, sampling);
  return { list, rest, restText: rest ? `The other worlds: ${rest.text} together` : '' };
}

function alternativeOf(
  a: AlternativeForecast, sampling: Sampling, labelOf: (name: string) => string, baseline: OutcomeForecast[], order: string[],
): ReportAlternative {
  return {
    name: a.name,
    assumptions: a.assumptions.map((x) => ({ name: x.name, text: x.text })),
    assumptionsText: a.assumptions.length === 0 ? '' : `Assumes: ${a.assumptions.map((x) => x.text).join('; ')}`,
    evidence: evidenceOf(a),
    inputs: a.inputs.map((i) => ({
      name: i.name, probability: percentOf(i.probability, undefined), delta: pointsOf(i.delta), observed: observationOf(observedValue(a, i.name)),
    })),
    outcomes: a.outcomes.map((o) => outcomeOf(o, sampling, labelOf, baseline, observationOf(observedValue(a, o.name)),
      (name) => observedValue(a, name) !== null)),
    worlds: worldsOf(a.worlds, order, sampling),
  };
}

function evidenceOf(a: AlternativeForecast): ReportEvidence | null {
  if (a.observed.length === 0) return null;
  const probability = percentOf(a.evidenceProbability, undefined);
  const possible = a.evidenceProbability > 0;
  return {
    observed: a.observed.map((o) => ({ name: o.name, value: o.value })),
    probability,
    possible,
    text: possible ? `What it observes had a ${probability.text} chance in this model`
      : 'What it observes cannot happen in this model (probability 0): no numbers',
  };
}

function inputOf(i: InputForecast): ReportInput {
  return {
    name: i.name,
    kind: i.kind,
    label: i.label,
    title: displayLabel(i),
    // The mean of a written range is exact arithmetic, whatever the forecast's method.
    probability: percentOf(i.probability, undefined),
    range: [i.range[0], i.range[1]],
    rangeText: formatWrittenRange(i.range[0], i.range[1]),
    text: i.text,
    notes: [...i.notes],
    sources: [...i.sources],
    stale: i.stale ?? null,
    resolution: resolutionOf(i.resolved, i.probability),
    origin: i.origin ?? null,
  };
}

function methodOf(f: Forecast): ReportMethod {
  const exact = f.method === 'exact';
  const name = exact ? 'exact' : 'Monte Carlo';
  const sampledWorlds = exact && f.worldsMethod === 'monte-carlo';
  const text = !exact ? `${name}, ${formatCount(f.samples)} samples`
    : sampledWorlds ? `${name} (worlds sampled, ${formatCount(f.samples)} samples)` : name;
  return {
    kind: f.method,
    worlds: f.worldsMethod,
    name,
    samples: exact ? null : f.samples,
    samplesText: exact ? null : formatCount(f.samples),
    seed: f.seed,
    text,
    line: `${text}, seed ${f.seed}`,
  };
}

/** The view model of a forecast; `file` names the file (and titles an untitled one). */
export function buildReport(forecast: Forecast, options: ReportOptions = {}): Report {
  const file = options.file ?? forecast.file ?? null;
  const untitled = forecast.title.trim() === '' || forecast.title === UNTITLED_TITLE;
  const sampling = samplingOf(forecast);
  const labels = new Map<string, string>();
  for (const item of [...forecast.inputs, ...forecast.outcomes]) labels.set(item.name, displayLabel(item));
  const labelOf = (name: string) => labels.get(name) ?? name;
  const order = forecast.outcomes.map((o) => o.name);
  const outcomes = forecast.outcomes.map((o) => outcomeOf(o, sampling, labelOf, null));
  return {
    file,
    title: untitled && file ? baseName(file) : forecast.title,
    question: forecast.question,
    horizon: forecast.horizon
      ? { from: forecast.horizon.from, to: forecast.horizon.to, text: `${forecast.horizon.from} to ${forecast.horizon.to}` }
      : null,
    method: methodOf(forecast),
    settings: { samples: forecast.samples, seed: forecast.seed },
    elapsed: { ms: forecast.elapsedMs, text: formatElapsed(forecast.elapsedMs) },
    outcomes,
    keyJudgments: outcomes.map((o) => keyJudgment(o, topSignpost(o))),
    worlds: worldsOf(forecast.worlds, order, sampling),
    alternatives: forecast.alternatives.map((a) => alternativeOf(a, sampling, labelOf, forecast.outcomes, order)),
    inputs: forecast.inputs.map(inputOf),
    excluded: forecast.excluded ?? [],
    excludedText: excludedText(forecast),
  };
}

/** What a partial forecast (a file with errors) could not compute anew, in one sentence. */
function excludedText(forecast: Forecast): string {
  const outcomes = (forecast.excluded ?? []).filter((e) => e.kind === 'outcome');
  if (outcomes.length === 0) return '';
  const kept = outcomes.filter((e) => forecast.outcomes.some((o) => o.name === e.name && o.stale !== undefined)).length;
  const total = forecast.outcomes.length + outcomes.length - kept;
  const names = outcomes.map((e) => e.name).join(', ');
  return `${outcomes.length} of ${total} outcomes depend on an error and are not forecast anew (${names})` +
    (kept > 0 ? `; ${kept === outcomes.length ? 'they show' : `${kept} show`} their last good numbers.` : '.');
}
