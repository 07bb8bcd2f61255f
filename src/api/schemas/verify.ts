import * as z from 'zod/mini';
import {invoiceStatus, timestamp} from './primitives.js';

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
    // Undocumented (`{}` in the docs); the sandbox answers `{payment_found, invoice_status}`.
    result: z.catch(
      z.nullish(z.object({payment_found: z.nullish(z.boolean()), invoice_status: z.catch(z.nullish(invoiceStatus), null)})),
      null,
    ),
    error: z.catch(z.nullish(z.unknown()), null),
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
    /** Whether the job saw a payment on chain; null when it does not say. */
    paymentFound: r.result?.payment_found ?? null,
    /** The invoice's status when the job ended, when it says. */
    invoiceStatus: r.result?.invoice_status ?? null,
    /** The job ended in an error (a non-empty `error`). */
    failed: r.error != null && !(typeof r.error === 'object' && Object.keys(r.error).length === 0),
  })),
);

export type Verification = z.output<typeof verificationSchema>;
