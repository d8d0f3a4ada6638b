// The history chart (common/report/historySvg.ts) marks a version from a commit of imported files
// only: its points hollow (`dot library`), the files in their titles, a key "library changed: …"
// between the dates; the file names are repository text, escaped by svgString as every text is.
// Without `changedImports` the chart is as before.
import { describe, expect, it } from 'vitest';
import { historyChart, svgString, type HistoryChartInput, type SvgNode } from '../../common/report/historySvg';

const SCRIPT = 'lib/<script>alert(1)</script>.scenario';

function input(changedImports?: HistoryChartInput['changedImports']): HistoryChartInput {
  return {
    versions: ['2025-01-01', '2025-01-02', '2025-01-03', 'working copy'],
    errors: [0, 0, 0, 0],
    workingCopy: 3,
    series: [{ name: 'ties', values: [0.5, 0.4, 0.45, 0.45] }, { name: 'talks', values: [0.2, 0.25, null, 0.3] }],
    ...(changedImports ? { changedImports } : {}),
  };
}

/** Every node of the tree, depth first. */
function nodes(node: SvgNode): SvgNode[] {
  return [node, ...node.children.flatMap((c) => (typeof c === 'string' ? [] : nodes(c)))];
}
const classes = (node: SvgNode) => String(node.attrs.class ?? '').split(' ');
const textOf = (node: SvgNode): string => node.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

describe('the history chart and library-only versions', () => {
  it('draws a library version\u2019s points hollow, names its files in their titles and in a key', () => {
    const chart = historyChart(input([null, ['lib/base.scenario'], null, null]), 'h');
    const dots = nodes(chart).filter((x) => x.tag === 'circle' && classes(x).includes('dot'));
    const library = dots.filter((x) => classes(x).includes('library'));
    // Version 1 of both outcomes, and nothing else.
    expect(library.map((d) => [classes(d)[1], d.attrs.cx])).toEqual([['series-0', dots[1]!.attrs.cx], ['series-1', dots[1]!.attrs.cx]]);
    expect(library.every((d) => Number(d.attrs.r) > 2.5)).toBe(true);
    expect(textOf(library[0]!)).toBe('ties, 2025-01-02: 40%; library changed: lib/base.scenario');
    expect(dots.filter((d) => !classes(d).includes('library')).map((d) => textOf(d))).not.toContainEqual(expect.stringContaining('library'));
    const key = nodes(chart).find((x) => classes(x).includes('library-key'))!;
    expect(key.children.some((c) => typeof c !== 'string' && c.tag === 'circle' && classes(c).includes('key-dot'))).toBe(true);
    const keyText = key.children.find((c): c is SvgNode => typeof c !== 'string' && c.tag === 'text')!;
    expect(textOf(keyText)).toBe('library changed: lib/base.scenario');
    // The key sits on the dates' line, after the first date and before the last.
    expect(Number(keyText.attrs.x)).toBeGreaterThan(100);
    const desc = nodes(chart).find((x) => x.tag === 'desc')!;
    expect(textOf(desc)).toContain('A hollow point is a version in which only files the model imports changed (1 version; library changed: lib/base.scenario).');
  });

  it('without changedImports (or with none set) the chart has no library marks', () => {
    for (const chart of [historyChart(input(), 'h'), historyChart(input([null, undefined, null, null]), 'h'), historyChart(input([[], null, null, null]), 'h')]) {
      const markup = svgString(chart);
      expect(markup).not.toContain('library');
      expect(markup).not.toContain('hollow');
    }
  });

  it('a library version with errors says so in its gap\u2019s title', () => {
    const i = input([null, null, ['lib/a.scenario', 'lib/b.scenario'], null]);
    i.errors[2] = 2;
    i.series = i.series.map((s) => ({ ...s, values: s.values.map((v, k) => (k === 2 ? null : v)) }));
    const gap = nodes(historyChart(i, 'h')).find((x) => classes(x).includes('gap'))!;
    expect(classes(gap)).toContain('library');
    expect(textOf(gap)).toContain('2025-01-03: 2 errors, no numbers; library changed: lib/a.scenario, lib/b.scenario');
  });

  it('many files: titles name 20 and count the rest; the key is shortened, its title has them', () => {
    const many = Array.from({ length: 25 }, (_, k) => `lib/module-${k}.scenario`);
    const chart = historyChart(input([null, many, null, null]), 'h');
    const dot = nodes(chart).find((x) => classes(x).includes('library'))!;
    expect(textOf(dot)).toMatch(/lib\/module-19\.scenario and 5 more$/);
    expect(textOf(dot)).not.toContain('module-20');
    const key = nodes(chart).find((x) => classes(x).includes('library-key'))!;
    const keyText = key.children.find((c): c is SvgNode => typeof c !== 'string' && c.tag === 'text')!;
    expect([...textOf(keyText)].length).toBeLessThanOrEqual('library changed: '.length + 40);
    expect(textOf(keyText).endsWith('…')).toBe(true);
    expect(textOf(key)).toContain('lib/module-19.scenario and 5 more');
  });

  it('a file name with markup appears only escaped in the markup', () => {
    const markup = svgString(historyChart(input([null, [SCRIPT], null, null]), 'h'));
    expect(markup).not.toContain('<script');
    expect(markup).not.toContain('</script>');
    expect(markup).toContain('library changed: lib/&lt;script&gt;alert(1)&lt;/script&gt;.scenario');
    // The hollow points are there too, and every element of the markup is one the chart writes.
    expect(markup).toContain('class="series series-0 dot library"');
    const tags = new Set([...markup.matchAll(/<([a-z]+)/g)].map((m) => m[1]));
    expect([...tags].every((t) => ['svg', 'g', 'line', 'rect', 'path', 'text', 'title', 'desc', 'circle'].includes(t!))).toBe(true);
  });
});
