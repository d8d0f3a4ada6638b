// How the CLI runs a long forecast (issue 15, point 3): `--time-limit SECONDS` stops it cleanly,
// with a message that says what it was computing, and `progress` is told how far it has got once
// it runs long (the terminal shows it on stderr, see cli.ts).
import { type ForecastProgress, longRunReporter, progressText } from '../../../common/progress';
import { ForecastCancelled } from '../engine/cancel';
import type { ForecastOptions } from '../engine/types';
import { monotonicMs } from '../util/clock';

export interface RunControl {
  /** Stop the forecast after this many seconds. */
  timeLimitSeconds?: number;
  /** Told how far a forecast running long has got. */
  progress?: (progress: ForecastProgress) => void;
}

export interface ControlledRun {
  options: Pick<ForecastOptions, 'isCancelled' | 'onProgress'>;
  /** The one line for a forecast the time limit stopped; null for any other error. */
  stoppedBecause(error: unknown): string | null;
}

export function controlledRun(control: RunControl = {}, now: () => number = monotonicMs): ControlledRun {
  const started = now();
  const limitMs = control.timeLimitSeconds === undefined ? Infinity : control.timeLimitSeconds * 1000;
  const reporter = longRunReporter((p) => control.progress?.(p), now);
  return {
    options: {
      isCancelled: () => {
        reporter.poll();
        return now() - started > limitMs;
      },
      onProgress: reporter.onProgress,
    },
    stoppedBecause(error) {
      if (!(error instanceof ForecastCancelled)) return null;
      const last = reporter.last();
      return `stopped at the time limit (--time-limit ${control.timeLimitSeconds}) while computing ${last ? progressText(last) : 'the forecast'}; ` +
        'raise --time-limit, or lower --samples';
    },
  };
}
