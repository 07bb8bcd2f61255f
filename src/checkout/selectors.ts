/**
 * The checkout's clock, derived from its state: pure (the views' figures are in figures.ts).
 * Times are milliseconds on the monotonic clock the machine's `at` inputs use (`performance.now()`).
 */
import type {CheckoutState} from './types.js';
import {isTerminal} from './state.js';

/** Milliseconds from `now` to a monotonic deadline (0 once passed), or null when there is none. */
export function msUntil(deadline: number | null, now: number): number | null {
  return deadline === null ? null : Math.max(0, deadline - now);
}

/**
 * The next moment the machine must hear a `tick` (invoice expiry, a quote running out, a pending
 * verification or a doubted session to read again), or null when nothing is scheduled; with
 * `after`, the first one later than that.
 */
export function nextDeadline(state: CheckoutState, after = -Infinity): number | null {
  if (isTerminal(state.step) || state.step === 'error' || state.step === 'loading') return null;
  const quoteDue = state.address && state.busy === null ? state.quoteExpiresAtMono : null;
  const deadlines = [state.expiresAtMono, quoteDue, state.verificationCheckAt, state.sessionRecheckAt].filter(
    (at): at is number => at !== null && at > after,
  );
  return deadlines.length ? Math.min(...deadlines) : null;
}

/** How many reads of a pending verification job before the checkout stops asking. */
export const VERIFY_READS = 8;
