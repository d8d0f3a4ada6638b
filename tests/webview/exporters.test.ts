// The exports: Markdown with every piece of file content escaped, CSV quoted as RFC 4180 says and
// safe from spreadsheet formulas, and the number formats the page shares with them.
import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS, csvField, escapeMarkdown, forecastToCsv, forecastToMarkdown, formatPercent, formatPoints, formatRange,
  neutralizeFormula,
} from '../../client/src/preview/exporters';
import { HOSTILE_ATTR, HOSTILE_IMG, HOSTILE_SCRIPT, hostileForecast, sampleForecast } from './fixtures';

/** Splits a Markdown table row on the pipes that are not escaped. */
function markdownCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 1; i < line.length - 1; i++) {
    const c = line[i]!;
    if (c === '\\') {
      cell += c + (line[i + 1] ?? '');
      i++;
    } else if (c === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** Undoes CommonMark backslash escapes: what a reader of the rendered Markdown sees. */
const unescapeMarkdown = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** A strict RFC 4180 reader (CRLF records, quoted fields with doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"' && field === '') (quoted = true), i++;
    else if (c === ',') row.push(field), (field = ''), i++;
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else if (c === '"' || c === '\r' || c === '\n') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else (field += c), i++;
  }
  if (field !== '' || row.length > 0) throw new Error('last record without CRLF');
  return rows;
}

describe('number formats', () => {
  it('formats percentages, ranges and signed points', () => {
    expect(formatPercent(0.6312)).toBe('63.1%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatRange([0.48, 0.77])).toBe('48.0%–77.0%');
    expect(formatRange([0.35, 0.35])).toBe('35.0%');
    expect(formatPoints(21.34)).toBe('+21.3');
    expect(formatPoints(-3.14)).toBe('−3.1');
    expect(formatPoints(-0.04)).toBe('0.0');
  });
});

describe('forecastToMarkdown', () => {
  it('writes tables for outcomes, alternatives, worlds and inputs', () => {
    // Read back with escapes removed: the sample has no pipes in its text, so cells still split.
    const md = unescapeMarkdown(forecastToMarkdown(sampleForecast()));
    const lines = md.split('\n');
    expect(lines[0]).toBe('# US–Pakistan relations, 2025');
    expect(md).toContain('**Question:** Where will US–Pakistan relations stand at the end of 2025?');
    expect(md).toContain('**Horizon:** 2025-01-20 to 2026-01-20');
    const row = lines.find((l) => l.includes('(democracy_push)'))!;
    expect(markdownCells(row)).toEqual([
      'Washington presses Islamabad on democracy and free speech (democracy_push)', '63.1%', '48.0%–77.0%', 'likely',
      'likely', 'rapport +21.3, khan_popular +15.2, crisis +12.0',
    ]);
    const contradicted = lines.find((l) => l.includes('(security_ties)'))!;
    expect(markdownCells(contradicted)[4]).toBe('very unlikely (contradicted)');
    const altHeader = lines.find((l) => l.startsWith('| Outcome | Baseline'))!;
    expect(markdownCells(altHeader)).toEqual(['Outcome', 'Baseline', 'Khan released', 'Δ points', 'Attack happens', 'Δ points']);
    const altRow = lines.find((l) => l.startsWith('| Washington re-engages') && l.includes('18.6%'))!;
    expect(markdownCells(altRow)).toEqual(['Washington re-engages Islamabad on counter-terrorism', '21.0%', '18.6%', '−2.4', '56.0%', '+35.0']);
    expect(md).toContain('| 29.0% | yes | yes | no |');
    const input = lines.find((l) => l.includes('(rapport)'))!;
    expect(markdownCells(input)).toEqual(['Trump and Khan keep a positive relationship (rapport)', 'factor', '65.0%', '55.0%–75.0%', 'op-ed, paragraph 4; press reports']);
    expect(lines).toContain('50,000 samples · seed 2025 · exact · 12.3 ms');
  });

  it('escapes file content: no raw HTML, no broken table, the text reads back unchanged', () => {
    const f = hostileForecast();
    f.outcomes[0]!.label = 'a | b *bold* _it_ `code` [link](http://x) ~~s~~ &amp; # !';
    f.inputs[1]!.label = 'two\nlines';
    const md = forecastToMarkdown(f);
    // Every < and > in the document comes from file content, escaped.
    expect(md.match(/(?<!\\)[<>]/g)).toBeNull();
    expect(md.split('\n')[0]).toBe(`# ${escapeMarkdown(HOSTILE_IMG)}`);
    expect(unescapeMarkdown(md.split('\n')[0]!.slice(2))).toBe(HOSTILE_IMG);
    // Each table keeps its column count: no pipe in a label opens a cell.
    const tables = md.split('\n\n').filter((block) => block.startsWith('|'));
    expect(tables).toHaveLength(4);
    for (const t of tables) {
      const widths = t.split('\n').map((l) => markdownCells(l).length);
      expect(new Set(widths).size).toBe(1);
    }
    const row = md.split('\n').find((l) => l.includes('(democracy\\_push)'))!;
    expect(unescapeMarkdown(markdownCells(row)[0]!)).toBe('a | b *bold* _it_ `code` [link](http://x) ~~s~~ &amp; # ! (democracy_push)');
    const twoLines = md.split('\n').find((l) => l.includes('(khan\\_popular)'))!;
    expect(markdownCells(twoLines)[0]).toBe('two lines (khan\\_popular)');
    const sources = md.split('\n').find((l) => l.includes('(crisis)'))!;
    expect(unescapeMarkdown(markdownCells(sources)[4]!)).toBe(`${HOSTILE_ATTR}; ${HOSTILE_SCRIPT}`);
  });
});

describe('forecastToCsv', () => {
  it('replaces terminal escape sequences in file content', () => {
    const f = hostileForecast();
    f.outcomes[0]!.label = 'red \u001b[31malert\u0007';
    const csv = forecastToCsv(f);
    expect(csv).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(csv).toContain('red \uFFFD[31malert\uFFFD');
  });

  it('writes one RFC 4180 table with a row per outcome, swing, world, alternative outcome and input', () => {
    const csv = forecastToCsv(sampleForecast());
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    const records = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]!])));
    const outcome = records.find((r) => r.section === 'outcome' && r.alternative === '' && r.name === 'security_ties')!;
    expect(outcome).toMatchObject({ probability: '0.2104', low: '0.121', high: '0.334', phrase: 'unlikely', judged: 'very unlikely', agrees: 'false', points: '' });
    expect(records.filter((r) => r.section === 'swing' && r.outcome === 'security_ties').map((r) => [r.name, r.points])).toEqual([
      ['attack', '38.52'], ['democracy_push', '-3.14'], ['rapport', '-1.96'],
    ]);
    const alt = records.find((r) => r.section === 'outcome' && r.alternative === 'Attack happens' && r.name === 'security_ties')!;
    expect(Number(alt.points)).toBeCloseTo(35, 9);
    expect(records.find((r) => r.alternative === 'Khan released' && r.name === 'security_ties')!.points).toBe('-2.4');
    expect(records.filter((r) => r.section === 'world').map((r) => [r.alternative, r.name, r.probability])).toEqual([
      ['', 'democracy_push, trade_up, not security_ties', '0.2899'],
      ['', 'not democracy_push, trade_up, not security_ties', '0.1688'],
      ['', 'democracy_push, not trade_up, not security_ties', '0.2101'],
      ['Khan released', 'democracy_push, trade_up, not security_ties', '0.36'],
    ]);
    const rapport = records.find((r) => r.section === 'factor' && r.name === 'rapport')!;
    expect(rapport).toMatchObject({ kind: 'factor', probability: '0.65', low: '0.55', high: '0.75', sources: 'op-ed, paragraph 4; press reports' });
  });

  it('quotes commas, quotes and line breaks, and neutralises formulas in file content', () => {
    const f = hostileForecast();
    f.outcomes[0]!.label = '=HYPERLINK("http://evil","click")';
    f.outcomes[1]!.label = '+1+1';
    f.outcomes[2]!.label = '-2+3';
    f.inputs[0]!.label = '@SUM(A1:A2)';
    f.inputs[1]!.label = 'line one\r\nline two, with "quotes"';
    f.inputs[2]!.notes = ['\t=1+1'];
    const csv = forecastToCsv(f);
    const rows = parseCsv(csv);
    const label = (name: string, section: string) => rows.find((r) => r[0] === section && r[3] === name)![5];
    expect(label('democracy_push', 'outcome')).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(label('trade_up', 'outcome')).toBe("'+1+1");
    expect(label('security_ties', 'outcome')).toBe("'-2+3");
    expect(label('crisis', 'factor')).toBe("'@SUM(A1:A2)");
    expect(label('khan_popular', 'factor')).toBe('line one\r\nline two, with "quotes"');
    expect(rows.find((r) => r[0] === 'factor' && r[3] === 'rapport')![14]).toBe("'\t=1+1");
    expect(rows.find((r) => r[0] === 'factor' && r[3] === 'crisis')![13]).toBe(`${HOSTILE_ATTR}; ${HOSTILE_SCRIPT}`);
    // Numbers stay numbers: a negative delta is not a formula.
    expect(rows.find((r) => r[0] === 'swing' && r[3] === 'democracy_push')![12]).toBe('-3.14');
  });

  it('quotes exactly the fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(neutralizeFormula('=1')).toBe("'=1");
    expect(neutralizeFormula('a=1')).toBe('a=1');
  });
});
