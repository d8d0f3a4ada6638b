// Milliseconds on a monotonic clock, for elapsed times and time limits. process.hrtime, not
// performance.now(): Node loads perf_hooks on the first use of `performance`, which cost a cold
// `scenario forecast` 2-7 ms before it had timed anything.
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
