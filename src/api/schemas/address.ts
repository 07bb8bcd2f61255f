import * as z from 'zod/mini';
import {timestamp} from './primitives.js';

const raw = z.object({
  success: z.nullish(z.boolean()),
  quote_status: z.nullish(z.enum(['available', 'unavailable', 'expired'])),
  status_code: z.nullish(z.string()),
  message: z.nullish(z.string()),
  temp_address: z.string().check(z.minLength(1)),
  network: z.string().check(z.minLength(1)),
  supported_token_id: z.number(),
  estimated_token_amount: z.nullish(z.string().check(z.regex(/^\d+(\.\d+)?$/))),
  exchange_rate: z.nullish(z.string()),
  usd_amount: z.nullish(z.number()),
  quote_last_updated_at: z.nullish(timestamp),
  quote_valid_until: z.nullish(timestamp),
  quote_expires_in_seconds: z.nullish(z.number()),
  retryable: z.nullish(z.boolean()),
  retry_after_seconds: z.nullish(z.number()),
  ws_connection: z.nullish(
    z.object({
      token: z.string().check(z.minLength(1)),
      endpoint: z.nullish(z.string()),
      format: z.nullish(z.string()),
      ws_url: z.nullish(z.string()),
    }),
  ),
});

/** A path such as `/ws/payment`: one leading slash, then path characters only. */
const STREAM_PATH = /^\/(?!\/)[\w\-./]*$/;

/** POST /api/v1/payments/payment-addresses, normalised. */
export const paymentAddressSchema = z.pipe(
  raw,
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
