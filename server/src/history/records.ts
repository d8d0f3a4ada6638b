// The track record of files and folders (LANGUAGE.md, More commands: `scenario score`): every
// resolved factor, event and outcome, scored on its forecast of record. The forecast of record of
// a question resolved on day D is the file's last version before D at 00:00 UTC (committer
// dates): its last commit, or a later commit that changed only files it imports (importerLog.ts);
// the question is read from the working file (that is where `resolved` is written, usually after
// the fact). Without a usable commit (none before D, the question not in
// that version, the version not checking, no repository, a shallow clone) the working file is
// scored instead, `recordedBefore: false` with the reason. A commit of record that changed only
// the files imported says which (`changedImports`, as in `scenario history`).
//
// Each version's numbers are cached by blob id in the history's VersionCache (cache.ts), under a
// key of their own (`…|score|…`): every variable's probability, and each outcome's judged call as
// `NAME judged` (a name has no space, so the two never meet). Files are scored a few at a time
// (bounded concurrency), and a file's versions are read and forgotten before the next file, so
// memory is bounded by the cache's capacity, not by the number of files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeSource, type DocumentAnalysis } from '../analysis/analyzeSource';
import type { ImportRoot } from '../model/imports/host';
import { writtenImports, VersionImports } from './versionImports';
import { parseDocument } from '../syntax/parse';
import { forecast } from '../engine/forecast';
import type { ResolvedModel } from '../model/types';
import { LineIndex } from '../syntax/lines';
import type { QuestionKind, ScoredQuestion, SkippedFile, TrackRecord } from '../../../common/scores';
import type { VersionCache, VersionSummary } from './cache';
import { GitError, type GitOptions, openRepository, pathInRepository, type Repository } from './git';
import { importerLog, type VersionCommit } from './importerLog';
import { brierScore, judgedPoint, logScore, meanDailyBrier, resolutionInstant, summarize } from './score';

export interface ScoreOptions {
  cache: VersionCache;
  git?: GitOptions;
  samples?: number;
  seed?: number;
  /** Files scored at once (default 4). */
  concurrency?: number;
  /** Most commits read per file, the newest (default 10,000). */
  maxVersions?: number;
  /** Called after each file, for progress (files done, files in all). */
  progress?: (done: number, total: number) => void;
  /** The folder imports stay inside (`--root`); default: the repository's top folder. */
  root?: ImportRoot;
}

export const DEFAULT_SCORE_CONCURRENCY = 4;
export const DEFAULT_SCORE_MAX_VERSIONS = 10_000;

/** What one version forecasts for every question: probabilities by name, judged calls by name. */
export interface VersionNumbers {
  errors: number;
  probabilities: Map<string, number> | null;
  judged: Map<string, number>;
}

const JUDGED = ' judged';

/** Every `.scenario` file under the paths given (folders recursively, dot-folders and node_modules skipped), sorted; and the paths that are neither. */
export function scenarioFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      missing.push(dir);
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules') walk(full);
      } else if (e.isFile() && e.name.endsWith('.scenario')) files.push(full);
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (stat.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files: [...new Set(files)], missing };
}

/** The numbers of one version's text: every variable's probability (outcomes forecast, factors and events the mean of their range) and each judged call's middle. */
export function versionNumbers(text: string, options: { samples?: number; seed?: number } = {}): VersionNumbers {
  return analysisNumbers(analyzeSource({ text }), options);
}

/** versionNumbers of a version analysed with its imports (versionImports.ts). */
function analysisNumbers(analysis: Pick<DocumentAnalysis, 'model' | 'diagnostics'>, options: { samples?: number; seed?: number }): VersionNumbers {
  if (analysis.model.hasErrors) {
    return { errors: analysis.diagnostics.filter((d) => d.severity === 'error').length, probabilities: null, judged: new Map() };
  }
  return { errors: 0, ...modelNumbers(analysis.model, options) };
}

function modelNumbers(model: ResolvedModel, options: { samples?: number; seed?: number }): Omit<VersionNumbers, 'errors'> {
  const f = forecast({ ...model, alternatives: [] }, { samples: options.samples, seed: options.seed, bandMethod: 'none', maxWorlds: 0 });
  const probabilities = new Map<string, number>();
  for (const i of f.inputs) probabilities.set(i.name, i.probability);
  for (const o of f.outcomes) probabilities.set(o.name, o.probability);
  const judged = new Map<string, number>();
  for (const o of model.outcomes) if (o.judged) judged.set(o.name, judgedPoint(o.judged));
  return { probabilities, judged };
}

/** The cache's form of a version's numbers (cache.ts VersionSummary: names and probabilities). */
function toSummary(n: VersionNumbers, message?: string): VersionSummary {
  if (n.probabilities === null) return { errors: n.errors, outcomes: null, ...(message ? { message } : {}) };
  return {
    errors: 0,
    outcomes: [
      ...[...n.probabilities].map(([name, probability]) => ({ name, probability })),
      ...[...n.judged].map(([name, probability]) => ({ name: `${name}${JUDGED}`, probability })),
    ],
  };
}

function fromSummary(s: VersionSummary): VersionNumbers {
  if (s.outcomes === null) return { errors: Math.max(1, s.errors), probabilities: null, judged: new Map() };
  const probabilities = new Map<string, number>();
  const judged = new Map<string, number>();
  for (const o of s.outcomes) {
    if (o.name.endsWith(JUDGED)) judged.set(o.name.slice(0, -JUDGED.length), o.probability);
    else probabilities.set(o.name, o.probability);
  }
  return { errors: 0, probabilities, judged };
}

/** Runs `work` on every item, at most `limit` at a time, results in order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}

interface FileScore {
  questions: ScoredQuestion[];
  skipped: SkippedFile | null;
  historyMissing: string | null;
}

/** The track record of the files and folders given. */
export async function scorePaths(paths: readonly string[], options: ScoreOptions): Promise<TrackRecord & { missing: string[] }> {
  const { files, missing } = scenarioFiles(paths);
  let done = 0;
  const scored = await mapLimited(files, options.concurrency ?? DEFAULT_SCORE_CONCURRENCY, async (file) => {
    const result = await scoreFile(file, options);
    options.progress?.(++done, files.length);
    return result;
  });
  const questions = scored.flatMap((s) => s.questions);
  return {
    questions,
    summary: summarize(questions),
    skipped: scored.flatMap((s) => (s.skipped ? [s.skipped] : [])),
    historyMissing: scored.flatMap((s, i) => (s.historyMissing ? [{ file: displayFile(files[i]!), message: s.historyMissing }] : [])),
    files: files.length,
    missing,
  };
}

/** A path as the output shows it: with `/`. */
function displayFile(file: string): string {
  return file.split(path.sep).join('/');
}

/** One file's resolved questions, scored. */
export async function scoreFile(file: string, options: ScoreOptions): Promise<FileScore> {
  const shown = displayFile(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { questions: [], skipped: { file: shown, errors: 0, message: `cannot read the file (${(e as Error).message})` }, historyMissing: null };
  }
  // A file that imports reads its imports from the disk, as `scenario check` does; its versions
  // read theirs from their own commits.
  const document = parseDocument(text);
  let repo: Repository | null = null;
  let historyMissing: string | null = null;
  const openRepo = async (): Promise<Repository | null> => {
    if (repo || historyMissing !== null) return repo;
    try {
      repo = await openRepository(file, options.git);
    } catch (e) {
      if (!(e instanceof GitError)) throw e;
      historyMissing = e.message;
    }
    return repo;
  };
  const importing = writtenImports(document).length > 0;
  const imports = new VersionImports(importing ? await openRepo() : null, options.root ?? null, options.cache);
  let analysis: Pick<DocumentAnalysis, 'model' | 'diagnostics'>;
  if (importing) {
    const model = imports.workingModel(file, text);
    if (!('analysis' in model)) return { questions: [], skipped: { file: shown, errors: 0, message: `cannot read the file (${model.problem})` }, historyMissing: null };
    analysis = model.analysis;
  } else analysis = analyzeSource({ text, document });
  if (analysis.model.hasErrors) {
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
    return { questions: [], skipped: { file: shown, errors, message: `${errors} error${errors === 1 ? '' : 's'}: run scenario check ${shown}` }, historyMissing: null };
  }
  // The file's own questions: an imported declaration is scored in the file that declares it.
  const resolved = [...analysis.model.variables.values()].filter((v) => v.resolution && !v.origin);
  if (resolved.length === 0) return { questions: [], skipped: null, historyMissing: null };
  let working: Omit<VersionNumbers, 'errors'> | null = null;
  const workingNumbers = () => (working ??= modelNumbers(analysis.model, options));

  let history: { commits: { commit: VersionCommit; time: number; numbers: VersionNumbers }[] } | null = null;
  const opened = await openRepo();
  if (opened) {
    try {
      history = await fileVersions(file, opened, imports.repo ? imports : new VersionImports(opened, options.root ?? null, options.cache), options);
    } catch (e) {
      if (!(e instanceof GitError)) throw e;
      historyMissing = e.message;
    }
  }
  const lines = new LineIndex(text);
  const questions = resolved.map((v): ScoredQuestion => {
    const r = v.resolution!;
    const before = resolutionInstant(r.date);
    const standing = (history?.commits ?? []).filter((c) => c.time < before);
    let record: (typeof standing)[number] | undefined;
    for (const c of standing) if (!record || c.time > record.time) record = c;
    let reason: string | undefined;
    if (historyMissing !== null) reason = `no history: ${historyMissing}`;
    else if (!record) reason = `no commit of this file before ${r.date}`;
    else if (record.numbers.probabilities === null) {
      reason = `the version of record (commit ${record.commit.commit.slice(0, 12)}) does not check (${record.numbers.errors} error${record.numbers.errors === 1 ? '' : 's'})`;
    } else if (!record.numbers.probabilities.has(v.name)) {
      reason = `'${v.name}' did not exist in the version of record (commit ${record.commit.commit.slice(0, 12)})`;
    }
    const recorded = reason === undefined && record ? record : null;
    const numbers = recorded ? recorded.numbers : { errors: 0, ...workingNumbers() };
    const p = numbers.probabilities!.get(v.name)!;
    const judged = v.kind === 'outcome' ? numbers.judged.get(v.name) ?? null : null;
    const daily = meanDailyBrier(standing.map((c) => ({ time: c.time, probability: c.numbers.probabilities?.get(v.name) ?? null })), before, r.value);
    const question: ScoredQuestion = {
      file: shown,
      name: v.name,
      kind: v.kind as QuestionKind,
      label: v.label,
      resolved: r.value,
      date: r.date,
      forecast: p,
      judged,
      commit: recorded ? recorded.commit.commit : null,
      recordedAt: recorded ? recorded.commit.date : null,
      recordedBefore: recorded !== null,
      brier: brierScore(p, r.value),
      logScore: logScore(p, r.value),
      judgedBrier: judged === null ? null : brierScore(judged, r.value),
      meanDailyBrier: daily,
      line: lines.positionAt(v.declaration.span.start).line + 1,
    };
    if (reason !== undefined) question.reason = reason;
    if (recorded?.commit.changedImports) question.changedImports = recorded.commit.changedImports;
    return question;
  });
  return { questions, skipped: null, historyMissing };
}

/** Every committed version of the file (newest first), with its numbers, from the cache or computed now. */
async function fileVersions(file: string, repo: Repository, imports: VersionImports, options: ScoreOptions) {
  const repoPath = pathInRepository(repo, file);
  // The file's own commits and those that changed only files it imports (importerLog.ts): each is a version of its forecast.
  const max = options.maxVersions ?? DEFAULT_SCORE_MAX_VERSIONS;
  const log = (await importerLog(repo, repoPath, max, imports)).slice(0, max).filter((c) => c.blob !== null);
  const keyOf = (blob: string, dep: string) => `${blob}|score|samples=${options.samples ?? ''}|seed=${options.seed ?? ''}${dep ? `|imports=${dep}` : ''}`;
  const numbers = new Map<string, VersionNumbers>();
  const keyByCommit = new Map<string, string>();
  // A few hundred versions at a time, so a long history is never all in memory at once.
  for (let i = 0; i < log.length; i += 200) {
    const batch = log.slice(i, i + 200).map((c) => ({ commit: c.commit, repoPath: c.path || repoPath, blob: c.blob! }));
    // What each version's imports resolved to at its commit is part of its key (versionImports.ts).
    const deps = await imports.keysAt(batch);
    const missing: number[] = [];
    batch.forEach((c, k) => {
      const key = keyOf(c.blob, deps[k]!);
      keyByCommit.set(c.commit, key);
      if (numbers.has(key) || missing.some((j) => keyOf(batch[j]!.blob, deps[j]!) === key)) return;
      const hit = options.cache.get(key);
      if (hit) numbers.set(key, fromSummary(hit));
      else missing.push(k);
    });
    if (missing.length === 0) continue;
    const texts = await imports.textsOf(missing.map((k) => batch[k]!.blob));
    const importing = missing.filter((k, m) => deps[k] && !('problem' in texts[m]!));
    const models = await imports.modelsAt(importing.map((k) => ({ ...batch[k]!, text: (texts[missing.indexOf(k)] as { text: string }).text })));
    for (const [m, k] of missing.entries()) {
      const t = texts[m]!;
      let n: VersionNumbers;
      let message: string | undefined;
      try {
        if ('problem' in t) {
          n = { errors: 1, probabilities: null, judged: new Map() };
          message = t.problem;
        } else if (deps[k]) {
          const model = models[importing.indexOf(k)]!;
          if ('analysis' in model) n = analysisNumbers(model.analysis, options);
          else {
            n = { errors: 1, probabilities: null, judged: new Map() };
            message = `cannot read the file (${model.problem})`;
          }
        } else n = versionNumbers(t.text, options);
      } catch (e) {
        n = { errors: 1, probabilities: null, judged: new Map() };
        message = `could not forecast this version: ${(e as Error).message}`;
      }
      const key = keyOf(batch[k]!.blob, deps[k]!);
      numbers.set(key, n);
      options.cache.set(key, toSummary(n, message));
      // Let other work run between versions (the language server scores on its main loop).
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { commits: log.map((commit) => ({ commit, time: Date.parse(commit.date), numbers: numbers.get(keyByCommit.get(commit.commit)!)! })) };
}
