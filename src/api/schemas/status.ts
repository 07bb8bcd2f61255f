import * as z from 'zod/mini';
import {invoiceStatus, timestamp} from './primitives.js';

/** GET /api/v1/payments/payment-status, normalised. */
export const paymentStatusSchema = z.pipe(
  z.object({status: invoiceStatus, paid_at: z.nullish(timestamp)}),
  z.transform((r) => ({status: r.status, paidAt: r.paid_at ?? null})),
);

export type PaymentStatus = z.output<typeof paymentStatusSchema>;
