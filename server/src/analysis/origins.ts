// Marks a forecast's imported declarations with the file that declares them (LANGUAGE.md,
// Forecast JSON: `"origin": "lib/pakistan-baseline.scenario"`, only for imported declarations).
// The engine forecasts the merged model and knows nothing of files; the origin is the model's.
import type { Forecast, InputForecast, OutcomeForecast } from '../../../common/forecast';
import { shownFrom } from '../model/imports/paths';
import type { ResolvedModel } from '../model/types';

/**
 * `forecast` with `origin` on each imported outcome and input, shown relative to the folder of
 * `file` (a real path), or as `show` shows a file (an ImportContext's `show`).
 */
export function withOrigins(forecast: Forecast, model: ResolvedModel, file: string | ((declaring: string) => string)): Forecast {
  const show = typeof file === 'string' ? (declaring: string) => shownFrom(file, declaring) : file;
  const origins = new Map<string, string>();
  for (const v of model.variables.values()) if (v.origin) origins.set(v.name, show(v.origin.file));
  if (origins.size === 0) return forecast;
  const mark = <T extends OutcomeForecast | InputForecast>(item: T): T => {
    const origin = origins.get(item.name);
    return origin === undefined ? item : { ...item, origin };
  };
  return {
    ...forecast,
    outcomes: forecast.outcomes.map(mark),
    inputs: forecast.inputs.map(mark),
    alternatives: forecast.alternatives.map((a) => ({ ...a, outcomes: a.outcomes.map(mark) })),
  };
}
