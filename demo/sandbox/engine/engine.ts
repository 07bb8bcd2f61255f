/**
 * The sandbox engine: a Pepay-compatible server with no transport. An adapter hands it requests
 * and socket sinks (Node: real HTTP + `ws`; later, in-page for the static demo) and a clock tick.
 */
import {takeHttpFault, type FaultSettings} from './faults.ts';
import {HttpError, errorBody, iso, type Reply} from './http.ts';
import {verifyToken} from './ids.ts';
import {createInvoice, simulateOrder} from './merchant.ts';
import * as payor from './payor.ts';
import {createSandboxInvoice, describe, simulatorAction, type RequestLogEntry} from './simulator.ts';
import {SESSION_GRACE_MS, SandboxState} from './state.ts';
import type {StreamSink} from './event-log.ts';
import type {Invoice, SandboxRequest, SandboxResponse} from './types.ts';

export interface EngineOptions {
  now?: () => number;
  /** Signs WebSocket tokens. */
  secret?: string;
  /** Events kept for `since` replay, across all invoices. */
  retention?: number;
  /** Origin of the hosted payment page in `payment_url`. */
  payBase?: string;
  /** Idle time after which a payor stream gets a `ws_control` heartbeat. */
  heartbeatMs?: number;
}

export type StreamAuth = {ok: true; invoice: Invoice; since: string | null; url: string} | {ok: false; status: number; message: string};

const MAX_LOG = 500;

export class SandboxEngine {
  readonly state: SandboxState;
  private readonly payBase: string;
  private readonly heartbeatMs: number;
  private readonly logs = new Map<string, RequestLogEntry[]>();

  constructor(options: EngineOptions = {}) {
    this.state = new SandboxState({
      now: options.now ?? Date.now,
      secret: options.secret ?? 'sandbox-secret',
      retention: options.retention ?? 1000,
    });
    this.payBase = options.payBase ?? 'https://pay.sandbox.pepay.local';
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
  }

  /** Answers one HTTP request. Never throws: every failure becomes an error response. */
  handle(request: SandboxRequest): SandboxResponse {
    let invoice: Invoice | undefined;
    try {
      const url = new URL(request.url, 'http://sandbox.local');
      const path = url.pathname.replace(/\/+$/, '') || '/';
      const sim = /^\/sandbox\/invoices\/([^/]+)(?:\/([a-z-]+))?$/.exec(path);
      if (path === '/sandbox/invoices' && request.method === 'POST')
        return this.send(createSandboxInvoice(this.state, request.body, this.payBase), null);
      if (sim) {
        invoice = this.state.invoices.get(decodeURIComponent(sim[1]!));
        if (!invoice) throw new HttpError(404, 'NOT_FOUND', 'Invoice not found');
        this.state.refresh(invoice);
        const log = this.logFor(invoice.id);
        if (!sim[2] && request.method === 'GET') return this.send({status: 200, body: describe(this.state, invoice, log)}, null);
        if (sim[2] && request.method === 'POST') return this.send(simulatorAction(this.state, invoice, sim[2], request.body, log), null);
        throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'Method not allowed');
      }
      if (path === '/api/v1/invoices' && request.method === 'POST')
        return this.send(createInvoice(this.state, request.headers, request.body, this.payBase), null);
      const order = /^\/api\/commerce\/devnet\/orders\/([^/]+)\/simulate$/.exec(path);
      if (order && request.method === 'POST')
        return this.send(simulateOrder(this.state, decodeURIComponent(order[1]!), request.headers, request.body), null);
      if (path.startsWith('/api/v1/payments/') || path.startsWith('/api/v1/invoice/')) {
        invoice = this.authenticate(request.headers);
        this.logFor(invoice.id).push({
          method: request.method,
          path: url.pathname + url.search,
          headers: request.headers,
          body: request.body,
          at: this.state.now(),
        });
        trim(this.logFor(invoice.id));
        const fault = takeHttpFault(invoice.faults, path);
        if (fault) return this.faulty(fault, invoice.faults);
        return this.send(this.payorRoute(request, path, url.searchParams, invoice), invoice.faults);
      }
      throw new HttpError(404, 'NOT_FOUND', `No route for ${request.method} ${path}`);
    } catch (error) {
      const httpError = error instanceof HttpError ? error : new HttpError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      return this.send({status: httpError.status, body: errorBody(httpError), headers: httpError.headers}, invoice?.faults ?? null);
    }
  }

  /** Checks a `/ws/payment` upgrade: a valid, unexpired token for an invoice whose socket is not refused. */
  authorizeStream(url: string): StreamAuth {
    const query = new URL(url, 'http://sandbox.local').searchParams;
    const format = query.get('format');
    if (format && format !== 'event_v1') return {ok: false, status: 400, message: 'Only format=event_v1 is supported'};
    const verdict = verifyToken(this.state.secret, query.get('token') ?? '', this.state.now());
    if (verdict === 'invalid' || verdict === 'expired') return {ok: false, status: 401, message: `Token ${verdict}`};
    const invoice = this.state.invoices.get(verdict.inv);
    if (!invoice) return {ok: false, status: 401, message: 'Token invalid'};
    if (invoice.faults.ws.refuse) return {ok: false, status: 503, message: 'Refused (sandbox fault)'};
    if (invoice.faults.ws.stall) return {ok: false, status: 0, message: 'Stalled (sandbox fault)'};
    return {ok: true, invoice, since: query.get('since'), url};
  }

  /** Attaches an authorised socket: replays from `since`, then streams live. Returns the detach function. */
  attachStream(auth: Extract<StreamAuth, {ok: true}>, sink: StreamSink): () => void {
    const {invoice, since} = auth;
    const log = this.state.events;
    this.logFor(invoice.id).push({method: 'WS', path: auth.url, headers: {}, body: '', at: this.state.now()});
    if (since) {
      const missed = log.since(invoice.id, since);
      if (missed === null) {
        // Too old to replay: say so; the client re-syncs over REST (payor-api.md §4.2's bounded snapshot).
        log.sendTo(sink, {object: 'ws_control', type: 'resync_required', reason: 'since_not_retained', since});
      } else if (!invoice.faults.ws.silent) {
        for (const event of missed) log.sendTo(sink, event);
      }
    }
    if (invoice.faults.ws.flap) setTimeout(() => sink.close(1011, 'sandbox flap'), invoice.faults.ws.flapAfterMs);
    return log.attach(invoice.id, sink, () => invoice.faults.ws);
  }

  /** Drives time: expiries, held (out-of-order) events, heartbeats. Call about once a second. */
  tick(): void {
    for (const invoice of this.state.invoices.values()) this.state.refresh(invoice);
    this.state.events.flushHeld();
    this.state.events.heartbeat(this.heartbeatMs);
  }

  private authenticate(headers: Record<string, string | undefined>): Invoice {
    const token = headers['x-session-token'];
    const signature = headers['x-signature'];
    if (!token || !signature) throw new HttpError(401, 'UNAUTHORIZED', 'Missing x-session-token or x-signature');
    const invoice = this.state.bySession(token);
    if (!invoice) throw new HttpError(404, 'SESSION_NOT_FOUND', 'Session not found or expired');
    if (invoice.signature !== signature) throw new HttpError(403, 'FORBIDDEN', 'Signature does not match the session');
    this.state.refresh(invoice);
    if (invoice.status === 'expired' && this.state.now() - invoice.expiresAt > SESSION_GRACE_MS) {
      throw new HttpError(404, 'SESSION_NOT_FOUND', 'Session not found or expired');
    }
    return invoice;
  }

  private payorRoute(request: SandboxRequest, path: string, query: URLSearchParams, invoice: Invoice): Reply {
    const {method, body} = request;
    const route = `${method} ${path}`;
    switch (route) {
      case 'GET /api/v1/payments/session-details':
        return payor.sessionDetails(this.state, invoice);
      case 'GET /api/v1/payments/available-tokens':
        return payor.availableTokens(this.state, invoice, query);
      case 'POST /api/v1/payments/payment-addresses':
        return payor.paymentAddresses(this.state, invoice, body);
      case 'GET /api/v1/payments/payment-status':
        return payor.paymentStatus(invoice);
      case 'GET /api/v1/payments/customer-email':
        return payor.getCustomerEmail(invoice);
      case 'POST /api/v1/payments/customer-email':
        return payor.setCustomerEmail(invoice, body);
      case 'GET /api/v1/payments/invoice-questions':
        return payor.invoiceQuestions(invoice);
      case 'POST /api/v1/payments/submit-form':
        return payor.submitForm(invoice, body);
    }
    const verify = /^\/api\/v1\/invoice\/([^/]+)\/verify$/.exec(path);
    if (verify) {
      if (decodeURIComponent(verify[1]!) !== invoice.id) throw new HttpError(403, 'FORBIDDEN', 'Session does not belong to this invoice');
      if (method === 'POST') return payor.requestVerification(this.state, invoice, body);
      if (method === 'GET') return payor.getVerification(this.state, invoice);
    }
    throw new HttpError(404, 'NOT_FOUND', `No route for ${route}`);
  }

  private faulty(fault: ReturnType<typeof takeHttpFault> & object, faults: FaultSettings): SandboxResponse {
    const delayMs = faults.latencyMs;
    switch (fault.kind) {
      case 'rate-limit':
        return {
          status: 429,
          headers: {'content-type': 'application/json', ...this.retryAfterHeaders(fault)},
          body: JSON.stringify({
            success: false,
            message: 'Too many requests from this IP. Please try again later.',
            error_code: 'RATE_LIMIT_EXCEEDED',
            retry_after: `${fault.retryAfter ?? 1} seconds`,
          }),
          delayMs,
        };
      case 'server-error':
        return {
          status: fault.status ?? 500,
          headers: {'content-type': 'application/json'},
          body: JSON.stringify({error: 'Sandbox fault', code: 'INTERNAL_SERVER_ERROR'}),
          delayMs,
        };
      case 'status':
        return {
          status: fault.status ?? 401,
          headers: {'content-type': 'application/json'},
          body: JSON.stringify({success: false, error: {code: 'SANDBOX_FAULT', message: `Sandbox fault ${fault.status ?? 401}`}}),
          delayMs,
        };
      case 'redirect':
        return {status: 307, headers: {location: fault.location ?? 'http://127.0.0.2:9/elsewhere'}, body: '', delayMs};
      case 'malformed':
        return {status: 200, headers: {'content-type': 'application/json'}, body: '{"invoice_id": "truncated', delayMs};
      case 'drift':
        return {
          status: 200,
          headers: {'content-type': 'application/json'},
          body: JSON.stringify({v2: true, result: {id: 42, state: 'UNPAID'}}),
          delayMs,
        };
    }
  }

  private retryAfterHeaders(fault: ReturnType<typeof takeHttpFault> & object): Record<string, string> {
    const serverNow = this.state.now() + (fault.clockSkewSeconds ?? 0) * 1000;
    const headers: Record<string, string> =
      fault.retryAfterDate !== undefined
        ? {
            'retry-after': new Date(serverNow + fault.retryAfterDate * 1000).toUTCString(),
            date: new Date(serverNow).toUTCString(),
            'access-control-expose-headers': 'retry-after, date, x-request-id',
          }
        : {'retry-after': String(fault.retryAfter ?? 1)};
    if (fault.hideRetryAfter) headers['access-control-expose-headers'] = 'x-request-id';
    return headers;
  }

  /** Serialises a reply, applying the session's documented-variant switches. */
  private send(reply: Reply, faults: FaultSettings | null): SandboxResponse {
    let body = reply.body;
    if (faults && reply.status < 400) {
      if (faults.variants.timestamps === 'iso' && reply.timestamps) body = withIsoTimestamps(body, reply.timestamps);
      if (faults.variants.wrapped && reply.wrappable) body = {status: 'ok', data: body};
    }
    const requestId = `req_${this.state.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    return {
      status: reply.status,
      headers: {'content-type': 'application/json', 'x-request-id': requestId, ...reply.headers},
      body: JSON.stringify(body),
      delayMs: faults?.latencyMs ?? 0,
    };
  }

  private logFor(invoiceId: string): RequestLogEntry[] {
    let log = this.logs.get(invoiceId);
    if (!log) this.logs.set(invoiceId, (log = []));
    return log;
  }
}

function trim(log: RequestLogEntry[]): void {
  if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG);
}

/** Rewrites epoch-second fields as ISO strings, as older documentation pages print them. */
function withIsoTimestamps(body: unknown, fields: string[]): unknown {
  const rewrite = (item: unknown): unknown => {
    if (!item || typeof item !== 'object') return item;
    const copy = {...(item as Record<string, unknown>)};
    for (const field of fields) if (typeof copy[field] === 'number') copy[field] = iso((copy[field] as number) * 1000);
    return copy;
  };
  return Array.isArray(body) ? body.map(rewrite) : rewrite(body);
}
