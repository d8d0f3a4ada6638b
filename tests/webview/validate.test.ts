// parseToPage / parsePageState: every field checked, clean copies out, anything odd → null.
import { describe, expect, it } from 'vitest';
import { parsePageState, parseToPage } from '../../client/webview/validate';
import { URI, forecastMessage, sampleForecast } from './fixtures';

describe('parseToPage', () => {
  it('accepts a real forecast message and returns an equal, separate copy', () => {
    const message = forecastMessage(sampleForecast(), { stale: true, notice: 'Line 2: expected a name.', locked: false });
    const parsed = parseToPage(structuredClone(message));
    expect(parsed).toEqual(message);
    expect(parsed).not.toBe(message);
    expect(parseToPage(forecastMessage(null))).toEqual(forecastMessage(null));
    expect(parseToPage({ type: 'theme', kind: 'high-contrast-light' })).toEqual({ type: 'theme', kind: 'high-contrast-light' });
  });

  it('drops fields it does not know, at every level', () => {
    const message = forecastMessage(sampleForecast()) as any;
    message.extra = 'x';
    message.forecast.engineVersion = 2;
    message.forecast.outcomes[0].debug = { big: true };
    const parsed = parseToPage(message) as any;
    expect(parsed.extra).toBeUndefined();
    expect(parsed.forecast.engineVersion).toBeUndefined();
    expect(parsed.forecast.outcomes[0].debug).toBeUndefined();
    expect(parsed.forecast.outcomes[0].probability).toBe(0.6312);
  });

  it('copies world keys as own data, so "__proto__" pollutes nothing', () => {
    const message = forecastMessage(sampleForecast()) as any;
    message.forecast.worlds[0].outcomes = JSON.parse('{"__proto__": true, "trade_up": false}');
    const parsed = parseToPage(message);
    const outcomes = parsed?.type === 'forecast' ? parsed.forecast!.worlds[0]!.outcomes : null;
    expect(Object.getPrototypeOf(outcomes)).toBe(Object.prototype);
    expect(Object.keys(outcomes!)).toEqual(['__proto__', 'trade_up']);
    expect(({} as any).trade_up).toBeUndefined();
  });

  const mutate = (edit: (m: any) => void) => {
    const m = structuredClone(forecastMessage(sampleForecast())) as any;
    edit(m);
    return m;
  };
  const cases: [string, unknown][] = [
    ['null', null],
    ['a string', 'forecast'],
    ['an array', [forecastMessage(sampleForecast())]],
    ['an unknown type', { type: 'reveal', uri: URI, name: 'x' }],
    ['a URI that is not a string', mutate((m) => (m.uri = 3))],
    ['a URI too long', mutate((m) => (m.uri = 'f'.repeat(5000)))],
    ['no file name', mutate((m) => delete m.fileName)],
    ['a fractional version', mutate((m) => (m.version = 1.5))],
    ['an undefined forecast', mutate((m) => delete m.forecast)],
    ['a notice that is a number', mutate((m) => (m.notice = 1))],
    ['locked that is a string', mutate((m) => (m.locked = 'true'))],
    ['a probability above 1', mutate((m) => (m.forecast.outcomes[0].probability = 1.01))],
    ['a negative probability', mutate((m) => (m.forecast.inputs[0].probability = -0.1))],
    ['Infinity points', mutate((m) => (m.forecast.outcomes[0].swing[0].points = Infinity))],
    ['a band of three', mutate((m) => (m.forecast.outcomes[0].band = [0.1, 0.2, 0.3]))],
    ['a reversed range', mutate((m) => (m.forecast.inputs[0].range = [0.9, 0.1]))],
    ['judged without agrees', mutate((m) => delete m.forecast.outcomes[0].judged.agrees)],
    ['a delta that is a string', mutate((m) => (m.forecast.alternatives[0].outcomes[0].delta = '+15'))],
    ['a world value that is a number', mutate((m) => (m.forecast.worlds[0].outcomes.trade_up = 0))],
    ['an unknown kind', mutate((m) => (m.forecast.inputs[0].kind = 'trend'))],
    ['a resolution that is not a day', mutate((m) => (m.forecast.outcomes[0].resolved = { value: true, date: 'soon' }))],
    ['a resolution without its value', mutate((m) => (m.forecast.inputs[0].resolved = { date: '2025-01-01' }))],
    ['notes that are not a list', mutate((m) => (m.forecast.inputs[0].notes = 'note'))],
    ['an unknown method', mutate((m) => (m.forecast.method = 'guess'))],
    ['negative samples', mutate((m) => (m.forecast.samples = -5))],
    ['a horizon without an end', mutate((m) => delete m.forecast.horizon.to)],
    ['a question that is a number', mutate((m) => (m.forecast.question = 42))],
    ['a title that is an object', mutate((m) => (m.forecast.title = { toString: () => 'x' }))],
    ['an alternative without worlds', mutate((m) => delete m.forecast.alternatives[0].worlds)],
    ['an unknown theme kind', { type: 'theme', kind: 'solarized' }],
    ['an alternative without assumptions', mutate((m) => delete m.forecast.alternatives[0].assumptions)],
    ['an assumption without text', mutate((m) => delete m.forecast.alternatives[0].assumptions[0].text)],
    ['errors with a negative line', { type: 'errors', uri: URI, total: 1, errors: [{ line: -1, character: 0, code: null, message: 'x' }] }],
    ['errors with a fractional character', { type: 'errors', uri: URI, total: 1, errors: [{ line: 1, character: 0.5, code: null, message: 'x' }] }],
    ['errors counted fewer than listed', { type: 'errors', uri: URI, total: 0, errors: [{ line: 1, character: 0, code: null, message: 'x' }] }],
    ['more errors than the page lists', { type: 'errors', uri: URI, total: 30, errors: Array.from({ length: 21 }, () => ({ line: 1, character: 0, code: null, message: 'x' })) }],
    ['a cursor without a name field', { type: 'cursor', uri: URI }],
    ['a cursor name that is not a name', { type: 'cursor', uri: URI, name: 'a b' }],
  ];
  it.each(cases)('refuses %s', (_, value) => {
    expect(parseToPage(value)).toBeNull();
  });
});

describe('errors and cursor messages', () => {
  it('accepts them and returns clean copies', () => {
    const errors = { type: 'errors', uri: URI, total: 3, errors: [{ line: 4, character: 2, code: 'syntax', message: 'expected a probability', extra: 1 }] };
    expect(parseToPage(errors)).toEqual({ type: 'errors', uri: URI, total: 3, errors: [{ line: 4, character: 2, code: 'syntax', message: 'expected a probability' }] });
    expect(parseToPage({ type: 'cursor', uri: URI, name: 'rapport' })).toEqual({ type: 'cursor', uri: URI, name: 'rapport' });
    expect(parseToPage({ type: 'cursor', uri: URI, name: null })).toEqual({ type: 'cursor', uri: URI, name: null });
  });
});

describe('parsePageState', () => {
  it('accepts a saved state and refuses anything else', () => {
    const state = { uri: URI, selectedOutcome: 'trade_up', locked: true };
    expect(parsePageState(state)).toEqual(state);
    expect(parsePageState({ ...state, selectedOutcome: null })).toEqual({ ...state, selectedOutcome: null });
    expect(parsePageState(undefined)).toBeNull();
    expect(parsePageState({ uri: URI, selectedOutcome: 3, locked: true })).toBeNull();
    expect(parsePageState({ uri: URI, selectedOutcome: null })).toBeNull();
  });
});
