// `scenario diff OLD NEW` and `scenario diff FILE` (LANGUAGE.md, More commands): what changed
// between two versions and why, with every outcome's delta split among the changes by Shapley
// values (server/src/history). OLD and NEW are paths or `PATH@REV`; `diff FILE` is FILE@HEAD
// against the file. Text, Markdown or LANGUAGE.md's JSON. A version that cannot be read (outside
// a repository, a shallow clone, a revision or file that does not exist, a binary or huge blob)
// is one line on stderr and exit 2; a version with errors prints its diagnostics, named
// `PATH@REV:LINE:COL`, says which side it is, and exits 1.
import * as path from 'node:path';
import type { DocumentAnalysis } from '../analysis/analyzeSource';
import type { ModelFile } from '../analysis/importGraph';
import type { ImportRoot } from '../model/imports/host';
import { diffVersions, type DiffResult, type OutcomeDelta } from '../history/attribution';
import type { ModelChange } from '../history/changes';
import { describeChange, explainOutcome } from '../history/explain';
import type { GitOptions } from '../history/git';
import { analyseVersion, libraryError, loadVersion, type LoadedVersion, parseVersionArg, type VersionRef, versionName } from '../history/versions';
import { shownFrom } from '../model/imports/paths';
import { describeError } from '../util/errors';
import { replaceControls } from '../../../common/text/controls';
import { escapeMarkdown } from '../../../common/text/markdown';
import { formatCount, formatElapsed, formatPercent, formatPoints, type Sampling } from '../../../common/text/numbers';
import { displayWidth, padEnd, padStart } from '../../../common/text/terminal';
import { checkRecords, textLine } from './check';
import type { CommandResult } from './forecast';

export type DiffFormat = 'text' | 'markdown' | 'json';
export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'markdown', 'json'];

export interface DiffCommandOptions {
  format: DiffFormat;
  samples?: number;
  seed?: number;
  /** Include elapsedMs / "computed in …" (default true). */
  timing?: boolean;
  git?: GitOptions;
  /** The folder imports stay inside (`--root`); default: the repository's top folder. */
  root?: ImportRoot;
}

/** The JSON of `scenario diff` (LANGUAGE.md), plus labels, explanations and how it was computed. */
export interface DiffJson {
  before: { file: string; rev: string | null; commit?: string };
  after: { file: string; rev: string | null; commit?: string };
  changes: ModelChange[];
  outcomes: (OutcomeDelta & { explanation: string | null })[];
  attributionMethod: 'exact' | 'sampled';
  method: DiffResult['method'];
  forecasts: number;
  elapsedMs?: number;
}

const fail = (message: string): CommandResult => ({ output: '', exitCode: 2, errorOutput: `scenario diff: ${oneLine(message)}\n` });

function oneLine(text: string): string {
  return replaceControls(text.replace(/\s*[\r\n]+\s*/g, ' '));
}

export async function runDiff(args: string[], options: DiffCommandOptions): Promise<CommandResult> {
  if (args.length < 1 || args.length > 2) return fail('name one file (FILE@HEAD against the file) or two versions (OLD NEW)');
  const refs: [VersionRef, VersionRef] = args.length === 1
    ? [{ path: args[0]!, rev: 'HEAD' }, { path: args[0]!, rev: null }]
    : [parseVersionArg(args[0]!), parseVersionArg(args[1]!)];
  let versions: [LoadedVersion, LoadedVersion];
  try {
    versions = [await loadVersion(refs[0], options.git), await loadVersion(refs[1], options.git)];
  } catch (e) {
    return fail(describeError(e));
  }
  // Each version reads its imports as it was: a revision from its own commit, the working copy from the disk.
  let models: ModelFile[];
  try {
    models = await Promise.all(versions.map(async (v) => {
      const model = await analyseVersion(v, { root: options.root, git: options.git });
      if (!('analysis' in model)) throw new Error(`${versionName(v.ref)}: cannot read the file (${model.problem})`);
      return model;
    }));
  } catch (e) {
    return fail(describeError(e));
  }
  const analyses: DocumentAnalysis[] = models.map((m) => m.analysis);
  const broken = analyses.map((a, i) => ({ a, i })).filter(({ a }) => a.model.hasErrors);
  if (broken.length > 0) {
    const lines: string[] = [];
    for (const { a, i } of broken) {
      const version = versions[i]!;
      const name = versionName(version.ref);
      // An import with errors is one error here (`import-errors`), naming the file to fix; the
      // line after it says that file's first error, named as this version is (`lib/x.scenario@REV`).
      const errors = a.diagnostics.filter((d) => d.severity === 'error');
      const records = checkRecords(name, a.text, errors);
      records.forEach((r, k) => {
        lines.push(textLine(r));
        const there = libraryError(models[i]!, errors[k]!);
        if (!there) return;
        const file = path.join(path.dirname(version.ref.path), shownFrom(models[i]!.path, there.file)).split(path.sep).join('/');
        lines.push(textLine({ ...r, ...there, file: versionName({ path: file, rev: version.ref.rev }), severity: 'error' }));
      });
      const first = records[0];
      const where = first ? `, first at line ${first.line}, column ${first.column}` : '';
      lines.push(`scenario diff: the ${i === 0 ? 'old' : 'new'} version (${oneLine(name)}) has ${records.length} error${records.length === 1 ? '' : 's'}${where}; fix ${records.length === 1 ? 'it' : 'them'} to compare forecasts`);
    }
    return { output: '', exitCode: 1, errorOutput: lines.map((l) => `${l}\n`).join('') };
  }
  let result: DiffResult;
  try {
    result = diffVersions(analyses[0]!, analyses[1]!, { samples: options.samples, seed: options.seed });
  } catch (e) {
    return fail(describeError(e));
  }
  const json = diffJson(versions, result, options.timing !== false);
  const output = options.format === 'json' ? `${JSON.stringify(json, null, 2)}\n`
    : options.format === 'markdown' ? renderDiffMarkdown(json, result) : renderDiffText(json, result, options.timing !== false);
  return { output, exitCode: 0, errorOutput: '' };
}

function samplingOf(result: DiffResult, side: 'before' | 'after'): Sampling {
  return result.method[side] === 'monte-carlo' ? result.samples[side] : undefined;
}

export function diffJson(versions: [LoadedVersion, LoadedVersion], result: DiffResult, timing: boolean): DiffJson {
  const side = (v: LoadedVersion) => ({ file: v.ref.path, rev: v.ref.rev, ...(v.commit ? { commit: v.commit } : {}) });
  const explain = { sampling: samplingOf(result, 'after'), samplingBefore: samplingOf(result, 'before') };
  return {
    before: side(versions[0]),
    after: side(versions[1]),
    changes: result.changes,
    outcomes: result.outcomes.map((o) => ({ ...o, explanation: explainOutcome(o, result.changes, explain) })),
    attributionMethod: result.attributionMethod,
    method: result.method,
    forecasts: result.forecasts,
    ...(timing ? { elapsedMs: result.elapsedMs } : {}),
  };
}

/** A change's kind as a reader says it. */
const KIND_WORDS: Record<ModelChange['kind'], string> = {
  'probability': 'probability', 'base': 'base', 'driver-added': 'driver added', 'driver-removed': 'driver removed',
  'driver-reweighted': 'driver re-weighted', 'declaration-added': 'declared', 'declaration-removed': 'removed',
  'rename': 'renamed', 'settings': 'settings', 'text': 'text only', 'alternative': 'alternative',
};

/** What a change's line says, without its number: `rapport: likely → 40%`. */
function changeSummary(c: ModelChange, escape: (s: string) => string): string {
  const value = (s: string | null) => (s === null ? '(none)' : escape(s));
  const subject = c.kind === 'text' ? `${escape(c.name)} ${c.field}`
    : c.outcome ? `${escape(c.outcome)} ← ${escape(c.name)}`
    : escape(c.name);
  if (c.kind === 'rename') return `${escape(c.before ?? '')} → ${escape(c.after ?? '')}`;
  if (c.kind === 'declaration-added') return `${subject} (${value(c.after)})`;
  if (c.kind === 'declaration-removed') return `${subject} (${value(c.before)})`;
  if (c.kind === 'driver-added') return `${subject}: ${value(c.after)}`;
  if (c.kind === 'driver-removed') return `${subject}: was ${value(c.before)}`;
  return `${subject}: ${value(c.before)} → ${value(c.after)}`;
}

function methodLine(json: DiffJson): string {
  const attributed = new Set(json.outcomes.flatMap((o) => o.attribution.map((a) => a.change))).size;
  const moving = json.changes.filter((c) => c.attributed).length;
  const how = json.attributionMethod === 'exact' ? 'exact Shapley values' : 'Shapley values from sampled orders';
  return `${formatCount(json.changes.length)} change${json.changes.length === 1 ? '' : 's'}, ${formatCount(moving)} that can move probabilities `
    + `(${formatCount(attributed)} moved one); attribution: ${how} over ${formatCount(json.forecasts)} forecasts`;
}

export function renderDiffText(json: DiffJson, result: DiffResult, timing: boolean): string {
  const safe = (s: string) => oneLine(s);
  const name = (s: { file: string; rev: string | null }) => safe(s.rev === null ? `${s.file} (working copy)` : `${s.file}@${s.rev}`);
  const out: string[] = [`${name(json.before)} → ${name(json.after)}`, methodLine(json), ''];
  if (json.changes.length === 0) out.push('No changes: the two versions are the same model.');
  else {
    out.push('Changes');
    const ids = json.changes.map((c) => `#${c.id}`);
    const lines = json.changes.map((c) => (c.line === null ? safe(c.file ?? '') : `${c.file ? `${safe(c.file)} ` : ''}${c.side === 'before' ? 'old ' : ''}line ${c.line}`));
    const kinds = json.changes.map((c) => KIND_WORDS[c.kind]);
    const w = [Math.max(...ids.map(displayWidth)), Math.max(...lines.map(displayWidth)), Math.max(...kinds.map(displayWidth))];
    json.changes.forEach((c, i) => {
      out.push(`  ${padEnd(ids[i]!, w[0]!)}  ${padEnd(lines[i]!, w[1]!)}  ${padEnd(kinds[i]!, w[2]!)}  ${changeSummary(c, safe)}`.trimEnd());
    });
  }
  // Outcomes that moved (or are new or gone) in full; the rest in one line.
  const compared = json.outcomes.filter((o) => o.delta === null || o.delta !== 0);
  const unchanged = json.outcomes.filter((o) => o.delta === 0);
  if (compared.length > 0) {
    out.push('', 'Outcomes');
    const before = samplingOf(result, 'before');
    const after = samplingOf(result, 'after');
    const names = compared.map((o) => safe(o.name));
    const width = Math.max(...names.map(displayWidth));
    const byId = new Map(json.changes.map((c) => [c.id, c]));
    compared.forEach((o, i) => {
      const from = o.before === null ? 'new' : formatPercent(o.before, before);
      const to = o.after === null ? 'removed' : formatPercent(o.after, after);
      const delta = o.delta === null ? '' : `  ${formatPoints(o.delta)} points`;
      out.push(`  ${padEnd(names[i]!, width)}  ${padStart(from, 6)} → ${padEnd(to, 6)}${delta}`.trimEnd());
      for (const a of o.attribution) {
        out.push(`      ${padStart(formatPoints(a.points), 6)}  #${a.change} ${describeChange(byId.get(a.change)!)}`);
      }
      if (o.explanation) out.push(`    ${o.explanation}`);
    });
  }
  if (unchanged.length > 0) {
    out.push('', `Unchanged: ${unchanged.map((o) => `${safe(o.name)} ${formatPercent(o.after!, samplingOf(result, 'after'))}`).join(', ')}`);
  }
  if (timing) out.push('', `Computed in ${formatElapsed(result.elapsedMs)}.`);
  return `${out.join('\n')}\n`;
}

export function renderDiffMarkdown(json: DiffJson, result: DiffResult): string {
  const md = escapeMarkdown;
  const name = (s: { file: string; rev: string | null }) => md(s.rev === null ? s.file : `${s.file}@${s.rev}`) + (s.rev === null ? ' (working copy)' : '');
  const out: string[] = [`## Forecast changes: ${name(json.before)} → ${name(json.after)}`, '', `${md(methodLine(json))}.`, ''];
  const explain = { markdown: true, sampling: samplingOf(result, 'after'), samplingBefore: samplingOf(result, 'before') };
  const sentences = result.outcomes.filter((o) => o.delta !== 0)
    .map((o) => explainOutcome(o, result.changes, explain)).filter((s): s is string => s !== null);
  if (sentences.length > 0) {
    out.push(...sentences.map((s) => `- ${s}`), '');
  }
  if (json.changes.length === 0) out.push('No changes: the two versions are the same model.', '');
  else {
    out.push('| # | Line | Change | What |', '| ---: | ---: | --- | --- |');
    for (const c of json.changes) {
      const line = (c.file ? `${md(c.file)} ` : '') + (c.line === null ? '' : `${c.side === 'before' ? 'old ' : ''}${c.line}`);
      out.push(`| ${c.id} | ${line} | ${KIND_WORDS[c.kind]} | ${changeSummary(c, md)} |`);
    }
    out.push('');
  }
  if (json.outcomes.length > 0) {
    const before = samplingOf(result, 'before');
    const after = samplingOf(result, 'after');
    const byId = new Map(json.changes.map((c) => [c.id, c]));
    out.push('| Outcome | Before | After | Δ points | Attribution |', '| --- | ---: | ---: | ---: | --- |');
    for (const o of json.outcomes) {
      const shares = o.attribution.map((a) => `${formatPoints(a.points)} #${a.change} ${describeChange(byId.get(a.change)!, { markdown: true })}`).join('; ');
      out.push(`| ${md(o.label)} (\`${o.name}\`) | ${o.before === null ? 'new' : formatPercent(o.before, before)} | ${o.after === null ? 'removed' : formatPercent(o.after, after)} | ${o.delta === null ? '' : formatPoints(o.delta)} | ${shares} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}`;
}
