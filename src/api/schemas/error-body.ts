import * as z from 'zod/mini';

/**
 * The three error envelopes of payor-api.md §6:
 *  `{success:false, error:{code, message}}`, legacy `{error, code}`,
 *  and rate limit `{success:false, message, error_code, retry_after}`.
 */
const errorBody = z.object({
  error: z.optional(z.union([z.string(), z.object({code: z.nullish(z.string()), message: z.nullish(z.string())})])),
  code: z.nullish(z.string()),
  error_code: z.nullish(z.string()),
  message: z.nullish(z.string()),
});

export interface ServerError {
  serverCode: string | undefined;
  message: string | undefined;
}

export function parseErrorBody(body: unknown): ServerError {
  const parsed = errorBody.safeParse(body);
  if (!parsed.success) return {serverCode: undefined, message: undefined};
  const {error, code, error_code, message} = parsed.data;
  const nested = typeof error === 'object' ? error : undefined;
  return {
    serverCode: nested?.code ?? code ?? error_code ?? undefined,
    message: nested?.message ?? message ?? (typeof error === 'string' ? error : undefined) ?? undefined,
  };
}
