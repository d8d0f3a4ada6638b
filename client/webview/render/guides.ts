// What to watch and linchpins need exact inference (LANGUAGE.md, Semantics): a forecast of a
// model too dense for it has none at all, though its outcomes have drivers. Both sections then
// say so in one line instead of listing nothing.
import type { Report } from '../../../common/report';

export const GUIDES_UNAVAILABLE =
  'Not computed for this model: it is too densely connected for the exact inference they need.';

export function guidesUnavailable(report: Report): boolean {
  const none = report.outcomes.every((o) => o.signposts.length === 0 && o.linchpins.length === 0);
  return none && report.outcomes.some((o) => o.drivers.length > 0);
}
