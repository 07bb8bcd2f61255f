import * as z from 'zod/mini';
import {environment, invoiceStatus, timestamp} from './primitives.js';

const raw = z.object({
  invoice_id: z.string().check(z.minLength(1)),
  amount_usd: z.optional(z.number()),
  amount_remaining_usd: z.nullish(z.number()),
  description: z.nullish(z.string()),
  expires_at: z.nullish(timestamp),
  invoice_status: z.optional(invoiceStatus),
  remaining_time: z.nullish(z.number()),
  remaining_seconds: z.nullish(z.number()),
  merchant_name: z.nullish(z.string()),
  merchant_email: z.nullish(z.string()),
  network_environment: z.optional(environment),
  // The payor overview's outlier sample names it `environment`.
  environment: z.optional(environment),
  locked_network: z.nullish(z.string()),
  locked_token_id: z.nullish(z.number()),
  locked_payment_address: z.nullish(z.string()),
});

/** GET /api/v1/payments/session-details, normalised. */
export const sessionDetailsSchema = z.pipe(
  raw,
  z.transform((r) => ({
    invoiceId: r.invoice_id,
    amountUsd: r.amount_usd ?? null,
    amountRemainingUsd: r.amount_remaining_usd ?? null,
    description: r.description ?? '',
    expiresAt: r.expires_at ?? null,
    // The overview's outlier sample has no status; the first status poll or event corrects it.
    status: r.invoice_status ?? 'unpaid',
    remainingMs: remainingMs(r.remaining_seconds, r.remaining_time),
    merchantName: r.merchant_name ?? '',
    merchantEmail: r.merchant_email ?? null,
    environment: r.network_environment ?? r.environment ?? 'mainnet',
    locked:
      r.locked_network && r.locked_token_id != null
        ? {network: r.locked_network.toLowerCase(), tokenId: r.locked_token_id, address: r.locked_payment_address ?? null}
        : null,
  })),
);

/** Server-relative time left: `remaining_seconds` (newer pages) wins over `remaining_time` (ms). */
function remainingMs(seconds: number | null | undefined, ms: number | null | undefined): number | null {
  if (seconds != null) return Math.max(0, seconds * 1000);
  if (ms != null) return Math.max(0, ms);
  return null;
}

export type SessionDetails = z.output<typeof sessionDetailsSchema>;
