// Text cells of CSV files (RFC 4180) made from file content, for the CLI and the preview's export.
// A cell a spreadsheet would run as a formula (leading = + - @ tab CR) gets a leading apostrophe;
// other control characters than tab and line breaks (which quoting keeps inside the field) are
// replaced, since a CSV file may end up in a terminal.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Control characters (but tab, CR and LF) replaced by U+FFFD. */
export function withoutControls(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}

/** A leading apostrophe where a spreadsheet would start a formula. */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Text from a file as one safe CSV field. */
export function csvText(text: string): string {
  return csvField(neutralizeFormula(withoutControls(text)));
}
