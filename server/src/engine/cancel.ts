// How a forecast is stopped: the caller's `isCancelled` (ForecastOptions) is polled through one
// check that long runs call between steps, and a cancelled run ends with ForecastCancelled.

export class ForecastCancelled extends Error {
  constructor() {
    super('forecast cancelled');
    this.name = 'ForecastCancelled';
  }
}

/** A check to call between steps of a long run: throws ForecastCancelled once `isCancelled` says so. */
export function cancelCheck(isCancelled: (() => boolean) | undefined): () => void {
  return () => {
    if (isCancelled?.()) throw new ForecastCancelled();
  };
}
