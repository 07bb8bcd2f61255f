import {parseBaseUrl} from '../api/base-url.js';

/**
 * The stream's origin (README: `ws-base`, default `api-base` with http -> ws,
 * https -> wss). `apiBase` is the client's already validated origin.
 * Throws PepayError `bad-request` when the result is not a `ws:`/`wss:` URL.
 */
export function resolveWsBase(wsBase: string, apiBase: string): string {
  return parseBaseUrl(wsBase || apiBase.replace(/^http/, 'ws'), ['wss:', 'ws:'], 'WebSocket base').href;
}
