// Runs forecasts in one worker thread, one job at a time, with a memory limit (resourceLimits) and
// a time budget (terminate + fresh worker on the next job). Jobs are keyed by document URI: a new
// job for a key replaces the queued one and cancels the running one, so stale work is dropped.
import { Worker } from 'node:worker_threads';
import type { Forecast } from '../../../common/forecast';
import { type ForecastProgress, progressText } from '../../../common/progress';
import type { EngineModel } from '../engine/types';
import type { ForecastJobMessage, ForecastReplyMessage, ForecastWorkerData } from '../worker/forecastWorker';
import { describeError } from '../util/errors';
import { CANCEL_GRACE_MS } from './limits';

/** How long a worker may take to start (load its bundle) before a job counts as failed. */
const STARTUP_ALLOWANCE_MS = 30_000;

export type ForecastOutcome =
  | { kind: 'done'; forecast: Forecast }
  | { kind: 'cancelled' }
  | { kind: 'failed'; notice: string };

export interface RunnerLimits {
  timeBudgetMs: number;
  memoryLimitMb: number;
}

interface Job {
  id: number;
  key: string;
  model: EngineModel;
  options: ForecastJobMessage['options'];
  resolve: (outcome: ForecastOutcome) => void;
  onProgress?: (progress: ForecastProgress) => void;
}

interface Running {
  job: Job;
  limits: RunnerLimits;
  /** Until the worker reports the job started: start-up allowance; then: the time budget. */
  timer: NodeJS.Timeout;
  graceTimer?: NodeJS.Timeout;
  /** What the worker last said it was computing (a long run only). */
  progress?: ForecastProgress;
}

export interface RunnerStats {
  started: number;
  done: number;
  cancelled: number;
  failed: number;
  /** Workers terminated (time budget, lingering after cancel, settings change). */
  terminated: number;
  /** The key of the running job, or null. */
  running: string | null;
}

export class ForecastRunner {
  private readonly counts = { started: 0, done: 0, cancelled: 0, failed: 0, terminated: 0 };
  private worker: Worker | null = null;
  private workerLimits: RunnerLimits | null = null;
  private readonly cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  private readonly queue = new Map<string, Job>();
  private running: Running | null = null;
  private nextId = 1;
  private disposed = false;

  constructor(
    private readonly workerPath: string,
    private readonly limits: () => RunnerLimits,
    private readonly log: (message: string) => void,
  ) {}

  /** Queues a forecast of `model` under `key`, superseding any earlier job for the same key. */
  run(
    key: string, model: EngineModel, options: ForecastJobMessage['options'], onProgress?: (progress: ForecastProgress) => void,
  ): Promise<ForecastOutcome> {
    this.cancel(key);
    return new Promise((resolve) => {
      if (this.disposed) return resolve({ kind: 'cancelled' });
      this.queue.set(key, { id: this.nextId++, key, model, options, resolve, onProgress });
      this.pump();
    });
  }

  /** Drops the queued job for `key` and stops the running one (flag first, terminate if it lingers). */
  cancel(key: string): void {
    const queued = this.queue.get(key);
    if (queued) {
      this.queue.delete(key);
      queued.resolve({ kind: 'cancelled' });
    }
    const running = this.running;
    if (running && running.job.key === key && !running.graceTimer) {
      Atomics.store(this.cancelFlag, 0, running.job.id);
      running.graceTimer = setTimeout(() => {
        if (this.running === running) this.finish({ kind: 'cancelled' }, true);
      }, CANCEL_GRACE_MS);
    }
  }

  /** Counters for the debug request and the tests. */
  get stats(): RunnerStats {
    return { ...this.counts, running: this.running?.job.key ?? null };
  }

  /** Starts the worker ahead of the first forecast, so that one does not wait for it. */
  warm(): void {
    if (this.disposed || this.worker) return;
    try {
      this.workerFor(this.limits());
    } catch (error) {
      this.log(`forecast worker could not start: ${describeError(error)}`);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const key of [...this.queue.keys()]) this.cancel(key);
    if (this.running) this.finish({ kind: 'cancelled' }, true);
    void this.worker?.terminate();
    this.worker = null;
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const next = this.queue.values().next();
    if (next.done) return;
    const job = next.value;
    this.queue.delete(job.key);
    const limits = this.limits();
    let worker: Worker;
    try {
      worker = this.workerFor(limits);
    } catch (error) {
      job.resolve({ kind: 'failed', notice: `The forecast engine could not start: ${describeError(error)}` });
      return this.pump();
    }
    const timer = setTimeout(() => {
      this.finish({ kind: 'failed', notice: 'The forecast engine did not start in time.' }, true);
    }, STARTUP_ALLOWANCE_MS + limits.timeBudgetMs);
    this.running = { job, limits, timer };
    this.counts.started++;
    const message: ForecastJobMessage = { id: job.id, model: job.model, options: job.options };
    try {
      worker.postMessage(message);
    } catch (error) {
      this.finish({ kind: 'failed', notice: `The model could not be sent to the forecast engine: ${describeError(error)}` }, true);
    }
  }

  /** The live worker, or a new one when there is none or the limits changed. */
  private workerFor(limits: RunnerLimits): Worker {
    if (this.worker && this.workerLimits?.memoryLimitMb === limits.memoryLimitMb) return this.worker;
    void this.worker?.terminate();
    const data: ForecastWorkerData = { cancelFlag: this.cancelFlag.buffer as SharedArrayBuffer };
    const worker = new Worker(this.workerPath, {
      workerData: data,
      resourceLimits: {
        maxOldGenerationSizeMb: limits.memoryLimitMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(limits.memoryLimitMb / 8))),
        stackSizeMb: 4,
      },
      stdout: false,
      stderr: false,
    });
    worker.on('message', (reply: ForecastReplyMessage) => this.onReply(worker, reply));
    worker.on('error', (error: Error & { code?: string }) => this.onWorkerGone(worker, limits, error));
    worker.on('exit', (code) => this.onWorkerGone(worker, limits, new Error(`exit code ${code}`)));
    worker.unref();
    this.worker = worker;
    this.workerLimits = limits;
    return worker;
  }

  private onReply(worker: Worker, reply: ForecastReplyMessage): void {
    const running = this.running;
    if (worker !== this.worker || !running || running.job.id !== reply.id) return;
    if (reply.kind === 'started') {
      clearTimeout(running.timer);
      running.timer = setTimeout(() => {
        if (this.running !== running) return;
        const where = running.progress ? ` while computing ${progressText(running.progress)}` : '';
        this.finish({
          kind: 'failed',
          notice: `The forecast took longer than its time budget (${running.limits.timeBudgetMs} ms) and was stopped${where}. ` +
            'Lower `samples` or raise the setting scenario.forecast.timeBudgetMs.',
        }, true);
      }, running.limits.timeBudgetMs);
    } else if (reply.kind === 'progress') {
      running.progress = reply.progress;
      running.job.onProgress?.(reply.progress);
    } else if (reply.kind === 'done') this.finish({ kind: 'done', forecast: reply.forecast }, false);
    else if (reply.kind === 'cancelled') this.finish({ kind: 'cancelled' }, false);
    else this.finish({ kind: 'failed', notice: `The forecast failed: ${reply.message}` }, false);
  }

  private onWorkerGone(worker: Worker, limits: RunnerLimits, error: Error & { code?: string }): void {
    if (worker !== this.worker) return;
    this.worker = null;
    if (!this.running) return;
    const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
    this.log(`forecast worker stopped: ${describeError(error)}`);
    this.finish({
      kind: 'failed',
      notice: outOfMemory
        ? `The forecast ran out of memory (limit ${limits.memoryLimitMb} MB). Lower \`samples\` or raise ` +
          'the setting scenario.forecast.memoryLimitMb.'
        : `The forecast engine stopped unexpectedly (${describeError(error)}).`,
    }, false);
  }

  private finish(outcome: ForecastOutcome, terminate: boolean): void {
    const running = this.running;
    if (!running) return;
    this.running = null;
    clearTimeout(running.timer);
    if (running.graceTimer) clearTimeout(running.graceTimer);
    if (terminate && this.worker) {
      const worker = this.worker;
      this.worker = null;
      this.counts.terminated++;
      void worker.terminate();
    }
    this.counts[outcome.kind]++;
    running.job.resolve(outcome);
    this.pump();
  }
}
