// What every editing feature reads: one analysed version of one document. Features are pure
// functions of this state and the request's parameters; server.ts owns the state.
import type { ScenarioDocument } from '../syntax/ast';
import type { LineIndex } from '../syntax/lines';
import type { ResolvedModel } from '../model/types';
import type { ForecastScope } from '../model/forecastScope';
import type { Diagnostic } from '../model/diagnostics';
import type { Forecast } from '../../../common/forecast';
import type { ImportContext } from '../model/imports/types';

export interface DocumentState {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  document: ScenarioDocument;
  model: ResolvedModel;
  /** What can be forecast now: the model less the declarations with errors and their dependents. */
  scope: ForecastScope;
  /** Syntax and check diagnostics of this version, plus `judgment` ones once a forecast is ready. */
  diagnostics: Diagnostic[];
  /**
   * The latest good forecast of this document, possibly of an older version (then `forecastStale`
   * is true). Null until one has been computed.
   */
  forecast: Forecast | null;
  forecastStale: boolean;
  /** What the document's imports resolved to (absent when it imports nothing or they were not read). */
  imports?: ImportContext;
}
