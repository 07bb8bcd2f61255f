import * as z from 'zod/mini';
import {isDepositAddress} from './deposit-address.js';
import {STREAM_PATH, lenient, spanSeconds, timestamp, tokenAmount, usdAmount} from './primitives.js';

const raw = z.object({
  // What the payer is told to send decides the payment: address, network, token and amounts are
  // strict; the rest is information, and an unreadable value of it is dropped (lenient).
  success: lenient(z.boolean()),
  quote_status: z.nullish(z.enum(['available', 'unavailable', 'expired'])),
  status_code: lenient(z.string()),
  message: lenient(z.string()),
  temp_address: z.string(),
  network: z.string().check(z.minLength(1)),
  supported_token_id: z.number(),
  estimated_token_amount: z.nullish(tokenAmount),
  // Tokens per USD, for the price line only: a plain decimal like an amount. An exponent
  // ("1e-320") would price the token at $∞; it is dropped and no price is shown.
  exchange_rate: lenient(tokenAmount),
  usd_amount: z.nullish(usdAmount),
  quote_last_updated_at: lenient(timestamp),
  quote_valid_until: lenient(timestamp),
  quote_expires_in_seconds: lenient(spanSeconds),
  retryable: lenient(z.boolean()),
  retry_after_seconds: lenient(spanSeconds),
  ws_connection: lenient(
    z.object({
      token: z.string().check(z.minLength(1)),
      endpoint: z.nullish(z.string()),
      format: z.nullish(z.string()),
      ws_url: z.nullish(z.string()),
    }),
  ),
});

/**
 * POST /api/v1/payments/payment-addresses, normalised. An address not in its network's format
 * (an invisible or bidi character, a space, the wrong alphabet) fails like any invalid response.
 */
export const paymentAddressSchema = z.pipe(
  raw.check(
    z.refine((r) => isDepositAddress(r.network.toLowerCase(), r.temp_address), {
      message: 'not a deposit address on its network',
      path: ['temp_address'],
    }),
  ),
  z.transform((r) => ({
    address: r.temp_address,
    network: r.network.toLowerCase(),
    tokenId: r.supported_token_id,
    tokenAmount: r.estimated_token_amount ?? null,
    exchangeRate: r.exchange_rate ?? null,
    usdAmount: r.usd_amount ?? null,
    // The OpenAPI sample omits the quote fields; an address without them is taken as quoted.
    quoteStatus: r.quote_status ?? (r.estimated_token_amount ? 'available' : 'unavailable'),
    statusCode: r.status_code ?? 'ok',
    message: r.message ?? null,
    quoteUpdatedAt: r.quote_last_updated_at ?? null,
    quoteValidUntil: r.quote_valid_until ?? null,
    quoteExpiresInMs: r.quote_expires_in_seconds != null ? r.quote_expires_in_seconds * 1000 : null,
    retryable: r.retryable ?? false,
    retryAfterMs: r.retry_after_seconds != null ? r.retry_after_seconds * 1000 : null,
    wsToken: r.ws_connection?.token ?? null,
    // Only a path on the stream's own origin: an absolute or protocol-relative endpoint would
    // carry the stream token to another host.
    wsPath: r.ws_connection?.endpoint && STREAM_PATH.test(r.ws_connection.endpoint) ? r.ws_connection.endpoint : '/ws/payment',
  })),
);

export type PaymentAddress = z.output<typeof paymentAddressSchema>;
