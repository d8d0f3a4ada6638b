// Probabilities and strengths as numbers. A value that a check rejects (a hedge, an end outside
// 0..1, a reversed range, a multiplier below 1) converts to null: the model never holds it.
import type { PointProbability, ProbabilityExpr, Strength } from '../syntax/ast';
import type { PhraseRow } from '../syntax/vocabulary';
import { PHRASES, phraseRow, strengthRow } from '../syntax/vocabulary';
import type { ProbabilitySpec, StrengthSpec } from './types';

export function pointInBounds(p: PointProbability): boolean {
  return Number.isFinite(p.value) && p.value >= 0 && p.value <= 1;
}

/** Every spelling of every phrase, for a lookup without normalising the text. */
const PHRASE_BY_FORM = new Map<string, PhraseRow>(PHRASES.flatMap((r) => r.forms.map((f) => [f, r] as const)));

export function probabilitySpec(expr: ProbabilityExpr): ProbabilitySpec | null {
  switch (expr.kind) {
    case 'point':
      return pointInBounds(expr) ? { low: expr.value, high: expr.value, text: expr.text, span: expr.span } : null;
    case 'range':
      if (!pointInBounds(expr.low) || !pointInBounds(expr.high) || expr.low.value > expr.high.value) return null;
      return { low: expr.low.value, high: expr.high.value, text: expr.text, span: expr.span };
    case 'phrase': {
      const row = PHRASE_BY_FORM.get(expr.phrase) ?? phraseRow(expr.text);
      if (!row) return null;
      return { low: row.low, high: row.high, text: expr.text, phrase: row.phrase, span: expr.span };
    }
    case 'hedge':
      return null;
  }
}

export function multiplierValid(low: number, high: number): boolean {
  return Number.isFinite(low) && Number.isFinite(high) && low >= 1 && high >= 1 && low <= high;
}

export function strengthSpec(strength: Strength): StrengthSpec | null {
  if (strength.kind === 'word') {
    const row = strengthRow(strength.word);
    return row ? { low: row.low, high: row.high, text: strength.text, span: strength.span } : null;
  }
  if (!multiplierValid(strength.low, strength.high)) return null;
  return { low: strength.low, high: strength.high, text: strength.text, span: strength.span };
}

/** A number as an analyst would write it: at most three significant digits, no trailing zeros. */
export function formatNumber(n: number): string {
  return String(Number(n.toPrecision(3)));
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function dateExists(d: CalendarDate): boolean {
  return Number.isInteger(d.year) && Number.isInteger(d.month) && Number.isInteger(d.day) &&
    d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export const SAMPLES_MIN = 1_000;
export const SAMPLES_MAX = 1_000_000;
export const DEFAULT_SAMPLES = 20_000;
export const DEFAULT_SEED = 1;

export function samplesValid(n: number): boolean {
  return Number.isInteger(n) && n >= SAMPLES_MIN && n <= SAMPLES_MAX;
}
