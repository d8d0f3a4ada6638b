// Text cells of CSV files (RFC 4180) made from file content. A cell a spreadsheet would run as a
// formula (leading = + - @ tab CR) gets a leading apostrophe; control and bidirectional characters
// are replaced (common/text/controls.ts), since a CSV file may end up in a terminal, but tab, CR
// and LF are kept: quoting keeps them inside the field.
import { replaceControls } from './controls';

/** A leading apostrophe where a spreadsheet would start a formula. */
function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Text from a file as one safe CSV field. */
export function csvText(text: string): string {
  return csvField(neutralizeFormula(replaceControls(text, { keepLineBreaks: true })));
}
