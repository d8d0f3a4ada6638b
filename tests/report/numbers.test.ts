// The number formats (common/text/numbers.ts): one rule for computed probabilities, exact and
// Monte Carlo, bands, points, the values an analyst wrote, counts and times.
import { describe, expect, it } from 'vitest';
import {
  formatBand, formatCount, formatElapsed, formatPercent, formatPoints, formatWrittenNumber, formatWrittenPercent,
  formatWrittenRange, percentDecimals, pointsSign, samplingOf, showPercent,
} from '../../common/text/numbers';

describe('a computed probability', () => {
  it.each([
    [0.6312, '63%'], [0.042, '4.2%'], [0.955, '95.5%'], [0.1, '10%'], [0.9, '90%'], [0.5, '50%'],
    // The whole-percent range is decided on the value rounded to a tenth: 9.95 reads 10%, not 10.0%.
    [0.0995, '10%'], [0.0994, '9.9%'], [0.9004, '90%'], [0.9006, '90.1%'], [0.875, '88%'],
    [0, '0%'], [1, '100%'], [0.0005, '0.1%'], [0.0004, '<0.1%'], [0.99996, '>99.9%'], [0.9995, '>99.9%'],
    [Number.NaN, '?'],
  ])('exact: %s reads %s', (p, text) => {
    expect(formatPercent(p)).toBe(text);
  });

  it.each([
    // 20,000 samples: at 95.5% the standard error is 0.15 points, so a decimal would be noise.
    [0.955, 20_000, '96%'], [0.042, 20_000, '4%'], [0.072, 20_000, '7%'],
    // Near the ends the error shrinks: sqrt(0.004 × 0.996 / 20,000) = 0.045 points < 0.05.
    [0.004, 20_000, '0.4%'], [0.001, 20_000, '0.1%'], [0.006, 20_000, '1%'], [0.0004, 20_000, '<0.1%'],
    // 1,000 samples: even 0.2% has an error of 0.14 points: whole percent, and above 0 reads "<1%".
    [0.002, 1_000, '<1%'], [0.998, 1_000, '>99%'], [0.02, 1_000, '2%'],
    // 1,000,000 samples support the decimal at 95.5% (error 0.02 points).
    [0.955, 1_000_000, '95.5%'], [0.5, 1_000_000, '50%'], [0, 1_000, '0%'], [1, 1_000, '100%'],
  ])('Monte Carlo: %s with %s samples reads %s', (p, samples, text) => {
    expect(formatPercent(p, samples)).toBe(text);
  });

  it('never shows more decimals for Monte Carlo than for the same exact number', () => {
    for (let i = 1; i < 1000; i++) {
      const p = i / 1000;
      for (const samples of [1_000, 20_000, 1_000_000]) {
        expect(percentDecimals(p, samples)).toBeLessThanOrEqual(percentDecimals(p));
      }
    }
  });

  it('gives the number the text shows, for bars and charts', () => {
    expect(showPercent(0.6312)).toEqual({ percent: 63, text: '63%' });
    expect(showPercent(0.042)).toEqual({ percent: 4.2, text: '4.2%' });
    expect(showPercent(0.0004)).toEqual({ percent: 0.1, text: '<0.1%' });
    expect(showPercent(0.002, 1_000)).toEqual({ percent: 1, text: '<1%' });
  });

  it('takes its sampling from the forecast: only Monte Carlo forecasts have one', () => {
    expect(samplingOf({ method: 'monte-carlo', samples: 20_000 })).toBe(20_000);
    expect(samplingOf({ method: 'exact', samples: 20_000 })).toBeUndefined();
  });
});

describe('bands, points, written values, counts and times', () => {
  it('writes a band with one percent sign, each end by the same rule', () => {
    expect(formatBand([0.48, 0.77])).toBe('48–77%');
    expect(formatBand([0.078, 0.15])).toBe('7.8–15%');
    expect(formatBand([0.74, 0.903])).toBe('74–90.3%');
    expect(formatBand([0.5, 0.5])).toBe('50%');
    expect(formatBand([0.046, 0.1], 20_000)).toBe('5–10%');
    expect(formatBand([0, 0.0004])).toBe('0–<0.1%');
  });

  it('signs points with one decimal and a true minus', () => {
    expect(formatPoints(4)).toBe('+4.0');
    expect(formatPoints(21.34)).toBe('+21.3');
    expect(formatPoints(-4.66)).toBe('−4.7');
    expect(formatPoints(0.04)).toBe('0.0');
    expect(formatPoints(-0.04)).toBe('0.0');
    expect(formatPoints(Number.NaN)).toBe('?');
    expect([pointsSign(0.06), pointsSign(-0.06), pointsSign(0.04)]).toEqual([1, -1, 0]);
  });

  it('keeps what the analyst wrote as written', () => {
    expect(formatWrittenPercent(0.125)).toBe('12.5%');
    expect(formatWrittenPercent(0.55)).toBe('55%');
    expect(formatWrittenPercent(0.955)).toBe('95.5%');
    expect(formatWrittenPercent(0.1225)).toBe('12.25%');
    expect(formatWrittenRange(0.55, 0.8)).toBe('55%–80%');
    expect(formatWrittenRange(0.3, 0.3)).toBe('30%');
    expect(formatWrittenRange(0.55, 0.75, '..')).toBe('55%..75%');
    // A judged point is ± 5 points: 0.7 − 0.05 is 0.6499999999999999 in binary, written 65%.
    expect(formatWrittenRange(0.7 - 0.05, 0.7 + 0.05)).toBe('65%–75%');
    expect(formatWrittenNumber(1.25)).toBe('1.25');
    expect(formatWrittenNumber(12)).toBe('12');
  });

  it('counts and times without the locale', () => {
    expect(formatCount(50_000)).toBe('50,000');
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
    expect(formatElapsed(12.34)).toBe('12.3 ms');
    expect(formatElapsed(0)).toBe('0.0 ms');
    expect(formatElapsed(1240)).toBe('1.24 s');
    expect(formatElapsed(999.96)).toBe('1.00 s');
  });
});
