// The history's charts as a small SVG tree (pure): a line per outcome over a file's versions, and
// the waterfall of one outcome's delta over the changes that moved it. One tree, two writers: the
// preview and the compare page build it with DOM calls (client/webview/svg.ts, createElementNS;
// never markup), and `svgString` writes it through the report's one escaper for HTML output.
// Colours are CSS classes (series-N, positive, negative), so each page's theme styles them.
// A version from a commit of imported files only (a library change) has hollow points (`dot
// library`), the files in their titles, and the chart a key, "library changed: …".
// Every chart has a text equivalent (a table) on the page; the tree's <title>/<desc> say so.
import { changedImportsListed } from '../history';
import { escapeHtml } from '../text/html';
import { replaceControls } from '../text/controls';
import { cutToChars } from '../text/ellipsis';
import { formatCount, formatPercent, formatPoints, round } from '../text/numbers';

export type SvgTag = 'svg' | 'g' | 'line' | 'rect' | 'path' | 'text' | 'title' | 'desc' | 'circle';

/** An element: attribute names are this code's; values and text may be file text (shown as text). */
export interface SvgNode {
  tag: SvgTag;
  attrs: Record<string, string | number>;
  children: (SvgNode | string)[];
}

function n(tag: SvgTag, attrs: SvgNode['attrs'] = {}, children: SvgNode['children'] = []): SvgNode {
  return { tag, attrs, children };
}
const label = (attrs: SvgNode['attrs'], content: string) => n('text', attrs, [replaceControls(content)]);

/** The tree as markup, every value escaped (for the standalone HTML). */
export function svgString(node: SvgNode): string {
  const attrs = Object.entries(node.attrs).map(([k, v]) => ` ${k}="${escapeHtml(typeof v === 'number' ? String(round(v, 1)) : replaceControls(v))}"`).join('');
  const inner = node.children.map((c) => (typeof c === 'string' ? escapeHtml(replaceControls(c)) : svgString(c))).join('');
  return inner.length === 0 ? `<${node.tag}${attrs}/>` : `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

function frame(id: string, width: number, height: number, title: string, description: string, body: SvgNode[]): SvgNode {
  return n('svg', {
    viewBox: `0 0 ${round(width, 1)} ${round(height, 1)}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`,
    class: 'chart history-chart', id, preserveAspectRatio: 'xMinYMin meet',
  }, [n('title', { id: `${id}-title` }, [title]), n('desc', { id: `${id}-desc` }, [description]), ...body]);
}

// ---- history: probability over the versions -------------------------------------------------

export interface HistorySeries {
  name: string;
  /** One per version, oldest first: a probability, or null (a gap: the version has errors or lacks the outcome). */
  values: (number | null)[];
}

export interface HistoryChartInput {
  /** Labels of the versions along the axis (dates; "working copy"). */
  versions: string[];
  /** Errors per version (0 when it checks); a version with errors is drawn as a marked gap. */
  errors: number[];
  /** Index of the working copy, if it is in the history. */
  workingCopy: number | null;
  series: HistorySeries[];
  /**
   * One per version (optional): the files a commit of imported files only changed (HistoryEntry's
   * `changedImports`, repository text), or null/undefined for a version of the file itself.
   */
  changedImports?: readonly (readonly string[] | null | undefined)[];
}

export const HISTORY_WIDTH = 640;

/** Characters of file names the chart's key shows (the whole list is in its title). */
const KEY_CHARS = 40;

/** Lines over equally spaced versions (the table beside it has the dates and numbers). */
export function historyChart(input: HistoryChartInput, id: string): SvgNode {
  const left = 40;
  const right = HISTORY_WIDTH - 12;
  const top = 10;
  const bottom = 190;
  const count = input.versions.length;
  const x = (i: number) => (count <= 1 ? (left + right) / 2 : left + (i / (count - 1)) * (right - left));
  const y = (p: number) => bottom - Math.min(1, Math.max(0, p)) * (bottom - top);
  const library = (i: number) => {
    const files = input.changedImports?.[i];
    return files && files.length > 0 ? files : null;
  };
  /** Every file a library commit of the history changed, once each, oldest first. */
  const changed = new Set<string>();
  let libraryVersions = 0;
  input.versions.forEach((_, i) => {
    const files = library(i);
    if (!files) return;
    libraryVersions += 1;
    for (const f of files) changed.add(f);
  });
  const changedFiles = [...changed];
  const body: SvgNode[] = [];
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    body.push(n('g', { class: 'tick' }, [
      n('line', { class: 'grid', x1: left, x2: right, y1: y(t), y2: y(t) }),
      label({ class: 'axis', x: left - 6, y: y(t) + 4, 'text-anchor': 'end' }, `${t * 100}%`),
    ]));
  }
  input.errors.forEach((errors, i) => {
    if (errors === 0) return;
    const half = count <= 1 ? 20 : Math.max(4, (right - left) / (count - 1) / 2);
    const files = library(i);
    body.push(n('g', { class: files ? 'gap library' : 'gap' }, [
      n('title', {}, [`${input.versions[i] ?? ''}: ${errors} error${errors === 1 ? '' : 's'}, no numbers${files ? `; library changed: ${changedImportsListed(files)}` : ''}`]),
      n('rect', { class: 'gap-band', x: x(i) - half, y: top, width: 2 * half, height: bottom - top }),
      label({ class: 'axis gap-label', x: x(i), y: top + 12, 'text-anchor': 'middle' }, `${errors}×`),
    ]));
  });
  if (input.workingCopy !== null) {
    body.push(n('g', { class: 'working-copy' }, [
      n('title', {}, ['The working copy (not committed)']),
      n('line', { class: 'now', x1: x(input.workingCopy), x2: x(input.workingCopy), y1: top, y2: bottom }),
    ]));
  }
  input.series.forEach((s, k) => {
    const cls = `series series-${k % 6}`;
    let d = '';
    let open = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        open = false;
        return;
      }
      d += `${open ? 'L' : 'M'}${round(x(i), 1)} ${round(y(v), 1)}`;
      open = true;
    });
    const points = s.values.map((v, i) => {
      if (v === null) return null;
      const files = library(i);
      // A library change: a hollow point, a little larger so the ring shows at side-pane width.
      return n('circle', { class: files ? `${cls} dot library` : `${cls} dot`, cx: x(i), cy: y(v), r: i === input.workingCopy ? 4 : files ? 3.5 : 2.5 }, [
        n('title', {}, [`${s.name}, ${input.versions[i] ?? ''}: ${formatPercent(v)}${files ? `; library changed: ${changedImportsListed(files)}` : ''}`]),
      ]);
    }).filter((p): p is SvgNode => p !== null);
    body.push(n('g', { class: cls, 'data-name': s.name }, [n('path', { class: 'line', d: d || 'M0 0' }), ...points]));
  });
  if (count > 0) {
    body.push(label({ class: 'axis', x: left, y: bottom + 16, 'text-anchor': 'start' }, input.versions[0] ?? ''));
    if (count > 1) body.push(label({ class: 'axis', x: right, y: bottom + 16, 'text-anchor': 'end' }, input.versions[count - 1] ?? ''));
  }
  if (changedFiles.length > 0) {
    // The key, on the dates' line between the first and the last: a hollow point, then the files
    // (shortened so it ends before the last date; every file is in its title).
    const at = left + 82;
    body.push(n('g', { class: 'library-key' }, [
      n('title', {}, [`A hollow point is a version in which only files the model imports changed; library changed: ${changedImportsListed(changedFiles)}`]),
      n('circle', { class: 'key-dot', cx: at, cy: bottom + 12, r: 3.5 }),
      label({ class: 'axis key', x: at + 8, y: bottom + 16, 'text-anchor': 'start' }, `library changed: ${cutToChars(changedImportsListed(changedFiles), KEY_CHARS)}`),
    ]));
  }
  const libraryDescription = libraryVersions === 0 ? ''
    : ` A hollow point is a version in which only files the model imports changed (${formatCount(libraryVersions)} version${libraryVersions === 1 ? '' : 's'}; library changed: ${changedImportsListed(changedFiles)}).`;
  const description = `${input.series.length} outcome${input.series.length === 1 ? '' : 's'} over ${count} version${count === 1 ? '' : 's'}, oldest on the left; a shaded column is a version with errors.${libraryDescription} The table that follows lists every number.`;
  return frame(id, HISTORY_WIDTH, bottom + 24, 'Probability over the versions', description, body);
}

// ---- waterfall: one outcome's delta over its changes --------------------------------------

export interface WaterfallStep {
  /** Short text for the row: "#1 rapport". */
  label: string;
  points: number;
}

/**
 * Before, each change's share stacked from where the last one left off, and after, on a percent
 * axis zoomed to what the bars span (so a move of a few points is visible).
 */
export function waterfallChart(before: number, after: number, steps: readonly WaterfallStep[], id: string, title: string): SvgNode {
  const row = 22;
  const bar = 14;
  const nameWidth = 150;
  const valueWidth = 70;
  const left = nameWidth;
  const right = HISTORY_WIDTH - valueWidth;
  const totals: number[] = [before * 100];
  for (const s of steps) totals.push(totals[totals.length - 1]! + s.points);
  const low = Math.max(0, Math.min(...totals, after * 100));
  const high = Math.min(100, Math.max(...totals, after * 100));
  const pad = Math.max(1, (high - low) * 0.15);
  const min = Math.max(0, Math.floor((low - pad) / 5) * 5);
  const max = Math.min(100, Math.ceil((high + pad) / 5) * 5);
  const x = (v: number) => left + ((Math.min(max, Math.max(min, v)) - min) / Math.max(1e-9, max - min)) * (right - left);
  const rows: { text: string; from: number; to: number; value: string; cls: string }[] = [
    { text: 'before', from: min, to: before * 100, value: formatPercent(before), cls: 'total' },
    ...steps.map((s, i) => ({ text: s.label, from: totals[i]!, to: totals[i + 1]!, value: formatPoints(s.points), cls: s.points < 0 ? 'negative' : 'positive' })),
    { text: 'after', from: min, to: after * 100, value: formatPercent(after), cls: 'total' },
  ];
  const plotBottom = 6 + rows.length * row;
  const body: SvgNode[] = [];
  const step = max - min > 40 ? 20 : max - min > 20 ? 10 : 5;
  for (let t = Math.ceil(min / step) * step; t <= max + 1e-9; t += step) {
    body.push(n('g', { class: 'tick' }, [
      n('line', { class: 'grid', x1: x(t), x2: x(t), y1: 2, y2: plotBottom }),
      label({ class: 'axis', x: x(t), y: plotBottom + 14, 'text-anchor': 'middle' }, `${t}%`),
    ]));
  }
  rows.forEach((r, i) => {
    const yTop = 6 + i * row + (row - bar) / 2;
    const chars = Math.floor((nameWidth - 12) / 7);
    const shown = cutToChars(r.text, chars);
    body.push(n('g', { class: `row ${r.cls}` }, [
      n('title', {}, [`${r.text}: ${r.value}`]),
      label({ class: 'name', x: left - 8, y: yTop + bar - 3, 'text-anchor': 'end' }, shown),
      n('rect', { class: `bar ${r.cls}`, x: x(Math.min(r.from, r.to)), y: yTop, width: Math.max(1, Math.abs(x(r.to) - x(r.from))), height: bar }),
      label({ class: 'value', x: right + 6, y: yTop + bar - 3 }, r.value),
    ]));
  });
  const description = `From ${formatPercent(before)} to ${formatPercent(after)} in ${steps.length} step${steps.length === 1 ? '' : 's'}, one per change that moved it; the table that follows lists every share.`;
  return frame(id, HISTORY_WIDTH, plotBottom + 22, title, description, body);
}
