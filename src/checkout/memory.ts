/**
 * What a checkout remembers of one invoice across reloads, restored pages and new tabs: the steps
 * the payer finished and the address they were given. Never credentials (no session, no stream
 * token). Pure: the controller stores it (src/controllers/place-store.ts); the server stays the
 * truth, so a remembered address is used only where the fresh session and token list allow it.
 */
import type {PaymentAddress} from '../api/schemas/address.js';
import {implausibleAmount, tokenOn} from './allocation.js';
import {payableAmount} from './amount.js';
import {isTerminal} from './state.js';
import type {CheckoutState, WalletTransaction} from './types.js';

/** The parts of an address the payer was shown (nothing the server sent for the stream). */
export type RememberedAddress = Pick<PaymentAddress, 'address' | 'network' | 'tokenId' | 'tokenAmount' | 'usdAmount' | 'exchangeRate'>;

export interface Remembered {
  questionsAnswered: boolean;
  /** The e-mail step is done (saved, or skipped: the server does not remember a skip). */
  emailDone: boolean;
  /** The address shown. */
  address: RememberedAddress | null;
  /** What was still due when that address was quoted (USD). */
  quotedRemainingUsd: number | null;
  /** Wall-clock epoch ms when the address's quote runs out: the monotonic clock restarts on a reload. */
  quoteExpiresAt: number | null;
  /**
   * The transaction the payer's wallet sent to that address, so a reload waits for it instead of
   * asking for the payment again (absent in places stored before wallets).
   */
  walletTx?: WalletTransaction | null;
  /**
   * A payment to that address Pepay has seen and not yet counted, so a reload waits for it instead
   * of asking for the payment again (absent in places stored before it was kept).
   */
  detected?: CheckoutState['detected'];
  /**
   * What only the news told and the last screen shows: when the invoice was paid (epoch ms) and
   * the payments heard of (USD by payment id), for "you sent more" and what arrived before an end
   * (absent in places stored before they were kept).
   */
  paidAt?: number | null;
  payments?: Record<string, number>;
  /** The invoice's status and what was still due (USD) when kept: a wait for a payment counted since is not restored. */
  invoiceStatus?: string | null;
  dueUsd?: number | null;
}

/** What to remember of `state`; `wallNow` and `monoNow` are the same instant on both clocks. */
export function rememberedOf(state: CheckoutState, wallNow: number, monoNow: number): Remembered {
  // An ended invoice keeps only its last screen's figures: no address to go back to.
  const a = isTerminal(state.step) ? null : state.address;
  return {
    questionsAnswered: state.questionsAnswered,
    emailDone: state.emailDone,
    address: a && {
      address: a.address,
      network: a.network,
      tokenId: a.tokenId,
      tokenAmount: a.tokenAmount,
      usdAmount: a.usdAmount,
      exchangeRate: a.exchangeRate,
    },
    quotedRemainingUsd: a ? state.quotedRemainingUsd : null,
    // Whole seconds: the two clocks drift by a few ms between reads, which is no change worth a write.
    quoteExpiresAt:
      a && state.quoteExpiresAtMono !== null ? Math.round((wallNow + state.quoteExpiresAtMono - monoNow) / 1000) * 1000 : null,
    // Only while it is waited for: a payer who went back from it is not taken back there.
    walletTx: a && state.detected ? state.walletTx : null,
    detected: a ? state.detected : null,
    paidAt: state.paidAt,
    payments: state.payments,
    invoiceStatus: state.invoiceStatus,
    dueUsd: state.amountRemainingUsd,
  };
}

/**
 * An invoice the fresh session says has ended, with what was remembered of its end added back
 * (the server's session says neither when it was paid nor what was sent).
 */
export function recallEnding(state: CheckoutState, remembered: Remembered | null): CheckoutState {
  return remembered ? {...state, paidAt: remembered.paidAt ?? null, payments: remembered.payments ?? {}} : state;
}

/**
 * A freshly loaded state with what was remembered added back: finished steps stay finished, and
 * the address comes back (same address, token and network, its quote's time left) when the token
 * is still offered, the invoice is still open, and it fits the invoice's lock if it has one.
 */
export function recall(state: CheckoutState, remembered: Remembered | null, at: number, wallNow: number): CheckoutState {
  if (!remembered) return state;
  const next = {
    ...state,
    questionsAnswered: state.questionsAnswered || remembered.questionsAnswered,
    emailDone: state.emailDone || remembered.emailDone,
    // What was sent before the reload still counts on the last screen ("you sent more").
    payments: remembered.payments ?? {},
  };
  const a = remembered.address;
  const token = a && tokenOn(state.tokens, a);
  const offered = token?.selectable === true;
  const locked = state.session?.locked;
  const fitsLock = !locked || (a !== null && a.network === locked.network && a.tokenId === locked.tokenId);
  const open = state.invoiceStatus === 'unpaid' || state.invoiceStatus === 'underpaid';
  // A lock that names its address must name this one.
  const sameLockedAddress = !locked?.address || (a !== null && locked.address === a.address);
  if (!a || !offered || !fitsLock || !open || !sameLockedAddress) return next;
  const decimals = token?.decimals ?? null;
  const address: PaymentAddress = {
    ...a,
    // Stored by an older release or before the token's precision changed: asked as shown today.
    tokenAmount: a.tokenAmount === null ? null : payableAmount(a.tokenAmount, decimals),
    quoteStatus: 'available',
    statusCode: 'ok',
    message: null,
    quoteUpdatedAt: null,
    quoteValidUntil: null,
    quoteExpiresInMs: null,
    retryable: false,
    retryAfterMs: null,
    // No stream token is kept: the restored checkout polls until its next quote brings one.
    wsToken: null,
    wsPath: '/ws/payment',
  };
  // The amount is the server's only while the invoice is as it was quoted (same total, same still
  // due, a plausible amount) and its quote holds. Otherwise the address stays, no amount is shown
  // ("Refreshing the price…"), and its price is made again at once.
  const current =
    (remembered.quoteExpiresAt === null || remembered.quoteExpiresAt > wallNow) &&
    (state.session?.amountUsd ?? null) === a.usdAmount &&
    remembered.quotedRemainingUsd === state.amountRemainingUsd &&
    implausibleAmount(next, address) === null;
  // What was seen on its way to this address, or what the wallet sent to it, is waited for again
  // (`confirming`), not asked for twice.
  const walletTx = remembered.walletTx ?? null;
  // A payment counted while the page was closed moved the invoice: it is not waited for again.
  const moved =
    remembered.invoiceStatus !== undefined &&
    (remembered.invoiceStatus !== state.invoiceStatus || remembered.dueUsd !== state.amountRemainingUsd);
  const detected = moved
    ? null
    : remembered.detected
      ? {paymentId: remembered.detected.paymentId, txHash: remembered.detected.txHash, restored: true as const}
      : walletTx
        ? {paymentId: null, txHash: walletTx.txHash}
        : null;
  const sent = detected ? {walletTx, detected} : {};
  if (!current) return {...next, ...sent, address: {...address, tokenAmount: null}, quotedRemainingUsd: null, quoteExpiresAtMono: at};
  return {
    ...next,
    ...sent,
    address,
    quotedRemainingUsd: remembered.quotedRemainingUsd,
    quoteExpiresAtMono: remembered.quoteExpiresAt === null ? null : at + remembered.quoteExpiresAt - wallNow,
  };
}
