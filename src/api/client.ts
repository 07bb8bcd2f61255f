import {resolveCredentials, type CredentialInput, type SessionCredentials} from './credentials.js';
import {apiOrigin} from './base-url.js';
import {DEFAULT_API_BASE} from './default-base.js';
import {FIRST_READ_PATHS, sessionHeaders} from './first-reads.js';
import type {PepayError} from './errors.js';
import {requestJson, sleep, type Parser, type RetryPolicy} from './http.js';
import type {PaymentAddress} from './schemas/address.js';
import {customerEmailSavedSchema, customerEmailSchema, type CustomerEmail} from './schemas/email.js';
import {invoiceQuestionsSchema, submitFormSchema, type Question, type QuestionAnswer} from './schemas/questions.js';
import {sessionDetailsSchema, type SessionDetails} from './schemas/session.js';
import {paymentStatusSchema, type PaymentStatus} from './schemas/status.js';
import {availableTokensSchema, type Token} from './schemas/tokens.js';
import type {Verification} from './schemas/verify.js';

/**
 * Schemas of calls the first screen does not make, fetched with their first call (the script-tag
 * build makes each a chunk; the checkout prefetches the address schema while the payer picks a
 * token, src/elements/checkout/views.ts). A schema that cannot be fetched fails its call.
 */
const verificationSchema = () => import('./schemas/verify.js').then((module) => module.verificationSchema);
const paymentAddressSchema = () => import('./schemas/address.js').then((module) => module.paymentAddressSchema);

export {DEFAULT_API_BASE};

export interface PayorClientOptions extends CredentialInput {
  apiBase?: string | undefined;
  /** Per attempt; the SDK's default is 30 s, a checkout should give up sooner. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
}

export interface TokenQuery {
  mode?: 'monitored' | 'all' | 'network';
  network?: string;
  availableOnly?: boolean;
}

/**
 * Typed client for every payor endpoint (payor-api.md §2). Every method rejects with a PepayError
 * (its `code` from the README's error codes) or, when `signal` aborts, with the signal's reason.
 * Times in results are epoch milliseconds; USD amounts are numbers, token amounts decimal strings. Sends only the browser-safe
 * `x-session-token` + `x-signature` pair; returns normalised shapes; throws PepayError. A POST waits out the
 * server's last `Retry-After` (a minute at most) before it is sent.
 */
export class PayorClient {
  readonly apiBase: string;
  readonly credentials: SessionCredentials;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly fetchImpl: typeof fetch;
  /** Monotonic ms before which no POST is sent: the server's last Retry-After, heard on any call. */
  private postsNotBefore = 0;

  /**
   * Throws PepayError `insecure-credentials` / `missing-credentials` before any request can be
   * made, and `bad-request` when `apiBase` is not an http(s) URL.
   */
  constructor(options: PayorClientOptions) {
    this.credentials = resolveCredentials(options);
    this.apiBase = apiOrigin(options.apiBase ?? DEFAULT_API_BASE);
    this.timeoutMs = options.timeoutMs ?? 15_000;
    // First retry after 2–4 s: with the first attempt, never more than one request per 2 s.
    this.retry = {maxRetries: 2, baseDelayMs: 4000, maxDelayMs: 30_000, ...options.retry};
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  /** `GET session-details`: the invoice, its status and lock, and the time left (`remainingMs`). */
  sessionDetails(signal?: AbortSignal): Promise<SessionDetails> {
    return this.get(FIRST_READ_PATHS.sessionDetails, sessionDetailsSchema, signal);
  }

  /** `GET available-tokens`: the tokens this session may be paid with, with their availability. */
  availableTokens(query: TokenQuery = {}, signal?: AbortSignal): Promise<Token[]> {
    const params = new URLSearchParams();
    if (query.mode) params.set('mode', query.mode);
    if (query.network) params.set('network', query.network);
    if (query.availableOnly) params.set('available_only', 'true');
    const search = params.size ? `?${params}` : '';
    return this.get(FIRST_READ_PATHS.availableTokens + search, availableTokensSchema, signal);
  }

  /** Allocates, or rotates, the deposit address for a token (camelCase `tokenId` as documented). */
  async allocateAddress(choice: {network: string; tokenId: number}, signal?: AbortSignal): Promise<PaymentAddress> {
    return this.post(
      '/api/v1/payments/payment-addresses',
      {network: choice.network, tokenId: choice.tokenId},
      await paymentAddressSchema(),
      signal,
    );
  }

  /**
   * `GET payment-status`: the invoice status and `paidAt`. Asked once, never retried here: its
   * callers poll, and their own backoff is the retry, so a failure is known (and said) at once.
   */
  paymentStatus(signal?: AbortSignal): Promise<PaymentStatus> {
    return this.call('GET', '/api/v1/payments/payment-status', undefined, paymentStatusSchema, signal, NO_RETRY);
  }

  /** `GET customer-email`: the stored receipt e-mail, or `email: null`. */
  customerEmail(signal?: AbortSignal): Promise<CustomerEmail> {
    return this.get(FIRST_READ_PATHS.customerEmail, customerEmailSchema, signal);
  }

  /** `POST customer-email`: stores the receipt e-mail (never retried: a POST may have been applied). */
  setCustomerEmail(email: string, signal?: AbortSignal): Promise<CustomerEmail> {
    return this.post(FIRST_READ_PATHS.customerEmail, {email}, customerEmailSavedSchema, signal);
  }

  /** `GET invoice-questions`: the merchant's questions, [] when there are none. */
  invoiceQuestions(signal?: AbortSignal): Promise<Question[]> {
    return this.get(FIRST_READ_PATHS.invoiceQuestions, invoiceQuestionsSchema, signal);
  }

  /** `POST submit-form`: the payer's answers. */
  async submitForm(answers: QuestionAnswer[], signal?: AbortSignal): Promise<void> {
    const responses = answers.map((a) => ({question_id: a.questionId, response: a.response}));
    await this.post('/api/v1/payments/submit-form', {responses}, submitFormSchema, signal);
  }

  /** "I already paid": starts an on-chain manual verification job. */
  async requestVerification(invoiceId: string, network?: string, signal?: AbortSignal): Promise<Verification> {
    return this.post(verifyPath(invoiceId), network ? {network} : {}, await verificationSchema(), signal);
  }

  /** Reads the manual verification job started by `requestVerification`. */
  async verification(invoiceId: string, signal?: AbortSignal): Promise<Verification> {
    return this.get(verifyPath(invoiceId), await verificationSchema(), signal);
  }

  private get<T>(path: string, parser: Parser<T>, signal?: AbortSignal): Promise<T> {
    return this.call('GET', path, undefined, parser, signal);
  }

  /**
   * A payer's action. A POST is never retried here (it may have been applied), so the payer's next
   * press is the retry: it is sent no sooner than the server's last Retry-After allows (RFC 9110
   * §10.2.3; a minute at most), or rejects with `signal`'s reason while it waits.
   */
  private async post<T>(path: string, body: unknown, parser: Parser<T>, signal?: AbortSignal): Promise<T> {
    await sleep(this.postsNotBefore - performance.now(), signal);
    return this.call('POST', path, body, parser, signal);
  }

  private call<T>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    parser: Parser<T>,
    signal?: AbortSignal,
    retry: RetryPolicy = this.retry,
  ): Promise<T> {
    // An AbortError or a TypeError has no `retryAfterSeconds`: no wait.
    const heard = (error: PepayError) => {
      const waitMs = Math.min((error.retryAfterSeconds ?? 0) * 1000, MAX_POST_WAIT_MS);
      this.postsNotBefore = Math.max(this.postsNotBefore, performance.now() + waitMs);
      throw error;
    };
    return requestJson(
      {
        method,
        url: this.apiBase + path,
        headers: sessionHeaders(this.credentials),
        body,
        timeoutMs: this.timeoutMs,
        retry,
        signal,
        fetch: this.fetchImpl,
      },
      parser,
    ).catch(heard);
  }
}

/** The longest Retry-After a payer's action waits for (ms): a minute is long in a checkout. */
const MAX_POST_WAIT_MS = 60_000;

const NO_RETRY: RetryPolicy = {maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0};

function verifyPath(invoiceId: string): string {
  // Singular `/invoice/`, as documented (merchant routes use `/invoices/`).
  return `/api/v1/invoice/${encodeURIComponent(invoiceId)}/verify`;
}
