// The versions of a file that imports (LANGUAGE.md, More commands: history, score): its own
// commits (`git log --follow`) and the commits that changed only files its imports reach, where
// "reach" is what the file imported at that commit (what a library imported then, too). A version
// is a state of the file's forecast, and a commit that changes only a library changes it.
//
// How, without a git call per commit: the file's own log, then what its imports reach at each of
// its own commits (the import closure read from the commit's tree: versionImports.ts, by object
// id), then one `git log` over every name the file had and every path those closures reach. Each
// commit of that log that is not one of the file's own is a version when it changed a file the
// closure at that commit reaches (the file's blob there read from its tree). A closure at such a
// commit that reaches a path not asked for yet (a library that began to import another) asks
// again with it. The log is bounded: the union of the file's newest `max + 1` own commits and the
// library commits among them; so `--max N` bounds it as before.
import * as nodePath from 'node:path';
import { fileLog, type FileCommit, type LogCommit, pathsLog, type Repository } from './git';
import type { VersionImports } from './versionImports';

/** A version of the file: its own commit, or (`changedImports`) a commit that changed only files it imports. */
export interface VersionCommit extends FileCommit {
  /** The files its imports reach that the commit changed, relative to the file's folder, with `/` (`lib/base.scenario`). */
  changedImports?: string[];
}

/** Rounds of asking git again at most, each with the paths a library began to import. */
const MAX_ROUNDS = 8;

/**
 * The versions of `repoPath` from `from`, newest first, at most `max + 1` (so that more than `max`
 * says there were more). The file's own commits include those that deleted it (`blob` null), as
 * fileLog's; a commit of a library is listed only where the file exists.
 */
export async function importerLog(repo: Repository, repoPath: string, max: number, imports: VersionImports, from = 'HEAD'): Promise<VersionCommit[]> {
  const bound = Math.max(1, Math.floor(max)) + 1;
  const own = await fileLog(repo, repoPath, bound, from);
  const live = own.filter((c) => c.blob !== null).map((c) => ({ commit: c.commit, repoPath: c.path || repoPath, blob: c.blob! }));
  if (live.length === 0 || !imports.store) return own;
  const closures = await imports.closuresAt(live);
  const asked = new Set<string>();
  for (const c of closures) for (const f of c.closure?.files ?? []) asked.add(f);
  if (asked.size === 0) return own;

  const names = [...new Set(own.map((c) => c.path || repoPath))];
  const oldest = own[own.length - 1]!.commit;
  let found: VersionCommit[] = [];
  let log: LogCommit[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const paths = [...asked].filter((p) => !names.includes(p));
    log = await logDownTo(repo, [...names, ...paths], oldest, bound, from);
    const { versions, reached } = await libraryVersions(log, own, new Set(paths), imports, repoPath);
    found = versions;
    const more = [...reached].filter((p) => !asked.has(p) && !names.includes(p));
    if (more.length === 0) break;
    for (const p of more) asked.add(p);
  }
  return merge(own, found, log).slice(0, bound);
}

/**
 * `git log` over the paths, newest first, down to the commit `oldest` (the oldest own commit
 * wanted): asked for a few times `bound` commits, and for twice as many while `oldest` is not in
 * it and git had more.
 */
async function logDownTo(repo: Repository, paths: readonly string[], oldest: string, bound: number, from: string): Promise<LogCommit[]> {
  for (let count = 4 * bound + 16; ; count *= 2) {
    const log = await pathsLog(repo, paths, count, from);
    const at = log.findIndex((c) => c.commit === oldest);
    if (at >= 0) return log.slice(0, at + 1);
    if (log.length < count) return log;
  }
}

/**
 * The commits of `log` that are no own commit of the file and changed a file its imports reach
 * at that commit (`libraries`: the paths asked for, the file's own names left out); and every
 * path the closures at those commits reach (to ask for next).
 */
async function libraryVersions(log: readonly LogCommit[], own: readonly FileCommit[], libraries: ReadonlySet<string>, imports: VersionImports, fallback: string) {
  // The file as it stood at each other commit: the path and blob of its nearest own commit below it in the log.
  const ownBy = new Map(own.map((c) => [c.commit, c]));
  const candidates: { commit: LogCommit; repoPath: string }[] = [];
  let below: FileCommit | undefined;
  for (let i = log.length - 1; i >= 0; i--) {
    const c = log[i]!;
    const mine = ownBy.get(c.commit);
    if (mine) {
      below = mine;
      continue;
    }
    if (!below || below.blob === null) continue;
    if (!c.changes.some((x) => libraries.has(x.path))) continue;
    candidates.push({ commit: c, repoPath: below.path || fallback });
  }
  // Its blob read from the commit's own tree (a branch may differ from the nearest commit below).
  const closures = await imports.closuresAt(candidates.map((c) => ({ commit: c.commit.commit, repoPath: c.repoPath })));
  const versions: VersionCommit[] = [];
  const reached = new Set<string>();
  candidates.forEach((c, i) => {
    const { blob, closure } = closures[i]!;
    if (blob === null) return;
    const files = new Set(closure?.files ?? []);
    const changed = [...new Set(c.commit.changes.map((x) => x.path))].filter((p) => files.has(p)).sort();
    if (changed.length === 0) return;
    for (const f of files) reached.add(f);
    const folder = nodePath.posix.dirname(c.repoPath);
    versions.push({
      commit: c.commit.commit, date: c.commit.date, subject: c.commit.subject, blob, path: c.repoPath,
      changedImports: changed.map((p) => nodePath.posix.relative(folder, p)),
    });
  });
  return { versions, reached };
}

/**
 * The own commits and the library ones in one list, newest first, in the order of the log (which
 * holds both, so commits of the same second keep git's order); an own commit the log does not
 * have (history simplification of a merge) is placed by its date.
 */
function merge(own: readonly FileCommit[], library: readonly VersionCommit[], log: readonly LogCommit[]): VersionCommit[] {
  if (library.length === 0) return [...own];
  const at = new Map(log.map((c, i) => [c.commit, i]));
  const placed: VersionCommit[] = [...own.filter((c) => at.has(c.commit)), ...library].sort((a, b) => at.get(a.commit)! - at.get(b.commit)!);
  for (const c of own) {
    if (at.has(c.commit)) continue;
    const time = Date.parse(c.date);
    const before = placed.findIndex((x) => Date.parse(x.date) < time);
    placed.splice(before < 0 ? placed.length : before, 0, c);
  }
  return placed;
}
