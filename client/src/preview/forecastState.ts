// What the preview shows for a forecast result from the server. While the file does not parse the
// preview keeps the last good forecast and says why; two results that would draw the same page are
// "the same" (so a redraw is skipped). Pure, for tests.
import type { ForecastRequest } from '../../../common/protocol';

export type ForecastResult = ForecastRequest.Result;

const STALE_NOTICE = 'The file has errors, so this is the last forecast that could be computed. Fix the errors to update it.';

/** The result to show, given the one shown before (for the same document) and the new one. */
export function mergeResult(previous: ForecastResult | undefined, next: ForecastResult): ForecastResult {
  if (next.forecast !== null || !previous || previous.uri !== next.uri || previous.forecast === null) return next;
  return { ...next, forecast: previous.forecast, stale: true, notice: next.notice ?? STALE_NOTICE };
}

/** True when showing `b` after `a` would not change the page. */
export function sameResult(a: ForecastResult, b: ForecastResult): boolean {
  return (
    a.uri === b.uri &&
    a.version === b.version &&
    a.stale === b.stale &&
    a.notice === b.notice &&
    (a.forecast === null) === (b.forecast === null) &&
    // a recomputation of the same version (settings changed) is a new run
    a.forecast?.elapsedMs === b.forecast?.elapsedMs &&
    a.forecast?.samples === b.forecast?.samples
  );
}

/** A result that says there is nothing to show yet, and why. */
export function emptyResult(uri: string, version: number, notice: string): ForecastResult {
  return { uri, version, forecast: null, stale: false, notice };
}
