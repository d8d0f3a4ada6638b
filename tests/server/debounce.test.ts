// The session's forecast debounce (server/src/session/debounce.ts), on a runner the test drives
// and fake timers: after a cheap forecast an edit is forecast after the short quiet time, after an
// expensive or failed one (or before any finished) after the longer one. The protocol tests
// (forecast.test.ts) check the same choice, and cancellation, on the real server.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Session, type ForecastRunnerLike, type SessionHost } from '../../server/src/session/session';
import type { ForecastOutcome } from '../../server/src/session/forecastRunner';
import { CHEAP_FORECAST_MS, FORECAST_DEBOUNCE_MS, QUICK_FORECAST_DEBOUNCE_MS } from '../../server/src/session/limits';
import { DEFAULT_SETTINGS } from '../../server/src/session/settings';
import { forecast } from '../../server/src/engine/forecast';
import type { EngineModel } from '../../server/src/engine/types';
import { SAMPLE } from './models';

const URI = 'untitled:debounce.scenario';

interface Run { model: EngineModel; settle: (outcome: ForecastOutcome) => void }

function drivenSession() {
  const runs: Run[] = [];
  const runner: ForecastRunnerLike = {
    run: (_key, model) => new Promise((settle) => runs.push({ model, settle })),
    cancel: () => {},
    dispose: () => {},
  };
  const host: SessionHost = { publishDiagnostics() {}, clearDiagnostics() {}, forecastReady() {}, refreshViews() {}, log() {} };
  const session = new Session(host, runner, () => DEFAULT_SETTINGS);
  let version = 1;
  let base = 20;
  return {
    runs,
    session,
    /** Opens the document and lets its check and first forecast (at once) start. */
    open: async () => {
      session.open(URI, version, SAMPLE);
      await vi.advanceTimersByTimeAsync(1);
    },
    /** An edit that changes a number (a new version to forecast). */
    edit: () => session.change(URI, ++version, [{ text: SAMPLE.replace('base 20%', `base ${++base}%`) }]),
    /** Finishes the latest run as if the engine had taken `elapsedMs`. */
    finish: async (elapsedMs: number) => {
      const run = runs.at(-1)!;
      run.settle({ kind: 'done', forecast: { ...forecast(run.model), elapsedMs } });
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** How many runs start in the first `quick` ms after an edit, and how many by the longer debounce. */
async function runsAfterEdit(d: ReturnType<typeof drivenSession>): Promise<[number, number]> {
  const before = d.runs.length;
  d.edit();
  await vi.advanceTimersByTimeAsync(QUICK_FORECAST_DEBOUNCE_MS);
  const quick = d.runs.length - before;
  await vi.advanceTimersByTimeAsync(FORECAST_DEBOUNCE_MS - QUICK_FORECAST_DEBOUNCE_MS);
  return [quick, d.runs.length - before];
}

describe('forecast debounce', () => {
  it('the first forecast starts at once', async () => {
    const d = drivenSession();
    await d.open();
    expect(d.runs).toHaveLength(1);
  });

  it('after a cheap forecast: the short quiet time', async () => {
    const d = drivenSession();
    await d.open();
    await d.finish(CHEAP_FORECAST_MS);
    expect(await runsAfterEdit(d)).toEqual([1, 1]);
    expect(d.session.forecastDebounces()).toEqual({ [URI]: QUICK_FORECAST_DEBOUNCE_MS });
  });

  it('after an expensive forecast: the longer one; cheap again: short again', async () => {
    const d = drivenSession();
    await d.open();
    await d.finish(CHEAP_FORECAST_MS + 1);
    expect(await runsAfterEdit(d)).toEqual([0, 1]);
    await d.finish(1);
    expect(await runsAfterEdit(d)).toEqual([1, 1]);
  });

  it('while nothing has finished, and after a failed run: the longer one', async () => {
    const d = drivenSession();
    await d.open();
    expect(await runsAfterEdit(d)).toEqual([0, 1]); // the first run was superseded unfinished
    d.runs.at(-1)!.settle({ kind: 'failed', notice: 'The forecast took longer than its time budget.' });
    await vi.advanceTimersByTimeAsync(0);
    expect(await runsAfterEdit(d)).toEqual([0, 1]);
  });

  it('a burst of edits within the quiet time starts one run, of the latest version', async () => {
    const d = drivenSession();
    await d.open();
    await d.finish(1);
    for (let i = 0; i < 5; i++) {
      d.edit();
      await vi.advanceTimersByTimeAsync(QUICK_FORECAST_DEBOUNCE_MS / 2);
    }
    await vi.advanceTimersByTimeAsync(QUICK_FORECAST_DEBOUNCE_MS);
    expect(d.runs).toHaveLength(2);
    expect(d.session.forecastResult(URI).version).toBe(1);
    await d.finish(1);
    expect(d.session.forecastResult(URI)).toMatchObject({ version: 6, stale: false });
  });
});
