// Forecasts off the editing loop, through the protocol: the custom request and notification,
// judgment diagnostics, the stale forecast kept while the file has errors, settings, and
// cancellation (by a newer edit, by $/cancelRequest, by the time budget).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROGRESS_AFTER_MS } from '../../common/progress';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { SAMPLE, longModel, slowModel } from './models';
import { startServer, type TestServer } from './harness';
import { analyze } from '../../server/src/model/analyze';
import { forecast } from '../../server/src/engine/forecast';
import { FORECAST_DEBOUNCE_MS, QUICK_FORECAST_DEBOUNCE_MS } from '../../server/src/session/limits';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ settings: { timeBudgetMs: 120_000 } });
});
afterAll(async () => {
  await server?.stop();
});

const JUDGED = `factor push "A strong push" {
  probability 90%
}

outcome result "The result" {
  base 10%
  push raises decisively
  judged unlikely
}
`;

function probabilityOf(result: { forecast: { outcomes: { name: string; probability: number }[] } | null }, name: string): number {
  const outcome = result.forecast?.outcomes.find((o) => o.name === name);
  if (!outcome) throw new Error(`no forecast for ${name}`);
  return outcome.probability;
}

describe('forecast request and notification', () => {
  it('answers the request with the forecast of the current version', async () => {
    const uri = server.open('request.scenario', SAMPLE);
    const result = await server.forecast(uri);
    expect(result.uri).toBe(uri);
    expect(result.version).toBe(1);
    expect(result.stale).toBe(false);
    expect(result.notice).toBeNull();
    expect(result.forecast!.outcomes.map((o) => o.name)).toEqual(['democracy_push', 'trade_up', 'security_ties']);
    for (const o of result.forecast!.outcomes) {
      expect(o.probability).toBeGreaterThan(0);
      expect(o.probability).toBeLessThan(1);
      expect(o.band[0]).toBeLessThanOrEqual(o.probability);
      expect(o.band[1]).toBeGreaterThanOrEqual(o.probability);
    }
    expect(result.forecast!.alternatives.map((a) => a.name)).toEqual(['Khan released', 'Attack happens']);
  });

  it('computes in the worker exactly what the engine computes in process', async () => {
    const uri = server.open('same.scenario', SAMPLE);
    const result = await server.forecast(uri);
    const local = forecast(analyze(SAMPLE).model);
    expect({ ...result.forecast, elapsedMs: 0 }).toEqual({ ...local, elapsedMs: 0 });
  });

  it('notifies each new forecast, following edits', async () => {
    const uri = server.open('notify.scenario', SAMPLE);
    const first = await server.waitForForecast(uri, (r) => r.version === 1 && r.forecast !== null);
    expect(first.stale).toBe(false);
    server.replace(uri, 'base 20%', 'base 60%');
    const second = await server.waitForForecast(uri, (r) => r.version === 2 && r.forecast !== null);
    expect(second.stale).toBe(false);
    // A higher base can only raise the outcome.
    expect(probabilityOf(second, 'democracy_push')).toBeGreaterThan(probabilityOf(first, 'democracy_push'));
    expect(probabilityOf(second, 'trade_up')).toBeCloseTo(probabilityOf(first, 'trade_up'), 2);
  });

  it('adds judgment warnings once the forecast is in, and asks the client to refresh hints and lenses', async () => {
    const refreshesBefore = server.refreshes.length;
    const uri = server.open('judged.scenario', JUDGED);
    const diagnostics = await server.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'judgment'));
    const judgment = diagnostics.find((d) => d.code === 'judgment')!;
    expect(judgment.severity).toBe(DiagnosticSeverity.Warning);
    expect(judgment.range.start.line).toBe(JUDGED.split('\n').findIndex((l) => l.includes('judged')));
    await server.waitFor(() => (server.refreshes.length > refreshesBefore ? true : undefined), 'a refresh request');
    expect(server.refreshes.slice(refreshesBefore)).toEqual(
      expect.arrayContaining(['workspace/inlayHint/refresh', 'workspace/codeLens/refresh']));

    // Agreeing with the forecast removes the warning once the new forecast is in.
    const forecast = await server.forecast(uri);
    const p = probabilityOf(forecast, 'result');
    expect(p).toBeGreaterThan(0.45);
    server.replace(uri, 'judged unlikely', `judged ${Math.round(p * 100)}%`);
    const version = server.version(uri);
    await server.waitForForecast(uri, (r) => r.version === version && !r.stale);
    const after = await server.waitForVersion(uri, version);
    expect(after.filter((d) => d.code === 'judgment')).toEqual([]);
  });

  it('forecasts anew what does not depend on an error, and keeps the last good numbers of the rest, marked', async () => {
    const uri = server.open('partial.scenario', SAMPLE);
    const good = await server.waitForForecast(uri, (r) => r.version === 1 && r.forecast !== null);
    const at = SAMPLE.indexOf('  judged likely');
    const line = SAMPLE.slice(0, at).split('\n').length;
    server.edit(uri, at, at, '  nowhere raises weakly\n');
    const partial = await server.waitForForecast(uri, (r) => r.version === 2 && r.forecast !== null);
    expect(partial.stale).toBe(false);
    expect(partial.notice).toBe('The file has 1 error; democracy_push, security_ties depend on it and keep their last good numbers; the rest is forecast anew.');
    const byName = new Map(partial.forecast!.outcomes.map((o) => [o.name, o]));
    const before = new Map(good.forecast!.outcomes.map((o) => [o.name, o]));
    expect(byName.get('democracy_push')).toEqual({ ...before.get('democracy_push'), stale: `line ${line} has an error` });
    expect(byName.get('security_ties')!.stale).toBe('depends on democracy_push, which has an error');
    expect(byName.get('trade_up')!.stale).toBeUndefined();
    // Forecast anew from a smaller model: the same number, to rounding (the sums run in another order).
    expect(byName.get('trade_up')!.probability).toBeCloseTo(before.get('trade_up')!.probability, 12);
    expect(partial.forecast!.excluded!.map((e) => e.name)).toEqual(['democracy_push', 'security_ties']);
    // The judged call of an outcome that depends on the error is not checked against old numbers.
    const diagnostics = await server.waitForVersion(uri, 2);
    expect(diagnostics.map((d) => d.code)).toEqual(['unknown-name']);

    server.edit(uri, at, at + '  nowhere raises weakly\n'.length, '');
    const fresh = await server.waitForForecast(uri, (r) => r.version === 3 && r.forecast?.excluded === undefined);
    expect(fresh.notice).toBeNull();
    // The same text and seed give the same numbers to the last digit.
    expect(fresh.forecast!.outcomes).toEqual(good.forecast!.outcomes);
  });

  it('keeps the last good forecast, marked stale, while every outcome depends on an error', async () => {
    const uri = server.open('stale.scenario', SAMPLE);
    const good = await server.waitForForecast(uri, (r) => r.version === 1 && r.forecast !== null);
    server.replace(uri, 'probability almost certain', 'probability 150%');
    const notified = await server.waitForForecast(uri, (r) => r.stale);
    expect(notified.notice).toMatch(/error/);
    const requested = await server.forecast(uri);
    expect(requested.stale).toBe(true);
    expect(requested.version).toBe(1);
    expect(requested.notice).toBe('The file has 1 error; the forecast shown is from the last version without errors.');
    expect(requested.forecast).toEqual(good.forecast);
  });

  it('says why there is no forecast when the file never had one without errors', async () => {
    const uri = server.open('never.scenario', 'factor a {\n  probability 150%\n}\n');
    const result = await server.forecast(uri);
    expect(result.forecast).toBeNull();
    expect(result.stale).toBe(false);
    expect(result.notice).toMatch(/1 error/);
  });

  it('answers for a document that is not open', async () => {
    const result = await server.forecast('file:///not-open.scenario');
    expect(result.forecast).toBeNull();
    expect(result.notice).toMatch(/not open/);
  });

  it('uses scenario.forecast.samples from the settings and re-forecasts when they change', async () => {
    // Too densely connected for exact inference: Monte Carlo, with the samples of the settings.
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'dense.scenario'), 'utf8').replace(/^\s*samples \d+\n/m, '');
    const uri = server.open('samples.scenario', text);
    const before = await server.forecast(uri);
    expect(before.forecast!.method).toBe('monte-carlo');
    expect(before.forecast!.samples).toBe(20000);
    server.setSettings({ timeBudgetMs: 120_000, samples: 2000 });
    const after = await server.waitForForecast(uri, (r) => r.forecast?.samples === 2000);
    expect(after.stale).toBe(false);
    server.setSettings({ timeBudgetMs: 120_000 });
    await server.waitForForecast(uri, (r) => r.forecast?.samples === 20000);
  });
});

describe('cancellation', () => {
  it('cancels a long forecast when a newer edit arrives', async () => {
    const uri = server.open('long.scenario', slowModel());
    await server.pollStats((s) => s.forecasts.running === uri, 'the long forecast to start');
    const stats = await server.debugStats();
    const before = stats.forecasts;
    // No forecast of it has finished: its cost is unknown, so an edit gets the longer debounce.
    expect(stats.forecastDebounceMs[uri]).toBe(FORECAST_DEBOUNCE_MS);
    server.replaceAll(uri, SAMPLE);
    const result = await server.waitForForecast(uri, (r) => r.version === 2 && r.forecast !== null);
    expect(result.forecast!.outcomes).toHaveLength(3);
    const after = await server.debugStats();
    expect(after.forecasts.cancelled).toBeGreaterThan(before.cancelled);
    expect(server.forecasts.filter((f) => f.uri === uri && f.version === 1 && f.forecast)).toEqual([]);
    // The sample's forecast was cheap: the next edit gets the short one.
    expect(after.forecastDebounceMs[uri]).toBe(QUICK_FORECAST_DEBOUNCE_MS);
  });

  it('after a cheap forecast, a newer edit still cancels the long one that started after the short debounce', async () => {
    const uri = server.open('quick-then-long.scenario', SAMPLE);
    await server.waitForForecast(uri, (r) => r.version === 1 && r.forecast !== null);
    expect((await server.debugStats()).forecastDebounceMs[uri]).toBe(QUICK_FORECAST_DEBOUNCE_MS);
    server.replaceAll(uri, slowModel());
    await server.pollStats((s) => s.forecasts.running === uri, 'the long forecast to start');
    const before = (await server.debugStats()).forecasts;
    server.replaceAll(uri, SAMPLE.replace('base 20%', 'base 60%'));
    const result = await server.waitForForecast(uri, (r) => r.version === 3 && r.forecast !== null);
    expect(probabilityOf(result, 'democracy_push')).toBeGreaterThan(0);
    expect((await server.debugStats()).forecasts.cancelled).toBeGreaterThan(before.cancelled);
    expect(server.forecasts.filter((f) => f.uri === uri && f.version === 2 && f.forecast)).toEqual([]);
  });

  it('answers a cancelled forecast request with RequestCancelled', async () => {
    const uri = server.open('cancel-request.scenario', slowModel());
    await server.pollStats((s) => s.forecasts.running === uri, 'the long forecast to start');
    const request = server.cancellableRequest('scenario/forecast', { uri });
    request.cancel();
    await expect(request.result).rejects.toMatchObject({ code: -32800 });
    server.close(uri);
    await server.pollStats((s) => s.forecasts.running !== uri, 'the closed document’s forecast to stop');
  });

  it('answers a request cancelled before it is handled', async () => {
    const uri = server.open('cancel-hover.scenario', SAMPLE);
    const position = { line: SAMPLE.split('\n').findIndex((l) => l.startsWith('factor rapport')), character: 8 };
    const requests = Array.from({ length: 10 }, () => server.cancellableRequest('textDocument/hover', { textDocument: { uri }, position }));
    for (const r of requests) r.cancel();
    const settled = await Promise.allSettled(requests.map((r) => r.result));
    for (const s of settled) {
      if (s.status === 'rejected') expect(s.reason).toMatchObject({ code: -32800 });
    }
    expect(await server.hover(uri, position)).not.toBeNull();
  });
});

describe('limits', () => {
  it('a forecast running long says what it is computing, and its time budget notice says where it stopped', async () => {
    const limited = await startServer({ settings: { timeBudgetMs: 3000 } });
    try {
      // Over 10^9 variable-samples: no machine is done within the budget.
      const uri = limited.open('long.scenario', longModel());
      const result = await limited.waitForForecast(uri, (r) => r.notice !== null);
      const said = limited.progress.filter((p) => p.uri === uri);
      expect(said.length).toBeGreaterThanOrEqual(1);
      expect(said[0]!.elapsedMs).toBeGreaterThanOrEqual(PROGRESS_AFTER_MS);
      expect(said[0]!.text).toMatch(/^(probabilities|bands|swings and signposts|worlds) of the baseline \(1 of 1\)$/);
      expect(said.every((p) => p.version === said[0]!.version)).toBe(true);
      expect(result.notice).toMatch(/time budget \(3000 ms\) and was stopped while computing (probabilities|bands|swings and signposts|worlds) of /);
    } finally {
      await limited.stop();
    }
  });

  it('stops a forecast past its time budget, says why, and forecasts again afterwards', async () => {
    const limited = await startServer({ settings: { timeBudgetMs: 100 } });
    try {
      const uri = limited.open('budget.scenario', slowModel());
      const result = await limited.waitForForecast(uri, (r) => r.notice !== null);
      expect(result.notice).toMatch(/time budget \(100 ms\)/);
      expect(result.forecast).toBeNull();
      expect((await limited.forecast(uri)).notice).toMatch(/time budget/);
      const stats = await limited.debugStats();
      expect(stats.forecasts.terminated).toBeGreaterThanOrEqual(1);
      expect(stats.forecastDebounceMs[uri]).toBe(FORECAST_DEBOUNCE_MS); // a run past its budget is no cheap one

      const small = limited.open('small.scenario', JUDGED);
      const ok = await limited.forecast(small);
      expect(ok.forecast).not.toBeNull();
      expect(ok.notice).toBeNull();
    } finally {
      await limited.stop();
    }
  });
});
