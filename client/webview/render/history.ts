// The preview's History section (issue 11): each outcome's probability over the file's committed
// versions and the working copy, as an SVG chart (common/report/historySvg.ts, built with DOM
// calls) and a table, its text equivalent. A version with errors is a gap with its error count;
// the working copy is marked. It arrives by its own message after the forecast (history can be
// slow cold); until then there is no section, and outside a repository it says so in one line. A
// commit that changed only files the model imports says so above its subject ("library
// lib/base.scenario changed", every file in its tooltip). Commit subjects and paths are repository
// text: shown as text.
import { changedImportsListed, changedImportsText, type HistoryData, type HistoryEntry } from '../../../common/history';
import { historyChart } from '../../../common/report/historySvg';
import { formatCount, formatPercent } from '../../../common/text/numbers';
import { el, section, td } from '../dom';
import { svgElement } from '../svg';
import { scrollArea } from './scrollArea';
import '../history.css';

/** What the page knows of the history: not asked yet (null), a notice, or the versions. */
export type HistoryShown = { history: HistoryData | null; notice: string | null } | null;

const samplingOf = (v: HistoryEntry) => (v.method === 'monte-carlo' ? v.samples : undefined);

/** Every outcome any version has, the newest version's first (as `scenario history`). */
function outcomeNames(versions: readonly HistoryEntry[]): string[] {
  const names: string[] = [];
  for (const v of [...versions].reverse()) for (const o of v.outcomes ?? []) if (!names.includes(o.name)) names.push(o.name);
  return names;
}

function versionLabel(v: HistoryEntry): string {
  return v.workingCopy ? 'working copy' : (v.date ?? '').slice(0, 10);
}

function errorsText(v: HistoryEntry): string {
  if (v.message) return 'unreadable';
  return v.errors === 0 ? '' : `${formatCount(v.errors)} error${v.errors === 1 ? '' : 's'}`;
}

/** A library commit's line above its subject, its files in its tooltip. */
function libraryNote(files: readonly string[] | undefined): HTMLElement | null {
  if (!files || files.length === 0) return null;
  const title = `This commit changed only files the model imports, not the file itself: ${changedImportsListed(files)}`;
  return el('span', { className: 'muted library', attrs: { title } }, [changedImportsText(files)]);
}

/** ` (2 of them changes of imported files only)`, for the summary line. */
function libraryCount(versions: readonly HistoryEntry[]): string {
  const n = versions.filter((v) => v.changedImports).length;
  return n === 0 ? '' : ` (${formatCount(n)} of ${n === 1 ? 'them a change' : 'them changes'} of imported files only)`;
}

export function historySection(shown: HistoryShown, labels: ReadonlyMap<string, string> = new Map()): HTMLElement | null {
  const doc = document;
  if (shown === null) return null; // not here yet (or no history source): no section
  if (!shown.history) return section('history', 'History', [el('p', { className: 'muted history-notice' }, [`No history: ${shown.notice ?? 'git has none for this file.'}`])]);
  const { versions, truncated, max } = shown.history;
  const committed = versions.filter((v) => !v.workingCopy).length;
  if (versions.length === 0) return section('history', 'History', [el('p', { className: 'muted history-notice' }, ['No history: this file has no commits yet.'])]);
  const names = outcomeNames(versions);
  const working = versions.findIndex((v) => v.workingCopy === true);
  const chart = historyChart({
    versions: versions.map(versionLabel),
    errors: versions.map((v) => (v.outcomes === null ? Math.max(1, v.errors) : 0)),
    workingCopy: working < 0 ? null : working,
    series: names.map((name) => ({ name, values: versions.map((v) => v.outcomes?.find((o) => o.name === name)?.probability ?? null) })),
    changedImports: versions.map((v) => v.changedImports ?? null),
  }, 'history-chart');
  const legend = el('ul', { className: 'history-legend' }, names.map((name, k) => el('li', {}, [
    el('span', { className: `swatch series-${k % 6}`, attrs: { 'aria-hidden': 'true' } }, []),
    el('code', {}, [name]),
    labels.has(name) ? el('span', { className: 'muted' }, [` ${labels.get(name)}`]) : null,
  ])));
  const header = el('tr', {}, [
    el('th', { attrs: { scope: 'col' } }, ['Version']),
    ...names.map((name) => el('th', { className: 'num', attrs: { scope: 'col', title: labels.get(name) ?? name } }, [name])),
    el('th', { attrs: { scope: 'col' } }, ['Errors']),
    el('th', { attrs: { scope: 'col' } }, ['Subject']),
  ]);
  const rows = versions.map((v) => {
    const kind = v.workingCopy ? 'working-copy' : v.outcomes === null ? 'gap' : '';
    const row = el('tr', { className: v.changedImports ? `${kind} library`.trim() : kind }, [
      el('th', { attrs: { scope: 'row' } }, [
        versionLabel(v),
        v.commit ? el('span', { className: 'muted commit' }, [` ${v.commit.slice(0, 8)}`]) : null,
      ]),
      ...names.map((name) => {
        if (v.outcomes === null) return td([''], 'num');
        const o = v.outcomes.find((x) => x.name === name);
        return td([o ? formatPercent(o.probability, samplingOf(v)) : '—'], 'num');
      }),
      td([errorsText(v)], v.errors > 0 || v.message ? 'errors' : ''),
      td([libraryNote(v.changedImports), v.subject ?? ''], 'subject'),
    ]);
    if (v.commit) row.dataset.commit = v.commit;
    return row;
  });
  const table = el('table', { className: 'history-table sticky-first' }, [
    el('caption', {}, ['Each version\u2019s probabilities, oldest first']), el('thead', {}, [header]), el('tbody', {}, rows),
  ]);
  const summary = `${formatCount(committed)} committed version${committed === 1 ? '' : 's'}${truncated ? ` (the newest ${formatCount(max)})` : ''}${libraryCount(versions)}${working >= 0 ? ' and the working copy' : ''}.`;
  return section('history', 'History', [
    el('p', { className: 'muted explain' }, [summary]),
    el('div', { className: 'history-chart-box' }, [svgElement(doc, chart)]),
    legend,
    scrollArea('History of the forecast', table),
  ]);
}
