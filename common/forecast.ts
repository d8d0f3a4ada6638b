// The forecast: what the engine computes from a resolved model, and what the server sends the
// extension and the page. The JSON of `scenario forecast` is rendered from it (common/report).
// Probabilities are fractions; swings and deltas are percentage points.

/** The title of a forecast whose file has no `scenario` title (the report titles it by the file name). */
export const UNTITLED_TITLE = 'Untitled scenario';

export interface Swing {
  name: string;
  /** E[P(O | do(F true))] − E[P(O | do(F false))], in percentage points. */
  points: number;
  /** E[P(O | do(F true))] and E[P(O | do(F false))], as fractions: the ends of a tornado bar. */
  ifTrue: number;
  ifFalse: number;
}

/** What to watch: seeing X (or not) moves P(O) this much (LANGUAGE.md, Semantics: Signposts). */
export interface Signpost {
  name: string;
  /** P(X) in the scenario. */
  probability: number;
  /** P(O | observe X) and P(O | observe not X). */
  ifTrue: number;
  ifFalse: number;
  /** In points: what seeing which way X goes is expected to move P(O) by. */
  expectedShift: number;
}

/** An assumption whose change would flip the judgment: P(O) keeps `phrase` while F's probability stays in [holdsFrom, holdsTo]. */
export interface Linchpin {
  name: string;
  /** F's probability as written (the mean of its range). */
  current: number;
  holdsFrom: number;
  holdsTo: number;
  phrase: string;
}

/** How a question turned out (`resolved yes|no on DATE`); it never changes the forecast. */
export interface ResolvedAs {
  value: boolean;
  /** The ISO day. */
  date: string;
}

export interface JudgedCheck {
  text: string;
  range: [number, number];
  agrees: boolean;
}

export interface OutcomeForecast {
  name: string;
  label: string;
  probability: number;
  /** Monte Carlo: the standard error of the probability (a fraction); null when exact. */
  standardError: number | null;
  /** 5th and 95th percentiles of P(O | θ). */
  band: [number, number];
  /** The ICD 203 phrase whose range holds the probability. */
  phrase: string;
  judged: JudgedCheck | null;
  /** Every upstream variable, sorted by absolute size. */
  swing: Swing[];
  /** The ten largest signposts, largest expected shift first (empty when not affordable). */
  signposts: Signpost[];
  /** Factors and events whose change would flip the phrase, nearest to flipping first. */
  linchpins: Linchpin[];
  /** In an alternative: probability − the baseline's, in percentage points. */
  delta?: number;
  /**
   * Set while the file has an error this outcome depends on: why it was not forecast anew. Its
   * numbers are then the last good ones, from an earlier version.
   */
  stale?: string;
  /** Set when the file records how the question turned out. */
  resolved?: ResolvedAs;
  /**
   * Set for an imported declaration: the file that declares it, relative to the forecast file's
   * folder, with `/` ("lib/pakistan-baseline.scenario"; LANGUAGE.md, Forecast JSON).
   */
  origin?: string;
}

export interface World {
  outcomes: Record<string, boolean>;
  probability: number;
}

export interface InputForecast {
  name: string;
  kind: 'factor' | 'event';
  label: string;
  /** The mean probability. */
  probability: number;
  /** [low, high] as written (equal for a point). */
  range: [number, number];
  text: string;
  notes: string[];
  sources: string[];
  /** As for outcomes: why this input was not read anew (its numbers are the last good ones). */
  stale?: string;
  /** As for outcomes: how the question turned out. */
  resolved?: ResolvedAs;
  /** As for outcomes: the file that declares an imported factor or event. */
  origin?: string;
}

/** One change an alternative makes, in the file's words: `given attack`, `rapport 80%..90%`, `base of trade_up 30%`. */
export interface AlternativeAssumption {
  name: string;
  text: string;
}

/** A factor's or event's probability under an alternative (given its evidence), and the change. */
export interface AlternativeInput {
  name: string;
  probability: number;
  /** Probability − the baseline's, in percentage points. */
  delta: number;
}

export interface AlternativeForecast {
  name: string;
  /** What the alternative assumes, in the order it writes it. */
  assumptions: AlternativeAssumption[];
  /** Its observations (`observe [not] NAME`), in the order it writes them. */
  observed: { name: string; value: boolean }[];
  /**
   * P(E): how probable the observations were under the alternative's other changes (1 without
   * observations). 0 when the model rules them out: the outcomes and worlds are then empty.
   */
  evidenceProbability: number;
  /** Every factor and event under the alternative (given the evidence), in file order. */
  inputs: AlternativeInput[];
  outcomes: OutcomeForecast[];
  worlds: World[];
}

/**
 * What an alternative observed of a variable: true (`observe NAME`), false (`observe not NAME`),
 * or null when it does not observe it. The one place every surface asks "is this outcome (or
 * factor, or event) observed in this alternative?": such a variable is assumed seen, not forecast.
 */
export function observedValue(alternative: Pick<AlternativeForecast, 'observed'>, name: string): boolean | null {
  const found = alternative.observed.find((o) => o.name === name);
  return found ? found.value : null;
}

export interface Forecast {
  file?: string;
  title: string;
  question: string | null;
  horizon: { from: string; to: string } | null;
  samples: number;
  seed: number;
  method: 'exact' | 'monte-carlo';
  /** How the worlds were found: exactly while the joint of the outcomes is affordable, else by sampling. */
  worldsMethod: 'exact' | 'monte-carlo';
  outcomes: OutcomeForecast[];
  inputs: InputForecast[];
  worlds: World[];
  alternatives: AlternativeForecast[];
  elapsedMs: number;
  /**
   * While the file has errors: what this forecast left out and why. Those that an earlier forecast
   * had are still listed (outcomes, inputs, alternatives), marked `stale`; the rest are missing.
   */
  excluded?: ForecastExclusion[];
}

/** A declaration left out of a forecast because it, or something it depends on, has an error. */
export interface ForecastExclusion {
  kind: 'factor' | 'event' | 'outcome' | 'alternative';
  /** The variable's name, or the alternative's title. */
  name: string;
  /** In analyst words: "line 12 has an error", "depends on rapport, which has an error". */
  reason: string;
}
