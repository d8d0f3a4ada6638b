// How far a long forecast has got (issue 15: long work is visible): which scenario of how many, and
// what it is computing in it. The engine reports it (ForecastOptions.onProgress) at each stage;
// the CLI prints it on stderr and stops at --time-limit with it, the preview shows it.
import { replaceControls } from './text/controls';

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

/**
 * "bands of the baseline (1 of 5)", "worlds of alternative “Khan released” (3 of 5)". The title is
 * the file's text: its control characters are replaced (a terminal shows this line too).
 */
export function progressText(p: ForecastProgress): string {
  const which = p.name === null ? 'the baseline' : `alternative “${replaceControls(p.name)}”`;
  return `${p.stage} of ${which} (${p.scenario + 1} of ${p.scenarios})`;
}

/**
 * Tells `report` how far a forecast has got, only once it has run PROGRESS_AFTER_MS: at each
 * stage from then on, and every further PROGRESS_AFTER_MS (`poll` is called from the engine's
 * frequent isCancelled checks, between its stages too). `last` is the stage it is in.
 */
export function longRunReporter(report: (progress: ForecastProgress) => void, now: () => number = () => performance.now()): {
  onProgress(progress: ForecastProgress): void;
  poll(): void;
  last(): ForecastProgress | null;
} {
  const started = now();
  let stage: ForecastProgress | null = null;
  let reported = -Infinity;
  const tell = (force: boolean) => {
    const elapsed = now() - started;
    if (!stage || elapsed < PROGRESS_AFTER_MS || (!force && elapsed - reported < PROGRESS_AFTER_MS)) return;
    reported = elapsed;
    report({ ...stage, elapsedMs: elapsed });
  };
  return {
    onProgress(progress) {
      stage = progress;
      tell(true);
    },
    poll: () => tell(false),
    last: () => stage,
  };
}
