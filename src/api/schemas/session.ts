import * as z from 'zod/mini';
import {isDepositAddress} from './deposit-address.js';
import {environment, invoiceStatus, lenient, readableText, spanMs, spanSeconds, timestamp, usdAmount, usdRemaining} from './primitives.js';

// Strict: the invoice, its amounts, status and lock (what the payer pays). Lenient: what is only
// shown (names, description) and the countdown's hints (the server decides expiry).
const raw = z.object({
  invoice_id: z.string().check(z.minLength(1)),
  amount_usd: z.nullish(usdAmount),
  amount_remaining_usd: z.nullish(usdRemaining),
  description: lenient(z.string()),
  expires_at: lenient(timestamp),
  invoice_status: z.optional(invoiceStatus),
  remaining_time: lenient(spanMs),
  remaining_seconds: lenient(spanSeconds),
  merchant_name: lenient(z.string()),
  merchant_email: lenient(z.string()),
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
    // Never more still due than the whole invoice (a server slip would show a negative "paid").
    amountRemainingUsd:
      r.amount_remaining_usd != null && r.amount_usd != null
        ? Math.min(r.amount_remaining_usd, r.amount_usd)
        : (r.amount_remaining_usd ?? null),
    description: readableText(r.description ?? ''),
    expiresAt: r.expires_at ?? null,
    // The overview's outlier sample has no status; the first status poll or event corrects it.
    status: r.invoice_status ?? 'unpaid',
    remainingMs: remainingMs(r.remaining_seconds, r.remaining_time),
    merchantName: readableText(r.merchant_name ?? ''),
    merchantEmail: r.merchant_email ?? null,
    environment: r.network_environment ?? r.environment ?? 'mainnet',
    locked:
      r.locked_network && r.locked_token_id != null
        ? {
            network: r.locked_network.toLowerCase(),
            tokenId: r.locked_token_id,
            address: lockedAddress(r.locked_network, r.locked_payment_address),
          }
        : null,
  })),
);

/** The locked address, only when it is one on its network (else a new one is allocated). */
function lockedAddress(network: string, address: string | null | undefined): string | null {
  return address && isDepositAddress(network.toLowerCase(), address) ? address : null;
}

/** Server-relative time left: `remaining_seconds` (newer pages) wins over `remaining_time` (ms). */
function remainingMs(seconds: number | null | undefined, ms: number | null | undefined): number | null {
  if (seconds != null) return Math.max(0, seconds * 1000);
  if (ms != null) return Math.max(0, ms);
  return null;
}

export type SessionDetails = z.output<typeof sessionDetailsSchema>;
