import * as z from 'zod/mini';
import {invoiceStatus, lenient, timestamp} from './primitives.js';

/** GET /api/v1/payments/payment-status, normalised; `invoiceId` when the answer names one (undocumented). */
export const paymentStatusSchema = z.pipe(
  // The time is only shown: an unreadable one is dropped, the status still counts.
  z.object({status: invoiceStatus, paid_at: lenient(timestamp), invoice_id: z.nullish(z.string())}),
  z.transform((r) => ({status: r.status, paidAt: r.paid_at ?? null, invoiceId: r.invoice_id ?? null})),
);

export type PaymentStatus = z.output<typeof paymentStatusSchema>;
