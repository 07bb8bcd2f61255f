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
