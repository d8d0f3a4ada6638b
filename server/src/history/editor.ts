// The history layer's answers for the editor (the language server's history worker): a file's
// commits for a quick pick, its history, and the diff of a revision against the document as open
// now, in the shapes of common/history.ts (the CLI's JSON). Every failure is a one-line notice,
// never a throw. Pure of LSP; git runs as a child process with its time limits (git.ts).
import type { DocumentAnalysis } from '../analysis/analyzeSource';
import { diffJson } from '../cli/diff';
import { checkRecords } from '../cli/check';
import { describeError } from '../util/errors';
import { replaceControls } from '../../../common/text/controls';
import type { CompareDiff, FileCommitItem, HistoryData } from '../../../common/history';
import { DEFAULT_HISTORY_MAX } from '../../../common/history';
import { diffVersions } from './attribution';
import type { VersionCache } from './cache';
import { openRepository, pathInRepository, type GitOptions } from './git';
import { importerLog } from './importerLog';
import { VersionImports } from './versionImports';
import { analyseVersion, fileHistory, loadVersion, type LoadedVersion, versionName } from './versions';

const oneLine = (text: string) => replaceControls(text.replace(/\s*[\r\n]+\s*/g, ' '));

/** Clamps a requested bound to 1..10,000 (default 200). */
export function boundMax(max: number | undefined): number {
  if (typeof max !== 'number' || !Number.isFinite(max)) return DEFAULT_HISTORY_MAX;
  return Math.min(10_000, Math.max(1, Math.floor(max)));
}

/**
 * The file's versions for the quick pick, newest first: its own commits and, for a file that
 * imports, the commits that changed only files its imports reach (importerLog.ts), as `history`.
 */
export async function editorCommits(file: string, max: number | undefined, git: GitOptions = {}, cache: VersionCache | null = null): Promise<{ commits: FileCommitItem[]; truncated: boolean; notice: string | null }> {
  try {
    const bound = boundMax(max);
    const repo = await openRepository(file, git);
    const log = await importerLog(repo, pathInRepository(repo, file), bound, new VersionImports(repo, null, cache));
    const commits = log.slice(0, bound).filter((c) => c.blob !== null)
      .map((c) => ({ commit: c.commit, date: c.date, subject: c.subject, path: c.path }));
    return { commits, truncated: log.length > bound, notice: commits.length === 0 ? 'This file has no commits yet.' : null };
  } catch (e) {
    return { commits: [], truncated: false, notice: oneLine(describeError(e)) };
  }
}

export async function editorHistory(file: string, max: number | undefined, cache: VersionCache, git: GitOptions = {}): Promise<{ history: HistoryData | null; notice: string | null }> {
  try {
    const bound = boundMax(max);
    const h = await fileHistory(file, { max: bound, cache, git });
    const versions = h.versions.map((v) => {
      const { path: _path, ...entry } = v;
      return entry;
    });
    return { history: { versions, truncated: h.truncated, max: bound, cached: h.cached, computed: h.computed, elapsedMs: h.elapsedMs }, notice: null };
  } catch (e) {
    return { history: null, notice: oneLine(describeError(e)) };
  }
}

/**
 * The diff from `file@rev` to `text` (the document as the editor has it; the file on disk when
 * null), with the CLI's JSON (cli/diff.ts's diffJson), so the numbers are `scenario diff`'s.
 */
export async function editorCompare(file: string, rev: string, text: string | null, git: GitOptions = {}): Promise<{ diff: CompareDiff | null; notice: string | null }> {
  let versions: [LoadedVersion, LoadedVersion];
  try {
    const before = await loadVersion({ path: file, rev }, git);
    const after: LoadedVersion = text === null ? await loadVersion({ path: file, rev: null }, git) : { ref: { path: file, rev: null }, text, commit: null };
    versions = [before, after];
  } catch (e) {
    return { diff: null, notice: oneLine(describeError(e)) };
  }
  // Each version with its imports: the revision's from its commit, the open document's from the disk.
  let analyses: DocumentAnalysis[];
  try {
    analyses = await Promise.all(versions.map(async (v) => {
      const model = await analyseVersion(v, { git });
      if (!('analysis' in model)) throw new Error(`${versionName(v.ref)}: cannot read the file (${model.problem})`);
      return model.analysis;
    }));
  } catch (e) {
    return { diff: null, notice: oneLine(describeError(e)) };
  }
  for (let i = 0; i < 2; i++) {
    const a = analyses[i]!;
    if (!a.model.hasErrors) continue;
    const name = versionName(versions[i]!.ref);
    const records = checkRecords(name, a.text, a.diagnostics).filter((r) => r.severity === 'error');
    const first = records[0];
    const where = first ? `, first at line ${first.line}, column ${first.column}` : '';
    const side = i === 0 ? `the old version (${oneLine(name)})` : 'the file as open now';
    return { diff: null, notice: `${side} has ${records.length} error${records.length === 1 ? '' : 's'}${where}; fix ${records.length === 1 ? 'it' : 'them'} to compare forecasts` };
  }
  try {
    const result = diffVersions(analyses[0]!, analyses[1]!);
    return { diff: diffJson(versions, result, true), notice: null };
  } catch (e) {
    return { diff: null, notice: oneLine(describeError(e)) };
  }
}
