// The forecast worker (bundled as dist/forecastWorker.js): runs forecast() off the server's main
// loop, inside a worker_threads Worker that the server (session/forecastRunner.ts) starts with
// resourceLimits and a time budget. The thread host lives here, outside the pure engine. Cancellation: the server writes the id of the job to cancel into a shared Int32Array,
// which forecast() polls through options.isCancelled.
import { parentPort, workerData } from 'node:worker_threads';
import type { Forecast } from '../../../common/forecast';
import { type ForecastProgress, longRunReporter } from '../../../common/progress';
import { ForecastCancelled } from '../engine/cancel';
import { forecast } from '../engine/forecast';
import type { EngineModel, ForecastOptions } from '../engine/types';
import { describeError } from '../util/errors';

export interface ForecastWorkerData {
  /** Int32Array over a SharedArrayBuffer: slot 0 holds the id of a job to cancel. */
  cancelFlag: SharedArrayBuffer;
}

export interface ForecastJobMessage {
  id: number;
  model: EngineModel;
  options: Pick<ForecastOptions, 'samples' | 'seed'>;
}

export type ForecastReplyMessage =
  | { id: number; kind: 'started' }
  | { id: number; kind: 'progress'; progress: ForecastProgress }
  | { id: number; kind: 'done'; forecast: Forecast }
  | { id: number; kind: 'cancelled' }
  | { id: number; kind: 'failed'; message: string };

function runJob(job: ForecastJobMessage, flag: Int32Array, report: (reply: ForecastReplyMessage) => void): ForecastReplyMessage {
  // Only a forecast that runs long says how far it has got (common/progress.ts).
  const progress = longRunReporter((p) => report({ id: job.id, kind: 'progress', progress: p }));
  try {
    const result = forecast(job.model, {
      ...job.options,
      isCancelled: () => {
        progress.poll();
        return Atomics.load(flag, 0) === job.id;
      },
      onProgress: progress.onProgress,
    });
    return { id: job.id, kind: 'done', forecast: result };
  } catch (error) {
    if (error instanceof ForecastCancelled) return { id: job.id, kind: 'cancelled' };
    return { id: job.id, kind: 'failed', message: describeError(error) };
  }
}

if (parentPort) {
  const port = parentPort;
  const flag = new Int32Array((workerData as ForecastWorkerData).cancelFlag);
  port.on('message', (job: ForecastJobMessage) => {
    // The time budget counts from here, not from the worker's start-up.
    port.postMessage({ id: job.id, kind: 'started' } satisfies ForecastReplyMessage);
    port.postMessage(runJob(job, flag, (reply) => port.postMessage(reply)));
  });
}
