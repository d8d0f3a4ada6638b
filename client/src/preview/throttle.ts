// Render throttling with a leading edge: a value is delivered at once when nothing was delivered
// within the last `delayMs` (a single edit after a pause shows without waiting); values that come
// sooner are coalesced and the latest is delivered when the interval is over (a burst redraws at
// most once per `delayMs`). A value equal to the last delivered one is skipped. Pure (the clock
// and timers are injected) for tests.

export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Throttle<T> {
  /** When the last value was delivered; undefined: never, or since reset (the next goes at once). */
  private deliveredAt: number | undefined;
  private timer: unknown = undefined;
  private pending: { value: T } | undefined;
  private last: { value: T } | undefined;
  private disposed = false;

  constructor(
    private delayMs: number,
    private readonly deliver: (value: T) => void,
    private readonly same: (a: T, b: T) => boolean,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Offers a value; it is delivered now (after a quiet interval), later (throttled) or never (unchanged). */
  push(value: T): void {
    if (this.disposed) return;
    this.pending = { value };
    if (this.timer !== undefined) return;
    const wait = this.deliveredAt === undefined ? 0 : this.deliveredAt + this.delayMs - this.timers.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  /** Delivers the next value at once (a new document, a reloaded page), even if unchanged. */
  reset(): void {
    this.cancelTimer();
    this.deliveredAt = undefined;
    this.last = undefined;
  }

  setDelay(delayMs: number): void {
    this.delayMs = delayMs;
  }

  /** The last value delivered, if any. */
  get lastDelivered(): T | undefined {
    return this.last?.value;
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    this.pending = undefined;
  }

  private flush(): void {
    const next = this.pending;
    this.pending = undefined;
    if (!next || this.disposed) return;
    if (this.last && this.same(this.last.value, next.value)) return;
    this.last = next;
    this.deliveredAt = this.timers.now();
    this.deliver(next.value);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
