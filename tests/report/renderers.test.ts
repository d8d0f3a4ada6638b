// The four renderers of a report: the terminal table, Markdown, CSV (one schema) and the JSON
// machine contract. Pure functions of a Report.
import { describe, expect, it } from 'vitest';
import type { Forecast } from '../../common/forecast';
import {
  buildReport, CSV_COLUMNS, renderCsv, renderJson, renderMarkdown, renderReport, renderText,
} from '../../common/report';
import { csvCell } from '../../common/report/csv';
import { round } from '../../common/text/numbers';
import { bar } from '../../common/report/text';
import { displayWidth } from '../../common/text/terminal';
import { forecast } from '../../server/src/engine/forecast';
import { buildModel } from '../engine/build';
import { sampleForecast } from '../webview/fixtures';
import { markdownCells, parseCsv } from './helpers';

function engineForecast(): Forecast {
  const model = buildModel({
    factors: { a: 0.3, b: [0.2, 0.6] },
    outcomes: {
      o: { base: 0.2, drivers: [['a', 'raises', 3]], judged: 'likely' },
      wide_name_outcome: { base: 0.3, drivers: [['o', 'raises', 'strongly'], ['b', 'lowers', 'moderately']], judged: 'unlikely' },
    },
    alternatives: [{ title: 'a holds', given: { a: true } }],
  });
  (model.variables.get('o') as { label: string }).label = '<img src=x onerror=alert(1)> | "q" 🚀中文';
  const f = forecast(model);
  f.elapsedMs = 12.3;
  return f;
}

describe('text', () => {
  const report = buildReport(engineForecast());

  it('bars have a fixed width and grow with the probability', () => {
    for (const p of [0, 0.013, 0.5, 0.999, 1]) expect([...bar(p, 20)].length).toBe(20);
    expect(bar(0, 10)).toBe('░'.repeat(10));
    expect(bar(1, 10)).toBe('█'.repeat(10));
    expect(bar(0.5, 10)).toBe('█████░░░░░');
  });

  it('an aligned table: every column starts at the same place on every row', () => {
    const out = renderText(report, { color: false, timing: true });
    const lines = out.split('\n');
    const header = lines.findIndex((l) => l.startsWith('Outcome'));
    const rows = lines.slice(header, header + 3);
    const bandColumn = (line: string) => displayWidth(line.slice(0, line.indexOf('%  ') + 1));
    expect(new Set(rows.slice(1).map(bandColumn)).size).toBe(1);
    for (const row of rows.slice(1)) expect(row).toMatch(/[█░]{5,}/);
    expect(out).toContain('✗ likely');
    expect(out).toContain('✓ unlikely');
    expect(out).toContain('Alternative "a holds"');
    expect(out).toContain('Computed in 12.3 ms.');
    expect(out.split('\n')[0]).toBe('test  (exact, seed 1)');
    expect(out).not.toContain('\u001b[');
  });

  it('keeps the bar column aligned when a probability reads "<0.1%" or ">99.9%"', () => {
    const f = sampleForecast();
    f.outcomes[0]!.probability = 0.0004;
    f.outcomes[1]!.probability = 0.99996;
    // The baseline's table (the alternatives' tables follow it).
    const lines = renderText(buildReport(f), { color: false, timing: true }).split('\n').filter((l) => /^(democracy_push|trade_up|security_ties) /.test(l)).slice(0, 3);
    expect(lines[0]).toContain(' <0.1% ');
    expect(lines[1]).toContain('>99.9% ');
    expect(new Set(lines.map((l) => l.search(/[█░▏▎▍▌▋▊▉]/))).size).toBe(1);
  });

  it('colour only when asked, and timing can be left out', () => {
    const coloured = renderText(report, { color: true, timing: true });
    expect(coloured).toContain('\u001b[');
    // Colour changes no visible character.
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(renderText(report, { color: false, timing: true }));
    expect(renderText(report, { color: false, timing: false })).not.toContain('Computed in');
  });
});

describe('json', () => {
  const report = buildReport(engineForecast(), { file: 'x.scenario' });

  it('has the fields of the contract, in its order, rounded', () => {
    const parsed = JSON.parse(renderJson(report, { timing: true }));
    expect(Object.keys(parsed)).toEqual([
      'file', 'title', 'question', 'horizon', 'samples', 'seed', 'method', 'worldsMethod', 'outcomes', 'inputs', 'worlds',
      'alternatives', 'keyJudgments', 'elapsedMs',
    ]);
    expect(parsed.keyJudgments).toEqual(report.keyJudgments.map((k) => ({ outcome: k.outcome, text: k.text })));
    expect(parsed.keyJudgments.map((k: { outcome: string }) => k.outcome)).toEqual(['o', 'wide_name_outcome']);
    const o = parsed.outcomes[0];
    expect(Object.keys(o)).toEqual(['name', 'label', 'probability', 'standardError', 'band', 'phrase', 'judged', 'swing', 'signposts', 'linchpins']);
    expect(o.probability).toBe(round(report.outcomes[0]!.probability.value, 6));
    expect(o.judged).toEqual({ text: 'likely', range: [0.55, 0.8], agrees: false });
    expect(Object.keys(parsed.alternatives[0].outcomes[0])).toEqual(['name', 'label', 'probability', 'standardError', 'band', 'phrase', 'judged', 'swing', 'signposts', 'linchpins', 'delta']);
    expect(parsed.worlds[0]).toHaveProperty('outcomes');
    expect(parsed.elapsedMs).toBe(12.3);
    expect(parsed.file).toBe('x.scenario');
    // An exact forecast still lists its samples setting, as the contract says.
    expect([parsed.samples, parsed.method]).toEqual([20000, 'exact']);
  });

  it('without timing it leaves out elapsedMs, and is stable', () => {
    const text = renderJson(report, { timing: false });
    expect(JSON.parse(text)).not.toHaveProperty('elapsedMs');
    expect(renderJson({ ...report, elapsed: { ms: 99, text: '99.0 ms' } }, { timing: false })).toBe(text);
    expect(round(-0.0000001, 6)).toBe(0);
    expect(Object.is(round(-0.0000001, 6), -0)).toBe(false);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes the deltas the alternatives lack, computed from the baseline', () => {
    const parsed = JSON.parse(renderJson(buildReport(sampleForecast()), { timing: false }));
    expect(parsed.alternatives[1].outcomes.map((o: { delta: number }) => o.delta)).toEqual([0, 0, 35]);
  });
});

describe('markdown', () => {
  it('a table per baseline and alternative, text from the file escaped only where it would be markup', () => {
    const out = renderMarkdown(buildReport(engineForecast()));
    expect(out).toContain('| Outcome | Probability | Band | Phrase | Judged | Top drivers (swing, pts) |');
    expect(out).toContain('## Alternative: a holds');
    expect(out).toContain('Method: exact, seed 1.');
    expect(out).not.toMatch(/(^|[^\\])<img/m);
    expect(out).toContain('**o** \\<img src=x onerror=alert(1)> \\| "q" 🚀中文');
    // Every row has as many cells as its table's header (escaped pipes do not count).
    let cells = 0;
    const rows = out.split('\n');
    rows.forEach((line, n) => {
      if (!line.startsWith('|')) return;
      const count = markdownCells(line).length;
      if (rows[n + 1]?.startsWith('| ---')) cells = count; // a header: its alignment row follows
      else expect(count, line).toBe(cells);
    });
    expect(out).toContain('## Factors and events');
  });

  it('the sample reads as written: numbers, question and method', () => {
    const lines = renderMarkdown(buildReport(sampleForecast())).split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '# US–Pakistan relations, 2025', '',
      '*Where will US–Pakistan relations stand at the end of 2025?*', '',
      'Method: exact, seed 2025, horizon 2025-01-20 to 2026-01-20.',
    ]);
    expect(lines).toContain('| **democracy_push** Washington presses Islamabad on democracy and free speech | 63% | 48–77% | likely | ✓ likely | rapport +21.3, khan_popular +15.2, crisis +12.0 |');
    expect(lines).toContain('| **security_ties** Washington re-engages Islamabad on counter-terrorism | 56% | 40–71% | +35.0 | likely |  |  |');
    expect(lines).toContain('| 29% | democracy_push, trade_up |');
    expect(lines).toContain("| **crisis** Pakistan's political, constitutional and economic crises | factor | 97.0% | almost certain | op-ed, paragraph 2 |");
  });
});

describe('csv', () => {
  it('a header, then one row per outcome of the baseline and each alternative', () => {
    const out = renderCsv(buildReport(engineForecast()));
    const lines = out.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines.length).toBe(1 + 2 + 2);
    expect(lines[1]).toMatch(/^,o,"<img src=x onerror=alert\(1\)> \| ""q"" 🚀中文",0\.\d+,/);
    expect(lines[3]!.startsWith('a holds,o,')).toBe(true);
  });

  it('is RFC 4180 with the CLI columns; fractions, points and top drivers as numbers', () => {
    const rows = parseCsv(renderCsv(buildReport(sampleForecast())));
    expect(rows[0]).toEqual([
      'alternative', 'outcome', 'label', 'probability', 'band_low', 'band_high', 'phrase',
      'judged', 'judged_low', 'judged_high', 'agrees', 'delta_points', 'top_drivers',
    ]);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    const records = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]!])));
    expect(records).toHaveLength(3 + 3 + 3);
    expect(records[2]).toEqual({
      alternative: '', outcome: 'security_ties', label: 'Washington re-engages Islamabad on counter-terrorism',
      probability: '0.2104', band_low: '0.121', band_high: '0.334', phrase: 'unlikely', judged: 'very unlikely',
      judged_low: '0.05', judged_high: '0.2', agrees: 'false', delta_points: '', top_drivers: 'attack 38.5; democracy_push -3.1; rapport -2',
    });
    expect(records.filter((r) => r.alternative === 'Khan released').map((r) => r.delta_points)).toEqual(['15.11', '0', '-2.4']);
    expect(Number(records.find((r) => r.alternative === 'Attack happens' && r.outcome === 'security_ties')!.delta_points)).toBeCloseTo(35, 9);
  });

  it('quotes what needs quoting, defuses spreadsheet formulas, and keeps numbers numbers', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell('a\u001b[31mb\tc\r\nd')).toBe('"a\uFFFD[31mb\tc\r\nd"');
    const f = sampleForecast();
    f.outcomes[0]!.label = '=HYPERLINK("http://evil","click")';
    f.outcomes[1]!.label = 'line one\r\nline two, with "quotes"';
    const rows = parseCsv(renderCsv(buildReport(f)));
    expect(rows[1]![2]).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(rows[2]![2]).toBe('line one\r\nline two, with "quotes"');
  });
});

describe('renderReport', () => {
  it('dispatches each format to its renderer', () => {
    const report = buildReport(sampleForecast());
    expect(renderReport(report, 'markdown')).toBe(renderMarkdown(report));
    expect(renderReport(report, 'csv')).toBe(renderCsv(report));
    expect(renderReport(report, 'json')).toBe(renderJson(report, { timing: true }));
    expect(renderReport(report, 'json', { timing: false })).toBe(renderJson(report, { timing: false }));
    expect(renderReport(report, 'text', { color: true })).toBe(renderText(report, { color: true, timing: true }));
  });
});
