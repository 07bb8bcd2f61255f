/**
 * The `confirming` step: a payment for this invoice was seen and is not final yet, either in the
 * news (`invoice_payment` with status `pending`) or because the payer's own wallet just sent it.
 * The invoice's status decides how it ends (paid, underpaid, or back to waiting). Pure.
 */
import type {EventSubject} from '../api/schemas/events.js';
import {advance} from './advance.js';
import {lowerRemaining} from './news.js';
import {isTerminal} from './state.js';
import {sameTransaction} from './same-transaction.js';
import type {CheckoutState, Input, Transition} from './types.js';

type Payment = Extract<EventSubject, {kind: 'payment'}>;

/** Steps on which a payment may arrive (a terminal screen stays as it is). */
const PAYING = new Set(['awaiting-payment', 'underpaid', 'confirming']);
/** Payment statuses that mean the payment did not happen. */
const NOT_RECEIVED = /fail|revers|reject|cancel/i;
/**
 * Payment statuses that say Pepay received the money (`confirmed`, `underpaid` and `manual_retry`
 * are documented; the others are their likely kin). Any other is money on its way, until the
 * invoice shows it counted.
 */
const RECEIVED = /^(confirmed|underpaid|manual_retry|completed?|settled|succeeded|success|paid)$/i;

/** Payment statuses of a payment seen and not final (`pending` is documented; the others are its likely kin). */
const NOT_FINAL = /^(pending|unconfirmed|confirming|detected)/i;

/** An `invoice_payment` event: its USD tallied, and while it is pending, waited for. */
export function paymentNews(state: CheckoutState, payment: Payment): Transition {
  const failed = NOT_RECEIVED.test(payment.status ?? '');
  const ours = sameTransaction(payment.txHash, state.walletTx?.txHash);
  // The payer's wallet's transaction failed: no receipt to show, nor a hash for a later wait to be
  // matched by. Nor when another transaction arrives while none is waited for (the payer left the
  // wallet's, or it was counted before): the last screen names only what was waited for last, as
  // a reload does (remembered.ts), never one the payer said may have been dropped.
  const another = !state.detected && !!payment.txHash && !ours;
  const next = {...state, ...tallied(state, payment, failed), walletTx: (failed && ours) || another ? null : state.walletTx};
  const waited = state.detected;
  if (failed && waited && isWaitedFor(waited, payment)) {
    // What was on its way will not arrive: the payer is back where they pay. A job's find may have
    // been counted meanwhile instead: what is due is read again.
    const back = advance({...next, detected: null, changed: 'payment-failed'});
    return waited.found ? {...back, effects: [...back.effects, {type: 'refresh-session'}]} : back;
  }
  // A late or replayed "pending" for a payment already counted is not waited for again: one whose
  // wait ended, or one counted with no wait open (its "pending" came last, or never).
  const counted = state.settled.includes(payment.paymentId) || Object.hasOwn(state.payments, payment.paymentId);
  if (!NOT_FINAL.test(payment.status ?? '') || counted || !PAYING.has(state.step)) return {state: next, effects: []};
  // The payer's own transaction is the one most likely seen: its hash stays when Pepay gives none.
  const txHash = payment.txHash ?? waited?.txHash ?? null;
  // Perhaps the replay of one counted already (its wait would never end): the payer may go back, as
  // from a wait heard so before (a second status of the same payment).
  const unsure = state.countedUnheard || (waited?.paymentId === payment.paymentId && waited.unsure);
  return advance({...next, detected: {paymentId: payment.paymentId, txHash, ...(unsure && {unsure: true})}});
}

/**
 * Where a payment's USD now belongs: counted (a status that says received), on its way (not
 * final, and not counted already: a late "pending" changes nothing), or nowhere (it failed, even
 * if it was counted before). On its way is no money received until Pepay counts it.
 */
function tallied(state: CheckoutState, payment: Payment, failed: boolean): Pick<CheckoutState, 'payments' | 'pendingPayments'> {
  const id = payment.paymentId;
  const [payments, pendingPayments] = [without(state.payments, id), without(state.pendingPayments, id)];
  if (failed) return {payments, pendingPayments};
  const [onItsWay, countedAlready] = [!RECEIVED.test(payment.status ?? ''), payments !== state.payments];
  // A status that says received without an amount (`amount_usd` is optional) is of the amount seen on its way.
  const usd = payment.amountUsd ?? (pendingPayments !== state.pendingPayments ? state.pendingPayments[id]! : null);
  if (usd === null || (onItsWay && countedAlready)) return state;
  return onItsWay ? {payments, pendingPayments: {...pendingPayments, [id]: usd}} : {payments: {...payments, [id]: usd}, pendingPayments};
}

/** `record` without the entry `id` (`record` itself when it has none; an id from the network is never looked up on the prototype). */
function without(record: Record<string, number>, id: string): Record<string, number> {
  return Object.hasOwn(record, id) ? Object.fromEntries(Object.entries(record).filter(([key]) => key !== id)) : record;
}

/**
 * The payment a wait is for: by its id or its hash. A verification job's find names no payment:
 * any of this invoice's is taken for it (this page heard of none since, or the wait would carry
 * its id), unless both hashes are known and differ.
 */
function isWaitedFor(waited: NonNullable<CheckoutState['detected']>, payment: Payment): boolean {
  if (waited.paymentId === payment.paymentId) return true;
  if (waited.txHash !== null && payment.txHash !== null) return sameTransaction(waited.txHash, payment.txHash);
  return waited.paymentId === null && waited.found === true;
}

/** A wait only the payer's wallet reported: sent, not yet seen by Pepay (nor found by a job). */
export function sentFromWalletOnly(d: CheckoutState['detected']): boolean {
  return d?.paymentId === null && !d.found;
}

/**
 * A wait this page did not hear (the wallet's, a verification job's), or may not hear the end of
 * (`unsure`: read back after a reload, or perhaps counted already): the payer may go back to
 * paying. One it heard ends by the news.
 */
export function mayStopWaiting(d: CheckoutState['detected']): boolean {
  return d !== null && (d.paymentId === null || d.unsure === true);
}

type WalletInput = Extract<Input, {type: 'wallet-started' | 'wallet-ended' | 'wallet-left-open' | 'wallet-sent' | 'stop-waiting'}>;

/**
 * The payer's browser wallet: while its request is open (`busy: 'wallet'`) no quote refresh or
 * token change moves what it is sending; what it sent is waited for like any payment seen. A
 * request left open in the wallet is remembered until the wallet answers it (`walletLeftOpen`).
 */
export function walletNews(state: CheckoutState, input: WalletInput): Transition {
  switch (input.type) {
    case 'wallet-started':
      return {state: {...state, busy: 'wallet', notice: null}, effects: []};
    case 'wallet-left-open':
      return released({...state, walletLeftOpen: state.walletLeftOpen + 1});
    case 'wallet-ended':
      // A request left open, refused at last: its hold on the price ended when it was left.
      return input.leftOpen ? {state: answered(state), effects: []} : released(state);
    case 'wallet-sent':
      return walletSent(state, input);
    case 'stop-waiting':
      return stopWaiting(state);
  }
}

/**
 * The price held for the wallet is free again: what waited on it (a new price) goes on. Only an
 * open invoice holds one: its end, or an error, clears `busy` (status-news.ts, state.ts).
 */
function released(state: CheckoutState): Transition {
  return state.busy === 'wallet' ? advance({...state, busy: null}) : {state, effects: []};
}

/**
 * What the wallet sent is recorded wherever the payer is (`pepay-wallet-transaction`, and shown
 * with its explorer link); while the invoice is open it is waited for. After the invoice ended it
 * is only shown: the payer gives it to the merchant.
 */
function walletSent(state: CheckoutState, tx: Extract<WalletInput, {type: 'wallet-sent'}>): Transition {
  // Another invoice's transaction, left open when the session changed (payer-guard.ts): only answered.
  if (tx.invoiceId !== state.invoiceId) return {state: answered(state), effects: []};
  const next = {...(tx.leftOpen ? answered(state) : state), walletTx: {wallet: tx.wallet, chainId: tx.chainId, txHash: tx.txHash}};
  // The invoice ended, or the checkout cannot go on: nothing is waited for any more.
  if (isTerminal(state.step) || state.step === 'error') return {state: next, effects: []};
  // The wait replaces the payment view: a price held for the wallet is held no longer (advance.ts).
  return advance({...next, detected: state.detected ?? {paymentId: null, txHash: tx.txHash}});
}

/** One request left open fewer: the wallet answered it. Never below none (a restart counts anew while old answers come). */
function answered(state: CheckoutState): CheckoutState {
  return {...state, walletLeftOpen: Math.max(0, state.walletLeftOpen - 1)};
}

/**
 * The payer leaves a wait that only their wallet reported (Pepay has seen nothing: the
 * transaction may have been dropped or never broadcast), or one read back after a reload (it may
 * have failed meanwhile, and polling would never say). Their transaction stays shown on the
 * payment view; a payment Pepay then sees brings the wait back.
 */
function stopWaiting(state: CheckoutState): Transition {
  const d = state.detected;
  if (!d || !mayStopWaiting(d)) return {state, effects: []};
  // Left by the payer: a later status of the same payment does not start its wait again.
  const back = advance({...state, detected: null, settled: d.paymentId ? [...state.settled.slice(-9), d.paymentId] : state.settled});
  // What is due may have moved unheard (while the page was closed, or as the job found it), and polling does not say: read it.
  return d.unsure || d.found ? {...back, effects: [...back.effects, {type: 'refresh-session'}]} : back;
}

/**
 * A payment waited for is settled once the invoice's status moves or what is still due drops.
 * Seen on its way, it is money received as far as the move shows Pepay counted it (`creditOf`).
 * The step then follows the invoice (the caller applies the status).
 */
export function settleDetected(before: CheckoutState, next: CheckoutState): CheckoutState {
  if (!next.detected) return next;
  const due = next.amountRemainingUsd;
  const dropped = due !== null && (before.amountRemainingUsd === null || due < before.amountRemainingUsd);
  if (next.invoiceStatus === before.invoiceStatus && !dropped) return next;
  const id = next.detected.paymentId;
  // The last few payments counted: a late "pending" for one of them is not a new payment.
  const settled = {...next, detected: null, settled: id ? [...next.settled.slice(-9), id] : next.settled};
  const pendingPayments = id === null ? next.pendingPayments : without(next.pendingPayments, id);
  const credit = pendingPayments === next.pendingPayments ? 0 : creditOf(before, next, next.pendingPayments[id!]!);
  return credit > 0 ? {...settled, payments: {...next.payments, [id!]: credit}, pendingPayments} : settled;
}

/**
 * How much of a payment seen on its way (`usd`) the invoice's move shows counted, in USD: all of
 * it when the invoice is paid (more than was due included), else no more than what is due dropped
 * by (another payment may have moved it, this one having failed unheard), and nothing on an end
 * by expiry or cancelation. Computed in thousandths, so no binary fraction leaks in.
 */
function creditOf(before: CheckoutState, next: CheckoutState, usd: number): number {
  if (next.invoiceStatus === 'paid') return usd;
  const [was, is] = [before.amountRemainingUsd ?? before.session?.amountUsd ?? null, next.amountRemainingUsd];
  if (was === null || is === null) return 0;
  return Math.max(0, Math.min(Math.round(usd * 1000), Math.round(was * 1000) - Math.round(is * 1000))) / 1000;
}

/**
 * What is still due, from a quote update. On an invoice already underpaid no status change
 * follows a further payment, so a lower remainder is that payment counted: the wait ends there.
 */
export function remainderNews(state: CheckoutState, remaining: number): Transition {
  const next = {...state, amountRemainingUsd: lowerRemaining(state.amountRemainingUsd, remaining)};
  // Nothing left is the whole payment on its way: the wait ends with "paid", never a quote for 0.
  if (state.invoiceStatus !== 'underpaid' || next.amountRemainingUsd === 0) return {state: next, effects: []};
  const settled = settleDetected(state, next);
  return settled.step === 'confirming' && !settled.detected ? advance(settled) : {state: settled, effects: []};
}
