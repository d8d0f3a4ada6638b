// The compare page: the forecast's diff from a revision to the document as open now. Per outcome
// that moved: before → after and the delta, the sentence in words (explain.ts, from the server),
// a waterfall of its attributions (common/report/historySvg.ts, built with DOM calls) and the
// table of those shares, its text equivalent, where each change is a button to its line in the
// editor (a removed thing has no line now: the row says so). Then every change. Every message is
// validated; everything from the file or the repository is text.
import type { ComparePageState, FromComparePage, ToComparePage } from '../../../common/compareMessages';
import { CHANGE_KIND_WORDS, type CompareChange, type CompareDiff, type CompareOutcome } from '../../../common/history';
import { waterfallChart } from '../../../common/report/historySvg';
import { formatCount, formatPercent, formatPoints } from '../../../common/text/numbers';
import { el, makeActivatable, td } from '../dom';
import { svgElement } from '../svg';
import { scrollArea } from '../render/scrollArea';
import { notice } from '../render/notice';
import { nullableText, oneOf, record, text, bool } from '../validate';
import { compareDiff } from '../validateHistory';

export interface CompareApi {
  postMessage(message: FromComparePage): void;
  setState?(state: ComparePageState): void;
}

type CompareMessage = Extract<ToComparePage, { type: 'compare' }>;

/** A message from the extension, validated; null for anything else. */
export function parseToComparePage(value: unknown): ToComparePage | null {
  try {
    const m = record(value);
    if (m.type === 'theme') return { type: 'theme', kind: oneOf(m.kind, ['light', 'dark', 'high-contrast', 'high-contrast-light'] as const) };
    if (m.type !== 'compare') return null;
    return {
      type: 'compare', uri: text(m.uri, 4096), fileName: text(m.fileName), revision: text(m.revision, 2000), rev: text(m.rev, 1000), loading: bool(m.loading),
      diff: m.diff === null ? null : compareDiff(m.diff), notice: nullableText(m.notice),
    };
  } catch {
    return null;
  }
}

/** What a change says: `rapport: likely → 40%`. */
export function changeText(c: CompareChange): string {
  const value = (s: string | null) => s ?? '(none)';
  if (c.kind === 'rename') return `${value(c.before)} → ${value(c.after)}`;
  const subject = c.kind === 'text' ? `${c.name} ${c.field ?? ''}`.trim() : c.outcome ? `${c.outcome} ← ${c.name}` : c.name;
  if (c.kind === 'declaration-added') return `${subject} (${value(c.after)})`;
  if (c.kind === 'declaration-removed') return `${subject} (${value(c.before)})`;
  if (c.kind === 'driver-added') return `${subject}: ${value(c.after)}`;
  if (c.kind === 'driver-removed') return `${subject}: was ${value(c.before)}`;
  return `${subject}: ${value(c.before)} → ${value(c.after)}`;
}

function whereCell(c: CompareChange): HTMLTableCellElement {
  if (c.line === null) return td(['—'], 'num muted');
  if (c.side === 'before') return td([`removed (was line ${c.line})`], 'muted');
  return td([`line ${c.line}`], 'num');
}

export function startComparePage(root: HTMLElement, api: CompareApi): { receive(data: unknown): void } {
  const uri = root.dataset.uri ?? '';
  let shown: CompareMessage | null = null;

  const reveal = (c: CompareChange) => api.postMessage({ type: 'revealChange', uri: shown?.uri ?? uri, change: c.id });

  function changeRow(c: CompareChange, points: number | null, key: string): HTMLTableRowElement {
    const row = el('tr', { className: points === null ? '' : points < 0 ? 'negative' : 'positive' }, [
      td([`#${c.id}`], 'num'),
      td([CHANGE_KIND_WORDS[c.kind]]),
      td([el('code', {}, [changeText(c)])], 'what'),
      whereCell(c),
      ...(points === null ? [] : [td([formatPoints(points)], 'num points')]),
    ]);
    row.dataset.change = String(c.id);
    if (points !== null) row.dataset.points = String(points);
    if (c.line !== null && c.side === 'after') makeActivatable(row, key, `Go to line ${c.line}`, () => reveal(c));
    else row.title = c.side === 'before' ? 'Removed: it is only in the old version' : 'No line';
    return row;
  }

  function outcomeBlock(o: CompareOutcome, diff: CompareDiff, index: number): HTMLElement {
    const byId = new Map(diff.changes.map((c) => [c.id, c]));
    const before = o.before === null ? 'new' : formatPercent(o.before);
    const after = o.after === null ? 'removed' : formatPercent(o.after);
    const block = el('section', { className: 'block compare-outcome', attrs: { 'aria-labelledby': `outcome-${index}` } }, [
      el('h2', { attrs: { id: `outcome-${index}` } }, [o.label, ' ', el('code', {}, [o.name])]),
      el('p', { className: 'move' }, [
        el('span', { className: 'num' }, [before]), ' → ', el('span', { className: 'num' }, [after]),
        o.delta === null ? '' : el('span', { className: `delta ${o.delta < 0 ? 'negative' : 'positive'}` }, [`  ${formatPoints(o.delta)} points`]),
      ]),
      o.explanation ? el('p', { className: 'explanation' }, [o.explanation]) : null,
    ]);
    block.dataset.outcome = o.name;
    if (o.before !== null) block.dataset.before = String(o.before);
    if (o.after !== null) block.dataset.after = String(o.after);
    if (o.delta !== null) block.dataset.delta = String(o.delta);
    if (o.before !== null && o.after !== null && o.attribution.length > 0) {
      const steps = o.attribution.map((a) => ({ label: `#${a.change} ${byId.get(a.change)?.name ?? ''}`, points: a.points }));
      const chart = waterfallChart(o.before, o.after, steps, `waterfall-${index}`, `${o.label}: from ${before} to ${after}`);
      block.append(el('div', { className: 'waterfall-box' }, [svgElement(root.ownerDocument, chart)]));
      const rows = o.attribution.map((a) => changeRow(byId.get(a.change)!, a.points, `share:${o.name}:${a.change}`));
      const table = el('table', { className: 'waterfall-table' }, [
        el('caption', {}, [`Each change\u2019s share of the ${formatPoints(o.delta ?? 0)} points (click one to go to its line)`]),
        el('thead', {}, [el('tr', {}, ['#', 'Change', 'What', 'Where', 'Points'].map((t, i) => el('th', { className: i === 0 || i === 4 ? 'num' : '', attrs: { scope: 'col' } }, [t])))]),
        el('tbody', {}, rows),
      ]);
      block.append(scrollArea(`Shares of ${o.name}`, table));
    }
    return block;
  }

  function content(m: CompareMessage): Node[] {
    const out: Node[] = [
      el('h1', {}, ['Forecast changes: ', el('span', { className: 'file' }, [m.fileName])]),
      el('p', { className: 'muted explain' }, [`From ${m.revision || 'a revision'} to the file as open now.`]),
    ];
    if (m.loading) return [...out, notice('info', 'Comparing the forecasts\u2026')];
    if (!m.diff) return [...out, notice('empty', `No comparison: ${m.notice ?? 'the server sent none.'}`)];
    const d = m.diff;
    const moving = d.changes.filter((c) => c.attributed).length;
    out.push(el('p', { className: 'muted explain method' }, [
      `${formatCount(d.changes.length)} change${d.changes.length === 1 ? '' : 's'}, ${formatCount(moving)} that can move probabilities; `
      + `${d.attributionMethod === 'exact' ? 'exact Shapley values' : 'Shapley values from sampled orders'} over ${formatCount(d.forecasts)} forecasts.`,
    ]));
    if (d.changes.length === 0) out.push(notice('info', 'No changes: the two versions are the same model.'));
    const moved = d.outcomes.filter((o) => o.delta === null || o.delta !== 0);
    moved.forEach((o, i) => out.push(outcomeBlock(o, d, i)));
    const unchanged = d.outcomes.filter((o) => o.delta === 0);
    if (unchanged.length > 0) {
      out.push(el('p', { className: 'muted unchanged' }, [`Unchanged: ${unchanged.map((o) => `${o.name} ${formatPercent(o.after ?? 0)}`).join(', ')}`]));
    }
    if (d.changes.length > 0) {
      const table = el('table', { className: 'changes-table' }, [
        el('caption', {}, ['Every change (click one to go to its line)']),
        el('thead', {}, [el('tr', {}, ['#', 'Change', 'What', 'Where'].map((t, i) => el('th', { className: i === 0 ? 'num' : '', attrs: { scope: 'col' } }, [t])))]),
        el('tbody', {}, d.changes.map((c) => changeRow(c, null, `change:${c.id}`))),
      ]);
      out.push(el('section', { className: 'block', attrs: { id: 'changes', 'aria-labelledby': 'changes-heading' } }, [
        el('h2', { attrs: { id: 'changes-heading' } }, ['Changes']), scrollArea('Every change', table),
      ]));
    }
    return out;
  }

  function render(): void {
    const doc = root.ownerDocument;
    const active = doc.activeElement;
    const focusKey = active instanceof HTMLElement && root.contains(active) ? active.dataset.key : undefined;
    root.replaceChildren(el('div', { className: 'page compare-page' }, shown ? content(shown) : [notice('info', 'Waiting for the comparison\u2026')]));
    if (focusKey !== undefined) Array.from(root.querySelectorAll<HTMLElement>('[data-key]')).find((e) => e.dataset.key === focusKey)?.focus();
  }

  function receive(data: unknown): void {
    const m = parseToComparePage(data);
    if (!m) return;
    if (m.type === 'compare') {
      if (m.uri !== uri) return;
      shown = m;
      api.setState?.({ uri: m.uri, rev: m.rev, revision: m.revision });
    }
    render();
  }

  root.ownerDocument.defaultView?.addEventListener('message', (event: MessageEvent) => receive(event.data));
  render();
  api.postMessage({ type: 'ready', uri });
  return { receive };
}
