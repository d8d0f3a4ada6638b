// Small helpers shared by the features: spans ↔ LSP ranges, Markdown escaping, and how numbers are
// written for an analyst.
import type { Position, Range } from 'vscode-languageserver';
import type { Span } from '../syntax/ast';
import type { DocumentState } from './context';

export function spanToRange(state: DocumentState, span: Span): Range {
  return { start: state.lines.positionAt(span.start), end: state.lines.positionAt(span.end) };
}

export function rangeToSpan(state: DocumentState, range: Range): Span {
  return { start: state.lines.offsetAt(range.start), end: state.lines.offsetAt(range.end) };
}

export function offsetAt(state: DocumentState, position: Position): number {
  return state.lines.offsetAt(position);
}

/** True when offset is inside the span or touches its end (a cursor right after a word is on it). */
export function touches(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export { escapeMarkdown } from '../../../common/text/markdown';

/** 0.6312 → "63%"; small and large values keep a decimal so 0.4% is not shown as 0%. */
export function formatPercent(p: number): string {
  const pct = p * 100;
  if (!Number.isFinite(pct)) return '?';
  if (pct === 0 || pct === 100) return `${pct}%`;
  if (pct < 1 || pct > 99) return `${trimNumber(pct, 1)}%`;
  return `${Math.round(pct)}%`;
}

/** A probability as written in the language: exact to 0.1 point (55%, 12.5%). */
export function percentLiteral(p: number): string {
  return `${trimNumber(p * 100, 1)}%`;
}

/** "55%–80%" (an en dash, as analysts read ranges). */
export function formatRange(low: number, high: number): string {
  return low === high ? percentLiteral(low) : `${percentLiteral(low)}–${percentLiteral(high)}`;
}

/** Percentage points with a sign: +21.3, −4.0. */
export function formatPoints(points: number): string {
  const rounded = trimNumber(Math.abs(points), 1);
  if (rounded === '0') return '0';
  return `${points < 0 ? '−' : '+'}${rounded}`;
}

export function trimNumber(value: number, decimals: number): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A range or multiplier without inner spaces, with `..` for `to`: `20 % to 35%` → `20%..35%`. */
export function compactRange(raw: string): string {
  return raw.replace(/\s*(?:\.\.|to)\s*/, '..').replace(/\s+/g, '');
}
