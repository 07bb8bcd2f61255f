import {PepayError} from '../api/errors.js';

/**
 * The stream's origin (widget contract: `ws-base`, default `api-base` with http -> ws,
 * https -> wss). `apiBase` is the client's already validated origin.
 * Throws PepayError `bad-request` when the result is not a `ws:`/`wss:` URL.
 */
export function resolveWsBase(wsBase: string, apiBase: string): string {
  const candidate = wsBase || apiBase.replace(/^http/, 'ws');
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new PepayError('bad-request', `The WebSocket base "${candidate}" is not a URL.`);
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new PepayError('bad-request', `The WebSocket base "${candidate}" must be a ws(s) URL.`);
  }
  return url.href;
}
