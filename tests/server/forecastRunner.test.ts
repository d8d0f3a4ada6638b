// The forecast runner's limits, with stand-in worker scripts that misbehave on purpose (the real
// worker is covered through the protocol in forecast.test.ts): memory exhaustion, running past the
// time budget, ignoring cancellation, crashing. After each, the next job runs in a fresh worker.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ForecastRunner, type RunnerLimits } from '../../server/src/session/forecastRunner';
import type { EngineModel } from '../../server/src/engine/types';

/** A worker that follows the real protocol; `behaviour` is the job's `model.kind` (a test-only field). */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const flag = new Int32Array(workerData.cancelFlag);
parentPort.on('message', (job) => {
  parentPort.postMessage({ id: job.id, kind: 'started' });
  const behaviour = job.model.behaviour;
  if (behaviour === 'ok') return parentPort.postMessage({ id: job.id, kind: 'done', forecast: { title: 'ok ' + job.id } });
  if (behaviour === 'throw') return parentPort.postMessage({ id: job.id, kind: 'failed', message: 'engine bug' });
  if (behaviour === 'crash') process.exit(3);
  if (behaviour === 'memory') { const hoard = []; for (;;) hoard.push(new Array(1e6).fill(Math.PI)); }
  if (behaviour === 'cooperative') {
    for (;;) if (Atomics.load(flag, 0) === job.id) return parentPort.postMessage({ id: job.id, kind: 'cancelled' });
  }
  if (behaviour === 'stubborn') for (;;) {}
});
`;

let dir: string;
let workerPath: string;
let runner: ForecastRunner | null = null;
const logs: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scenario-runner-'));
  workerPath = join(dir, 'worker.js');
  writeFileSync(workerPath, WORKER);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  runner?.dispose();
  runner = null;
});

function start(limits: RunnerLimits): ForecastRunner {
  runner = new ForecastRunner(workerPath, () => limits, (m) => logs.push(m));
  return runner;
}

const job = (behaviour: string) => ({ behaviour }) as unknown as EngineModel;

describe('forecast runner', () => {
  it('runs jobs and returns their forecasts', async () => {
    const r = start({ timeBudgetMs: 10_000, memoryLimitMb: 64 });
    const outcome = await r.run('a', job('ok'), {});
    expect(outcome).toMatchObject({ kind: 'done', forecast: { title: expect.stringMatching(/^ok \d+$/) } });
    expect(await r.run('b', job('throw'), {})).toEqual({ kind: 'failed', notice: 'The forecast failed: engine bug' });
    expect(r.stats).toMatchObject({ started: 2, done: 1, failed: 1, running: null });
  });

  it('turns running out of memory into a notice and recovers', async () => {
    const r = start({ timeBudgetMs: 60_000, memoryLimitMb: 32 });
    const outcome = await r.run('a', job('memory'), {});
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && outcome.notice).toMatch(/ran out of memory \(limit 32 MB\)/);
    expect((await r.run('a', job('ok'), {})).kind).toBe('done');
  });

  it('stops a job past its time budget and recovers', async () => {
    const r = start({ timeBudgetMs: 150, memoryLimitMb: 64 });
    const outcome = await r.run('a', job('stubborn'), {});
    expect(outcome.kind === 'failed' && outcome.notice).toMatch(/time budget \(150 ms\)/);
    expect(r.stats.terminated).toBe(1);
    expect((await r.run('a', job('ok'), {})).kind).toBe('done');
  });

  it('cancels through the shared flag when the engine polls it', async () => {
    const r = start({ timeBudgetMs: 60_000, memoryLimitMb: 64 });
    const first = r.run('a', job('cooperative'), {});
    await waitUntil(() => r.stats.running === 'a');
    const second = r.run('a', job('ok'), {});
    expect(await first).toEqual({ kind: 'cancelled' });
    expect((await second).kind).toBe('done');
    expect(r.stats.terminated).toBe(0);
  });

  it('terminates a job that ignores cancellation', async () => {
    const r = start({ timeBudgetMs: 60_000, memoryLimitMb: 64 });
    const first = r.run('a', job('stubborn'), {});
    await waitUntil(() => r.stats.running === 'a');
    r.cancel('a');
    expect(await first).toEqual({ kind: 'cancelled' });
    expect(r.stats.terminated).toBe(1);
    expect((await r.run('a', job('ok'), {})).kind).toBe('done');
  });

  it('replaces a queued job of the same document and keeps other documents’ jobs', async () => {
    const r = start({ timeBudgetMs: 60_000, memoryLimitMb: 64 });
    const running = r.run('a', job('cooperative'), {});
    await waitUntil(() => r.stats.running === 'a');
    const queuedB = r.run('b', job('ok'), {});
    const queuedC1 = r.run('c', job('ok'), {});
    const queuedC2 = r.run('c', job('ok'), {});
    expect(await queuedC1).toEqual({ kind: 'cancelled' });
    r.cancel('a');
    expect(await running).toEqual({ kind: 'cancelled' });
    expect((await queuedB).kind).toBe('done');
    expect((await queuedC2).kind).toBe('done');
  });

  it('survives a worker that exits', async () => {
    const r = start({ timeBudgetMs: 60_000, memoryLimitMb: 64 });
    const outcome = await r.run('a', job('crash'), {});
    expect(outcome.kind === 'failed' && outcome.notice).toMatch(/stopped unexpectedly/);
    expect((await r.run('a', job('ok'), {})).kind).toBe('done');
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2_000 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}
