// The forecast formats on their own: pure functions of a Forecast.
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvCell, formatCsv } from '../../server/src/cli/format-csv';
import {
  bandText, displayWidth, percent, points, terminalSafe, topDrivers, truncate,
} from '../../server/src/cli/format-common';
import { formatJson, round } from '../../server/src/cli/format-json';
import { formatMarkdown, markdownText } from '../../server/src/cli/format-markdown';
import { bar, formatText } from '../../server/src/cli/format-text';
import { forecast } from '../../server/src/engine/forecast';
import type { Forecast } from '../../common/forecast';
import { buildModel } from '../engine/build';

function sample(): Forecast {
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

describe('numbers and text', () => {
  it('percentages, bands and points as analysts read them', () => {
    expect(percent(0.6312)).toBe('63%');
    expect(percent(0.042)).toBe('4.2%');
    expect(percent(0.9871)).toBe('98.7%');
    expect(bandText([0.48, 0.77])).toBe('48–77%');
    expect(bandText([0.5, 0.5])).toBe('50%');
    expect(points(21.34)).toBe('+21.3');
    expect(points(-4.66)).toBe('−4.7');
    expect(points(0.01)).toBe('0.0');
    expect(topDrivers([{ name: 'a', points: 20.9 }, { name: 'b', points: -3 }, { name: 'c', points: 1 }, { name: 'd', points: 0.5 }]))
      .toBe('a +20.9, b −3.0, c +1.0');
  });

  it('bars have a fixed width and grow with the probability', () => {
    for (const p of [0, 0.013, 0.5, 0.999, 1]) expect([...bar(p, 20)].length).toBe(20);
    expect(bar(0, 10)).toBe('░'.repeat(10));
    expect(bar(1, 10)).toBe('█'.repeat(10));
    expect(bar(0.5, 10)).toBe('█████░░░░░');
  });

  it('display widths: wide characters take two columns, combining marks none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('中文')).toBe(4);
    expect(displayWidth('🚀')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(truncate('abcdefgh', 5)).toBe('abcd…');
    expect(displayWidth(truncate('中文中文中文', 5))).toBeLessThanOrEqual(5);
  });

  it('no control characters or bidirectional overrides reach a terminal', () => {
    const safe = terminalSafe('a\u001b[31mred\u0007 \u202eevil\u202c\u2066x\u2069');
    expect(safe).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
    expect(safe).toContain('red');
  });
});

describe('text', () => {
  const f = sample();

  it('an aligned table: every column starts at the same place on every row', () => {
    const out = formatText(f, { color: false });
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
    expect(out).not.toContain('\u001b[');
  });

  it('colour only when asked, and timing can be left out', () => {
    expect(formatText(f, { color: true })).toContain('\u001b[');
    expect(formatText(f, { color: false, timing: false })).not.toContain('Computed in');
  });
});

describe('json', () => {
  const f = { ...sample(), file: 'x.scenario' };

  it('has the fields of the contract, in its order, rounded', () => {
    const parsed = JSON.parse(formatJson(f, { timing: true }));
    expect(Object.keys(parsed)).toEqual([
      'file', 'title', 'question', 'horizon', 'samples', 'seed', 'method', 'outcomes', 'inputs', 'worlds',
      'alternatives', 'elapsedMs',
    ]);
    const o = parsed.outcomes[0];
    expect(Object.keys(o)).toEqual(['name', 'label', 'probability', 'band', 'phrase', 'judged', 'swing']);
    expect(o.probability).toBe(round(f.outcomes[0]!.probability, 6));
    expect(o.judged).toEqual({ text: 'likely', range: [0.55, 0.8], agrees: false });
    expect(parsed.alternatives[0].outcomes[0]).toHaveProperty('delta');
    expect(parsed.worlds[0]).toHaveProperty('outcomes');
    expect(parsed.elapsedMs).toBe(12.3);
  });

  it('without timing it leaves out elapsedMs, and is stable', () => {
    const text = formatJson(f, { timing: false });
    expect(JSON.parse(text)).not.toHaveProperty('elapsedMs');
    expect(formatJson({ ...f, elapsedMs: 99 }, { timing: false })).toBe(text);
    expect(round(-0.0000001, 6)).toBe(0);
    expect(Object.is(round(-0.0000001, 6), -0)).toBe(false);
  });
});

describe('markdown', () => {
  it('a table per baseline and alternative, with text from the file escaped', () => {
    const out = formatMarkdown(sample());
    expect(out).toContain('| Outcome | Probability | Band | Phrase | Judged | Top drivers (swing, pts) |');
    expect(out).toContain('## Alternative: a holds');
    expect(out).not.toMatch(/(^|[^\\])<img/m);
    expect(out).toContain('\\<img src\\=x onerror\\=alert\\(1\\)\\> \\| \\"q\\"');
    // Every row has as many cells as its table's header (escaped pipes do not count).
    let cells = 0;
    for (const line of out.split('\n').filter((l) => l.startsWith('|'))) {
      const count = line.replace(/\\\|/g, '').split('|').length;
      if (line.startsWith('| Outcome') || line.startsWith('| Probability')) cells = count;
      else expect(count).toBe(cells);
    }
    expect(markdownText('a*b_c`d[e](f)')).toBe('a\\*b\\_c\\`d\\[e\\]\\(f\\)');
    // Bare URLs cannot become links: the colon and the dot after www are escaped.
    expect(markdownText('see https://evil.example and www.evil.com')).toBe('see https\\:\\/\\/evil\\.example and www\\.evil\\.com');
    expect(markdownText('x\u202ey\u001bz')).toBe('x\uFFFDy\uFFFDz');
  });
});

describe('csv', () => {
  it('a header, then one row per outcome of the baseline and each alternative', () => {
    const out = formatCsv(sample());
    const lines = out.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines.length).toBe(1 + 2 + 2);
    expect(lines[1]).toMatch(/^,o,"<img src=x onerror=alert\(1\)> \| ""q"" 🚀中文",0\.\d+,/);
    expect(lines[3]!.startsWith('a holds,o,')).toBe(true);
  });

  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a\u001b[31mb\tc')).toBe('a\uFFFD[31mb\tc');
  });
});
