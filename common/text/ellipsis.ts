// Cutting a label to fit a chart: by characters (code points, so no surrogate pair is split),
// ending with an ellipsis when cut. The terminal cuts by display columns instead (terminal.ts).

/** `text` cut to at most `chars` characters, the last an ellipsis when it was cut. */
export function cutToChars(text: string, chars: number): string {
  const units = [...text];
  return units.length <= chars ? text : `${units.slice(0, Math.max(1, chars - 1)).join('')}…`;
}
