/** The merchant-side surface the sandbox needs: invoice creation and the commerce devnet simulator. */
import * as z from 'zod/mini';
import {HttpError, ok, parseBody, seconds, type Reply} from './http.ts';
import {OrderError, TRANSITIONS} from './orders.ts';
import type {NewInvoice, SandboxState} from './state.ts';
import type {Invoice} from './types.ts';

const question = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  question: z.string().check(z.minLength(1), z.maxLength(256)),
  type: z.string(),
  validation: z._default(z.object({required: z._default(z.boolean(), false)}), {required: false}),
});

/** The documented create body (payor-api.md §1.1; fixtures/invoice-create.request.json). */
export const createInvoiceSchema = z.object({
  // At least a thousandth: Pepay counts USD in thousandths (less is an invoice for nothing).
  amount_usd: z.number().check(z.gte(0.0005), z.maximum(1_000_000)),
  description: z.optional(z.string().check(z.maxLength(1000))),
  expires_in: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(2_592_000_000))),
  customer_email: z.optional(z.string()),
  customer_id: z.optional(z.string()),
  metadata: z.optional(z.record(z.string(), z.unknown())),
  questions: z.optional(z.object({questions: z.array(question).check(z.maxLength(5))})),
  invoice_title: z.optional(z.string()),
  invoice_footer: z.optional(z.string()),
  payment_return_url: z.optional(z.string()),
  payment_return_url_enabled: z.optional(z.boolean()),
  receiver_override_enable: z.optional(z.boolean()),
  receiver_override_address: z.optional(z.string()),
});

export function toNewInvoice(body: z.output<typeof createInvoiceSchema>, environment: 'devnet' | 'mainnet'): NewInvoice {
  return {
    amountUsd: body.amount_usd,
    description: body.description,
    expiresInMs: body.expires_in,
    environment,
    customerEmail: body.customer_email ?? null,
    questions: body.questions?.questions,
    metadata: body.metadata,
  };
}

/** What the merchant's server gets back, and hands the browser (session + signature). */
export function sessionHandoff(invoice: Invoice, payBase: string): Record<string, unknown> {
  const params = new URLSearchParams({session: invoice.sessionToken, signature: invoice.signature});
  return {
    invoice_id: invoice.id,
    payment_url: `${payBase}/pay?${params}`,
    expires_at: seconds(invoice.expiresAt),
    session_token: invoice.sessionToken,
    signature: invoice.signature,
    payment_session_headers: {'x-session-token': invoice.sessionToken, 'x-signature': invoice.signature},
  };
}

export function createInvoice(state: SandboxState, headers: Record<string, string | undefined>, body: string, payBase: string): Reply {
  const key = headers['x-api-key'] ?? '';
  if (!/^(pk|sk)_/.test(key)) throw new HttpError(401, 'API_KEY_INVALID', 'Invalid API key');
  const idempotencyKey = headers['idempotency-key'];
  if (!idempotencyKey) throw new HttpError(400, 'VALIDATION_ERROR', 'Idempotency-Key header is required');
  const request = parseBody(body, createInvoiceSchema);
  const bytes = new TextEncoder().encode(JSON.stringify(request.questions ?? {})).length;
  if (bytes > 512) throw new HttpError(400, 'VALIDATION_ERROR', 'questions must be at most 512 bytes');
  const seen = state.idempotency.get(`${key}:${idempotencyKey}`);
  const existing = seen ? state.invoices.get(seen) : undefined;
  const environment = /_live_/.test(key) ? 'mainnet' : 'devnet';
  const invoice = existing ?? state.createInvoice(toNewInvoice(request, environment));
  state.idempotency.set(`${key}:${idempotencyKey}`, invoice.id);
  return ok(sessionHandoff(invoice, payBase), {timestamps: ['expires_at']});
}

const simulateSchema = z.object({
  transitionTo: z.enum(TRANSITIONS),
  walletNetwork: z.optional(z.string()),
  walletAddress: z.optional(z.string()),
  tracking: z.optional(z.object({carrier: z.optional(z.string()), trackingNumber: z.optional(z.string())})),
});

export function simulateOrder(state: SandboxState, orderId: string, headers: Record<string, string | undefined>, body: string): Reply {
  const key = headers['x-commerce-api-key'] ?? headers['x-api-key'] ?? '';
  if (!/^(ck|pk|sk)_/.test(key)) throw new HttpError(401, 'API_KEY_INVALID', 'Invalid API key');
  const request = parseBody(body, simulateSchema);
  try {
    const order = state.orders.simulate(orderId, request.transitionTo, request);
    return ok({success: true, data: {order: state.orders.snapshot(order)}});
  } catch (error) {
    if (!(error instanceof OrderError)) throw error;
    if (error.message === 'order not found') throw new HttpError(404, 'NOT_FOUND', 'Order not found');
    throw new HttpError(400, 'INVALID_TRANSITION', error.message);
  }
}
