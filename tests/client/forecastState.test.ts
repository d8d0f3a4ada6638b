import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../common/forecast';
import { emptyResult, mergeResult, sameResult, type ForecastResult } from '../../client/src/preview/forecastState';

const forecast = (elapsedMs: number): Forecast => ({
  title: 't', question: null, horizon: null, samples: 20000, seed: 1, method: 'exact', worldsMethod: 'exact',
  outcomes: [], inputs: [], worlds: [], alternatives: [], elapsedMs,
});
const uri = 'file:///a.scenario';
const result = (version: number, f: Forecast | null, extra: Partial<ForecastResult> = {}): ForecastResult => ({
  uri, version, forecast: f, stale: false, notice: null, ...extra,
});

describe('mergeResult', () => {
  it('takes a new forecast as it is', () => {
    const next = result(2, forecast(2));
    expect(mergeResult(result(1, forecast(1)), next)).toBe(next);
  });

  it('keeps the last good forecast, marked stale with a notice, while the file does not parse', () => {
    const good = forecast(1);
    const merged = mergeResult(result(1, good), result(2, null));
    expect(merged.forecast).toBe(good);
    expect(merged.stale).toBe(true);
    expect(merged.version).toBe(2);
    expect(merged.notice).toMatch(/errors/);
    expect(mergeResult(result(1, good), result(3, null, { notice: 'Expected a probability on line 4' })).notice).toBe('Expected a probability on line 4');
  });

  it('does not carry a forecast over to another document', () => {
    const next = { ...result(1, null), uri: 'file:///b.scenario' };
    expect(mergeResult(result(1, forecast(1)), next).forecast).toBeNull();
  });
});

describe('sameResult', () => {
  it('is true for the same version and state, false when anything shown changes', () => {
    const f = forecast(1);
    expect(sameResult(result(1, f), result(1, f))).toBe(true);
    expect(sameResult(result(1, f), result(2, f))).toBe(false);
    expect(sameResult(result(1, f), result(1, f, { stale: true }))).toBe(false);
    expect(sameResult(result(1, f), result(1, f, { notice: 'time budget' }))).toBe(false);
    expect(sameResult(result(1, f), result(1, forecast(5)))).toBe(false);
    expect(sameResult(result(1, f), result(1, null))).toBe(false);
    expect(sameResult(emptyResult(uri, 1, 'x'), emptyResult('file:///b.scenario', 1, 'x'))).toBe(false);
  });
});
