/**
 * The session re-reads the machine asks for (`refresh-session`: a poll, a stream's
 * `resync_required`, the payer back in the tab), one at a time. One asked while another is in
 * flight runs once after it, however many were asked, so no news is missed; none starts before the
 * server's Retry-After has passed (RFC 9110 §10.2.3; a minute at most). Against a failing server,
 * reads piled up otherwise: 23 in 20 s against 503s, one every 2 s against "Retry-After: 20" (a
 * network probe).
 */
/** The longest Retry-After heeded (ms): the invoice runs on meanwhile, and a minute is long in a checkout. */
const MAX_WAIT_MS = 60_000;

export class SessionReads {
  private running = false;
  private again = false;
  /** Monotonic ms before which no read starts (the last answer's Retry-After). */
  private notBefore = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** @param read runs one read; resolves with the Retry-After it was answered with, in ms (0: none; a rejection counts as none). */
  constructor(private readonly read: () => Promise<number>) {}

  ask(): void {
    if (this.running) return void (this.again = true);
    if (this.timer !== undefined) return;
    const wait = this.notBefore - performance.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.ask();
      }, wait);
      return;
    }
    this.running = true;
    void this.read()
      .catch(() => 0)
      .then((retryAfterMs) => {
        this.running = false;
        this.notBefore = performance.now() + Math.min(retryAfterMs, MAX_WAIT_MS);
        if (!this.again) return;
        this.again = false;
        this.ask();
      });
  }

  /** Forgets what was asked and waited for (a new session, or the checkout gone); a read in flight ends on its own. */
  reset(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.again = false;
    this.notBefore = 0;
  }
}
