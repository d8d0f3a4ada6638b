// What a forecast is asked for: the model as the engine reads it, and the options (how a run is
// stopped is in cancel.ts). The forecast's own types live in common/forecast.ts: the server, the
// extension and the page all read them.
import type { ForecastProgress } from '../../../common/progress';
import type { Alternative, InputVariable, OutcomeVariable, ResolvedModel } from '../model/types';

/** A part of the resolved model without its syntax-tree node, which the engine never reads. */
export type WithoutDeclaration<T extends { declaration: unknown }> = Omit<T, 'declaration'>;

export type EngineInput = WithoutDeclaration<InputVariable>;
export type EngineOutcome = WithoutDeclaration<OutcomeVariable>;
export type EngineVariable = EngineInput | EngineOutcome;
export type EngineAlternative = WithoutDeclaration<Alternative>;

/**
 * The engine's input: a ResolvedModel (which is one) or the same without the syntax-tree nodes,
 * as it is sent to the forecast worker (session/workerModel.ts).
 */
export interface EngineModel extends Omit<ResolvedModel, 'variables' | 'inputs' | 'outcomes' | 'alternatives'> {
  variables: Map<string, EngineVariable>;
  inputs: EngineInput[];
  outcomes: EngineOutcome[];
  alternatives: EngineAlternative[];
}

export interface ForecastOptions {
  /** Overrides the file's `samples` (checked against 1,000..1,000,000 before anything is allocated). */
  samples?: number;
  /** Overrides the file's `seed`. */
  seed?: number;
  /** Largest number of binary variables computed exactly (default: any, when affordable); 0 forces Monte Carlo. */
  exactLimit?: number;
  /** How many of the most probable worlds to list (default 8). */
  maxWorlds?: number;
  /** Polled during long runs; when it returns true the run stops with a ForecastCancelled error. */
  isCancelled?: () => boolean;
  /** Told at the start of each stage of each scenario (baseline, then each alternative). */
  onProgress?: (progress: ForecastProgress) => void;
}
