// The one way a thrown value becomes a log line or a notice, for every layer (server, session,
// worker, CLI).

/**
 * The text of a thrown value: an Error's message (its stack with `withStack`, for failures that
 * are bugs), anything else as a string.
 */
export function describeError(error: unknown, withStack = false): string {
  if (!(error instanceof Error)) return String(error);
  return withStack ? (error.stack ?? error.message) : error.message;
}
