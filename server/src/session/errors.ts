// The session's error for a request the client cancelled.

/** Thrown (or rejected with) when the client cancels a request; `guarded` answers it with RequestCancelled. */
export class RequestCancelledError extends Error {
  constructor() {
    super('request cancelled');
  }
}
