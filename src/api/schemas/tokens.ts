import * as z from 'zod/mini';
import {httpsUrlOrNull, timestamp} from './primitives.js';

export const AVAILABILITY = ['AVAILABLE', 'STALE', 'NO_LIQUIDITY', 'QUOTE_REQUIRED', 'DEVNET'] as const;
export type Availability = (typeof AVAILABILITY)[number] | 'UNKNOWN';

/** A payer may pick these; a quote is minted on allocation for QUOTE_REQUIRED. */
const SELECTABLE: ReadonlySet<Availability> = new Set(['AVAILABLE', 'QUOTE_REQUIRED', 'DEVNET']);

const rawToken = z.object({
  id: z.number(),
  token_symbol: z.string(),
  token_name: z.nullish(z.string()),
  token_type: z.nullish(z.string()),
  network: z.string().check(z.minLength(1)),
  token_decimals: z.nullish(z.number()),
  token_address: z.nullish(z.string()),
  requires_memo: z.nullish(z.boolean()),
  photo_uri: httpsUrlOrNull,
  availability_status: z.nullish(z.string()),
  unavailable_reason: z.nullish(z.string()),
  rate_updated_at: z.nullish(timestamp),
});

const token = z.pipe(
  rawToken,
  z.transform((t) => {
    // The SDK sample has no status at all; a token listed without one is taken as available.
    const status = t.availability_status ?? 'AVAILABLE';
    const availability: Availability = (AVAILABILITY as readonly string[]).includes(status) ? (status as Availability) : 'UNKNOWN';
    return {
      id: t.id,
      symbol: t.token_symbol,
      name: t.token_name ?? t.token_symbol,
      type: t.token_type ?? null,
      network: t.network.toLowerCase(),
      decimals: t.token_decimals ?? null,
      contractAddress: t.token_address ?? null,
      requiresMemo: t.requires_memo ?? false,
      iconUrl: t.photo_uri,
      availability,
      selectable: SELECTABLE.has(availability),
      unavailableReason: t.unavailable_reason ?? null,
      rateUpdatedAt: t.rate_updated_at ?? null,
    };
  }),
);

/** GET /api/v1/payments/available-tokens, normalised. */
export const availableTokensSchema = z.array(token);

export type Token = z.output<typeof token>;
