// The session's errors: a request the client cancelled, and the one way a thrown value is put
// into a log line or a notice.

/** Thrown (or rejected with) when the client cancels a request; `guarded` answers it with RequestCancelled. */
export class RequestCancelledError extends Error {
  constructor() {
    super('request cancelled');
  }
}

/**
 * The text of a thrown value: an Error's message (its stack with `withStack`, for failures that
 * are bugs), anything else as a string.
 */
export function describeError(error: unknown, withStack = false): string {
  if (!(error instanceof Error)) return String(error);
  return withStack ? (error.stack ?? error.message) : error.message;
}
