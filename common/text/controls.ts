// Characters from a file that must never reach a reader's terminal or a rendered document as
// themselves: C0 and C1 control characters and DEL (an escape sequence can recolour, move the
// cursor or rewrite what a terminal shows; a NUL or a bell has no business in a label) and the
// bidirectional controls (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069), which reorder what the
// reader sees against what the text says ("Trojan Source"). One set, for the CLI's text, its
// Markdown, the preview's exports and CSV cells alike.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// The same set without tab, LF and CR, for text whose format carries line breaks safely.
const UNSAFE_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export interface ControlOptions {
  /**
   * Keep tab, LF and CR. CSV does: a quoted field may hold them (RFC 4180), a spreadsheet shows
   * a note's line breaks as line breaks, and none of the three can start an escape sequence.
   */
  keepLineBreaks?: boolean;
}

/** The text with every unsafe character replaced by U+FFFD (so the reader sees that one was there). */
export function replaceControls(text: string, options: ControlOptions = {}): string {
  return text.replace(options.keepLineBreaks ? UNSAFE_BUT_LINE_BREAKS : UNSAFE, '\uFFFD');
}
