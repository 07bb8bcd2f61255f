/**
 * The stream token of a checkout's latest quote, kept for a reload of the same tab: a wait the
 * reload restores then hears its payment live (confirmed, or failed: polling never says a payment
 * failed, and the payer would be told to wait for money that will not come). In the tab's own
 * `sessionStorage` (gone with the tab, never shared with other tabs or later visits, unlike the
 * place in `localStorage`) under `pepay-checkout:v1:stream:<invoice id>:<hash of the session>`.
 * A token read back is checked like a response; one that expired meanwhile is refused by the
 * server, and the checkout polls as before. Storage that is missing or refused keeps nothing.
 */
import {STREAM_PATH} from '../api/schemas/primitives.js';
import {stringifyJson} from '../api/json.js';
import {sessionKey} from '../realtime/session-key.js';

/** A stream as the payor stream is opened: its token and its path on the stream's origin. */
export interface KeptStream {
  wsToken: string;
  wsPath: string;
}

/** A token a URL query carries as it came: printable ASCII, no spaces, of a plausible length. */
const TOKEN = /^[\x21-\x7e]{1,4096}$/;

const keyOf = (invoiceId: string, sessionToken: string) => `pepay-checkout:v1:stream:${invoiceId}:${sessionKey(sessionToken)}`;

function tabStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    // A sandboxed frame or a blocked origin throws on access.
    return null;
  }
}

/** Keeps the stream a quote brought (the latest wins). */
export function keepStream(invoiceId: string, sessionToken: string, stream: KeptStream): void {
  try {
    tabStorage()?.setItem(keyOf(invoiceId, sessionToken), stringifyJson(stream));
  } catch {
    // Full or refused: a reload polls until its next quote.
  }
}

/** The stream kept in this tab for this session's invoice, or null (none, unreadable, or not a token and a path). */
export function keptStream(invoiceId: string, sessionToken: string): KeptStream | null {
  try {
    const kept = JSON.parse(tabStorage()?.getItem(keyOf(invoiceId, sessionToken)) ?? 'null') as Partial<KeptStream> | null;
    const {wsToken, wsPath} = kept ?? {};
    return typeof wsToken === 'string' && TOKEN.test(wsToken) && typeof wsPath === 'string' && STREAM_PATH.test(wsPath)
      ? {wsToken, wsPath}
      : null;
  } catch {
    return null;
  }
}
