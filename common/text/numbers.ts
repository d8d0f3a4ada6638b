// Every number an analyst reads, formatted in one place, so the hover, the inlay hints, the
// checks' messages, the CLI, the preview page and the exports show the same digits:
//
// - a computed probability: a whole percent from 10% to 90%, one decimal below and above
//   ("4.2%", "63%", "95.5%"); exactly 0 and 1 are "0%" and "100%". From Monte Carlo, no more
//   digits than the sampling error supports: one decimal only while the standard error
//   sqrt(p(1−p)/samples) is under 0.05 points. Anything above 0 that would read as 0 reads "<0.1%"
//   (or "<1%" when whole), and likewise ">99.9%" / ">99%" below 1;
// - a band: "56–66%", each end by the same rule;
// - percentage points: signed, one decimal, a true minus ("+4.0", "−4.7", "0.0");
// - a value the analyst wrote (a factor's 55%..75%, a phrase's range, a multiplier): as written,
//   no rounding to a display rule ("12.5%", "55%–80%");
// - counts "50,000" and times "12.3 ms" / "1.24 s", without depending on the locale.
import type { Forecast } from '../forecast';

/**
 * How a probability was computed: the Monte Carlo sample count, or undefined for an exact
 * number (exact enumeration, or the mean of a written range).
 */
export type Sampling = number | undefined;

/** The sampling of a forecast's probabilities: its samples when it is Monte Carlo. */
export function samplingOf(forecast: Pick<Forecast, 'method' | 'samples'>): Sampling {
  return forecast.method === 'monte-carlo' ? forecast.samples : undefined;
}

/** A computed probability as shown: the number in the text (in percent) and the text. */
export interface ShownPercent {
  /** The number the text shows, in percent: 63 for "63%", 0.1 for "<0.1%". */
  percent: number;
  text: string;
}

/** x rounded to `decimals` decimals, never -0. */
export function round(x: number, decimals: number): number {
  const factor = 10 ** decimals;
  const r = Math.round(x * factor) / factor;
  return r === 0 ? 0 : r; // no "-0"
}

/**
 * The sampling that a Monte Carlo probability's own standard error stands for: the number of
 * independent yes/no samples with that error (p(1 − p)/SE²), so that it is rounded to what its
 * error supports; the forecast's samples when it has no error of its own.
 */
export function samplingWithError(p: number, standardError: number | null, sampling: Sampling): Sampling {
  if (sampling === undefined || standardError === null || !(standardError > 0)) return sampling;
  return (p * (1 - p)) / (standardError * standardError);
}

/** A standard error in percentage points: "±0.3", "±<0.1". */
export function formatStandardError(standardError: number): string {
  const points = round(100 * standardError, 1);
  return points < 0.1 ? '±<0.1' : `±${points.toFixed(1)}`;
}

/** The decimals a computed probability is shown with (0 or 1). */
export function percentDecimals(p: number, sampling?: Sampling): 0 | 1 {
  const tenths = round(p * 100, 1);
  if (tenths >= 10 && tenths <= 90) return 0;
  if (sampling !== undefined) {
    const standardError = 100 * Math.sqrt((p * (1 - p)) / sampling);
    if (!(standardError < 0.05)) return 0;
  }
  return 1;
}

export function showPercent(p: number, sampling?: Sampling): ShownPercent {
  if (!Number.isFinite(p)) return { percent: Number.NaN, text: '?' };
  if (p <= 0) return { percent: 0, text: '0%' };
  if (p >= 1) return { percent: 100, text: '100%' };
  const decimals = percentDecimals(p, sampling);
  const shown = round(p * 100, decimals);
  const step = decimals === 1 ? 0.1 : 1;
  if (shown === 0) return { percent: step, text: `<${step}%` };
  if (shown === 100) return { percent: 100 - step, text: `>${round(100 - step, 1)}%` };
  return { percent: shown, text: `${shown.toFixed(decimals)}%` };
}

/** A computed probability (a fraction) as text: "63%", "4.2%", "95.5%". */
export function formatPercent(p: number, sampling?: Sampling): string {
  return showPercent(p, sampling).text;
}

/** A band of computed probabilities: "56–66%", "7.8–15%"; one number when both ends read the same. */
export function formatBand(band: readonly [number, number], sampling?: Sampling): string {
  return bandText(formatPercent(band[0], sampling), formatPercent(band[1], sampling));
}

/** A band's text from its two ends as shown ("56%", "66%" → "56–66%"); one number when they read the same. */
export function bandText(low: string, high: string): string {
  return low === high ? low : `${low.replace(/%$/, '')}–${high}`;
}

/** Percentage points with a sign and one decimal: "+21.3", "−4.7" (a true minus), "0.0". */
export function formatPoints(points: number): string {
  if (!Number.isFinite(points)) return '?';
  const rounded = round(points, 1);
  if (rounded === 0) return '0.0';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}`;
}

/** The sign of points as formatPoints shows them: 0 for "0.0". */
export function pointsSign(points: number): -1 | 0 | 1 {
  const rounded = round(points, 1);
  return rounded > 0 ? 1 : rounded < 0 ? -1 : 0;
}

/** A number the analyst wrote (a multiplier, a percentage's digits), as written: 3, 2.5, 12.25. */
export function formatWrittenNumber(value: number): string {
  // Six significant decimals undo the binary noise of parsing (0.55 × 100 = 55.00000000000001)
  // and are more than anyone writes.
  return String(round(value, 6));
}

/** A probability the analyst wrote (or a phrase's bound), as written: "55%", "12.5%". */
export function formatWrittenPercent(p: number): string {
  return `${formatWrittenNumber(p * 100)}%`;
}

/** A range the analyst wrote: "55%–80%" (or with `..` as the language writes it); one number for a point. */
export function formatWrittenRange(low: number, high: number, separator = '–'): string {
  const a = formatWrittenPercent(low);
  const b = formatWrittenPercent(high);
  return a === b ? a : `${a}${separator}${b}`;
}

/** A whole number with thousands separators that do not depend on the locale: "50,000". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '?';
  const whole = Math.round(n);
  const digits = Math.abs(whole).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return whole < 0 ? `−${digits}` : digits;
}

/** Milliseconds, readable: "12.3 ms", "1.24 s". */
export function formatElapsed(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  const tenths = round(ms, 1);
  return tenths < 1000 ? `${tenths.toFixed(1)} ms` : `${round(ms / 1000, 2).toFixed(2)} s`;
}
