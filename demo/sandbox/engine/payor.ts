/** The payor endpoints of payor-api.md §2, as the sandbox serves them. */
import * as z from 'zod/mini';
import {HttpError, iso, ok, parseBody, seconds, type Reply} from './http.ts';
import {isSelectable, tokenIcon, type CatalogueToken} from './tokens.ts';
import type {SandboxState} from './state.ts';
import type {Invoice} from './types.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function sessionDetails(state: SandboxState, invoice: Invoice): Reply {
  const remainingMs = Math.max(0, invoice.expiresAt - state.now());
  return ok(
    {
      invoice_id: invoice.id,
      amount_usd: invoice.amountUsd,
      amount_remaining_usd: state.remainingUsd(invoice),
      description: invoice.description,
      expires_at: seconds(invoice.expiresAt),
      invoice_status: invoice.status,
      remaining_time: remainingMs,
      remaining_seconds: Math.floor(remainingMs / 1000),
      merchant_name: invoice.merchantName,
      merchant_email: invoice.merchantEmail,
      network_environment: invoice.environment,
      locked_network: invoice.locked?.network ?? null,
      locked_token_id: invoice.locked?.tokenId ?? null,
      locked_payment_address: invoice.locked?.address ?? null,
    },
    {timestamps: ['expires_at'], wrappable: true},
  );
}

export function availableTokens(state: SandboxState, invoice: Invoice, query: URLSearchParams): Reply {
  const mode = query.get('mode') ?? 'monitored';
  const network = query.get('network')?.toLowerCase();
  if (!['monitored', 'all', 'network'].includes(mode)) throw new HttpError(400, 'VALIDATION_ERROR', `Unknown mode "${mode}"`);
  if (mode === 'network' && !network) throw new HttpError(400, 'VALIDATION_ERROR', 'mode=network requires network');
  let tokens = state.tokensFor(invoice).filter((t) => mode === 'all' || t.monitored);
  if (network) tokens = tokens.filter((t) => t.network === network);
  if (query.get('available_only') === 'true') tokens = tokens.filter((t) => t.availability === 'AVAILABLE' || t.availability === 'DEVNET');
  return ok(
    tokens.map((t) => tokenJson(state, invoice, t)),
    {timestamps: ['rate_updated_at']},
  );
}

function tokenJson(state: SandboxState, invoice: Invoice, t: CatalogueToken): Record<string, unknown> {
  const base = {
    id: t.id,
    token_symbol: t.symbol,
    token_name: t.name,
    token_type: t.type,
    network: t.network,
    token_decimals: t.decimals,
    token_address: t.address,
    requires_memo: false,
    photo_uri: tokenIcon(t),
    availability_status: t.availability,
  };
  // Devnet tokens come without the settlement/quote fields (payor-api.md §2.2).
  if (invoice.environment === 'devnet') return base;
  const stale = t.availability === 'STALE';
  return {
    ...base,
    has_settlement_route: isSelectable(t),
    supports_stable_settlement: true,
    is_monitored: t.monitored,
    settlement_rate: t.rate,
    settlement_cost_usd: state.remainingUsd(invoice),
    is_same_token_settlement: t.rate === 1,
    tier: null,
    tier_fee: null,
    rate_updated_at: seconds(state.now() - (stale ? 20 * 60_000 : 30_000)),
    unavailable_reason: t.unavailableReason,
  };
}

const addressRequest = z.object({network: z.string().check(z.minLength(1)), tokenId: z.number().check(z.int())});

export function paymentAddresses(state: SandboxState, invoice: Invoice, body: string): Reply {
  const request = parseBody(body, addressRequest);
  if (!state.isOpen(invoice)) throw new HttpError(400, 'INVOICE_NOT_PAYABLE', `Invoice is ${invoice.status}`);
  const token = state.tokensFor(invoice).find((t) => t.id === request.tokenId && t.network === request.network.toLowerCase());
  if (!token) {
    const why = invoice.locked ? 'Underpaid invoices must be finished with the locked network and token' : 'Invalid token selection';
    throw new HttpError(400, 'INVALID_TOKEN_SELECTION', why);
  }
  if (!isSelectable(token)) throw new HttpError(400, 'QUOTE_UNAVAILABLE', token.unavailableReason ?? 'Quote unavailable for this token');
  const a = state.allocate(invoice, token);
  return ok(
    {
      success: true,
      quote_status: 'available',
      status_code: 'ok',
      message: null,
      temp_address: a.address,
      network: a.network,
      supported_token_id: a.tokenId,
      estimated_token_amount: invoice.faults.variants.tokenAmount ?? state.tokenAmount(invoice, a),
      exchange_rate: a.rate.toFixed(6),
      usd_amount: invoice.amountUsd,
      quote_last_updated_at: seconds(a.quoteUpdatedAt),
      quote_valid_until: seconds(a.quoteValidUntil),
      quote_expires_in_seconds: Math.round((a.quoteValidUntil - state.now()) / 1000),
      retryable: null,
      retry_after_seconds: null,
      ws_connection: {token: a.wsToken, endpoint: '/ws/payment', format: 'event_v1', ws_url: '/ws/payment?format=event_v1'},
    },
    {timestamps: ['quote_last_updated_at', 'quote_valid_until']},
  );
}

export function paymentStatus(invoice: Invoice): Reply {
  return ok({status: invoice.status, paid_at: invoice.paidAt ? iso(invoice.paidAt) : null});
}

export function getCustomerEmail(invoice: Invoice): Reply {
  return ok({email: invoice.customerEmail, has_email: invoice.customerEmail !== null});
}

export function setCustomerEmail(invoice: Invoice, body: string): Reply {
  const {email} = parseBody(body, z.object({email: z.string()}));
  const normalised = email.trim().toLowerCase();
  if (invoice.status === 'expired') throw new HttpError(410, 'INVOICE_EXPIRED', 'Invoice has expired');
  if (invoice.status === 'paid') throw new HttpError(400, 'INVOICE_PAID', 'Invoice already paid');
  if (!EMAIL.test(normalised) || normalised.length > 254) throw new HttpError(400, 'VALIDATION_ERROR', 'Invalid email address');
  invoice.customerEmail = normalised;
  return ok({success: true, email: normalised, message: 'Email added successfully'});
}

export function invoiceQuestions(invoice: Invoice): Reply {
  if (!invoice.questions.length) return ok({has_questions: false});
  return ok({has_questions: true, questions: {questions: invoice.questions}});
}

const formRequest = z.object({responses: z.array(z.object({question_id: z.string(), response: z.string().check(z.maxLength(512))}))});

export function submitForm(invoice: Invoice, body: string): Reply {
  const {responses} = parseBody(body, formRequest);
  const byId = new Map(responses.map((r) => [r.question_id, r.response.trim()]));
  for (const id of byId.keys()) {
    if (!invoice.questions.some((q) => q.id === id)) throw new HttpError(400, 'VALIDATION_ERROR', `Unknown question ${id}`);
  }
  for (const q of invoice.questions) {
    const answer = byId.get(q.id) ?? '';
    if (q.validation.required && !answer) throw new HttpError(400, 'VALIDATION_ERROR', `Missing required response for ${q.id}`);
    if (answer && q.type === 'email' && !EMAIL.test(answer))
      throw new HttpError(400, 'VALIDATION_ERROR', `Response to ${q.id} must be an email address`);
  }
  for (const [id, answer] of byId) invoice.answers[id] = answer;
  return ok({success: true});
}

/** "I already paid": a job that finishes 2 s after it starts and reports whether a payment was seen (counted or pending). */
export function requestVerification(state: SandboxState, invoice: Invoice, body: string): Reply {
  const {network} = parseBody(body, z.object({network: z.optional(z.string())}));
  const active = invoice.allocation?.network;
  if (!active) throw new HttpError(400, 'VALIDATION_ERROR', 'No payment address has been allocated');
  if (network && network !== active)
    throw new HttpError(400, 'VALIDATION_ERROR', `network must match the invoice's active network (${active})`);
  invoice.verification = {id: `mv_${invoice.id.slice(0, 8)}${invoice.addressCount}`, network: active, createdAt: state.now()};
  return {...verificationReply(state, invoice), status: 202};
}

export function getVerification(state: SandboxState, invoice: Invoice): Reply {
  if (!invoice.verification) throw new HttpError(404, 'NOT_FOUND', 'No verification job for this invoice');
  return verificationReply(state, invoice);
}

function verificationReply(state: SandboxState, invoice: Invoice): Reply {
  const job = invoice.verification!;
  const done = state.now() - job.createdAt >= 2000;
  const status = done ? 'completed' : 'pending';
  return ok({
    success: true,
    data: {
      object: 'invoice_manual_verification',
      id: job.id,
      invoice_id: invoice.id,
      network: job.network,
      job_status: status,
      status,
      attempt_count: done ? 1 : 0,
      max_attempts: 3,
      next_attempt_at: done ? null : iso(job.createdAt + 2000),
      created_at: iso(job.createdAt),
      updated_at: iso(done ? job.createdAt + 2000 : job.createdAt),
      completed_at: done ? iso(job.createdAt + 2000) : null,
      // A check of the chain sees a payment still being confirmed, as well as those counted.
      result: done ? {payment_found: invoice.paidUsd > 0 || invoice.pending !== null, invoice_status: invoice.status} : {},
      error: null,
    },
  });
}
