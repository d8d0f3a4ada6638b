// How a forecast is asked for (options) and stopped (cancellation). The forecast's own types live
// in common/forecast.ts: the server, the extension and the page all read them.
export interface ForecastOptions {
  /** Overrides the file's `samples` (checked against 1,000..1,000,000 before anything is allocated). */
  samples?: number;
  /** Overrides the file's `seed`. */
  seed?: number;
  /** Largest number of binary variables computed exactly (default 20). */
  exactLimit?: number;
  /** How many of the most probable worlds to list (default 8). */
  maxWorlds?: number;
  /** Polled during long runs; when it returns true the run stops with a ForecastCancelled error. */
  isCancelled?: () => boolean;
}

export class ForecastCancelled extends Error {
  constructor() {
    super('forecast cancelled');
    this.name = 'ForecastCancelled';
  }
}
