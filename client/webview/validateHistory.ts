// Validates the history message (and the compare page's diff) with validate.ts's field checks: a
// clean copy with only the known fields, or null. Versions are bounded (at most 10,000 plus the
// working copy), and so are a library commit's files (paths from other people's repositories:
// text, bounded in number and length), so a message cannot make the page draw without end.
import type { CompareChange, CompareDiff, CompareOutcome, HistoryData, HistoryEntry } from '../../common/history';
import { CHANGE_KIND_WORDS, type CompareChangeKind } from '../../common/history';
import type { ToPage } from '../../common/pageMessages';
import { bool, fail, finite, list, MAX_URI, nullableText, oneOf, probability, record, text, whole } from './validate';

const MAX_VERSIONS = 10_001;
const COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/** Files one commit of imported files may name (a library of 1,000 imports changed at once fits). */
const MAX_CHANGED_IMPORTS = 10_000;

function commitId(v: unknown): string {
  const c = text(v, 64);
  if (!COMMIT.test(c)) fail();
  return c;
}

/**
 * A library commit's files (`changedImports` of a history version, and of a scored question on the
 * Track Record page): a non-empty list of at most MAX_CHANGED_IMPORTS non-empty paths, each
 * bounded; anything else fails (validate.ts's fail). The length is checked before anything is
 * read, and a hole in the array reads as undefined (refused), where map would skip it.
 */
export function changedImportsList(v: unknown): string[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_CHANGED_IMPORTS) fail();
  return Array.from(v as unknown[], (f) => {
    const file = text(f, MAX_URI);
    if (file === '') fail();
    return file;
  });
}

function entry(v: unknown): HistoryEntry {
  const e = record(v);
  const clean: HistoryEntry = {
    commit: e.commit === null ? null : commitId(e.commit),
    date: nullableText(e.date),
    subject: nullableText(e.subject),
    outcomes: e.outcomes === null ? null : list(e.outcomes, (o) => {
      const r = record(o);
      return { name: text(r.name, 1000), probability: probability(r.probability) };
    }),
    errors: whole(e.errors),
  };
  if (e.workingCopy !== undefined) {
    if (e.workingCopy !== true) fail();
    clean.workingCopy = true;
  }
  if (e.message !== undefined) clean.message = text(e.message);
  if (e.method !== undefined) clean.method = oneOf(e.method, ['exact', 'monte-carlo'] as const);
  if (e.samples !== undefined) clean.samples = whole(e.samples);
  if (e.changedImports !== undefined) {
    if (clean.workingCopy) fail();
    clean.changedImports = changedImportsList(e.changedImports);
  }
  return clean;
}

export function historyData(v: unknown): HistoryData {
  const h = record(v);
  const versions = list(h.versions, entry);
  if (versions.length > MAX_VERSIONS) fail();
  return {
    versions, truncated: bool(h.truncated), max: whole(h.max), cached: whole(h.cached), computed: whole(h.computed),
    elapsedMs: finite(h.elapsedMs),
  };
}

/** The history message, validated; null for anything else or anything malformed. */
export function parseHistoryMessage(value: unknown): Extract<ToPage, { type: 'history' }> | null {
  try {
    const m = record(value);
    if (m.type !== 'history') return null;
    return { type: 'history', uri: text(m.uri, MAX_URI), history: m.history === null ? null : historyData(m.history), notice: nullableText(m.notice) };
  } catch {
    return null;
  }
}

// ---- the compare page's diff -------------------------------------------------------------------

const KINDS = Object.keys(CHANGE_KIND_WORDS) as CompareChangeKind[];

function line(v: unknown): number | null {
  if (v === null) return null;
  const n = whole(v);
  if (n < 1) fail();
  return n;
}

function change(v: unknown): CompareChange {
  const c = record(v);
  const clean: CompareChange = {
    id: whole(c.id), kind: oneOf(c.kind, KINDS), name: text(c.name), before: nullableText(c.before), after: nullableText(c.after),
    line: line(c.line), side: oneOf(c.side, ['before', 'after'] as const), attributed: bool(c.attributed),
  };
  if (c.outcome !== undefined) clean.outcome = text(c.outcome);
  if (c.field !== undefined) clean.field = text(c.field, 100);
  return clean;
}

function outcome(v: unknown): CompareOutcome {
  const o = record(v);
  const clean: CompareOutcome = {
    name: text(o.name), label: text(o.label),
    before: o.before === null ? null : probability(o.before),
    after: o.after === null ? null : probability(o.after),
    delta: o.delta === null ? null : finite(o.delta),
    attribution: list(o.attribution, (a) => {
      const r = record(a);
      return { change: whole(r.change), points: finite(r.points) };
    }),
    explanation: nullableText(o.explanation),
  };
  if (o.renamedFrom !== undefined) clean.renamedFrom = text(o.renamedFrom);
  return clean;
}

function side(v: unknown): CompareDiff['before'] {
  const s = record(v);
  const clean: CompareDiff['before'] = { file: text(s.file, MAX_URI), rev: nullableText(s.rev) };
  if (s.commit !== undefined) clean.commit = commitId(s.commit);
  return clean;
}

/** A diff, checked field by field (throws through validate.ts's fail on anything odd). */
export function compareDiff(v: unknown): CompareDiff {
  const d = record(v);
  const method = record(d.method);
  const changes = list(d.changes, change);
  const ids = new Set(changes.map((c) => c.id));
  const outcomes = list(d.outcomes, outcome);
  // Every share names a change of the diff.
  if (outcomes.some((o) => o.attribution.some((a) => !ids.has(a.change)))) fail();
  const clean: CompareDiff = {
    before: side(d.before), after: side(d.after), changes, outcomes,
    attributionMethod: oneOf(d.attributionMethod, ['exact', 'sampled'] as const),
    method: { before: oneOf(method.before, ['exact', 'monte-carlo'] as const), after: oneOf(method.after, ['exact', 'monte-carlo'] as const) },
    forecasts: whole(d.forecasts),
  };
  if (d.elapsedMs !== undefined) clean.elapsedMs = finite(d.elapsedMs);
  return clean;
}
