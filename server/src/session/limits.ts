// Bounds that keep the server answering whatever it is given (ENGINEERING.md, "reliability").

/** Quiet time after the last edit before a forecast starts (the first forecast starts at once). */
export const FORECAST_DEBOUNCE_MS = 250;

/** How long a cancelled forecast may take to stop by itself before its worker is terminated. */
export const CANCEL_GRACE_MS = 200;

/** At most this many diagnostics are published per document (a pathological file can have 20,000). */
export const MAX_PUBLISHED_DIAGNOSTICS = 1_000;
