// scenario draft and scenario check of drafts in prose, through the real CLI process (issue 13).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBundledCli } from './bundle';
import { OPED, OPED_DRAFT_PATH, OPED_PATH, SAMPLE_MODEL_PATH } from '../prose/oped';
import { repoRoot } from '../fixture';

const cli = useBundledCli('scenario-draft-');
const rel = (p: string) => p.slice(repoRoot.length + 1);

describe('scenario draft', () => {
  it('drafts the op-ed into a model that scenario check passes with no errors', () => {
    const out = join(cli.dir(), 'oped.scenario');
    const drafted = cli.run('draft', rel(OPED_PATH), '-o', out);
    expect(drafted.code).toBe(0);
    expect(drafted.stderr).toContain('13 outcomes and 7 factors');
    const checked = cli.run('check', out, '--format', 'json');
    expect(checked.code).toBe(0);
    const records = JSON.parse(checked.stdout) as { severity: string; code: string }[];
    expect(records.filter((r) => r.severity === 'error')).toEqual([]);
    expect(records.every((r) => r.code === 'unused')).toBe(true);
    // stdout without -o is the same text
    expect(cli.run('draft', rel(OPED_PATH)).stdout).toBe(readFileSync(out, 'utf8'));
  });

  it('says what is wrong with an empty, a binary, a too large or a missing file', () => {
    const empty = join(cli.dir(), 'empty.txt');
    writeFileSync(empty, '\n\n   \n');
    expect(cli.run('draft', empty)).toMatchObject({ code: 1, stderr: expect.stringContaining('no sentences') });
    const binary = join(cli.dir(), 'bin.txt');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0xfe, 0]));
    expect(cli.run('draft', binary)).toMatchObject({ code: 2, stderr: expect.stringContaining('binary') });
    const large = join(cli.dir(), 'large.txt');
    writeFileSync(large, 'Trade may grow. '.repeat(330_000)); // 5.3 MB
    expect(cli.run('draft', large)).toMatchObject({ code: 2, stderr: expect.stringContaining('too large') });
    expect(cli.run('draft', join(cli.dir(), 'missing.txt'))).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read') });
  });
});

describe('scenario check of a draft in prose', () => {
  it('the op-ed next to the sample model: a prose-hedge on each of its eleven hedges', () => {
    const result = cli.run('check', rel(OPED_DRAFT_PATH), '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0); // warnings only
    const records = JSON.parse(result.stdout) as { line: number; column: number; endColumn: number; code: string; message: string }[];
    const draft = readFileSync(OPED_DRAFT_PATH, 'utf8').split('\n');
    const hedges = records.filter((r) => r.code === 'prose-hedge').map((r) => draft[r.line - 1]!.slice(r.column - 1, r.endColumn - 1));
    expect(hedges).toEqual(['potentially', 'may', 'is expected to', 'are expected to', 'is expected to', 'could', 'could potentially', 'may', 'is expected to', 'could', 'may']);
    expect(records.every((r) => r.code === 'prose-hedge')).toBe(true);
    expect(records[0]!.message).toContain('almost no chance (1–5%)');
    // The text form is the compiler's, like a .scenario file's.
    const text = cli.run('check', rel(OPED_DRAFT_PATH));
    expect(text.stdout.split('\n')[0]).toMatch(/^samples\/us-pakistan-oped\.md:\d+:\d+: warning prose-hedge: "potentially" carries no defined probability/);
  });

  it('finds a contradiction with the forecast and a sentence that mixes likelihood and confidence', () => {
    copyFileSync(SAMPLE_MODEL_PATH, join(cli.dir(), 'model.scenario'));
    const draft = join(cli.dir(), 'note.md');
    writeFileSync(draft, '---\nscenario: model.scenario\n---\n# Note\n\nIt is almost certain that `security_reengage` happens.\n\n'
      + 'We judge with high confidence that `trade_up` is likely.\n\nIt is likely that `trade_up` happens.\n');
    const result = cli.run('check', draft, '--format', 'json');
    const records = JSON.parse(result.stdout) as { line: number; code: string; message: string }[];
    expect(records.map((r) => [r.line, r.code])).toEqual([[6, 'prose-contradiction'], [8, 'prose-mixed']]);
    expect(records[0]!.message).toMatch(/the model forecasts \d+%: (very unlikely|almost no chance|unlikely)/);
  });

  it('says so when the model it names cannot be read, or is named by an absolute path', () => {
    const draft = join(cli.dir(), 'lost.md');
    writeFileSync(draft, '<!-- scenario: nowhere.scenario -->\nTrade may grow.\n');
    expect(cli.run('check', draft)).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read its model "nowhere.scenario"') });
    writeFileSync(draft, '<!-- scenario: /etc/x.scenario -->\nTrade may grow.\n');
    expect(cli.run('check', draft)).toMatchObject({ code: 2, stderr: expect.stringContaining('not an absolute path') });
  });

  it('reads the op-ed body unchanged in the draft sample', () => {
    expect(readFileSync(OPED_DRAFT_PATH, 'utf8').split('\n').slice(1).join('\n')).toBe(OPED);
  });
});
