/** Which contract events a state change fires: a pure diff, so the host hears each change once. */
import type {PepayCheckoutEventDetails} from '../events/contract.js';
import {sameTransaction} from './same-transaction.js';
import type {CheckoutState} from './types.js';

/** One contract event, as the machine's state diff produces it. */
export type Emitted = {
  [K in keyof PepayCheckoutEventDetails]: {name: K; detail: PepayCheckoutEventDetails[K]};
}[keyof PepayCheckoutEventDetails];

export function eventsBetween(prev: CheckoutState, next: CheckoutState): Emitted[] {
  const out: Emitted[] = [];
  const invoiceId = next.invoiceId ?? '';
  // The session read: its id, status and environment come together (machine.ts, `sessionFacts`).
  if (!prev.invoiceId && next.invoiceId && next.invoiceStatus && next.environment) {
    out.push({name: 'pepay-ready', detail: {invoiceId, invoiceStatus: next.invoiceStatus, environment: next.environment}});
  }
  if (prev.invoiceStatus && next.invoiceStatus && prev.invoiceStatus !== next.invoiceStatus) {
    out.push({name: 'pepay-status', detail: {invoiceId, status: next.invoiceStatus, previous: prev.invoiceStatus}});
  }
  const a = next.address;
  if (a && (a.address !== prev.address?.address || a.tokenId !== prev.address?.tokenId || a.network !== prev.address?.network)) {
    out.push({name: 'pepay-address', detail: {address: a.address, network: a.network, tokenId: a.tokenId, amount: a.tokenAmount}});
  }
  const locked = next.session?.locked;
  const wasUnderpaid = prev.invoiceStatus === 'underpaid' && prev.session?.locked;
  // A remainder of 0 is the full payment on its way (its quote update comes before invoice.updated).
  const stillDue = next.amountRemainingUsd === null || next.amountRemainingUsd > 0;
  // Once on entering underpaid (with the locked rails known), then once per further partial payment.
  const paidMore =
    prev.amountRemainingUsd !== null && next.amountRemainingUsd !== null && next.amountRemainingUsd < prev.amountRemainingUsd;
  if (next.invoiceStatus === 'underpaid' && locked && stillDue && (!wasUnderpaid || paidMore)) {
    out.push({
      name: 'pepay-underpaid',
      detail: {invoiceId, lockedNetwork: locked.network, lockedTokenId: locked.tokenId, amountRemainingUsd: next.amountRemainingUsd},
    });
  }
  if (prev.step !== next.step) {
    out.push({name: 'pepay-step-change', detail: {step: next.step, previous: prev.step}});
    if (next.step === 'paid') out.push({name: 'pepay-paid', detail: {invoiceId, paidAt: next.paidAt}});
    if (next.step === 'expired') out.push({name: 'pepay-expired', detail: {invoiceId}});
    if (next.step === 'canceled') out.push({name: 'pepay-canceled', detail: {invoiceId}});
  }
  // Its tracking too: an order may ship first and be given its number later.
  const [order, before] = [next.order, prev.order];
  const moved = (['orderId', 'status'] as const).some((field) => order?.[field] !== before?.[field]);
  const tracked = order?.tracking?.number !== before?.tracking?.number || order?.tracking?.carrier !== before?.tracking?.carrier;
  if (order && (moved || tracked)) out.push({name: 'pepay-order', detail: {...order}});
  // Once Pepay has seen the payment (the contract's detail has its id; a wait only the payer's
  // wallet or a verification job reported is told by the step and pepay-wallet-transaction).
  const seen = next.detected;
  if (seen?.paymentId && seen.paymentId !== prev.detected?.paymentId) {
    out.push({name: 'pepay-payment-detected', detail: {invoiceId, paymentId: seen.paymentId, txHash: seen.txHash}});
  }
  // Once per transaction: a wallet asked again may answer with the one it sent before.
  if (next.walletTx && !sameTransaction(next.walletTx.txHash, prev.walletTx?.txHash)) {
    out.push({name: 'pepay-wallet-transaction', detail: {invoiceId, ...next.walletTx}});
  }
  for (const error of [next.error, next.notice]) {
    if (error && error !== prev.error && error !== prev.notice) out.push({name: 'pepay-error', detail: {...error}});
  }
  return out;
}
