// Forecast: generated models (fuzz/generators/models.ts) written as files and analysed and
// forecast as the CLI does, and tests/engine/build.ts's random models straight into the engine.
// Oracles: no exception; diagnostics as in the parse target; every probability finite and in
// [0, 1], band low ≤ P ≤ band high, in the baseline and each alternative; the same numbers twice.
import fc from 'fast-check';
import { analyzeSource } from '../../server/src/analysis/analyzeSource';
import { forecast } from '../../server/src/engine/forecast';
import { isForecastable } from '../../server/src/model/forecastScope';
import { chunkCache } from '../../server/src/syntax/chunk';
import type { ResolvedModel } from '../../server/src/model/types';
import { buildModel, randomModel } from '../../tests/engine/build';
import type { Target } from '../campaign';
import { type ModelShape, modelShape, modelText } from '../generators/models';
import { checkDiagnostics, checkForecast, expectThat, forecastData } from '../oracles';
import { TODAY } from './parse';

export type ForecastInput =
  | { kind: 'file'; model: ModelShape }
  | { kind: 'engine'; seed: number; inputs: number; outcomes: number };

const input: fc.Arbitrary<ForecastInput> = fc.oneof(
  { weight: 4, arbitrary: modelShape.map((model) => ({ kind: 'file' as const, model })) },
  {
    weight: 1,
    arbitrary: fc.record({ seed: fc.nat(), inputs: fc.integer({ min: 1, max: 16 }), outcomes: fc.integer({ min: 1, max: 16 }) })
      .map((r) => ({ kind: 'engine' as const, ...r })),
  },
);

function forecastTwice(model: ResolvedModel) {
  const first = forecast(model);
  checkForecast(first);
  const second = forecast(model);
  expectThat(forecastData(second) === forecastData(first), () => 'the same model and seed gave different numbers');
  return first;
}

export const forecastTarget: Target<ForecastInput> = {
  name: 'forecast',
  unit: 'models',
  arbitrary: input,
  full: 10_000,
  short: 1_000,
  batch: 100,
  run(input) {
    if (input.kind === 'engine') {
      forecastTwice(buildModel(randomModel(input.seed, input.inputs, input.outcomes)));
      return;
    }
    const text = modelText(input.model);
    // The chunk cache would fill to its bound (50,000 declarations) over the campaign and read as
    // retained heap; what accumulates here must be the forecast's.
    chunkCache.clear();
    const analysis = analyzeSource({ text, today: TODAY });
    checkDiagnostics(text, analysis.diagnostics);
    if (!isForecastable(analysis.scope)) return;
    const made = forecastTwice(analysis.scope.model);
    // The judgment check against that forecast, as the editor runs it.
    checkDiagnostics(text, analyzeSource({ text, document: analysis.document, today: TODAY }, made).diagnostics);
  },
  show: (input) => (input.kind === 'file' ? JSON.stringify(modelText(input.model)) : `buildModel(randomModel(${input.seed}, ${input.inputs}, ${input.outcomes}))`),
  size: (input) => (input.kind === 'file' ? modelText(input.model).length : 0),
  sizeLabel: (input) => (input.kind === 'file'
    ? `${input.model.inputs.length} inputs, ${input.model.outcomes.length} outcomes, ${input.model.alternatives.length} alternatives`
    : `engine model of ${input.inputs} inputs and ${input.outcomes} outcomes`),
  // Two forecasts of at most 24 inputs and 12 outcomes with 5,000 samples.
  cpuBudgetMs: () => 10_000,
};
