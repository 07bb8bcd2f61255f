import * as z from 'zod/mini';
import {lenient} from './primitives.js';

/** GET /api/v1/payments/customer-email, normalised. Only a prefill: an unreadable one is none. */
export const customerEmailSchema = z.pipe(
  z.object({email: lenient(z.string()), has_email: lenient(z.boolean())}),
  z.transform((r) => ({email: r.email || null})),
);

/** POST /api/v1/payments/customer-email: the server returns the normalised address. */
export const customerEmailSavedSchema = z.pipe(
  z.object({success: lenient(z.boolean()), email: lenient(z.string()), message: lenient(z.string())}),
  z.transform((r) => ({email: r.email ?? null})),
);

export type CustomerEmail = z.output<typeof customerEmailSchema>;
