import * as z from 'zod/mini';
import {timestamp} from './primitives.js';

/** Invoice verify responses carry placeholders in the docs; unparseable times become null. */
const looseTime = z.catch(z.nullish(timestamp), null);

/** POST/GET /api/v1/invoice/{invoiceId}/verify (inside `{success, data}`), normalised. */
export const verificationSchema = z.pipe(
  z.object({
    id: z.string(),
    invoice_id: z.nullish(z.string()),
    network: z.nullish(z.string()),
    job_status: z.nullish(z.string()),
    status: z.nullish(z.string()),
    attempt_count: z.nullish(z.number()),
    max_attempts: z.nullish(z.number()),
    next_attempt_at: looseTime,
    completed_at: looseTime,
  }),
  z.transform((r) => ({
    id: r.id,
    /** The invoice the job is about, when the answer names one. */
    invoiceId: r.invoice_id ?? null,
    network: r.network ?? null,
    // The enum past `pending` is undocumented: kept as the server spells it.
    status: r.job_status ?? r.status ?? 'pending',
    attemptCount: r.attempt_count ?? 0,
    maxAttempts: r.max_attempts ?? null,
    nextAttemptAt: r.next_attempt_at ?? null,
    completedAt: r.completed_at ?? null,
  })),
);

export type Verification = z.output<typeof verificationSchema>;
