// When the language server crashes, restart it, but not forever: at most `maxRestarts` times within
// a sliding window. Past that the server stays down and the user is told (with a way to restart).
// Pure (the clock is injected) so it can be tested without VS Code.

export class RestartPolicy {
  private restarts: number[] = [];

  constructor(
    private maxRestarts: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash. True when the server may be restarted once more. */
  allowRestart(): boolean {
    const t = this.now();
    this.restarts = this.restarts.filter((at) => t - at < this.windowMs);
    if (this.restarts.length >= this.maxRestarts) return false;
    this.restarts.push(t);
    return true;
  }

  /** Restarts still allowed in the current window (for messages and logs). */
  remaining(): number {
    const t = this.now();
    return Math.max(0, this.maxRestarts - this.restarts.filter((at) => t - at < this.windowMs).length);
  }

  /** The setting changed. */
  setMaxRestarts(maxRestarts: number): void {
    this.maxRestarts = maxRestarts;
  }

  /** After a manual restart the count starts again. */
  reset(): void {
    this.restarts = [];
  }
}
