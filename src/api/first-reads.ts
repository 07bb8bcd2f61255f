/**
 * The first screen's four reads, sent ahead while the first screen (the client, and the zod
 * schemas that check every answer) is still on its way, so the answers arrive with it, not one
 * round trip after it (issue 11): by the classic loader for each checkout in the page's markup
 * (src/cdn/read-ahead.ts), and by the script-tag build's first paint for each checkout with a
 * session as it is put on the page. Only the sending is here; the client takes each response
 * once, for the same URL, session and `fetch`, and reads, checks and retries it like every other
 * answer (http.ts).
 * Nothing is sent for a session the client would refuse (credentials.ts), nor where the first
 * screen is bundled.
 */
import {apiOrigin} from './base-url.js';
import {resolveCredentials, type CredentialInput, type SessionCredentials} from './credentials.js';
import {DEFAULT_API_BASE} from './default-base.js';

/** The payor reads a checkout makes to show its first screen (payor-api.md §2). */
export const FIRST_READ_PATHS = {
  sessionDetails: '/api/v1/payments/session-details',
  availableTokens: '/api/v1/payments/available-tokens',
  invoiceQuestions: '/api/v1/payments/invoice-questions',
  customerEmail: '/api/v1/payments/customer-email',
} as const;

/** The headers of every payor request: the session pair, which is all a browser may hold. */
export function sessionHeaders(credentials: SessionCredentials): Record<string, string> {
  return {accept: 'application/json', 'x-session-token': credentials.sessionToken, 'x-signature': credentials.signature};
}

/**
 * How every payor request is sent. no-store: a cached 410 or status must never stand in for the
 * server's answer now. redirect: 'error': a redirect would carry the session headers to wherever
 * the server points. No cookies: the session is in the headers.
 */
export function requestInit(method: 'GET' | 'POST', headers: Record<string, string>, signal?: AbortSignal): RequestInit {
  return {method, headers: {...headers}, signal: signal ?? null, credentials: 'omit', cache: 'no-store', redirect: 'error'};
}

/**
 * How long a read sent ahead may wait to be taken: a checkout starts within a frame of its first
 * screen's arrival, and an older answer would put its countdown behind the server's clock.
 */
const TAKEN_WITHIN_MS = 5000;

type SentAhead = Map<string, {fetch: typeof fetch; response: Promise<Response>; at: number}>;

/**
 * Responses sent ahead, by URL and session, each with the `fetch` that sent it and when. One map
 * for the page: the classic loader is a bundle of its own, and sends before the first paint is
 * here. A page's script could put a response of its own in it, as it could wrap `fetch`; either
 * way the client checks what it reads. Versioned: a change to its shape needs another name.
 */
const SENT_AHEAD = Symbol.for('pepay-checkout.first-reads.v1');
const sent: SentAhead = ((globalThis as {[SENT_AHEAD]?: SentAhead})[SENT_AHEAD] ??= new Map());

/** Drops what was sent ahead and not taken in time: a session changed meanwhile, or a checkout taken off the page. */
function dropStale(): void {
  const now = performance.now();
  for (const [key, ahead] of sent) if (now - ahead.at > TAKEN_WITHIN_MS) sent.delete(key);
}

const keyOf = (url: string, headers: Record<string, string>) => [url, headers['x-session-token'], headers['x-signature']].join('\n');

/**
 * Sends the first screen's reads for `config` (its `apiBase` empty or missing: the default), once
 * per URL and session while they wait to be taken (at most 5 s). Sends nothing when the client
 * would refuse the session or the base: the checkout says why once it starts. Never throws.
 */
export function sendFirstReads(config: CredentialInput & {apiBase?: string | undefined}): void {
  let url: string;
  let headers: Record<string, string>;
  try {
    url = apiOrigin(config.apiBase || DEFAULT_API_BASE);
    headers = sessionHeaders(resolveCredentials(config));
  } catch {
    return;
  }
  dropStale();
  const fetchImpl = globalThis.fetch;
  for (const path of Object.values(FIRST_READ_PATHS)) {
    const key = keyOf(url + path, headers);
    if (sent.has(key)) continue;
    // A page whose fetch throws at once: the client meets the same error, and says it.
    const response = Promise.resolve().then(() => fetchImpl.call(globalThis, url + path, requestInit('GET', headers)));
    response.catch(() => undefined);
    sent.set(key, {fetch: fetchImpl, response, at: performance.now()});
  }
}

/** The response sent ahead for this GET, once; undefined when none was (or another `fetch` would send it). */
export function takeFirstRead(url: string, headers: Record<string, string>, fetchImpl: typeof fetch): Promise<Response> | undefined {
  dropStale();
  const key = keyOf(url, headers);
  const ahead = sent.get(key);
  if (!ahead || ahead.fetch !== fetchImpl) return undefined;
  sent.delete(key);
  return ahead.response;
}

/** Drops everything sent ahead: the first screen could not be fetched, and "Try again" asks anew. */
export function forgetFirstReads(): void {
  sent.clear();
}
