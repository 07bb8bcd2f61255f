/** Fault injection, switchable per invoice (session) from the simulator API. */
import * as z from 'zod/mini';

const httpFault = z.object({
  /** `status` answers `status` (400–599) with an error body; `redirect` answers 307 to `location`. */
  kind: z.enum(['rate-limit', 'server-error', 'status', 'redirect', 'malformed', 'drift']),
  /** Only requests whose path contains this; all payor requests when absent. */
  path: z.optional(z.string()),
  count: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(1000)), 1),
  retryAfter: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(86_400))),
  /** Rate limit: `Retry-After` as an HTTP date this many seconds ahead, with a `Date` header. */
  retryAfterDate: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(3600))),
  /** Shifts the `Date` and `Retry-After` dates: a server clock this many seconds ahead. */
  clockSkewSeconds: z.optional(z.number().check(z.int(), z.minimum(-86_400), z.maximum(86_400))),
  /** Rate limit: `Retry-After` sent but not exposed to the page through CORS. */
  hideRetryAfter: z.optional(z.boolean()),
  status: z.optional(z.number().check(z.int(), z.minimum(400), z.maximum(599))),
  location: z.optional(z.string().check(z.maxLength(500))),
});

export const faultPatchSchema = z.object({
  latencyMs: z.optional(z.number().check(z.minimum(0), z.maximum(30_000))),
  /** Appended to the queue; `clearHttp` empties it first. */
  http: z.optional(z.array(httpFault)),
  clearHttp: z.optional(z.boolean()),
  ws: z.optional(
    z.object({
      refuse: z.optional(z.boolean()),
      /** Accepts the upgrade, then closes with 1011 100 ms later (or `flapAfterMs` later). */
      flap: z.optional(z.boolean()),
      flapAfterMs: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(60_000))),
      /** Holds the upgrade unanswered until lifted, then answers it (Node adapter). */
      stall: z.optional(z.boolean()),
      silent: z.optional(z.boolean()),
      duplicate: z.optional(z.boolean()),
      outOfOrder: z.optional(z.boolean()),
    }),
  ),
  variants: z.optional(
    z.object({
      timestamps: z.optional(z.enum(['epoch', 'iso'])),
      wrapped: z.optional(z.boolean()),
      /** Quotes made from now on hold this long (seconds) instead of 5 minutes. */
      quoteTtlSeconds: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(3600))),
      /** Open invoices expire this long (seconds) after their time is up: a server whose expiry job lags ("0 s left", still open). */
      expiryLagSeconds: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(3600))),
      /** Allocations answer with this `estimated_token_amount` (say, more digits than the token has). */
      tokenAmount: z.optional(z.string().check(z.regex(/^\d{1,30}(\.\d{1,40})?$/))),
    }),
  ),
});

export type HttpFault = z.output<typeof httpFault>;
export type FaultPatch = z.output<typeof faultPatchSchema>;

export interface FaultSettings {
  latencyMs: number;
  http: HttpFault[];
  ws: {refuse: boolean; flap: boolean; flapAfterMs: number; stall: boolean; silent: boolean; duplicate: boolean; outOfOrder: boolean};
  variants: {timestamps: 'epoch' | 'iso'; wrapped: boolean; tokenAmount?: string; quoteTtlSeconds?: number; expiryLagSeconds?: number};
}

export function noFaults(): FaultSettings {
  return {
    latencyMs: 0,
    http: [],
    ws: {refuse: false, flap: false, flapAfterMs: 100, stall: false, silent: false, duplicate: false, outOfOrder: false},
    variants: {timestamps: 'epoch', wrapped: false},
  };
}

export function applyFaultPatch(current: FaultSettings, patch: FaultPatch): FaultSettings {
  return {
    latencyMs: patch.latencyMs ?? current.latencyMs,
    http: [...(patch.clearHttp ? [] : current.http), ...(patch.http ?? [])],
    ws: {...current.ws, ...stripUndefined(patch.ws ?? {})},
    variants: {...current.variants, ...stripUndefined(patch.variants ?? {})},
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Takes one use of the first queued fault that matches this path. */
export function takeHttpFault(settings: FaultSettings, path: string): HttpFault | null {
  const index = settings.http.findIndex((f) => !f.path || path.includes(f.path));
  if (index < 0) return null;
  const fault = settings.http[index]!;
  if (fault.count <= 1) settings.http.splice(index, 1);
  else settings.http[index] = {...fault, count: fault.count - 1};
  return fault;
}
