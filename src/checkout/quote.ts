/** How long a quote is trusted, from the server's hints held between bounds. Pure. */
import type {PaymentAddress} from '../api/schemas/address.js';
import type {CheckoutError, CheckoutState} from './types.js';

/** Bounds of the server-given quote lifetime and of the wait before re-asking for a missing quote. */
const QUOTE_LIFETIME_MS = {min: 10_000, max: 30 * 60_000};
const QUOTE_RETRY_MS = {min: 5000, max: 60_000};
/** Automatic quote refreshes in a row that came back short-lived or unquoted before they stop. */
const MAX_SHORT_QUOTES = 3;

/**
 * The quote fields of the state after an allocation answered at `at` (monotonic ms). Server hints
 * drive the refresh loop, so each is held between a floor and a cap; a run of quotes that expire
 * at once, or of no quote, stops the automatic refresh (`quoteExpiresAtMono: null`; the payer may ask).
 */
export function quoteOf(
  state: CheckoutState,
  a: PaymentAddress,
  at: number,
): Pick<CheckoutState, 'notice' | 'shortQuotes' | 'quoteExpiresAtMono'> {
  const notice: CheckoutError | null =
    a.quoteStatus === 'available'
      ? null
      : {code: 'quote-unavailable', message: a.message ?? 'No price quote is available right now.', retryable: true};
  const lifetime = notice
    ? clamp(a.retryAfterMs ?? 5000, QUOTE_RETRY_MS.min, QUOTE_RETRY_MS.max)
    : clamp(a.quoteExpiresInMs ?? 5 * 60_000, QUOTE_LIFETIME_MS.min, QUOTE_LIFETIME_MS.max);
  const shortQuotes = notice || (a.quoteExpiresInMs ?? Infinity) < QUOTE_LIFETIME_MS.min ? state.shortQuotes + 1 : 0;
  if (shortQuotes < MAX_SHORT_QUOTES) return {notice, shortQuotes, quoteExpiresAtMono: at + lifetime};
  return {
    notice: notice ?? {code: 'quote-unavailable', message: 'The price keeps expiring.', retryable: true},
    shortQuotes,
    quoteExpiresAtMono: null,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * A price refresh that brought no usable price (a failed request, an answer refused) at `at`
 * (monotonic ms). A quote that has run out is no longer shown ("Refreshing the price…"; the
 * address stays) and is asked for again after 5 s, then 10 s; the third miss in a row stops the
 * automatic refresh, as short quotes do (the payer may ask). A quote still held stays, refreshed
 * when it runs out. Without an address shown only the notice is kept, and the payer asks again.
 * Either way it counts as a miss: nothing asks for a price at once after it (advance.ts).
 */
export function quoteMissed(state: CheckoutState, notice: CheckoutError, at: number): CheckoutState {
  const a = state.address;
  const shortQuotes = state.shortQuotes + 1;
  // Held: not run out, and made for what is still due (a remainder priced anew is not).
  const held = state.quoteExpiresAtMono !== null && state.quoteExpiresAtMono > at && state.quotedRemainingUsd === state.amountRemainingUsd;
  if (!a || held) return {...state, busy: null, notice, shortQuotes};
  return {
    ...state,
    busy: null,
    notice,
    shortQuotes,
    address: {...a, tokenAmount: null},
    quoteExpiresAtMono: shortQuotes < MAX_SHORT_QUOTES ? at + QUOTE_RETRY_MS.min * 2 ** (shortQuotes - 1) : null,
  };
}
