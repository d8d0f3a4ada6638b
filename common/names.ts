// The name pattern of the language, defined once (grammar/scenario.ohm `ident`): a letter, then
// letters, ASCII digits or `_`, where a letter is any Unicode letter (ohm's `letter`: Ll, Lu, Lt,
// Lm and Lo, which is \p{L}). Every other place that reads names builds on these: the server's
// lexer, rename, scan and chunk helpers and checks, the page-message validation, the preview's
// declaration finder, and the generated TextMate grammar and wordPattern.
//
// Written as sources of character-class contents (no brackets), so they compose into a class, a
// negated look-around or a whole pattern; valid both as JavaScript (`u` flag) and Oniguruma
// (TextMate) regular expressions. Pure: imported by the server, the extension and the page.

/** The first character of a name, as character-class contents: any Unicode letter. */
export const NAME_START_CLASS = String.raw`\p{L}`;

/** A character that continues a name, as character-class contents: letters, ASCII digits, `_`. */
export const NAME_PART_CLASS = String.raw`\p{L}0-9_`;

/** A whole name, as a pattern source (no anchors, no flags). */
export const NAME_SOURCE = `[${NAME_START_CLASS}][${NAME_PART_CLASS}]*`;

/** Not followed by a name character: the word boundary at the end of a keyword or a number. */
export const NOT_BEFORE_NAME_PART = `(?![${NAME_PART_CLASS}])`;

/** Not preceded by a name character: the word boundary at the start of a keyword. */
export const NOT_AFTER_NAME_PART = `(?<![${NAME_PART_CLASS}])`;

/** A name of at most `max` characters (code points), anchored. */
export function boundedNamePattern(max: number): RegExp {
  return new RegExp(`^[${NAME_START_CLASS}][${NAME_PART_CLASS}]{0,${Math.max(0, max - 1)}}$`, 'u');
}

/** A name as the whole text, anchored (`u` flag). */
const WHOLE_NAME = new RegExp(`^${NAME_SOURCE}$`, 'u');

/** Every name in a text (`gu`); matchAll works on a copy, so the one RegExp is never advanced. */
const NAMES = new RegExp(NAME_SOURCE, 'gu');

/** Every name in a text. */
export function namesIn(text: string): string[] {
  return [...text.matchAll(NAMES)].map((m) => m[0]);
}

/** True when the whole text is a name (keywords included: they are refused elsewhere). */
export function isName(text: string): boolean {
  return WHOLE_NAME.test(text);
}

const START = new RegExp(`[${NAME_START_CLASS}]`, 'u');
const PART = new RegExp(`[${NAME_PART_CLASS}]`, 'u');

/** True when the character (code point) at offset may start a name. */
export function isNameStart(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  if (Number.isNaN(c)) return false;
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  if (c < 128) return false;
  return START.test(String.fromCodePoint(text.codePointAt(offset)!));
}

/** True when the character (code point) at offset continues a name (the grammar's identPart). */
export function isNamePart(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  if (Number.isNaN(c)) return false;
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) return true;
  if (c < 128) return false;
  return PART.test(String.fromCodePoint(text.codePointAt(offset)!));
}
