import {PepayError} from './errors.js';

/**
 * A configured origin (`api-base`, `ws-base`) as a URL with one of `schemes` (e.g. `['http:',
 * 'https:']`), and perhaps a path. Throws PepayError `bad-request` naming `what` when it is not a
 * URL, has another scheme, or carries a query, a fragment or credentials: those would go with
 * every request (a key pasted into one, say).
 */
export function parseBaseUrl(value: string, schemes: readonly string[], what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PepayError('bad-request', `The ${what} "${value}" is not a URL.`);
  }
  if (!schemes.includes(url.protocol)) {
    throw new PepayError('bad-request', `The ${what} "${value}" must be a ${schemes.map((s) => s.slice(0, -1)).join(' or ')} URL.`);
  }
  // `href`, not `search` and `hash`: an empty `?` or `#` is kept in it, and would swallow the path.
  if (/[?#]/.test(url.href) || url.username || url.password) {
    throw new PepayError('bad-request', `The ${what} must be an origin and path only, without a query, fragment or credentials.`);
  }
  return url;
}

/**
 * The Payor API's origin as the client joins paths to it: an http(s) URL (see `parseBaseUrl`)
 * without its trailing slash, nor the API's own `/api/v1`, which every path starts with (a base
 * copied with it is the same origin). Throws PepayError `bad-request`.
 */
export function apiOrigin(base: string): string {
  return parseBaseUrl(base, ['https:', 'http:'], 'API base')
    .href.replace(/\/+$/, '')
    .replace(/\/api\/v1$/, '');
}
