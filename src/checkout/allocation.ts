/** The machine's answer to a payment address (a first allocation or a quote refresh). Pure. */
import type {PaymentAddress} from '../api/schemas/address.js';
import type {Token} from '../api/schemas/tokens.js';
import {advance} from './advance.js';
import {payableAmount} from './amount.js';
import {quoteMissed, quoteOf} from './quote.js';
import type {CheckoutError, CheckoutState, Transition} from './types.js';

/** What the allocation asked for: the token and network the payer chose (or the invoice is locked to). */
export interface Rails {
  network: string;
  tokenId: number;
}

/** The token on `rails` in the session's list: by id and network, as Pepay allocates by both. */
export function tokenOn(tokens: readonly Token[], rails: Rails): Token | undefined {
  return tokens.find((t) => t.id === rails.tokenId && t.network === rails.network);
}

/** How far (±10 %) a quote may stray from the invoice and its rate: fees and price buffers, not faults. */
const MARGIN = 0.1;

/**
 * Why an address's amounts cannot be for this invoice, or null. `usd_amount` is the invoice's
 * amount (payor-api.md §2.3) and `exchange_rate` is tokens per USD, so the token amount must be
 * about what is still due times the rate (it includes a small buffer). A plausibility bound only:
 * the amount shown is the server's decimal string, never this float arithmetic.
 */
export function implausibleAmount(state: CheckoutState, a: PaymentAddress): string | null {
  const total = state.session?.amountUsd ?? null;
  if (a.usdAmount !== null && total !== null && Math.abs(a.usdAmount - total) > total * MARGIN + 0.01) {
    return `Quoted for a ${a.usdAmount} USD invoice; this one is ${total} USD.`;
  }
  const due = state.amountRemainingUsd ?? total;
  const rate = Number(a.exchangeRate);
  if (!a.tokenAmount || !due || !(rate > 0) || !Number.isFinite(rate)) return null;
  const ratio = Number(a.tokenAmount) / (due * rate);
  return ratio > 1 - MARGIN && ratio < 1 + MARGIN ? null : `${a.tokenAmount} at ${a.exchangeRate} per USD is not ${due} USD.`;
}

/** An answer not applied: the payer is told, and a quote that ran out is asked for again (see `quoteMissed`). */
function refused(state: CheckoutState, message: string, at: number): Transition {
  const notice: CheckoutError = {code: 'invalid-response', message, retryable: true};
  return {state: quoteMissed(state, notice, at), effects: []};
}

/**
 * Applies an address only when it answers the question asked: the token and network requested,
 * and, on an underpaid invoice, the ones it is locked to. The payer is never told to send anything
 * else. When what the payer must send changes (another address or amount on the same token), the
 * state says so (`changed: 'instruction'`) so the view tells the payer before they send.
 */
export function allocated(state: CheckoutState, answer: PaymentAddress, requested: Rails, at: number): Transition {
  // Rounded up to the token's precision once, here: every view, copy button, QR and wallet reads this one amount.
  const decimals = tokenOn(state.tokens, answer)?.decimals ?? null;
  const a = answer.tokenAmount ? {...answer, tokenAmount: payableAmount(answer.tokenAmount, decimals)} : answer;
  // Not waiting for an address (the payer moved on, the invoice ended): a late answer is stale.
  if (state.busy !== 'address') return {state, effects: []};
  if (a.network !== requested.network || a.tokenId !== requested.tokenId) {
    return refused(state, `Asked for token ${requested.tokenId} on ${requested.network}; the answer was for another token or network.`, at);
  }
  const implausible = implausibleAmount(state, a);
  if (implausible) return refused(state, implausible, at);
  const locked = state.invoiceStatus === 'underpaid' ? state.session?.locked : null;
  if (locked && (a.network !== locked.network || a.tokenId !== locked.tokenId)) {
    return refused(state, 'The address is not on the locked network and token.', at);
  }
  // Any change to an instruction already shown is one the payer did not ask for (choosing
  // another token clears the address first): another address, amount, token or network.
  const before = state.address;
  // A new amount for a lower remainder (a partial payment arrived) is expected: the underpaid
  // view says what is still due; only a change the payer did not cause is announced.
  const newRemainder = state.quotedRemainingUsd !== state.amountRemainingUsd;
  const instructionChanged =
    before !== null &&
    (before.address !== a.address ||
      // No amount on screen (a price being made again after a miss): the one that comes is no change.
      (before.tokenAmount !== null && before.tokenAmount !== a.tokenAmount && !newRemainder) ||
      before.network !== a.network ||
      before.tokenId !== a.tokenId);
  const next: CheckoutState = {
    ...state,
    ...quoteOf(state, a, at),
    busy: null,
    address: a,
    quotedRemainingUsd: state.amountRemainingUsd,
    // "Nothing has arrived: check you sent exactly X" speaks of the amount it was asked about: a
    // new amount ends it (what it found, or could not tell, still stands at the same address).
    verification:
      before?.address === a.address && (before.tokenAmount === a.tokenAmount || state.verification?.paymentFound !== false)
        ? state.verification
        : null,
    changed: instructionChanged ? 'instruction' : before !== null ? state.changed : null,
  };
  const shown = advance(next);
  return {...shown, effects: [...shown.effects, {type: 'watch', wsToken: a.wsToken, wsPath: a.wsPath}]};
}
