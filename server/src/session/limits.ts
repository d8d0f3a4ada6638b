// Bounds that keep the server answering whatever it is given (ENGINEERING.md, "reliability").

/**
 * Quiet time after the last edit before a forecast starts (the first forecast starts at once),
 * when the document's last forecast was expensive or its cost is not known yet.
 */
export const FORECAST_DEBOUNCE_MS = 250;

/** The quiet time when the last forecast was cheap: a wasted run costs less than waiting longer. */
export const QUICK_FORECAST_DEBOUNCE_MS = 40;

/** A forecast that took at most this long (the engine's own elapsed time) counts as cheap. */
export const CHEAP_FORECAST_MS = 250;

/** How long a cancelled forecast may take to stop by itself before its worker is terminated. */
export const CANCEL_GRACE_MS = 200;

/** At most this many diagnostics are published per document (a pathological file can have 20,000). */
export const MAX_PUBLISHED_DIAGNOSTICS = 1_000;

/**
 * How much the server's heap may grow between full garbage collections, as a percentage of what
 * was live after the last one. V8 lets a large heap grow up to 4× first: a big document's
 * analysis of each version (tens of MB) then piled up to 600 MB of garbage after ten edits
 * (issue 15); with a quarter the peak stays near what is live. Costs a few more collections.
 */
export const HEAP_GROWING_PERCENT = 25;
