// The model as sent to the forecast worker: without the syntax-tree nodes (`declaration`), which
// the engine never reads (its input type, EngineModel, has none) and which make the structured
// copy (done on the main thread, while the analyst types) several times larger. Identity is kept:
// `variables` holds the same objects as `inputs` and `outcomes`.
import type { EngineModel, EngineVariable, WithoutDeclaration } from '../engine/types';
import type { ModelVariable, ResolvedModel } from '../model/types';

export function modelForWorker(model: ResolvedModel): EngineModel {
  const inputs = model.inputs.map(withoutDeclaration);
  const outcomes = model.outcomes.map(withoutDeclaration);
  const copies = new Map<ModelVariable, EngineVariable>();
  model.inputs.forEach((variable, i) => copies.set(variable, inputs[i]!));
  model.outcomes.forEach((variable, i) => copies.set(variable, outcomes[i]!));
  return {
    ...model,
    // Every variable is one of the inputs or outcomes (model/resolve.ts, model/forecastScope.ts).
    variables: new Map([...model.variables].map(([name, variable]) => [name, copies.get(variable)!])),
    inputs,
    outcomes,
    alternatives: model.alternatives.map(withoutDeclaration),
  };
}

function withoutDeclaration<T extends { declaration: unknown }>(part: T): WithoutDeclaration<T> {
  const { declaration: _declaration, ...rest } = part;
  return rest;
}
