/** Every error code the widget reports; the list is part of the public contract. */
export const ERROR_CODES = [
  'insecure-credentials',
  'missing-credentials',
  'invalid-session',
  'session-not-found',
  'gone',
  'bad-request',
  'rate-limited',
  'server',
  'network',
  'invalid-response',
  'quote-unavailable',
] as const;

export type PepayErrorCode = (typeof ERROR_CODES)[number];

/** Codes for which trying the same thing again can succeed. */
const RETRYABLE: ReadonlySet<PepayErrorCode> = new Set(['rate-limited', 'server', 'network', 'invalid-response', 'quote-unavailable']);

export interface PepayErrorInit {
  /** HTTP status, when the error came from a response. */
  status?: number;
  /** The server's own machine code (`VALIDATION_ERROR`, `RATE_LIMIT_EXCEEDED`, ...). */
  serverCode?: string;
  /** From the `x-request-id` / `request-id` response header, for support. */
  requestId?: string;
  /** Seconds the server asked us to wait (`Retry-After`). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** The one error type the client throws (aborts aside). Its `message` is the server's or ours. */
export class PepayError extends Error {
  readonly code: PepayErrorCode;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly serverCode: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: PepayErrorCode, message: string, init: PepayErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : {cause: init.cause});
    this.name = 'PepayError';
    this.code = code;
    this.retryable = RETRYABLE.has(code);
    this.status = init.status;
    this.serverCode = init.serverCode;
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** Maps an HTTP error status to the contract's code. */
export function codeForStatus(status: number): PepayErrorCode {
  if (status === 401 || status === 403) return 'invalid-session';
  if (status === 404) return 'session-not-found';
  if (status === 410) return 'gone';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'bad-request';
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
