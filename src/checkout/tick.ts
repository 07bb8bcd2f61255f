/** The machine's clock input: what falls due at a deadline. Pure. */
import {isTerminal} from './state.js';
import type {CheckoutState, Effect, Transition} from './types.js';

/** A deadline may have passed (see `nextDeadline`); with nothing due, the state is unchanged. */
export function tick(state: CheckoutState, at: number): Transition {
  if (isTerminal(state.step) || state.step === 'error' || state.step === 'loading') return {state, effects: []};
  const effects: Effect[] = [];
  const next = {...state};
  // Countdown over: ask the server rather than declare the invoice expired on our own clock. The
  // deadline stays: while the server still says "open" with no time left, each tick asks again, on
  // the growing wait for a past deadline (deadline-timer.ts). Cleared here, the next deadline ahead
  // reset that wait: 40 reads a minute against a server whose expiry lagged (a network probe).
  const expired = next.expiresAtMono !== null && at >= next.expiresAtMono;
  // A session read that doubted the session is made again (failed.ts).
  const recheck = next.sessionRecheckAt !== null && at >= next.sessionRecheckAt;
  if (recheck) next.sessionRecheckAt = null;
  if (expired || recheck) effects.push({type: 'refresh-session'});
  if (next.verificationCheckAt !== null && at >= next.verificationCheckAt && next.invoiceId) {
    next.verificationCheckAt = null;
    effects.push({type: 'check-verification', invoiceId: next.invoiceId});
  }
  // Quote over: refresh it on the same token (the address stays where the server allows).
  // Not while a payment is confirming: it was sent at the price shown.
  if (
    next.step !== 'confirming' &&
    next.address &&
    next.quoteExpiresAtMono !== null &&
    at >= next.quoteExpiresAtMono &&
    next.busy === null
  ) {
    // An underpaid invoice is priced on the rails it is locked to, as the payer's own refresh is.
    const rails = (next.invoiceStatus === 'underpaid' ? next.session?.locked : null) ?? next.address;
    next.busy = 'address';
    next.quoteExpiresAtMono = null;
    effects.push({type: 'allocate', network: rails.network, tokenId: rails.tokenId});
  }
  return effects.length ? {state: next, effects} : {state, effects};
}
