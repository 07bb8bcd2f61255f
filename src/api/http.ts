import {Backoff} from '../realtime/backoff.js';
import {PepayError, codeForStatus} from './errors.js';
import {parseErrorBody} from './schemas/error-body.js';
import {unwrapEnvelope} from './schemas/primitives.js';
import {stringifyJson} from './json.js';
import {requestInit, takeFirstRead} from './first-reads.js';

export interface Parser<T> {
  safeParse(value: unknown): {success: true; data: T} | {success: false; error: unknown};
}

export interface RetryPolicy {
  /** Extra attempts after the first, for safe (GET) calls only. */
  maxRetries: number;
  /** Ceiling of the first wait (ms); doubles per attempt, with the shared backoff's jitter. */
  baseDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error is reported instead. */
  maxDelayMs: number;
}

export interface HttpOptions {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
  retry: RetryPolicy;
  signal?: AbortSignal | undefined;
  fetch: typeof fetch;
}

/**
 * One JSON call: timeout per attempt, caller abort, retries with backoff for 429/5xx/network on
 * GET only (a POST may have been applied), zod at the edge. Throws PepayError, or the caller's
 * AbortError when the caller aborted.
 */
export async function requestJson<T>(options: HttpOptions, parser: Parser<T>): Promise<T> {
  const retries = options.method === 'GET' ? options.retry.maxRetries : 0;
  const backoff = new Backoff({baseMs: options.retry.baseDelayMs, maxMs: options.retry.maxDelayMs});
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptOnce(options, parser);
    } catch (error) {
      if (!(error instanceof PepayError) || attempt >= retries || !isTransient(error)) throw error;
      // Never sooner than the backoff, whatever the server hints: at most one request per 2 s.
      const delay = Math.max(backoff.next(), (error.retryAfterSeconds ?? 0) * 1000);
      if (delay > options.retry.maxDelayMs) throw error;
      await sleep(delay, options.signal);
    }
  }
}

function isTransient(error: PepayError): boolean {
  return error.code === 'rate-limited' || error.code === 'server' || error.code === 'network';
}

async function attemptOnce<T>(options: HttpOptions, parser: Parser<T>): Promise<T> {
  options.signal?.throwIfAborted();
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
  const onCallerAbort = () => timeout.abort();
  options.signal?.addEventListener('abort', onCallerAbort, {once: true});
  try {
    const response = await send(options, timeout.signal);
    const requestId = response.headers.get('x-request-id') ?? response.headers.get('request-id') ?? undefined;
    const text = await response.text();
    const body = parseJson(text);
    if (!response.ok) throw httpError(response, body, requestId);
    if (body === undefined) {
      throw new PepayError('invalid-response', 'The payment server sent a response that is not JSON.', {
        status: response.status,
        requestId,
      });
    }
    const parsed = parser.safeParse(unwrapEnvelope(body));
    if (!parsed.success) {
      throw new PepayError('invalid-response', 'The payment server sent an unexpected response.', {
        status: response.status,
        requestId,
        cause: parsed.error,
      });
    }
    return parsed.data;
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    if (error instanceof PepayError) throw error;
    const timedOut = timeout.signal.aborted;
    throw new PepayError('network', timedOut ? 'The payment server did not answer in time.' : 'The payment server cannot be reached.', {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}

function send(options: HttpOptions, signal: AbortSignal): Promise<Response> {
  // A read the first paint sent ahead for this session (first-reads.ts): its answer, once.
  const ahead = options.method === 'GET' ? takeFirstRead(options.url, options.headers, options.fetch) : undefined;
  if (ahead) return untilAborted(ahead, signal);
  const init = requestInit(options.method, options.headers, signal);
  if (options.body !== undefined) {
    init.body = stringifyJson(options.body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  return options.fetch.call(globalThis, options.url, init);
}

/** `response`, unless `signal` aborts first (a timeout, or the caller): then its reason. */
function untilAborted(response: Promise<Response>, signal: AbortSignal): Promise<Response> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, {once: true});
    response.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function httpError(response: Response, body: unknown, requestId: string | undefined): PepayError {
  const {serverCode, message} = parseErrorBody(body);
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), response.headers.get('date'));
  return new PepayError(codeForStatus(response.status), message ?? `The payment server answered ${response.status}.`, {
    status: response.status,
    serverCode,
    requestId,
    retryAfterSeconds,
  });
}

/**
 * `Retry-After` in seconds: delta-seconds, or an HTTP date measured against the response's own
 * `Date` (RFC 9110 §10.2.3) — never against this device's clock, which may be hours off. A date
 * without a readable `Date` header (not exposed through CORS) is ignored: the caller's backoff applies.
 */
export function parseRetryAfter(value: string | null, serverDate: string | null = null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  const now = serverDate ? Date.parse(serverDate) : NaN;
  return Number.isNaN(at) || Number.isNaN(now) ? undefined : Math.max(0, (at - now) / 1000);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, {once: true});
  });
}
