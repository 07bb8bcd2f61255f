/**
 * The one backoff of the checkout, used by HTTP retries, the payment stream and the status poller.
 *
 * Exponential from `baseMs`, capped at `maxMs`, with "equal jitter": the wait for failure n is
 * `c / 2 + random() * c / 2` where `c = min(maxMs, baseMs * 2^n)`. Half of each step is fixed, so a
 * dead server is never hammered; the other half is random, so many checkouts do not retry in step.
 * (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015.)
 */
export interface BackoffPolicy {
  /** Ceiling of the first wait, in ms. */
  baseMs: number;
  /** Largest ceiling, in ms. */
  maxMs: number;
  /**
   * A connection that stayed up at least this long (ms, measured from `opened()` to the next
   * failure) clears the failure count; a shorter one does not, so a server that accepts and drops
   * at once still sees the waits grow. Default: never cleared by `opened()` alone.
   */
  healthyAfterMs?: number;
}

export interface BackoffSources {
  /** Uniform in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Milliseconds on a monotonic clock. Default `performance.now`. */
  now?: () => number;
}

export class Backoff {
  private failures = 0;
  private openedAt: number | null = null;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(
    private readonly policy: BackoffPolicy,
    sources: BackoffSources = {},
  ) {
    this.random = sources.random ?? Math.random;
    this.now = sources.now ?? (() => performance.now());
  }

  /** Failures counted since the last reset. */
  get attempts(): number {
    return this.failures;
  }

  /** The wait before the next attempt, in ms; counts one more failure. */
  next(): number {
    const healthyAfter = this.policy.healthyAfterMs;
    if (this.openedAt !== null && healthyAfter !== undefined && this.now() - this.openedAt >= healthyAfter) this.failures = 0;
    this.openedAt = null;
    const ceiling = Math.min(this.policy.maxMs, this.policy.baseMs * 2 ** this.failures);
    this.failures++;
    return ceiling / 2 + this.random() * (ceiling / 2);
  }

  /** A connection is up; whether that clears the failures depends on how long it stays up. */
  opened(): void {
    this.openedAt = this.now();
  }

  /** Success (a request answered, or the payer asked to try again now): start from the first step. */
  reset(): void {
    this.failures = 0;
    this.openedAt = null;
  }
}
