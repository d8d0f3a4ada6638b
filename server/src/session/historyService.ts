// The editor's history requests (commits, history, compare), run by one long-lived worker thread
// (worker/historyWorker.ts) so that neither git's output nor the forecasts of 200 versions or a
// diff's mixed models ever block typing. Each job has a time limit: past it, the worker is ended
// (its cache with it) and the job answers with a notice; a worker that dies answers every job it
// held the same way, and the next job starts a new one. Never throws.
import { Worker } from 'node:worker_threads';
import { describeError } from '../util/errors';
import type { HistoryJob, HistoryReply } from '../worker/historyWorker';

type JobInput = HistoryJob extends infer J ? (J extends HistoryJob ? Omit<J, 'id'> : never) : never;

export interface HistoryServiceOptions {
  /** Milliseconds a job may take (default 60 s). */
  timeoutMs?: number;
  /** The worker's heap limit in MB (default 1,024). */
  maxOldGenerationSizeMb?: number;
}

interface Pending {
  resolve(value: unknown): void;
  timer: NodeJS.Timeout;
}

export class HistoryService {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Jobs answered and workers started, for the debug request. */
  readonly stats = { jobs: 0, workers: 0, timeouts: 0 };

  constructor(private readonly workerPath: string, private readonly log: (message: string) => void, private readonly options: HistoryServiceOptions = {}) {}

  /** Runs a job; resolves with its result, or with `failed(notice)` when it fails or takes too long. */
  run<R>(job: JobInput, failed: (notice: string) => R): Promise<R> {
    const id = this.nextId++;
    return new Promise<R>((resolve) => {
      let worker: Worker;
      try {
        worker = this.ensureWorker();
      } catch (error) {
        resolve(failed(`the history worker could not start: ${describeError(error)}`));
        return;
      }
      const timeoutMs = this.options.timeoutMs ?? 60_000;
      const timer = setTimeout(() => {
        this.stats.timeouts++;
        this.pending.delete(id);
        resolve(failed(`the history took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`));
        this.stopWorker('a job took too long');
      }, timeoutMs);
      this.pending.set(id, {
        timer,
        resolve: (reply) => {
          const r = reply as HistoryReply;
          resolve(r.error !== undefined ? failed(r.error) : (r.result as R));
        },
      });
      worker.postMessage({ ...job, id });
    });
  }

  dispose(): void {
    this.stopWorker('the server is shutting down');
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxOldGenerationSizeMb ?? 1024 },
    });
    this.stats.workers++;
    worker.unref();
    worker.on('message', (reply: HistoryReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      clearTimeout(p.timer);
      this.stats.jobs++;
      p.resolve(reply);
    });
    worker.on('error', (error) => this.onGone(worker, `the history worker failed: ${describeError(error)}`));
    worker.on('exit', () => this.onGone(worker, 'the history worker stopped'));
    this.worker = worker;
    return worker;
  }

  private onGone(worker: Worker, why: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.log(why);
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.resolve({ id, error: why } satisfies HistoryReply);
    }
    this.pending.clear();
  }

  private stopWorker(why: string): void {
    const worker = this.worker;
    if (!worker) return;
    this.onGone(worker, `history worker ended: ${why}`);
    void worker.terminate();
  }
}
