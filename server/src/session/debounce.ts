// How long the session waits after an edit before it forecasts, judged by the document's last
// forecast: a cheap model gets its new numbers almost at once, an expensive one is not restarted
// on every keystroke.
import { CHEAP_FORECAST_MS, FORECAST_DEBOUNCE_MS, QUICK_FORECAST_DEBOUNCE_MS } from './limits';

/** The debounce after an edit, given the engine's elapsed time of the last forecast (null: not known, or it failed). */
export function forecastDebounceMs(lastRunMs: number | null): number {
  return lastRunMs !== null && lastRunMs <= CHEAP_FORECAST_MS ? QUICK_FORECAST_DEBOUNCE_MS : FORECAST_DEBOUNCE_MS;
}
