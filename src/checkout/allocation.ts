/** The machine's answer to a payment address (a first allocation or a quote refresh). Pure. */
import type {PaymentAddress} from '../api/schemas/address.js';
import {advance} from './advance.js';
import {quoteOf} from './quote.js';
import type {CheckoutError, CheckoutState, Transition} from './types.js';

/** What the allocation asked for: the token and network the payer chose (or the invoice is locked to). */
export interface Rails {
  network: string;
  tokenId: number;
}

function refused(state: CheckoutState, message: string): Transition {
  const notice: CheckoutError = {code: 'invalid-response', message, retryable: true};
  return {state: {...state, busy: null, notice}, effects: []};
}

/**
 * Applies an address only when it answers the question asked: the token and network requested,
 * and, on an underpaid invoice, the ones it is locked to. The payer is never told to send anything
 * else. When what the payer must send changes (another address or amount on the same token), the
 * state says so (`changed: 'instruction'`) so the view tells the payer before they send.
 */
export function allocated(state: CheckoutState, a: PaymentAddress, requested: Rails, at: number): Transition {
  if (a.network !== requested.network || a.tokenId !== requested.tokenId) {
    return refused(state, `Asked for token ${requested.tokenId} on ${requested.network}; the answer was for another token or network.`);
  }
  const locked = state.invoiceStatus === 'underpaid' ? state.session?.locked : null;
  if (locked && (a.network !== locked.network || a.tokenId !== locked.tokenId)) {
    return refused(state, 'The address is not on the locked network and token.');
  }
  const before = state.address;
  const sameRails = before !== null && before.network === a.network && before.tokenId === a.tokenId;
  const instructionChanged = sameRails && (before.address !== a.address || before.tokenAmount !== a.tokenAmount);
  const next: CheckoutState = {
    ...state,
    ...quoteOf(state, a, at),
    busy: null,
    address: a,
    quotedRemainingUsd: state.amountRemainingUsd,
    verification: before?.address === a.address ? state.verification : null,
    changed: instructionChanged ? 'instruction' : sameRails ? state.changed : null,
  };
  const shown = advance(next);
  return {...shown, effects: [...shown.effects, {type: 'watch', wsToken: a.wsToken, wsPath: a.wsPath}]};
}
