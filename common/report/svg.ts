// The standalone report's charts as inline SVG, from the preview's chart specs (chartSpecs.ts).
// Our own small writer rather than a library: the charts are a few bars, whiskers and labels; the
// libraries that render SVG without a browser either need a DOM shim (svgdom, jsdom) or bring a
// whole grammar of graphics (Vega, about a megabyte) into a CLI that starts in milliseconds and an
// extension bundle; and here every string that reaches the markup goes through the one escaper,
// which is easy to check. Colours come from CSS classes, so the report's styles (dark mode,
// print) restyle the charts too. Text widths are estimated (no browser to measure them), so
// names are cut to fit, with the full name in each row's tooltip. Pure.
import { escapeHtml } from '../text/html';
import { replaceControls } from '../text/controls';
import { cutToChars } from '../text/ellipsis';
import { round } from '../text/numbers';
import { describeSpec, percentAxis, type BarChartSpec, type WorldsChartSpec } from './chartSpecs';

type Attrs = Record<string, string | number>;

/** File text or ours, inert in SVG text and attributes. */
const text = (s: string) => escapeHtml(replaceControls(s));

function attrs(a: Attrs): string {
  return Object.entries(a).map(([k, v]) => ` ${k}="${typeof v === 'number' ? round(v, 1) : text(v)}"`).join('');
}

function tag(name: string, a: Attrs, children: string[] = []): string {
  return children.length === 0 ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${children.join('')}</${name}>`;
}

const label = (a: Attrs, content: string) => tag('text', a, [text(content)]);
const tooltip = (content: string) => `<title>${text(content)}</title>`;


// Geometry, in SVG user units (the CSS sizes the whole chart; fonts scale with it).
const WIDTH = 640;
const ROW = 24;
const BAR = 14;
const CHAR = 7.2; // about one character of the 12-unit monospace font the names use
const AXIS = 34;

function chartFrame(id: string, width: number, height: number, title: string, description: string, body: string[]): string {
  return tag('svg', {
    viewBox: `0 0 ${round(width, 1)} ${round(height, 1)}`, width: round(width, 1), height: round(height, 1),
    role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, class: 'chart', id,
  }, [tag('title', { id: `${id}-title` }, [text(title)]), tag('desc', { id: `${id}-desc` }, [text(description)]), ...body]);
}

/**
 * Horizontal bars on the preview's percent axis (percentAxis): probabilities from 0 with their
 * bands as whiskers, or a tornado, each bar from P(O | driver false) to P(O | driver true) around
 * a dashed line at the outcome's probability now, with the swing beside it.
 */
export function barChartSvg(spec: BarChartSpec, id: string): string {
  const nameChars = Math.min(28, Math.max(6, ...spec.names.map((n) => [...n].length)));
  const left = nameChars * CHAR + 12;
  const valueWidth = spec.kind === 'swing' ? 170 : 120;
  const right = WIDTH - valueWidth;
  const { min, max, ticks } = percentAxis(spec);
  const x = (v: number) => left + ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * (right - left);
  const plotBottom = 8 + spec.values.length * ROW;
  const body: string[] = ticks.map((t) => tag('g', { class: 'tick' }, [
    tag('line', { class: 'grid', x1: x(t), x2: x(t), y1: 4, y2: plotBottom }),
    label({ class: 'axis', x: x(t), y: plotBottom + 14, 'text-anchor': 'middle' }, `${t}%`),
  ]));
  body.push(label({ class: 'axis', x: (left + right) / 2, y: plotBottom + 30, 'text-anchor': 'middle' },
    spec.kind === 'swing' ? 'probability of the outcome: driver false → driver true' : 'probability'));
  spec.values.forEach((value, i) => {
    const y = 8 + i * ROW + (ROW - BAR) / 2;
    const mid = y + BAR / 2;
    const span = spec.spans?.[i];
    const [from, to] = span ? [span.from, span.to] : [0, value];
    const band = spec.bands?.[i];
    const bandText = spec.bandTexts?.[i];
    const detail = span ? `: ${span.fromText} → ${span.toText}` : bandText ? `  ${bandText}` : '';
    const row = [
      tooltip(`${spec.labels[i] ?? ''}: ${spec.texts[i] ?? ''}${span ? ` (${span.fromText} → ${span.toText})` : bandText ? ` (band ${bandText})` : ''}`),
      label({ class: 'name', x: left - 8, y: mid + 4, 'text-anchor': 'end' }, cutToChars(spec.names[i] ?? '', nameChars)),
      tag('rect', {
        class: `bar ${spec.kind === 'swing' && to < from ? 'negative' : 'positive'}`,
        x: x(Math.min(from, to)), y, width: Math.max(1, Math.abs(x(to) - x(from))), height: BAR,
      }),
    ];
    if (band) {
      const [a, b] = [round(x(band[0]), 1), round(x(band[1]), 1)];
      row.push(tag('path', { class: 'whisker', d: `M${a} ${round(mid, 1)}H${b}M${a} ${round(mid - 5, 1)}V${round(mid + 5, 1)}M${b} ${round(mid - 5, 1)}V${round(mid + 5, 1)}` }));
    }
    row.push(label({ class: 'value', x: right + 8, y: mid + 4 }, `${spec.texts[i] ?? ''}${detail}`));
    body.push(tag('g', { class: 'row' }, row));
  });
  if (spec.reference) {
    const at = x(spec.reference.value);
    body.push(tag('g', { class: 'reference' }, [
      tooltip(`The outcome's probability now: ${spec.reference.text}`),
      tag('line', { class: 'now', x1: at, x2: at, y1: 2, y2: plotBottom }),
    ]));
  }
  let height = plotBottom + AXIS;
  if (spec.omitted > 0) {
    body.push(label({ class: 'axis', x: left, y: height + 4 }, `and ${spec.omitted} more, each smaller`));
    height += 16;
  }
  return chartFrame(id, WIDTH, height + 4, spec.title, describeSpec(spec), body);
}

/** The worlds as a matrix: a dot per outcome (filled where it holds) beside the world's probability bar. */
export function worldsSvg(spec: WorldsChartSpec, id: string): string {
  const header = Math.min(28, Math.max(4, ...spec.outcomes.map((n) => [...n].length))) * CHAR * 0.75 + 16;
  const column = 26;
  const barLeft = 56;
  const barWidth = 140;
  const dotsLeft = barLeft + barWidth + 24;
  // Room on the right for the last names, which slant up and to the right.
  const width = Math.max(320, dotsLeft + spec.outcomes.length * column + header * 0.8);
  const largest = Math.max(1, ...spec.rows.map((r) => r.percent));
  const scaleTop = Math.min(100, Math.ceil(largest / 10) * 10);
  const body: string[] = spec.outcomes.map((name, j) => {
    const cx = dotsLeft + j * column + column / 2;
    return tag('g', { class: 'column' }, [
      tooltip(name),
      label({ class: 'name', x: cx, y: header - 8, transform: `rotate(-40 ${round(cx, 1)} ${round(header - 8, 1)})` }, cutToChars(name, 28)),
    ]);
  });
  spec.rows.forEach((row, i) => {
    const top = header + i * ROW;
    const mid = top + ROW / 2;
    body.push(tag('g', { class: 'row' }, [
      tooltip(`${row.text}: ${row.words}`),
      label({ class: 'value', x: barLeft - 8, y: mid + 4, 'text-anchor': 'end' }, row.text),
      tag('rect', { class: 'bar positive', x: barLeft, y: mid - BAR / 2, width: Math.max(1, (row.percent / scaleTop) * barWidth), height: BAR }),
      ...row.holds.map((holds, j) => tag('circle', {
        class: holds ? 'dot holds' : 'dot', cx: dotsLeft + j * column + column / 2, cy: mid, r: 6,
      })),
    ]));
  });
  const height = header + spec.rows.length * ROW + 8;
  const description = `${spec.rows.length} worlds; each row's filled dots are the outcomes that hold. The table that follows lists every number.`;
  return chartFrame(id, width, height, spec.title, description, body);
}
