import * as z from 'zod/mini';

/** GET /api/v1/payments/customer-email, normalised. */
export const customerEmailSchema = z.pipe(
  z.object({email: z.nullish(z.string()), has_email: z.nullish(z.boolean())}),
  z.transform((r) => ({email: r.email || null})),
);

/** POST /api/v1/payments/customer-email: the server returns the normalised address. */
export const customerEmailSavedSchema = z.pipe(
  z.object({success: z.nullish(z.boolean()), email: z.nullish(z.string()), message: z.nullish(z.string())}),
  z.transform((r) => ({email: r.email ?? null})),
);

export type CustomerEmail = z.output<typeof customerEmailSchema>;
