// `scenario check` (server/src/cli/check.ts) as LANGUAGE.md defines it: text lines, JSON records,
// exit codes; a message that quotes file text carries no terminal escape sequences or bidi
// overrides to the terminal. (The whole process, bundled and spawned, is tests/cli/cli.test.ts.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck, textLine } from '../../server/src/cli/check';
import { forecast } from '../../server/src/engine/forecast';
import { readFixture } from '../model/helpers';
import { LANGUAGE_EXAMPLE } from '../fixtures/languageExample';

const dir = mkdtempSync(join(tmpdir(), 'scenario-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const clean = file('clean.scenario', LANGUAGE_EXAMPLE);
const unknown = file('unknown.scenario', readFixture('unknown-name.scenario'));
const unused = file('unused.scenario', readFixture('unused.scenario'));

describe('runCheck', () => {
  it('prints nothing and exits 0 for a clean file', () => {
    expect(runCheck([clean], 'text')).toEqual({ output: '', exitCode: 0, errorOutput: '' });
  });

  it('prints FILE:LINE:COL: SEVERITY CODE: message and exits 1 on an error', () => {
    const { output, exitCode } = runCheck([unknown], 'text');
    expect(exitCode).toBe(1);
    expect(output).toBe(
      `${unknown}:15:3: error unknown-name: Unknown name 'rapprt': no factor, event or outcome has this name. ` +
        "Did you mean 'rapport'?\n",
    );
  });

  it('exits 0 when there are only hints, and prints them with the word hint', () => {
    const { output, exitCode } = runCheck([unused], 'text');
    expect(exitCode).toBe(0);
    expect(output).toMatch(new RegExp(`^${escape(unused)}:8:8: hint unused: The factor 'rapport' drives no outcome`));
  });

  it('prints a JSON array with 1-based positions and an exclusive end', () => {
    const { output, exitCode } = runCheck([clean, unknown, unused], 'json');
    expect(exitCode).toBe(1);
    const records = JSON.parse(output);
    expect(records).toEqual([
      {
        file: unknown, line: 15, column: 3, endLine: 15, endColumn: 9, severity: 'error', code: 'unknown-name',
        message: expect.stringContaining("Did you mean 'rapport'?"),
      },
      {
        file: unused, line: 8, column: 8, endLine: 8, endColumn: 15, severity: 'hint', code: 'unused',
        message: expect.stringContaining('drives no outcome'),
      },
    ]);
  });

  it('prints an empty JSON array for clean files', () => {
    expect(JSON.parse(runCheck([clean], 'json').output)).toEqual([]);
  });

  it('exits 2 for an unreadable file, still checks the others, and keeps the JSON valid', () => {
    const missing = join(dir, 'missing.scenario');
    const text = runCheck([missing, unknown], 'text');
    expect(text.exitCode).toBe(2);
    expect(text.errorOutput).toMatch(new RegExp(`^${escape(missing)}: error: cannot read the file \\(ENOENT`));
    expect(text.output).toContain('unknown-name');
    const json = runCheck([missing], 'json');
    expect(json.exitCode).toBe(2);
    expect(JSON.parse(json.output)).toEqual([]);
  });

  it('exits 2 when no file is named', () => {
    expect(runCheck([], 'text')).toMatchObject({ exitCode: 2, output: '' });
  });

  it('reads through the given reader, and checks judged calls against the forecast it is given', () => {
    const text = 'factor a { probability 50% }\noutcome o {\n  base 50%\n  a raises weakly\n  judged almost no chance\n}\n';
    const result = runCheck(['virtual.scenario'], 'text', () => text, (model) => forecast(model));
    expect(result.exitCode).toBe(0);
    expect(result.output).toMatch(/^virtual\.scenario:5:10: warning judgment: The forecast gives o /);
    expect(runCheck(['virtual.scenario'], 'text', () => text).output).toBe('');
  });

  it('checks judged calls of the outcomes that do not depend on an error, in position order', () => {
    const text = [
      'factor a { probability 50% }',
      'factor b { probability 150% }',
      'outcome bad { base 50%; b raises weakly; judged almost no chance }',
      'outcome good { base 50%; a raises weakly; judged almost no chance }',
      '',
    ].join('\n');
    const lines = runCheck(['v.scenario'], 'text', () => text, (model) => forecast(model)).output.trim().split('\n');
    expect(lines.map((l) => l.replace(/: .*$/, '').replace(/^v\.scenario:/, ''))).toEqual(['2:24', '4:50']);
    expect(lines[0]).toContain('error probability-bounds');
    expect(lines[1]).toContain('warning judgment: The forecast gives good ');
  });

  it('counts columns in UTF-16 code units after non-ASCII text', () => {
    const text = '\noutcome o "Привет ✓ 😀" { base 50%; zz raises weakly }\n';
    const { output } = runCheck(['u.scenario'], 'json', () => text);
    expect(JSON.parse(output)).toMatchObject([{ line: 2, column: 37, endLine: 2, endColumn: 39 }]);
  });
});

describe('textLine', () => {
  it('prints FILE:LINE:COL: SEVERITY CODE: message on one line, with controls replaced', () => {
    const line = textLine({
      file: 'a.scenario', line: 3, column: 7, endLine: 3, endColumn: 9, severity: 'error', code: 'unknown-name',
      message: "'\u001b[31mred\u202e' is not declared\nanywhere",
    });
    expect(line).toBe("a.scenario:3:7: error unknown-name: '\uFFFD[31mred\uFFFD' is not declared anywhere");
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
