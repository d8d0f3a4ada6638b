// `scenario history FILE [--max N]` (LANGUAGE.md, More commands): the forecast of every committed
// version of the file, oldest first, and of the working copy when it differs. Text (a table:
// one row per version, one column per outcome), Markdown or the JSON of LANGUAGE.md. A version
// with errors has its error count and no numbers. Outside a repository or in a shallow clone:
// one line on stderr, exit 2. Numbers are cached by blob id (server/src/history/cache.ts).
import { VersionCache } from '../history/cache';
import type { GitOptions } from '../history/git';
import type { ImportRoot } from '../model/imports/host';
import { DEFAULT_MAX_VERSIONS, type FileHistory, fileHistory, type HistoryVersion } from '../history/versions';
import { describeError } from '../util/errors';
import { replaceControls } from '../../../common/text/controls';
import { escapeMarkdown } from '../../../common/text/markdown';
import { formatCount, formatElapsed, formatPercent } from '../../../common/text/numbers';
import { displayWidth, padEnd, padStart, truncate } from '../../../common/text/terminal';
import type { CommandResult } from './forecast';

export type HistoryFormat = 'text' | 'markdown' | 'json';
export const HISTORY_FORMATS: readonly HistoryFormat[] = ['text', 'markdown', 'json'];

export interface HistoryCommandOptions {
  format: HistoryFormat;
  max?: number;
  samples?: number;
  seed?: number;
  timing?: boolean;
  cache?: VersionCache;
  git?: GitOptions;
  /** The folder imports stay inside (`--root`); default: the repository's top folder. */
  root?: ImportRoot;
}

/** LANGUAGE.md's JSON, plus the path at each commit, the working copy's mark and how many were cached. */
export interface HistoryJson {
  file: string;
  versions: HistoryVersion[];
  truncated: boolean;
  cached: number;
  computed: number;
  elapsedMs?: number;
}

export async function runHistory(file: string, options: HistoryCommandOptions): Promise<CommandResult> {
  let history: FileHistory;
  try {
    history = await fileHistory(file, {
      max: options.max ?? DEFAULT_MAX_VERSIONS, samples: options.samples, seed: options.seed,
      cache: options.cache ?? new VersionCache(), git: options.git, root: options.root,
    });
  } catch (e) {
    return { output: '', exitCode: 2, errorOutput: `scenario history: ${replaceControls(describeError(e).replace(/\s*[\r\n]+\s*/g, ' '))}\n` };
  }
  const timing = options.timing !== false;
  const json: HistoryJson = {
    file, versions: history.versions, truncated: history.truncated, cached: history.cached, computed: history.computed,
    ...(timing ? { elapsedMs: history.elapsedMs } : {}),
  };
  const output = options.format === 'json' ? `${JSON.stringify(json, null, 2)}\n`
    : options.format === 'markdown' ? renderHistoryMarkdown(history) : renderHistoryText(history, timing);
  return { output, exitCode: 0, errorOutput: '' };
}

/** Every outcome any version has, in the order they first appear from the newest version back. */
function outcomeColumns(versions: HistoryVersion[]): string[] {
  const names: string[] = [];
  for (const v of [...versions].reverse()) for (const o of v.outcomes ?? []) if (!names.includes(o.name)) names.push(o.name);
  return names;
}

function cell(v: HistoryVersion, name: string): string {
  if (v.outcomes === null) return '';
  const o = v.outcomes.find((x) => x.name === name);
  return o ? formatPercent(o.probability, v.method === 'monte-carlo' ? v.samples : undefined) : '—';
}

function errorsText(v: HistoryVersion): string {
  if (v.message) return 'unreadable';
  return v.errors === 0 ? '' : `${formatCount(v.errors)} error${v.errors === 1 ? '' : 's'}`;
}

/** A library commit's cell: the first file it changed, and how many more. */
function importsCell(v: HistoryVersion): string {
  const files = v.changedImports ?? [];
  if (files.length === 0) return '';
  return `${files[0]!}${files.length > 1 ? ` +${formatCount(files.length - 1)}` : ''}`;
}

/** `, 3 of them changes of imported files only`, for the first line. */
function libraryCount(versions: readonly HistoryVersion[]): string {
  const n = versions.filter((v) => v.changedImports).length;
  return n === 0 ? '' : ` (${formatCount(n)} of ${n === 1 ? 'them a change' : 'them changes'} of imported files only)`;
}

function rowLabel(v: HistoryVersion): { commit: string; date: string } {
  return v.workingCopy ? { commit: 'working', date: 'copy' } : { commit: v.commit!.slice(0, 8), date: v.date!.slice(0, 10) };
}

export function renderHistoryText(history: FileHistory, timing: boolean): string {
  const safe = (s: string) => replaceControls(s.replace(/\s*[\r\n]+\s*/g, ' '));
  const out: string[] = [];
  const count = history.versions.filter((v) => !v.workingCopy).length;
  out.push(`${safe(history.file)}: ${formatCount(count)} committed version${count === 1 ? '' : 's'}${history.truncated ? ' (the newest; --max for more)' : ''}${libraryCount(history.versions)}${history.versions.some((v) => v.workingCopy) ? ' and the working copy' : ''}, oldest first`);
  if (history.versions.length === 0) return `${out.join('\n')}\n`;
  const names = outcomeColumns(history.versions);
  const columns: { title: string; right: boolean; cells: string[] }[] = [
    { title: 'commit', right: false, cells: history.versions.map((v) => rowLabel(v).commit) },
    { title: 'date', right: false, cells: history.versions.map((v) => rowLabel(v).date) },
    ...names.map((n) => ({ title: n, right: true, cells: history.versions.map((v) => cell(v, n)) })),
    { title: 'errors', right: false, cells: history.versions.map(errorsText) },
    { title: 'import changed', right: false, cells: history.versions.map((v) => truncate(safe(importsCell(v)), 40)) },
    { title: 'subject', right: false, cells: history.versions.map((v) => truncate(safe(v.subject ?? ''), 60)) },
  ];
  const used = columns.filter((c) => c.title === 'commit' || c.cells.some((x) => x !== ''));
  const widths = used.map((c) => Math.max(displayWidth(c.title), ...c.cells.map(displayWidth)));
  const line = (cells: string[]) => cells.map((x, i) => (used[i]!.right ? padStart(x, widths[i]!) : padEnd(x, widths[i]!))).join('  ').trimEnd();
  out.push(line(used.map((c) => safe(c.title))));
  history.versions.forEach((_, r) => out.push(line(used.map((c) => c.cells[r]!))));
  for (const v of history.versions) if (v.message) out.push(`${rowLabel(v).commit}: ${safe(v.message)}`);
  for (const v of history.versions) if (v.importError) out.push(`${rowLabel(v).commit}: ${safe(v.importError)}`);
  if (timing) out.push(`Computed in ${formatElapsed(history.elapsedMs)} (${formatCount(history.computed)} forecast, ${formatCount(history.cached)} from the cache).`);
  return `${out.join('\n')}\n`;
}

export function renderHistoryMarkdown(history: FileHistory): string {
  const md = escapeMarkdown;
  const names = outcomeColumns(history.versions);
  const out = [`## Forecast history: ${md(history.file)}`, ''];
  if (history.versions.length === 0) return `${out.join('\n')}No committed versions.\n`;
  // The column of imported files changed, only when some version is a commit of them alone.
  const library = history.versions.some((v) => v.changedImports);
  out.push(`| Commit | Date | ${names.map((n) => `\`${n}\``).join(' | ')} | Errors |${library ? ' Import changed |' : ''} Subject |`);
  out.push(`| --- | --- | ${names.map(() => '---:').join(' | ')} | --- |${library ? ' --- |' : ''} --- |`);
  for (const v of history.versions) {
    const label = rowLabel(v);
    const commit = v.workingCopy ? '*working copy*' : `\`${label.commit}\``;
    const changed = library ? ` ${(v.changedImports ?? []).map(md).join(', ')} |` : '';
    out.push(`| ${commit} | ${v.workingCopy ? '' : label.date} | ${names.map((n) => cell(v, n)).join(' | ')} | ${errorsText(v)} |${changed} ${md(v.subject ?? '')} |`);
  }
  return `${out.join('\n')}\n`;
}
