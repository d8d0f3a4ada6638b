// Today as an ISO date, for the callers that pass it into the pure checks (`resolution-future`)
// and the scores: the only place that reads the clock for a date. UTC, as LANGUAGE.md's "before
// D" is (a commit time earlier than D at 00:00 UTC).

/** `YYYY-MM-DD` of `now` in UTC. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
