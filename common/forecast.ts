// The forecast: what the engine computes from a resolved model, and what the server sends the
// extension and the page. The JSON of `scenario forecast` is rendered from it (common/report).
// Probabilities are fractions; swings and deltas are percentage points.

export interface Swing {
  name: string;
  /** E[P(O | do(F true))] − E[P(O | do(F false))], in percentage points. */
  points: number;
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
  /** 5th and 95th percentiles of P(O | θ). */
  band: [number, number];
  /** The ICD 203 phrase whose range holds the probability. */
  phrase: string;
  judged: JudgedCheck | null;
  /** Every upstream variable, sorted by absolute size. */
  swing: Swing[];
  /** In an alternative: probability − the baseline's, in percentage points. */
  delta?: number;
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
}

export interface AlternativeForecast {
  name: string;
  outcomes: OutcomeForecast[];
  worlds: World[];
}

export interface Forecast {
  file?: string;
  title: string;
  question: string | null;
  horizon: { from: string; to: string } | null;
  samples: number;
  seed: number;
  method: 'exact' | 'monte-carlo';
  outcomes: OutcomeForecast[];
  inputs: InputForecast[];
  worlds: World[];
  alternatives: AlternativeForecast[];
  elapsedMs: number;
}
