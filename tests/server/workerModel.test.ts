// The model as sent to the forecast worker: no syntax-tree nodes, the same objects shared between
// `variables` and `inputs`/`outcomes`, and, after the structured copy postMessage makes, the same
// forecast as the full model.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forecast } from '../../server/src/engine/forecast';
import { analyze } from '../../server/src/model/analyze';
import { modelForWorker } from '../../server/src/session/workerModel';

const SAMPLES = ['us-pakistan-2025.scenario', 'supply-chain-risk.scenario', 'election.scenario', 'hostile-labels.scenario'];
const load = (name: string) =>
  analyze(readFileSync(fileURLToPath(new URL(`../../samples/${name}`, import.meta.url)), 'utf8')).model;

describe.each(SAMPLES)('modelForWorker(%s)', (name) => {
  it('drops every declaration and keeps the variables shared', () => {
    const model = load(name);
    const stripped = modelForWorker(model);
    for (const part of [...stripped.variables.values(), ...stripped.alternatives]) expect(part).not.toHaveProperty('declaration');
    for (const variable of [...stripped.inputs, ...stripped.outcomes]) expect(stripped.variables.get(variable.name)).toBe(variable);
    expect(model.inputs[0]).toHaveProperty('declaration'); // the original is left as it was
  });

  it('forecasts the same as the full model, after the structured copy', () => {
    const model = load(name);
    const { elapsedMs: _a, ...full } = forecast(model);
    const { elapsedMs: _b, ...sent } = forecast(structuredClone(modelForWorker(model)));
    expect(sent).toEqual(full);
  });
});
