// Small pure helpers shared by the forecast formats: numbers as analysts read them, text from a
// file made safe for a terminal, and display widths for aligned columns.
import type { OutcomeForecast, Swing } from '../../../common/forecast';
import { signedPoints as points } from '../../../common/text/numbers';

/** 0.6312 → "63%"; below 10% or above 90% one decimal ("4.2%"), so small values keep meaning. */
export function percent(p: number): string {
  const value = p * 100;
  const digits = value < 9.95 || value > 90.05 ? 1 : 0;
  return `${value.toFixed(digits)}%`;
}

/** A band as "56–66%". */
export function bandText(band: readonly [number, number]): string {
  const [low, high] = band.map((p) => percent(p).replace('%', ''));
  return low === high ? `${low}%` : `${low}–${high}%`;
}

/** Signed percentage points with one decimal: "+20.9", "−4.7" (a real minus sign), "0.0". */
export { points };

/** The strongest drivers by swing, "crisis +20.9, rapport +19.1". */
export function topDrivers(swing: readonly Swing[], count = 3, separator = ', '): string {
  return swing.slice(0, count).map((s) => `${s.name} ${points(s.points)}`).join(separator);
}

/** "✓ likely" when the forecast agrees with the judged call, "✗ likely" when not, "" without one. */
export function judgedText(outcome: OutcomeForecast, marks = { yes: '✓', no: '✗' }): string {
  if (!outcome.judged) return '';
  return `${outcome.judged.agrees ? marks.yes : marks.no} ${outcome.judged.text}`;
}

// C0/C1 controls (escape sequences could rewrite the terminal) and bidirectional overrides
// (could reorder what the reader sees) never reach a terminal from a file.
const UNSAFE_FOR_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, '\uFFFD');
}


const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u;
const ZERO_WIDTH = /\p{Mn}|\p{Me}|\u200d|\ufe0f/u;

/** Terminal columns a string takes (wide CJK and emoji count two, combining marks none). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (ZERO_WIDTH.test(ch)) continue;
    width += WIDE.test(ch) ? 2 : 1;
  }
  return width;
}

/** Cuts text to at most `max` columns, ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
