import * as z from 'zod/mini';

/**
 * A timestamp the documentation prints either as epoch seconds or as an ISO-8601 string,
 * depending on the page revision (payor-api.md §7). Normalised to epoch milliseconds.
 */
export const timestamp = z.pipe(
  z.union([z.number(), z.string()]),
  z.transform((value, ctx) => {
    const ms = typeof value === 'number' ? value * 1000 : Date.parse(value);
    if (!isEpochMs(ms)) {
      ctx.issues.push({code: 'custom', message: 'not a timestamp', input: value});
      return z.NEVER;
    }
    return ms;
  }),
);

/**
 * A conjoining filler in the syllable it completes, kept: the vowel filler (U+1160) right after a
 * leading consonant, the leading-consonant filler (U+115F) right before a vowel (Unicode's Hangul
 * Jamo and Jamo Extended-A and -B blocks) — else any conjoining filler, dropped.
 */
const CONJOINING_FILLER = /([\u1100-\u115e\ua960-\ua97c]\u1160|\u115f(?=[\u1161-\u11a7\ud7b0-\ud7c6]))|[\u115f\u1160]/g;

/**
 * `text` as the payer may read it, from a server or a wallet. Without explicit bidi embeddings,
 * overrides and isolates (U+202A to U+202E, U+2066 to U+2069): an override shows it reversed
 * (what the payer reads is then not what their wallet shows), and a stray PDI ends the isolate
 * around it early (UAX #9). With at most eight non-spacing or enclosing marks on a letter (Unicode
 * Mn, Me): written scripts stack up to five (pointed Hebrew, Sanskrit in Tibetan), while hundreds
 * on one letter ("Zalgo" text) paint a tower over the lines around it, the QR code and the amount
 * included. Without the Hangul compatibility fillers (U+3164, U+FFA0): no Korean is written with
 * them, and they show as a blank or a box. Without a conjoining filler (U+115F, U+1160) but in
 * the syllable it completes: alone, it shows as a blank too (a phone probe), and next to a jamo
 * it completes nothing with, as well (a screen-reader probe: one jamo after each run of fillers).
 * Zero-width spaces and the directional marks (U+200B, U+200E, U+200F, U+061C) are kept: Thai and
 * Burmese break lines at the first, Arabic with digits needs the others, and a mark is one strong
 * character, no embedding that could reverse what follows. Every such string
 * (labels, names, the description, a wallet's name) is cleaned so as it is read.
 */
export function readableText(text: string): string {
  text = text.replace(CONJOINING_FILLER, (_, kept?: string) => kept ?? '');
  let marks = 0;
  // One character at a time (a pattern for the run as a whole backtracks, for seconds on a long
  // run of joiners). Spacing marks (Mc), control, format and unassigned characters between marks
  // (a Burmese vowel sign, a zero-width joiner, an invisible U+2065) do not end the run: the marks
  // after them stack on the letter.
  return text.replace(
    /([\u202a-\u202e\u2066-\u2069\u3164\uffa0])|([\p{Mn}\p{Me}])|[^\p{Mc}\p{Cc}\p{Cf}\p{Cn}]/gu,
    (c, dropped?: string, mark?: string) => (dropped ? '' : mark ? (++marks > 8 ? '' : c) : ((marks = 0), c)),
  );
}

/**
 * A path such as `/ws/payment`: segments of path characters, none empty and none a dot segment
 * (`/ws/../evil` would reach another path of the API's host; RFC 3986 §5.2.4).
 */
export const STREAM_PATH = /^(?:\/[\w-][\w.-]*)+\/?$/;

/** Epoch milliseconds a Date can hold (±8.64e15 ms): beyond it, formatting the time throws. */
export function isEpochMs(ms: unknown): ms is number {
  return typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
}

/** Invoice status, with the commerce spelling `cancelled` folded into `canceled`. */
export const INVOICE_STATUSES = ['unpaid', 'underpaid', 'paid', 'expired', 'canceled'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const invoiceStatus = z.pipe(
  z.enum([...INVOICE_STATUSES, 'cancelled']),
  z.transform((s): InvoiceStatus => (s === 'cancelled' ? 'canceled' : s)),
);

export const environment = z.enum(['devnet', 'mainnet']);
export type Environment = z.infer<typeof environment>;

/** Only https icons are shown: anything else could track the payer or mix content. */
export const httpsUrlOrNull = z.pipe(
  z.nullish(z.string()),
  z.transform((url) => (url && /^https:\/\/[^\s"'<>]+$/i.test(url) ? url : null)),
);

/**
 * Some payor responses are bare, one page shows `{status: "ok", data}` and the verify helper
 * `{success: true, data}` (payor-api.md §7). Returns what is inside such an envelope, else the body.
 */
export function unwrapEnvelope(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const record = body as Record<string, unknown>;
  const keys = Object.keys(record);
  const onlyEnvelopeKeys = keys.every((k) => k === 'data' || k === 'status' || k === 'success' || k === 'message');
  const marked = record['success'] === true || record['status'] === 'ok';
  const data = record['data'];
  return onlyEnvelopeKeys && marked && data !== null && typeof data === 'object' ? data : body;
}

/**
 * A field the payment does not depend on (a label, a hint, a time shown for information): an
 * unreadable value becomes null instead of refusing the whole response.
 */
export function lenient<T extends z.core.SomeType>(schema: T) {
  return z.catch(z.nullish(schema), null);
}

/**
 * The largest USD amount a checkout takes: no single payor invoice comes near a billion dollars,
 * so a larger figure is a server fault, never an instruction.
 */
export const MAX_USD = 1_000_000_000;

// Range checks are plain refinements: zod's number checks would each add their own code to the
// script-tag bundle, which is weighed against a budget.

/**
 * A USD figure in Pepay's own unit, whole thousandths (the events' `usd_millis`), rounded half up
 * as the figure is written, to 15 significant digits: 4.0005 is 4.001, though its binary value is
 * a hair below, and so is 4.000499999999999, the same figure after a server's float arithmetic.
 * Every figure from the network goes through here once, so sums, comparisons and what Intl shows
 * (at most three decimals) work on one number: "Received" and "Still due" add up to the invoice.
 */
export function toThousandths(usd: number): number {
  // 15 significant digits drop the binary noise of the product (4000.4999999999995 -> 4000.5).
  return Math.round(Number((usd * 1000).toPrecision(15))) / 1000;
}

/** A USD amount to pay, in thousandths: finite, at least $0.001 once rounded, at most MAX_USD. */
export const usdAmount = z.pipe(z.number().check(z.refine((usd) => toThousandths(usd) > 0 && usd <= MAX_USD)), z.transform(toThousandths));

/** A USD amount still due, in thousandths: finite, zero or more, at most MAX_USD. */
export const usdRemaining = z.pipe(z.number().check(z.refine((usd) => usd >= 0 && usd <= MAX_USD)), z.transform(toThousandths));

/**
 * A token amount as the API prints it: a plain decimal above zero (no sign, exponent or spaces),
 * at most 30 integer digits and 36 decimals — more than any token's supply and precision.
 */
export const tokenAmount = z.string().check(z.refine((amount) => /^\d{1,30}(\.\d{1,36})?$/.test(amount) && /[1-9]/.test(amount)));

/**
 * A span of time from the server, in seconds (negative: already past): at most ten years either
 * way. A larger figure is a fault, and in milliseconds it could overflow to Infinity.
 */
export const MAX_SPAN_SECONDS = 10 * 365 * 24 * 3600;
export const spanSeconds = z.number().check(z.refine((seconds) => Math.abs(seconds) <= MAX_SPAN_SECONDS));
export const spanMs = z.number().check(z.refine((ms) => Math.abs(ms) <= MAX_SPAN_SECONDS * 1000));

/** A whole number from `min` to `max` (one refinement: each zod check kind adds to the bundle). */
export function wholeNumber(min: number, max: number) {
  return z.number().check(z.refine((n) => Number.isInteger(n) && n >= min && n <= max));
}

/** A transaction hash: EVM and TON (hex, 64 digits, `0x` optional) or Solana (a base58 signature). */
export const TX_HASH = /^(?:(?:0x)?[0-9a-fA-F]{64}|[1-9A-HJ-NP-Za-km-z]{64,88})$/;
