/** The machine's answer to a manual verification job ("I already paid"). Pure. */
import type {Verification} from '../api/schemas/verify.js';
import {advance} from './advance.js';
import {VERIFY_READS} from './selectors.js';
import type {CheckoutState, Transition} from './types.js';

/** A pending job is read again after 3 s, then ever less often, VERIFY_READS times at most. */
const VERIFY_RECHECK = {firstMs: 3000, maxMs: 30_000, times: VERIFY_READS};

export function verified(state: CheckoutState, job: Verification, at: number): Transition {
  // An answer ends only the wait for itself (the payer's "I already paid"), never another's.
  const busy = state.busy === 'verify' ? null : state.busy;
  // Only a job about the payment on screen counts: not another invoice (a server mix-up), another
  // network, or a step the payer has left.
  const stray = job.invoiceId !== null && job.invoiceId !== state.invoiceId;
  const elsewhere = job.network !== null && job.network !== state.address?.network;
  if (stray || elsewhere || (state.step !== 'awaiting-payment' && state.step !== 'underpaid')) {
    return {state: {...state, busy, verificationCheckAt: null}, effects: []};
  }
  // Undocumented job states: anything but `pending` is taken as the job's end. A job pending
  // for good stops being read (the payer may ask again).
  const checks = job.status === 'pending' ? state.verificationChecks + 1 : VERIFY_RECHECK.times;
  const wait = Math.min(VERIFY_RECHECK.maxMs, VERIFY_RECHECK.firstMs * 2 ** (checks - 1));
  const verificationCheckAt = checks < VERIFY_RECHECK.times ? at + wait : null;
  const next = {...state, busy, verification: job, verificationChecks: checks, verificationCheckAt};
  // A payment found (or the job did not say): the session says how much arrived and what is due.
  const reread = job.status !== 'pending' && job.paymentFound !== false;
  // Found on an unpaid invoice's payment view, or the whole rest found on an underpaid one's: waited
  // for as a payment seen, not shown under "send exactly …" (the payer might pay twice). Not heard
  // by this page, it may fail unheard: the way back stays open (confirming.ts, `stopWaiting`). A
  // payment the job found short is said with the session's figures instead (`found-short`); on an
  // underpaid invoice (locked rails or not) a payment found may be the one already counted.
  const all = job.invoiceStatus === 'paid' || (next.invoiceStatus !== 'underpaid' && job.invoiceStatus !== 'underpaid');
  const found = reread && job.paymentFound === true && !job.failed && all;
  // The payer's wallet's transaction, if it sent one, is the likeliest found: its failure is then heard.
  const detected = found ? {paymentId: null, txHash: next.walletTx?.txHash ?? null, found: true as const} : next.detected;
  // Found: waited for. Or an underpaid invoice whose remainder was not yet re-quoted (busy meanwhile) is now.
  const shown = found || (next.step === 'underpaid' && next.busy === null) ? advance({...next, detected}) : {state: next, effects: []};
  return {state: shown.state, effects: [...shown.effects, ...(reread ? [{type: 'refresh-session'} as const] : [])]};
}
