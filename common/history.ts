// What the history layer (server/src/history) sends to the editor: a file's commits, its history
// (one forecast per committed version) and the diff of two versions with every outcome's delta
// split among the changes. The shapes of `scenario history --format json` and `scenario diff
// --format json` (docs/history.md), typed once for the server, the extension and the pages. All
// strings here (subjects, labels, names, statements) are file or repository text: shown as text.

import { formatCount } from './text/numbers';

/** One commit of a file, newest first, for the quick pick. */
export interface FileCommitItem {
  commit: string;
  /** ISO 8601, the commit time. */
  date: string;
  subject: string;
  /** The file's path in the repository at that commit. */
  path: string;
}

/** One version in a file's history (oldest first); `outcomes` null when it has errors. */
export interface HistoryEntry {
  /** Null for the working copy. */
  commit: string | null;
  date: string | null;
  subject: string | null;
  workingCopy?: true;
  outcomes: { name: string; probability: number }[] | null;
  errors: number;
  /** Why the version could not be read (binary, too large). */
  message?: string;
  method?: 'exact' | 'monte-carlo';
  samples?: number;
  /**
   * Set when the commit did not change the file itself, only files its imports reach (then): those
   * files, relative to the file's folder, with `/` (`lib/base.scenario`). Repository text.
   */
  changedImports?: string[];
}

export interface HistoryData {
  versions: HistoryEntry[];
  /** True when there were more committed versions than asked for (the oldest are left out). */
  truncated: boolean;
  /** The most versions asked for. */
  max: number;
  cached: number;
  computed: number;
  elapsedMs: number;
}

export type CompareChangeKind =
  | 'probability' | 'base' | 'driver-added' | 'driver-removed' | 'driver-reweighted'
  | 'declaration-added' | 'declaration-removed' | 'rename' | 'settings' | 'text' | 'alternative';

export interface CompareChange {
  id: number;
  kind: CompareChangeKind;
  name: string;
  outcome?: string;
  field?: string;
  before: string | null;
  after: string | null;
  /** 1-based, in the new version, or in the old one (`side: 'before'`) for what was removed. */
  line: number | null;
  side: 'before' | 'after';
  attributed: boolean;
}

export interface CompareOutcome {
  name: string;
  label: string;
  renamedFrom?: string;
  before: number | null;
  after: number | null;
  /** Percentage points; null unless both versions have the outcome. */
  delta: number | null;
  attribution: { change: number; points: number }[];
  /** The ICD 203 sentence (server/src/history/explain.ts), plain text. */
  explanation: string | null;
}

/** `scenario diff --format json`. */
export interface CompareDiff {
  before: { file: string; rev: string | null; commit?: string };
  after: { file: string; rev: string | null; commit?: string };
  changes: CompareChange[];
  outcomes: CompareOutcome[];
  attributionMethod: 'exact' | 'sampled';
  method: { before: 'exact' | 'monte-carlo'; after: 'exact' | 'monte-carlo' };
  forecasts: number;
  elapsedMs?: number;
}

/** What a change's kind reads as. */
export const CHANGE_KIND_WORDS: Record<CompareChangeKind, string> = {
  'probability': 'probability', 'base': 'base', 'driver-added': 'driver added', 'driver-removed': 'driver removed',
  'driver-reweighted': 'driver re-weighted', 'declaration-added': 'declared', 'declaration-removed': 'removed',
  'rename': 'renamed', 'settings': 'settings', 'text': 'text only', 'alternative': 'alternative',
};

/**
 * What a commit of imported files only reads as, beside its subject: `library lib/base.scenario
 * changed`, or `libraries lib/a.scenario and 2 more changed` (the first file, and how many more).
 * Plain text with the paths as written: escape it for the format it goes into.
 */
export function changedImportsText(files: readonly string[]): string {
  if (files.length === 0) return '';
  if (files.length === 1) return `library ${files[0]!} changed`;
  const more = files.length - 1;
  return `libraries ${files[0]!} and ${formatCount(more)} more changed`;
}

/** How many of a library commit's files a tooltip names; the rest are counted. */
const LISTED_FILES = 20;

/**
 * A library commit's files for a tooltip: `lib/a.scenario, lib/b.scenario`, the first
 * LISTED_FILES of them and then `and 5 more` (a commit may change thousands). Plain text.
 */
export function changedImportsListed(files: readonly string[]): string {
  const named = files.slice(0, LISTED_FILES).join(', ');
  return files.length > LISTED_FILES ? `${named} and ${formatCount(files.length - LISTED_FILES)} more` : named;
}

/** The history's default bound (`--max`). */
export const DEFAULT_HISTORY_MAX = 200;
