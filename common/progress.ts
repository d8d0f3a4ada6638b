// How far a long forecast has got (issue 15: long work is visible): which scenario of how many, and
// what it is computing in it. The engine reports it (ForecastOptions.onProgress) at each stage;
// the CLI prints it on stderr and stops at --time-limit with it, the preview shows it.

/** A forecast shows how far it has got once it has run this long (a quick one never does). */
export const PROGRESS_AFTER_MS = 1000;

export const FORECAST_STAGES = ['probabilities', 'bands', 'swings and signposts', 'worlds'] as const;
export type ForecastStage = (typeof FORECAST_STAGES)[number];

export interface ForecastProgress {
  /** 0 for the baseline, k for the k-th alternative. */
  scenario: number;
  /** 1 + the number of alternatives. */
  scenarios: number;
  /** The alternative's title; null for the baseline. */
  name: string | null;
  stage: ForecastStage;
  /** Since the forecast started. */
  elapsedMs: number;
}

/** "bands of the baseline (1 of 5)", "worlds of alternative “Khan released” (3 of 5)". */
export function progressText(p: ForecastProgress): string {
  const which = p.name === null ? 'the baseline' : `alternative “${p.name}”`;
  return `${p.stage} of ${which} (${p.scenario + 1} of ${p.scenarios})`;
}
