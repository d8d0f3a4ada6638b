// Render throttling, as VS Code's markdown preview does it: the first value is delivered at once;
// after that, values are coalesced and delivered at most once per `delayMs` (the latest wins), and
// a value equal to the last delivered one is skipped. Pure (timers are injected) for tests.

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Throttle<T> {
  private first = true;
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

  /** Offers a value; it is delivered now (first time), later (throttled) or never (unchanged). */
  push(value: T): void {
    if (this.disposed) return;
    this.pending = { value };
    if (this.timer !== undefined) return;
    if (this.first) {
      this.first = false;
      this.flush();
      return;
    }
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.delayMs);
  }

  /** Delivers the next value at once (a new document, a reloaded page), even if unchanged. */
  reset(): void {
    this.cancelTimer();
    this.first = true;
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
    this.deliver(next.value);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
