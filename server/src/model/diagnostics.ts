// Diagnostics with stable codes (LANGUAGE.md, "Checks"). Spans are document offsets.
import type { Span } from '../syntax/ast';
import type { Position } from '../syntax/lines';

export type DiagnosticCode =
  | 'syntax'
  | 'unknown-name'
  | 'duplicate-name'
  | 'probability-bounds'
  | 'range-order'
  | 'multiplier-below-one'
  | 'hedge-word'
  | 'samples-bounds'
  | 'horizon-order'
  | 'invalid-date'
  | 'cycle'
  | 'missing-probability'
  | 'missing-base'
  | 'duplicate-driver'
  | 'duplicate-scenario'
  | 'alternative-target'
  | 'alternative-conflict'
  | 'unused'
  | 'judgment'
  | 'observe-impossible'
  | 'duplicate-resolution'
  | 'resolution-future'
  | 'import-not-found'
  | 'import-path'
  | 'import-cycle'
  /** Not in LANGUAGE.md's table (docs/language.md): an imported file has errors of its own. */
  | 'import-errors';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITY: Readonly<Record<DiagnosticCode, Severity>> = {
  syntax: 'error',
  'unknown-name': 'error',
  'duplicate-name': 'error',
  'probability-bounds': 'error',
  'range-order': 'error',
  'multiplier-below-one': 'error',
  'hedge-word': 'error',
  'samples-bounds': 'error',
  'horizon-order': 'error',
  'invalid-date': 'error',
  cycle: 'error',
  'missing-probability': 'error',
  'missing-base': 'error',
  'duplicate-driver': 'error',
  'duplicate-scenario': 'error',
  'alternative-target': 'error',
  'alternative-conflict': 'error',
  unused: 'hint',
  judgment: 'warning',
  'observe-impossible': 'error',
  'duplicate-resolution': 'error',
  'resolution-future': 'warning',
  'import-not-found': 'error',
  'import-path': 'error',
  'import-cycle': 'error',
  'import-errors': 'error',
};

/**
 * The codes found by comparing the file with its forecast (analysis/analyzeSource.ts), not by the
 * checks of the file alone: a file with only these errors is still forecast.
 */
export const FORECAST_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['judgment', 'observe-impossible']);

/**
 * The codes that depend on the day the file is checked (analyzeSource's `today`), not on the file
 * alone: `resolution-future`.
 */
export const DATED_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['resolution-future']);

/**
 * The codes found across files, by resolving the imports (analysis/importGraph.ts): a file checked
 * on its own gets `import-not-found` for each import (tests/model/imports*.test.ts check them).
 */
export const IMPORT_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'import-not-found', 'import-path', 'import-cycle', 'import-errors',
]);

/** A text edit a quick fix can apply as it is. */
export interface Replacement {
  span: Span;
  newText: string;
  /** What the fix says in the editor's menu, e.g. "Change to 'rapport'". */
  title: string;
}

export interface RelatedInformation {
  /** In this file; or, with `elsewhere`, in that file. */
  span: Span;
  message: string;
  /** A place in another file (an imported one): its real path and the place as line and character there. */
  elsewhere?: { file: string; start: Position; end: Position };
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** The narrowest span that shows the problem. */
  span: Span;
  related?: RelatedInformation[];
  /** Shown faded (LSP DiagnosticTag.Unnecessary): `unused`. */
  unnecessary?: boolean;
  /**
   * What a quick fix needs: ready-made edits, best first (did-you-mean candidates by edit distance,
   * the opposite verb, the phrase whose range holds the value, an inserted `base`/`probability`,
   * the removal of an unused declaration), and for `cycle` the names along the cycle.
   */
  fixes?: Replacement[];
  cycle?: string[];
  candidates?: string[];
}
