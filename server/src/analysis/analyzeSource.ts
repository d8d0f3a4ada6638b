// The one analysis of a document, used by the language server, the CLI and the tests alike:
// parse (one size limit) → resolve → checks → what can be forecast → the diagnostics found
// against a forecast (`judgment`, `observe-impossible`), all diagnostics in one stable order (by
// position; ties in the order of the checks, the forecast's last). A file that imports others is
// analysed with what they resolved to (analysis/importGraph.ts reads them).
import type { Forecast } from '../../../common/forecast';
import { judgmentDiagnostics } from '../engine/judgment';
import { analyzeDocument, sortByPosition, type Analysis } from '../model/analyze';
import { observeImpossibleDiagnostics } from '../model/checks/observeImpossible';
import { resolutionFutureDiagnostics } from '../model/checks/resolution';
import type { Diagnostic } from '../model/diagnostics';
import { forecastScope, isForecastable, type ForecastScope } from '../model/forecastScope';
import type { ImportContext } from '../model/imports/types';
import type { ResolvedModel } from '../model/types';
import type { ScenarioDocument } from '../syntax/ast';
import { LineIndex } from '../syntax/lines';
import { parseDocument } from '../syntax/parse';

export interface DocumentAnalysis {
  text: string;
  document: ScenarioDocument;
  /** The whole file's model (`hasErrors` as found). */
  model: ResolvedModel;
  /** What can be forecast now: the model less the declarations with errors and what depends on them. */
  scope: ForecastScope;
  /** Syntax, checks and — given a forecast — `judgment`, sorted by position. */
  diagnostics: Diagnostic[];
  /** What the imports resolved to, when they were read (the editor's features follow names into those files). */
  imports?: ImportContext;
}

export interface AnalysisSource {
  text: string;
  /** This text's syntax tree when an incremental parser has it already; else the text is parsed. */
  document?: ScenarioDocument;
  /**
   * Today as an ISO date (`2026-03-01`), for `resolution-future`; the caller reads its own clock
   * (todayIso in common/text/dates.ts). Without it, no resolution is said to be in the future.
   */
  today?: string;
  /**
   * What the file's imports resolved to (analysis/importGraph.ts). Without it, each import is
   * reported as not read (a text checked on its own has no folder to read them from).
   */
  imports?: ImportContext;
}

/**
 * The forecast the `judgment` check compares with: none, one at hand (the server's latest), or
 * one to compute now of the forecastable part (the CLI and the tests).
 */
export type JudgmentForecast = Forecast | null | ((model: ResolvedModel) => Forecast);

type Checked = Omit<DocumentAnalysis, 'diagnostics'> & { checks: Diagnostic[]; imports: ImportContext | undefined };

/**
 * The checks of a document, made once per syntax tree and resolution of its imports (a new
 * forecast only adds judgments).
 */
const checked = new WeakMap<ScenarioDocument, Checked>();

export function analyzeSource(source: AnalysisSource, forecast: JudgmentForecast = null): DocumentAnalysis & { forecast: Forecast | null } {
  const base = checksOf(source.document ?? parseDocument(source.text), source.imports);
  const { checks, imports, ...rest } = base;
  let used: Forecast | null = null;
  if (typeof forecast === 'function') used = isForecastable(base.scope) ? forecast(base.scope.model) : null;
  else used = forecast;
  const judgments = used ? currentJudgments(base.scope, used, base.text) : [];
  const future = source.today !== undefined ? resolutionFutureDiagnostics(base.document, source.today) : [];
  const added = [...future, ...judgments];
  const diagnostics = added.length > 0 ? sortByPosition([...checks, ...added]) : [...checks];
  return { ...rest, diagnostics, forecast: used, ...(imports ? { imports } : {}) };
}

function checksOf(document: ScenarioDocument, imports: ImportContext | undefined): Checked {
  const cached = checked.get(document);
  if (cached && cached.imports === imports) return cached;
  const { model, diagnostics }: Analysis = analyzeDocument(document, imports);
  let lines: LineIndex | undefined; // only a file with errors needs line numbers (in the reasons)
  const scope = forecastScope(document, model, diagnostics, (offset) => (lines ??= new LineIndex(document.text)).positionAt(offset).line + 1);
  const result = {
    text: document.text,
    document,
    model,
    scope,
    checks: diagnostics,
    imports,
  };
  checked.set(document, result);
  return result;
}

/**
 * Judgments only for outcomes forecast anew (an outcome marked stale carries earlier numbers) and
 * declared in this file (an imported one's `judged` line is in its own file, checked there);
 * impossible observations only for the alternatives forecast now.
 */
function currentJudgments(scope: ForecastScope, forecast: Forecast, text: string): Diagnostic[] {
  const current = forecast.outcomes.filter((o) => {
    const variable = scope.model.variables.get(o.name);
    return o.stale === undefined && variable !== undefined && variable.origin === undefined;
  });
  return [
    ...judgmentDiagnostics(scope.model, current.length === forecast.outcomes.length ? forecast : { ...forecast, outcomes: current }),
    ...observeImpossibleDiagnostics(scope.model, forecast, text),
  ];
}
