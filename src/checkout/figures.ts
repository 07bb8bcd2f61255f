/**
 * What the payment and outcome views read from the checkout state (they ship in the lazy view
 * chunks, not the first paint): pure, so every view shows the same figures and tests need no DOM.
 * Money is USD; times are milliseconds on the machine's monotonic clock.
 */
import {msUntil, VERIFY_READS} from './selectors.js';
import type {CheckoutState} from './types.js';

/** Time left on the current price quote; null while it is refreshed or when there is none. */
export function quoteTimeLeft(state: CheckoutState, now: number): number | null {
  return state.busy === 'address' || !state.address?.tokenAmount ? null : msUntil(state.quoteExpiresAtMono, now);
}

/**
 * The payer may ask for a price: the automatic refresh stopped (quotes kept expiring at once), or
 * the last one failed and no price is shown until the next try.
 */
export function quoteStalled(state: CheckoutState): boolean {
  const a = state.address;
  return a !== null && state.busy === null && (state.quoteExpiresAtMono === null || (!a.tokenAmount && state.notice !== null));
}

/** What is still due, in USD (only ever goes down: see the machine). */
export function amountStillDue(state: CheckoutState): number | null {
  return state.amountRemainingUsd;
}

/**
 * What has been paid so far, in USD: the invoice amount minus what is still due, computed in
 * thousandths of a USD (the events' `usd_millis` unit) so no binary fraction leaks into it.
 */
export function paidSoFar(state: CheckoutState): number | null {
  const total = state.session?.amountUsd;
  const due = state.amountRemainingUsd;
  if (total == null || due === null) return null;
  return (Math.round(total * 1000) - Math.round(due * 1000)) / 1000;
}

/**
 * USD of the payments this checkout heard Pepay count (thousandths, so no binary fraction leaks in).
 * One only seen on its way is not in it: it may have failed where the page could not hear.
 */
export function paymentsUsd(state: CheckoutState): number {
  return Object.values(state.payments).reduce((sum, usd) => sum + Math.round(usd * 1000), 0) / 1000;
}

/** How much more than the invoice was sent (USD), or 0. */
export function overpaidUsd(state: CheckoutState): number {
  const total = state.session?.amountUsd;
  if (total == null) return 0;
  const over = Math.round(paymentsUsd(state) * 1000) - Math.round(total * 1000);
  return over > 0 ? over / 1000 : 0;
}

/** How much arrived before the invoice ended unpaid (USD): the larger of what payments and the session say. */
export function arrivedUsd(state: CheckoutState): number {
  return Math.max(paymentsUsd(state), paidSoFar(state) ?? 0);
}

/** What "I already paid" found, in the payer's terms (the job's own words never reach them). */
export type VerificationAnswer =
  'checking' | 'still-checking' | 'found' | 'found-counting' | 'found-short' | 'not-found' | 'unknown' | 'failed';

export function verificationAnswer(state: CheckoutState): VerificationAnswer | null {
  const answer = jobAnswer(state);
  // A check the payer did not ask for (a restored payment view's) speaks only of a payment found.
  return state.verificationUnasked && !answer?.startsWith('found') ? null : answer;
}

function jobAnswer(state: CheckoutState): VerificationAnswer | null {
  if (state.busy === 'verify') return 'checking';
  const job = state.verification;
  if (!job) return null;
  // The job's states past `pending` are undocumented: an error, or a word for one, is a failure.
  if (job.failed || /fail|error/i.test(job.status)) return 'failed';
  if (job.status === 'pending') return state.verificationChecks >= VERIFY_READS ? 'still-checking' : 'checking';
  // The documented result is `{}`: a job that does not say is not "nothing found".
  if (job.paymentFound === null) return 'unknown';
  if (!job.paymentFound) return 'not-found';
  if (job.invoiceStatus === 'paid') return 'found';
  if (state.invoiceStatus === 'underpaid') return 'found-short';
  // Found short by the job, the session's figures on their way: no amount until they come.
  return job.invoiceStatus === 'underpaid' ? 'found-counting' : 'found';
}
