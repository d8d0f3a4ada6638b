// The forecast worker (bundled as dist/forecastWorker.js): runs forecast() off the server's main
// loop, inside a worker_threads Worker that the server starts with resourceLimits and a time
// budget. Cancellation: the server writes the id of the job to cancel into a shared Int32Array,
// which forecast() polls through options.isCancelled.
import { parentPort, workerData } from 'node:worker_threads';
import { forecast } from './forecast';
import type { Forecast } from '../../../common/forecast';
import { ForecastCancelled, type ForecastOptions } from './types';
import type { ResolvedModel } from '../model/types';

export interface ForecastWorkerData {
  /** Int32Array over a SharedArrayBuffer: slot 0 holds the id of a job to cancel. */
  cancelFlag: SharedArrayBuffer;
}

export interface ForecastJobMessage {
  id: number;
  model: ResolvedModel;
  options: Pick<ForecastOptions, 'samples' | 'seed'>;
}

export type ForecastReplyMessage =
  | { id: number; kind: 'started' }
  | { id: number; kind: 'done'; forecast: Forecast }
  | { id: number; kind: 'cancelled' }
  | { id: number; kind: 'failed'; message: string };

function runJob(job: ForecastJobMessage, flag: Int32Array): ForecastReplyMessage {
  try {
    const result = forecast(job.model, {
      ...job.options,
      isCancelled: () => Atomics.load(flag, 0) === job.id,
    });
    return { id: job.id, kind: 'done', forecast: result };
  } catch (error) {
    if (error instanceof ForecastCancelled) return { id: job.id, kind: 'cancelled' };
    return { id: job.id, kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

if (parentPort) {
  const port = parentPort;
  const flag = new Int32Array((workerData as ForecastWorkerData).cancelFlag);
  port.on('message', (job: ForecastJobMessage) => {
    // The time budget counts from here, not from the worker's start-up.
    port.postMessage({ id: job.id, kind: 'started' } satisfies ForecastReplyMessage);
    port.postMessage(runJob(job, flag));
  });
}
