// Control characters (C0 other than tab, line feed and carriage return, DEL, C1) are allowed
// only inside strings and comments. Elsewhere the grammar does not read them as whitespace, so a
// declaration that holds one fails to match; this names the character in the syntax error (ohm's
// own failure there would be a puzzling "expected …"), and a file of NULs is not a clean file.
import type { Span } from './ast';
import { commentEnd, stringEnd } from './scan';

/** Tab, line feed and carriage return are layout; every other C0 character, DEL and C1 are not. */
export function isControlCharacter(code: number): boolean {
  return (code < 32 && code !== 9 && code !== 10 && code !== 13) || (code >= 0x7f && code <= 0x9f);
}

// Unicode's abbreviations (name aliases) of the C0 and C1 control characters.
const C0 =
  'NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US'.split(' ');
const C1 =
  'PAD HOP BPH NBH IND NEL SSA ESA HTS HTJ VTS PLD PLU RI SS2 SS3 DCS PU1 PU2 STS CCH MW SPA EPA SOS SGC SCI CSI ST OSC PM APC'.split(' ');

/** "U+0000 NUL": the code point and its abbreviation. */
export function controlCharacterName(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const abbreviation = code < 32 ? C0[code] : code === 0x7f ? 'DEL' : C1[code - 0x80];
  return abbreviation ? `${hex} ${abbreviation}` : hex;
}

/** The first control character outside strings and comments (as the scan reads them), or -1. */
export function firstControlCharacter(text: string): number {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) i = commentEnd(text, i);
    else if (c === 34 /* " */) i = stringEnd(text, i);
    else if (isControlCharacter(c)) return i;
    else i++;
  }
  return -1;
}

/** The message and span for the control characters that start at offset (a run is one error). */
export function controlCharacterError(text: string, offset: number): { message: string; span: Span } {
  const code = text.charCodeAt(offset);
  let end = offset + 1;
  while (end < text.length && isControlCharacter(text.charCodeAt(end))) end++;
  const run = end - offset;
  const what = run === 1
    ? `control character ${controlCharacterName(code)}`
    : `control characters, ${run} in a row from ${controlCharacterName(code)},`;
  return {
    message: `unexpected ${what} here: delete ${run === 1 ? 'it' : 'them'} (control characters are allowed only inside strings and comments)`,
    span: { start: offset, end },
  };
}
