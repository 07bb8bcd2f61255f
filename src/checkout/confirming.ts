/**
 * The `confirming` step: a payment for this invoice was seen and is not final yet, either in the
 * news (`invoice_payment` with status `pending`) or because the payer's own wallet just sent it.
 * The invoice's status decides how it ends (paid, underpaid, or back to waiting). Pure.
 */
import type {EventSubject} from '../api/schemas/events.js';
import {advance} from './advance.js';
import {lowerRemaining} from './news.js';
import type {CheckoutState, Transition, WalletTransaction} from './types.js';

type Payment = Extract<EventSubject, {kind: 'payment'}>;

/** Steps on which a payment may arrive (a terminal screen stays as it is). */
const PAYING = new Set(['awaiting-payment', 'underpaid', 'confirming']);
/** Payment statuses that mean the payment did not happen (the rest count as money received). */
export const NOT_RECEIVED = /fail|revers|reject|cancel/i;

/** An `invoice_payment` event: counted (its USD), and while it is pending, waited for. */
export function paymentNews(state: CheckoutState, payment: Payment): Transition {
  const failed = NOT_RECEIVED.test(payment.status ?? '');
  const payments = payment.amountUsd !== null && !failed ? {...state.payments, [payment.paymentId]: payment.amountUsd} : state.payments;
  const next = {...state, payments};
  if (failed && state.detected?.paymentId === payment.paymentId) {
    // What was on its way will not arrive: the payer is back where they pay.
    return advance({...next, detected: null});
  }
  if (payment.status?.toLowerCase() !== 'pending' || !PAYING.has(state.step)) return {state: next, effects: []};
  // The payer's own transaction is the one most likely seen: its hash stays when Pepay gives none.
  const txHash = payment.txHash ?? state.detected?.txHash ?? null;
  return advance({...next, detected: {paymentId: payment.paymentId, txHash}});
}

/** The payer's browser wallet returned a transaction: it is waited for like any payment seen. */
export function walletSent(state: CheckoutState, tx: WalletTransaction): Transition {
  const walletTx = {wallet: tx.wallet, chainId: tx.chainId, txHash: tx.txHash};
  return advance({...state, walletTx, detected: state.detected ?? {paymentId: null, txHash: tx.txHash}});
}

/**
 * A payment waited for is settled once the invoice's status moves or what is still due drops:
 * Pepay counted it. The step then follows the invoice (the caller applies the status).
 */
export function settleDetected(before: CheckoutState, next: CheckoutState): CheckoutState {
  if (!next.detected) return next;
  const counted =
    next.invoiceStatus !== before.invoiceStatus ||
    (next.amountRemainingUsd !== null && (before.amountRemainingUsd === null || next.amountRemainingUsd < before.amountRemainingUsd));
  return counted ? {...next, detected: null} : next;
}

/**
 * What is still due, from a quote update. On an invoice already underpaid no status change
 * follows a further payment, so a lower remainder is that payment counted: the wait ends there.
 */
export function remainderNews(state: CheckoutState, remaining: number): Transition {
  const next = {...state, amountRemainingUsd: lowerRemaining(state.amountRemainingUsd, remaining)};
  if (state.invoiceStatus !== 'underpaid') return {state: next, effects: []};
  const settled = settleDetected(state, next);
  return settled.step === 'confirming' && !settled.detected ? advance(settled) : {state: settled, effects: []};
}
