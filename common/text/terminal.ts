// Widths in terminal columns, so tables line up with wide (CJK, emoji) and combining characters.
// What may reach a terminal at all is common/text/controls.ts's replaceControls.

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u;
const ZERO_WIDTH = /\p{Mn}|\p{Me}|\u200d|\ufe0f/u;

function columns(ch: string): number {
  return ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
}

/** Terminal columns a string takes (wide CJK and emoji count two, combining marks none). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += columns(ch);
  return width;
}

/** Cuts text to at most `max` columns, ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = columns(ch);
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
