/** Small HTTP helpers for the engine's handlers: replies, errors in Pepay's envelopes, bodies. */
import * as z from 'zod/mini';

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Timestamp fields the ISO/epoch variant switch may rewrite. */
  timestamps?: string[];
  /** The `{status: "ok", data}` / `{success: true, data}` wrapper the variant switch may add. */
  wrappable?: boolean;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function ok(body: unknown, extra: Omit<Reply, 'status' | 'body'> = {}): Reply {
  return {status: 200, body, ...extra};
}

/** The `{success: false, error: {code, message}}` envelope (payor-api.md §6). */
export function errorBody(error: HttpError): unknown {
  return {success: false, error: {code: error.code, message: error.message}};
}

export function parseBody<T>(text: string, schema: z.ZodMiniType<T>): T {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new HttpError(400, 'VALIDATION_ERROR', 'Request body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(
      400,
      'VALIDATION_ERROR',
      `Invalid request data${issue ? `: ${issue.path.join('.') || 'body'} ${issue.message}` : ''}`,
    );
  }
  return parsed.data;
}

export const iso = (ms: number) => new Date(ms).toISOString();
export const seconds = (ms: number) => Math.floor(ms / 1000);
