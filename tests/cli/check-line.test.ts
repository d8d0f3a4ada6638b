// `scenario check` prints one line per diagnostic; a message that quotes file text must not carry
// terminal escape sequences or bidi overrides to the terminal.
import { describe, expect, it } from 'vitest';
import { textLine } from '../../server/src/cli/check';

describe('textLine', () => {
  it('prints FILE:LINE:COL: SEVERITY CODE: message on one line, with controls replaced', () => {
    const line = textLine({
      file: 'a.scenario', line: 3, column: 7, endLine: 3, endColumn: 9, severity: 'error', code: 'unknown-name',
      message: "'\u001b[31mred\u202e' is not declared\nanywhere",
    });
    expect(line).toBe("a.scenario:3:7: error unknown-name: '\uFFFD[31mred\uFFFD' is not declared anywhere");
  });
});
