import { describe, expect, it } from 'vitest';
import { checkProse, proseModelOf } from '../../server/src/prose/check';
import { OPED } from './oped';

const apply = (text: string, fix: { start: number; end: number; newText: string }) => text.slice(0, fix.start) + fix.newText + text.slice(fix.end);
const MODEL = proseModelOf({ outcomes: [{ name: 'trade_up', label: 'US–Pakistan trade grows', probability: 0.7 }] });

describe('prose checks', () => {
  it('offers the ICD 203 phrases for a hedge, keeping the verb: "is expected to" → "is likely to", "may" → "is likely to"', () => {
    const text = 'President Trump is expected to continue this tough policy. The US may adopt a new approach.';
    const [expected, may] = checkProse(text, null).diagnostics;
    expect(expected!.fixes.map((f) => apply(text, f).split('.')[0])).toContain('President Trump is likely to continue this tough policy');
    expect(expected!.fixes.map((f) => apply(text, f).split('.')[0])).toContain('President Trump has almost no chance to continue this tough policy');
    expect(may!.fixes.map((f) => apply(text, f))).toContain('President Trump is expected to continue this tough policy. The US is unlikely to adopt a new approach.');
    expect(expected!.fixes.length).toBe(7);
  });

  it('puts the model\'s phrase first when the sentence mentions an outcome', () => {
    const text = 'It is expected that `trade_up` may happen.';
    const [hedge] = checkProse(text, MODEL).diagnostics;
    expect(hedge!.fixes[0]).toMatchObject({ preferred: true, title: expect.stringContaining("'likely'") });
    expect(hedge!.message).toContain('forecasts `trade_up` at 70% (likely)');
  });

  it('reads negation before it compares with the forecast: "not likely" contradicts 70%, "not unlikely" does not', () => {
    const contradicted = checkProse('US-Pakistan trade grows is not likely.', MODEL).diagnostics;
    expect(contradicted.map((d) => d.code)).toEqual(['prose-contradiction']);
    expect(apply('US-Pakistan trade grows is not likely.', contradicted[0]!.fixes[0]!)).toBe('US-Pakistan trade grows is likely.');
    expect(checkProse('`trade_up` is not unlikely.', MODEL).diagnostics).toEqual([]);
    expect(checkProse('`trade_up` is likely.', MODEL).diagnostics).toEqual([]);
  });

  it('finds no contradiction without a model, and says so for a text too large to check', () => {
    expect(checkProse('`trade_up` is very unlikely.', null).diagnostics).toEqual([]);
    expect(checkProse('x'.repeat(2_000_001), null).notice).toMatch(/too large/);
  });

  it('flags each of the op-ed\'s hedges and nothing else', () => {
    const ds = checkProse(OPED, null).diagnostics;
    expect(ds.length).toBe(11);
    expect(new Set(ds.map((d) => d.code))).toEqual(new Set(['prose-hedge']));
  });
});
