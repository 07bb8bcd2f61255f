import * as z from 'zod/mini';
import {MAX_USD, TX_HASH, invoiceStatus, lenient, timestamp, toThousandths, usdAmount, wholeNumber} from './primitives.js';

/** Integer thousandths of a USD (`usd_millis`), from zero to MAX_USD: a still-due figure. */
const usdMillis = wholeNumber(0, MAX_USD * 1000);

/**
 * Amounts in events are integer thousandths of a USD (`usd_millis`), with a decimal companion
 * (rounded to thousandths when it is finer). A decimal out of range is no figure at all (the event
 * still counts for its status).
 */
function usdFromMillis(millis: number | null | undefined, decimal: string | null | undefined): number | null {
  if (millis != null) return millis / 1000;
  if (decimal == null || !/^\d{1,10}(\.\d{1,6})?$/.test(decimal)) return null;
  const usd = toThousandths(Number(decimal));
  return usd <= MAX_USD ? usd : null;
}

const invoiceObject = z.pipe(
  z.object({
    object: z.literal('invoice'),
    id: z.string(),
    status: z.optional(invoiceStatus),
    paid_at: lenient(timestamp),
    // A figure out of range is no figure; the event still counts for its status (a "paid" is not lost).
    amount_remaining: lenient(usdMillis),
    amount_remaining_decimal: lenient(z.string()),
    commerce_order_id: z.nullish(z.string()),
  }),
  z.transform((o) => ({
    kind: 'invoice' as const,
    invoiceId: o.id,
    status: o.status ?? null,
    paidAt: o.paid_at ?? null,
    amountRemainingUsd: usdFromMillis(o.amount_remaining, o.amount_remaining_decimal),
    commerceOrderId: o.commerce_order_id ?? null,
  })),
);

const paymentObject = z.pipe(
  z.object({
    object: z.literal('invoice_payment'),
    id: z.string(),
    invoice_id: z.nullish(z.string()),
    status: z.nullish(z.string()),
    // A figure out of range (or under half a thousandth) is no figure; the event still counts for
    // its status (a failure under a wait is not lost).
    amount_usd: lenient(usdAmount),
    // Undocumented on the payor side; read when present, and only as a hash (shown and linked).
    tx_hash: lenient(z.string().check(z.refine((hash) => TX_HASH.test(hash)))),
  }),
  z.transform((o) => ({
    kind: 'payment' as const,
    txHash: o.tx_hash ?? null,
    paymentId: o.id,
    invoiceId: o.invoice_id ?? null,
    status: o.status ?? null,
    amountUsd: o.amount_usd ?? null,
  })),
);

const quoteObject = z.pipe(
  z.object({
    object: z.literal('payment_quote'),
    invoice_id: z.nullish(z.string()),
    network: z.nullish(z.string()),
    amount_remaining: z.nullish(usdMillis),
    amount_remaining_decimal: z.nullish(z.string()),
  }),
  z.transform((o) => ({
    kind: 'quote' as const,
    invoiceId: o.invoice_id ?? null,
    network: o.network ?? null,
    amountRemainingUsd: usdFromMillis(o.amount_remaining, o.amount_remaining_decimal),
  })),
);

/** Shipment tracking, when an order event carries it (the shape is undocumented: read leniently). */
const tracking = lenient(z.object({carrier: lenient(z.string()), tracking_number: z.string().check(z.minLength(1), z.maxLength(100))}));

const orderObject = z.pipe(
  z.object({
    object: z.literal('commerce_order'),
    id: z.string(),
    status: z.string(),
    invoice_id: z.nullish(z.string()),
    tracking,
  }),
  z.transform((o) => ({
    kind: 'order' as const,
    orderId: o.id,
    status: o.status,
    invoiceId: o.invoice_id ?? null,
    tracking: o.tracking ? {carrier: o.tracking.carrier ?? null, number: o.tracking.tracking_number} : null,
  })),
);

const subject = z.union([invoiceObject, paymentObject, quoteObject, orderObject]);

const envelope = z.object({
  id: z.string().check(z.minLength(1)),
  type: z.string(),
  created: z.nullish(timestamp),
  // Loose: the subject's own fields are parsed below, by its `object` discriminator.
  data: z.object({object: z.looseObject({object: z.string()})}),
});

export type EventSubject = z.output<typeof subject> | {kind: 'other'};

export interface PepayEvent {
  /** `evt_<ms>-<seq>`: the dedupe key and the replay cursor. */
  id: string;
  type: string;
  /** Epoch milliseconds, or null when absent. */
  created: number | null;
  subject: EventSubject;
}

/**
 * Parses one event_v1 envelope. Returns null when the envelope itself is malformed; an event of a
 * type or object we do not know parses with `subject.kind === 'other'` so callers can skip it.
 */
export function parseEvent(value: unknown): PepayEvent | null {
  const env = envelope.safeParse(value);
  if (!env.success) return null;
  const known = subject.safeParse(env.data.data.object);
  return {
    id: env.data.id,
    type: env.data.type,
    created: env.data.created ?? null,
    subject: known.success ? known.data : {kind: 'other'},
  };
}
