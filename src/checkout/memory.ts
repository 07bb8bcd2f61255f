/**
 * A checkout's place read back (what is kept: remembered.ts) into a fresh load. Pure: the server
 * stays the truth, so a remembered address is used only where the fresh session and token list
 * allow it.
 */
import type {PaymentAddress} from '../api/schemas/address.js';
import {implausibleAmount, tokenOn} from './allocation.js';
import {payableAmount} from './amount.js';
import type {Remembered} from './remembered.js';
import {advance} from './advance.js';
import {settleDetected} from './confirming.js';
import {sameTransaction} from './same-transaction.js';
import type {CheckoutState, Transition} from './types.js';

/**
 * The longest a kept quote is trusted: as long as a server's is (quote.ts holds one between 10 s
 * and 30 minutes). Not imported from there: this module is the place store's chunk, that one the
 * first screen's, and a shared name between them costs the first screen more than the number.
 */
const QUOTE_LIFETIME_MAX_MS = 30 * 60_000;

/**
 * An invoice the fresh session says has ended, with what was remembered of its end added back
 * (the server's session says neither when it was paid, nor what was sent, nor the transaction the
 * payer's wallet sent).
 */
export function recallEnding(state: CheckoutState, remembered: Remembered | null): CheckoutState {
  if (!remembered) return state;
  return {...state, paidAt: remembered.paidAt ?? null, ...countedWhileClosed(state, remembered), walletTx: remembered.walletTx ?? null};
}

/**
 * The payments kept with the place. The one its kept wait was for, seen on its way, is money
 * received when the invoice moved as a payment counted moves it (settleDetected) while the page
 * was closed: the fresh load's status and what is due, against those kept.
 */
function countedWhileClosed(state: CheckoutState, remembered: Remembered): Pick<CheckoutState, 'payments' | 'pendingPayments'> {
  const tallies = {payments: remembered.payments ?? {}, pendingPayments: remembered.pendingPayments ?? {}};
  if (!remembered.detected || remembered.invoiceStatus === undefined) return tallies;
  const kept = {
    ...state,
    invoiceStatus: remembered.invoiceStatus as CheckoutState['invoiceStatus'],
    amountRemainingUsd: remembered.dueUsd ?? null,
  };
  const settled = settleDetected(kept, {...state, ...tallies, detected: remembered.detected});
  return {payments: settled.payments, pendingPayments: settled.pendingPayments};
}

/**
 * The place another tab of this session kept, when it was priced later than this one (by more
 * than the whole second a place is kept to): the server's latest allocation. Another address or
 * amount (a tab that chose another token, or was priced again) is shown here too, said as a
 * change, with what belonged to the old one dropped, so two tabs never show two addresses; the
 * same one takes the later quote time, silently (one refresh serves both). An older place (a tab
 * that was busy when a newer one came) is not taken. Only on a payment view with nothing in
 * flight, and where `recall` would restore it. A payment the other tab waits for is waited for
 * here too, from the token list as well (`sharedWait`).
 */
export function adoptShared(state: CheckoutState, place: Remembered, at: number, wallNow: number): Transition {
  const [a, shown] = [place.address, state.address];
  const paying = state.step === 'awaiting-payment' || state.step === 'underpaid';
  const wait = (paying || state.step === 'select-token') && state.busy === null ? sharedWait(state, place) : null;
  if (wait) return advance({...state, ...wait});
  // A place without an amount is a tab whose price is being made again: its answer will follow.
  if (!a?.tokenAmount || !shown || !paying || state.busy !== null || place.quoteExpiresAt === null) return {state, effects: []};
  const later = at + place.quoteExpiresAt - wallNow > (state.quoteExpiresAtMono ?? -Infinity) + 1000;
  const next = recall({...state, address: null}, {...place, payments: state.payments, pendingPayments: state.pendingPayments}, at, wallNow);
  if (!later || !next.address?.tokenAmount) return {state, effects: []};
  const same = (['address', 'network', 'tokenId', 'tokenAmount'] as const).every((field) => a[field] === shown[field]);
  if (same) return {state: {...state, quoteExpiresAtMono: next.quoteExpiresAtMono}, effects: []};
  const fresh = {notice: null, shortQuotes: 0, verification: null, verificationCheckAt: null, verificationChecks: 0};
  return advance({...next, ...fresh, changed: 'instruction'});
}

/**
 * A payment the other checkout waits for (its wallet sent it, or Pepay saw it on its way), waited
 * for here too, as a reload would (found by a wallet probe: a second checkout of the session kept
 * inviting its payer to pay again). Not one this checkout's payer already left.
 */
function sharedWait(state: CheckoutState, place: Remembered): Partial<CheckoutState> | null {
  const wait = keptWait(state, place);
  const d = wait.detected;
  if (!d || state.detected) return null;
  const left = (d.paymentId !== null && state.settled.includes(d.paymentId)) || sameTransaction(d.txHash, state.walletTx?.txHash);
  return left ? null : wait;
}

/**
 * A fresh load with the payer's place restored (`recall`), shown at its step. A restored address
 * is watched at once (by the stream this tab kept, src/controllers/place-store.ts; else by
 * polling). A restored payment view of an unpaid invoice is also checked on the chain once,
 * unasked (`verificationUnasked`): a payment Pepay saw while the page was closed is reported by
 * neither the session nor the status poll, and a payer shown the address again might pay twice.
 * Only a payment found is said; the rest stays quiet. Not on an underpaid invoice's remainder: the
 * job finds the payment already counted there, and would say "send the rest" whether the rest was
 * sent or not.
 */
export function restore(state: CheckoutState, remembered: Remembered, at: number, wallNow: number): Transition {
  const opened = advance(recall(state, remembered, at, wallNow));
  const s = opened.state;
  const a = s.address;
  // A wait kept without its address is followed too.
  if (!a && !s.detected) return opened;
  // An underpaid invoice with no locked rails is shown on the payment view too: not checked either.
  const paying = a !== null && s.step === 'awaiting-payment' && s.invoiceStatus === 'unpaid' && s.invoiceId !== null;
  return {
    state: paying ? {...s, verificationUnasked: true} : s,
    effects: [
      ...opened.effects,
      {type: 'watch', wsToken: null, wsPath: a?.wsPath ?? '/ws/payment'},
      ...(paying ? [{type: 'verify', invoiceId: s.invoiceId!, network: a.network} as const] : []),
    ],
  };
}

/**
 * A freshly loaded state with what was remembered added back: finished steps stay finished, and
 * the address comes back (same address, token and network, its quote's time left) when the token
 * is still offered, the invoice is still open, and it fits the invoice's lock if it has one.
 */
function recall(state: CheckoutState, remembered: Remembered | null, at: number, wallNow: number): CheckoutState {
  if (!remembered) return state;
  const next = {
    ...state,
    questionsAnswered: state.questionsAnswered || remembered.questionsAnswered,
    emailDone: state.emailDone || remembered.emailDone,
    // What was sent before the reload still counts on the last screen ("you sent more").
    ...countedWhileClosed(state, remembered),
  };
  const a = remembered.address;
  const token = a && tokenOn(state.tokens, a);
  const offered = token?.selectable === true;
  const locked = state.session?.locked;
  const fitsLock = !locked || (a !== null && a.network === locked.network && a.tokenId === locked.tokenId);
  const open = state.invoiceStatus === 'unpaid' || state.invoiceStatus === 'underpaid';
  // A lock that names its address must name this one.
  const sameLockedAddress = !locked?.address || (a !== null && locked.address === a.address);
  // A payment on its way is waited for even where its address cannot come back (its token's price
  // gone stale meanwhile): the token list would ask for it again.
  if (!a || !offered || !fitsLock || !open || !sameLockedAddress) return open ? {...next, ...keptWait(state, remembered)} : next;
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
    // Not kept with the place: the controller opens the stream this tab kept, if any.
    wsToken: null,
    wsPath: '/ws/payment',
  };
  // The amount is the server's only while the invoice is as it was quoted (same total, same still
  // due, a plausible amount) and its quote holds. Otherwise the address stays, no amount is shown
  // ("Refreshing the price…"), and its price is made again at once. A place kept with no quote
  // time, or no amount, is one whose automatic refresh had stopped (quote.ts): the reload tries again.
  const keptUntil = remembered.quoteExpiresAt;
  const current =
    address.tokenAmount !== null &&
    keptUntil !== null &&
    keptUntil > wallNow &&
    (state.session?.amountUsd ?? null) === a.usdAmount &&
    remembered.quotedRemainingUsd === state.amountRemainingUsd &&
    implausibleAmount(next, address) === null;
  const sent = keptWait(state, remembered);
  if (!current) return {...next, ...sent, address: {...address, tokenAmount: null}, quotedRemainingUsd: null, quoteExpiresAtMono: at};
  return {
    ...next,
    ...sent,
    address,
    quotedRemainingUsd: remembered.quotedRemainingUsd,
    // Never longer than a quote is trusted: a kept place is read from the page's storage.
    quoteExpiresAtMono: at + Math.min(keptUntil - wallNow, QUOTE_LIFETIME_MAX_MS),
  };
}

/**
 * What was seen on its way, or what the wallet sent, waited for again (`confirming`), not asked
 * for twice: `{walletTx, detected}`, or nothing when none was kept or a payment counted while the
 * page was closed moved the invoice (it is not waited for again).
 */
function keptWait(state: CheckoutState, remembered: Remembered): Partial<CheckoutState> {
  const walletTx = remembered.walletTx ?? null;
  const moved =
    remembered.invoiceStatus !== undefined &&
    (remembered.invoiceStatus !== state.invoiceStatus || remembered.dueUsd !== state.amountRemainingUsd);
  const d = remembered.detected;
  const detected = moved
    ? null
    : d
      ? {
          paymentId: d.paymentId,
          txHash: d.txHash,
          unsure: true as const,
          // Found by a job: said as found again (a kept value other than `true` is not).
          ...(d.found === true && {found: true as const}),
        }
      : walletTx
        ? {paymentId: null, txHash: walletTx.txHash}
        : null;
  return detected ? {walletTx, detected} : {};
}
