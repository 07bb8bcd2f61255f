import * as z from 'zod/mini';
import {httpsUrlOrNull, lenient, readableText, timestamp, wholeNumber} from './primitives.js';

export const AVAILABILITY = ['AVAILABLE', 'STALE', 'NO_LIQUIDITY', 'QUOTE_REQUIRED', 'DEVNET'] as const;
export type Availability = (typeof AVAILABILITY)[number] | 'UNKNOWN';

/** A payer may pick these; a quote is minted on allocation for QUOTE_REQUIRED. */
const SELECTABLE: ReadonlySet<Availability> = new Set(['AVAILABLE', 'QUOTE_REQUIRED', 'DEVNET']);

// Strict: what identifies the token and what a payment to it needs. The rest (labels, icon,
// times) is lenient: an unreadable value is dropped, the token stays.
const rawToken = z.object({
  id: z.number(),
  token_symbol: z.string().check(z.minLength(1)),
  token_name: lenient(z.string()),
  token_type: lenient(z.string()),
  network: z.string().check(z.minLength(1)),
  token_decimals: lenient(wholeNumber(0, 36)),
  token_address: lenient(z.string()),
  // Unreadable: not known to need no memo, so it is taken as needing one (no wallet link).
  requires_memo: z.catch(z.nullish(z.boolean()), true),
  photo_uri: z.catch(httpsUrlOrNull, null),
  availability_status: lenient(z.string()),
  unavailable_reason: lenient(z.string()),
  rate_updated_at: lenient(timestamp),
});

const token = z.pipe(
  rawToken,
  z.transform((t) => {
    // The SDK sample has no status at all; a token listed without one is taken as available.
    const status = t.availability_status ?? 'AVAILABLE';
    const availability: Availability = (AVAILABILITY as readonly string[]).includes(status) ? (status as Availability) : 'UNKNOWN';
    return {
      id: t.id,
      symbol: readableText(t.token_symbol),
      name: readableText(t.token_name ?? t.token_symbol),
      type: t.token_type ?? null,
      network: t.network.toLowerCase(),
      decimals: t.token_decimals ?? null,
      contractAddress: t.token_address ?? null,
      requiresMemo: t.requires_memo ?? false,
      iconUrl: t.photo_uri,
      availability,
      selectable: SELECTABLE.has(availability),
      unavailableReason: t.unavailable_reason ? readableText(t.unavailable_reason) : null,
      rateUpdatedAt: t.rate_updated_at ?? null,
    };
  }),
);

/**
 * GET /api/v1/payments/available-tokens, normalised. One token the payer cannot be offered (no
 * id, symbol or network) is left out; the list itself must be an array.
 */
export const availableTokensSchema = z.pipe(
  z.array(z.unknown()),
  z.transform((entries) =>
    entries.flatMap((entry) => {
      const parsed = token.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    }),
  ),
);

export type Token = z.output<typeof token>;
