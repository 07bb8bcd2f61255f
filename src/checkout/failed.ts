/** The machine's answer to a failed request. Pure. */
import {releaseLockWait} from './advance.js';
import {quoteMissed} from './quote.js';
import type {CheckoutError, CheckoutState, Effect, Operation, Transition} from './types.js';

/** Answers that put the session itself in doubt (unauthorised, missing, gone). */
const DOUBTFUL = new Set(['invalid-session', 'session-not-found', 'gone', 'insecure-credentials', 'missing-credentials']);

/**
 * How long after a session read that doubted the session it is made again (ms). With a live stream
 * nothing else reads it, and one refused read (a proxy's 401) said "not valid" for good (a network
 * probe). Set again by each failed read while the session is in doubt: a session truly revoked is
 * read every 5 s, less often than a poll.
 */
export const SESSION_RECHECK_MS = 5000;

/** Whether `notice` doubts the session itself: a session read that answers says otherwise. */
export function doubtsSession(notice: CheckoutError | null): boolean {
  return notice !== null && DOUBTFUL.has(notice.code);
}

/**
 * A failed request ends the checkout only at load. Later, only a confirmed end (a session read
 * saying expired, canceled or paid) replaces the payer's view: a request refused as unauthorised,
 * missing or gone is a notice, and the session is read again to find out.
 */
export function failed(state: CheckoutState, operation: Operation, error: CheckoutError, at: number): Transition {
  if (operation === 'load') return {state: {...state, step: 'error', error, busy: null}, effects: [{type: 'stop'}]};
  const doubtful = DOUBTFUL.has(error.code);
  // A poll that failed: the poller retries with backoff; a doubtful answer asks the session.
  if (operation === 'status') return {state, effects: doubtful ? [{type: 'refresh-session'}] : []};
  // A check the payer did not ask for (a restored payment view's) fails quietly: nothing was asked of them.
  if (operation === 'verify' && state.verificationUnasked) return {state, effects: []};
  // The session read itself: say what is wrong, keep the view, and read it again soon.
  // A wait held for the locked rails is held no longer (the payer goes on as on an open invoice).
  if (operation === 'session') {
    // Read again while the session is in doubt, whatever failed this time (a blip after a 401, say).
    const recheck = doubtful || doubtsSession(state.notice) ? {sessionRecheckAt: at + SESSION_RECHECK_MS} : {};
    const read = {...state, readingLock: false, notice: doubtful ? error : state.notice, ...recheck};
    return state.readingLock ? releaseLockWait(read) : {state: read, effects: []};
  }
  // A payer action refused (a 400 included: the invoice may have ended meanwhile) re-reads the session.
  const recheck = doubtful || error.code === 'bad-request';
  const effects: Effect[] = recheck ? [{type: 'refresh-session'}] : [];
  if (operation === 'address') return {state: quoteMissed(state, error, at), effects};
  // Only the action that failed stops waiting (a background re-read of a job is not the payer's).
  const busy = state.busy === operation ? null : state.busy;
  return {state: {...state, busy, notice: error}, effects};
}
