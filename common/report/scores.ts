// How scores read (the track record: `scenario score`, the hover's Brier, the Track Record page
// and the preview's resolved badge), formatted in one place like every other number
// (common/text/numbers.ts): a Brier score with four decimals ("0.0225"), a log score with three
// and a true minus ("−0.163"), probabilities as the forecast shows them.
import { round } from '../text/numbers';

/** What a Brier score is, where one is shown. */
export const BRIER_MEANING = 'Brier score of this forecast: (probability − outcome)², 0 best, 1 worst.';

/** A Brier score (0 best, 1 worst): "0.0225"; "—" when there is none. */
export function formatScore(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return round(x, 4).toFixed(4);
}

/** A log score (0 best, ln 0.001 ≈ −6.908 worst): "−0.163". */
export function formatLogScore(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const r = round(x, 3);
  return r < 0 ? `−${Math.abs(r).toFixed(3)}` : r.toFixed(3);
}
