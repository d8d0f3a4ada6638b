// The model as sent to the forecast worker: without the syntax-tree nodes (`declaration`), which
// the engine never reads and which make the structured copy (done on the main thread, while the
// analyst types) several times larger. Identity is kept: `variables` holds the same objects as
// `inputs` and `outcomes`.
import type { Alternative, ModelVariable, ResolvedModel } from '../model/types';

export function modelForWorker(model: ResolvedModel): ResolvedModel {
  const stripped = new Map<ModelVariable, ModelVariable>();
  const strip = <T extends ModelVariable>(variable: T): T => {
    let copy = stripped.get(variable);
    if (!copy) {
      copy = { ...variable, declaration: null as unknown as T['declaration'] };
      stripped.set(variable, copy);
    }
    return copy as T;
  };
  return {
    ...model,
    variables: new Map([...model.variables].map(([name, variable]) => [name, strip(variable)])),
    inputs: model.inputs.map(strip),
    outcomes: model.outcomes.map(strip),
    alternatives: model.alternatives.map((a): Alternative => ({ ...a, declaration: null as unknown as Alternative['declaration'] })),
  };
}
