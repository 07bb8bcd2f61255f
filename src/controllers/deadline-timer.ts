/**
 * Wakes a checkout's machine at its next deadline (expiry, quote, verification, a doubted session),
 * and only then. One past (the server still says "0 s left") is looked at again after 1–2 s, then
 * ever less often (the shared backoff, up to a minute), not at once, nor later than the next one
 * ahead. A past one moved (a re-read says "0 s left" again) keeps the wait it has: reset by a
 * deadline ahead, the wait never grew (40 session reads a minute against a server whose expiry
 * lagged, a network probe).
 */
import {Backoff} from '../realtime/backoff.js';

/** The longest delay setTimeout honours (2^31 - 1 ms). */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export class DeadlineTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The deadlines the timer is set for (the first, and the first ahead); null: none set. */
  private setFor: string | null = null;
  private readonly pastDeadlines = new Backoff({baseMs: 2000, maxMs: 60_000});

  constructor(private readonly onDeadline: () => void) {}

  /**
   * @param deadline the first deadline, monotonic ms (`performance.now()`), or null for none
   * @param ahead the first deadline later than `now`, or null
   */
  set(deadline: number | null, ahead: number | null, now: number): void {
    const key = `${deadline !== null && deadline <= now ? 'past' : deadline} ${ahead}`;
    if (key === this.setFor) return;
    this.stop();
    this.setFor = key;
    if (deadline === null) return;
    if (deadline > now) this.pastDeadlines.reset();
    const wait = deadline > now ? deadline - now : this.pastDeadlines.next();
    this.timer = setTimeout(
      () => {
        this.setFor = null;
        this.onDeadline();
      },
      // setTimeout fires at once past 2^31 - 1 ms (24.8 days): wake then and schedule the rest.
      Math.min(wait, (ahead ?? Infinity) - now, MAX_TIMEOUT_MS),
    );
  }

  stop(): void {
    clearTimeout(this.timer);
    this.setFor = null;
  }
}
