/**
 * Keeps each invoice's `Remembered` place in the page's own localStorage (same origin only; shared
 * by its tabs), and its latest stream token in the tab's sessionStorage (`keepStream`), under
 * `pepay-checkout:v1:<invoice id>:<hash of the session token>`. The token itself is never stored;
 * it keys an HMAC-SHA-256 over what is stored (Web Crypto), so a script on another page of the same
 * site, which does not hold the session, cannot forge a place. What is read back is checked like a
 * response and ignored when it does not fit. Storage or Web Crypto that is missing or refused
 * (private modes, sandboxed frames, insecure origins) only means nothing is remembered.
 */
import {isDepositAddress} from '../api/schemas/deposit-address.js';
import {STREAM_PATH, TX_HASH, isEpochMs, tokenAmount, usdAmount} from '../api/schemas/primitives.js';
import type {Remembered} from '../checkout/remembered.js';
// What to keep of a state is worked out here, in this chunk: the first screen need not carry it.
export {rememberedOf} from '../checkout/remembered.js';
import {adoptShared, recallEnding, restore} from '../checkout/memory.js';
import type {Recollection, WalletTransaction} from '../checkout/types.js';
import {sessionKey} from '../realtime/session-key.js';
import {TAB_PROTOCOL, tabChannelName} from '../realtime/tab-channel.js';
import {stringifyJson} from '../api/json.js';
import {MAX_NAME_UNITS} from '../wallet/name-limits.js';
import {PLACE_PREFIX as PREFIX} from './kept-places.js';

/** A place older than this is not restored (no invoice stays open that long). */
const KEEP_MS = 7 * 24 * 3600_000;

/** The page's `localStorage` (places), or this tab's `sessionStorage` (streams); null where missing or refused. */
function storage(kind: 'localStorage' | 'sessionStorage' = 'localStorage'): Storage | null {
  try {
    return globalThis[kind] ?? null;
  } catch {
    // A sandboxed frame or a blocked origin throws on access.
    return null;
  }
}

/**
 * Tells the session's checkouts (other tabs, and this page's) that a place was kept under `key`,
 * as a running realtime link does (tab-sync.ts): each reads it back from storage and checks it.
 * For a checkout taken off the page (keep-place.ts): a wallet that answers after its modal closed
 * sent money, and a checkout of the session opened meanwhile must wait for it (a review).
 */
export function tellPlaceKept(session: string, key: string): void {
  if (typeof BroadcastChannel !== 'function') return;
  const channel = new BroadcastChannel(tabChannelName(session));
  // Delivered once posted: closing the sender does not take the message back (HTML, BroadcastChannel).
  channel.postMessage({kind: 'place', key, v: TAB_PROTOCOL, from: `stopped-${Math.random().toString(36).slice(2)}`});
  channel.close();
}

/** Where a session's place on an invoice is kept. */
export function placeKey(invoiceId: string, sessionToken: string): string {
  return `${PREFIX}${invoiceId}:${sessionKey(sessionToken)}`;
}

/**
 * The stream token of the latest quote, kept for a reload of the same tab: a wait the reload
 * restores then hears its payment live (confirmed, or failed: polling never says a payment failed,
 * and the payer would be told to wait for money that will not come). In the tab's own
 * `sessionStorage` (gone with the tab, never read by other tabs or later visits, unlike the place),
 * under the place's key. Read back, it is checked like a response; one that expired meanwhile is
 * refused by the server, and the checkout polls as before.
 */
export interface KeptStream {
  wsToken: string;
  wsPath: string;
}

/** A token a URL query carries as it came: printable ASCII, no spaces, of a plausible length. */
const STREAM_TOKEN = /^[\x21-\x7e]{1,4096}$/;

/** Keeps the stream a quote brought (the latest wins); full or refused storage keeps nothing. */
export function keepStream(key: string, stream: KeptStream): void {
  try {
    storage('sessionStorage')?.setItem(key, stringifyJson(stream));
  } catch {
    // A reload polls until its next quote.
  }
}

/** The stream this tab kept under `key`, or null (none, unreadable, or not a token and a stream path). */
export function keptStream(key: string): KeptStream | null {
  try {
    const {wsToken, wsPath} = (JSON.parse(storage('sessionStorage')?.getItem(key) ?? 'null') ?? {}) as Partial<KeptStream>;
    const valid = typeof wsToken === 'string' && STREAM_TOKEN.test(wsToken) && typeof wsPath === 'string' && STREAM_PATH.test(wsPath);
    return valid ? {wsToken, wsPath} : null;
  } catch {
    return null;
  }
}

/** HMAC-SHA-256 of `text` keyed by the session token, as hex; null without Web Crypto. */
async function mac(sessionToken: string, text: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const encode = (value: string) => new TextEncoder().encode(value);
  const key = await subtle.importKey('raw', encode(sessionToken), {name: 'HMAC', hash: 'SHA-256'}, false, ['sign']);
  const signature = new Uint8Array(await subtle.sign('HMAC', key, encode(text)));
  return [...signature].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The place kept under `key`, read back as `readPlace` does, with what restores it (memory.ts, in this chunk). */
export async function recollect(key: string, sessionToken: string): Promise<Recollection | null> {
  const place = await readPlace(key, sessionToken);
  return place && {place, memory: {restore, recallEnding, adoptShared}};
}

/** The place kept for this session, when its HMAC holds and it is recent and well-formed. */
async function readPlace(key: string, sessionToken: string): Promise<Remembered | null> {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return null;
    const stored = JSON.parse(raw) as {text?: unknown; mac?: unknown};
    if (typeof stored.text !== 'string' || typeof stored.mac !== 'string') return null;
    if ((await mac(sessionToken, stored.text)) !== stored.mac) return null;
    const {savedAt, place} = JSON.parse(stored.text) as {savedAt?: unknown; place?: unknown};
    if (typeof savedAt !== 'number' || Date.now() - savedAt > KEEP_MS) return null;
    return isPlace(place) ? withShownFigures(onThisClock(place, savedAt)) : null;
  } catch {
    return null;
  }
}

/** The last write asked for, per key: two checkouts on one page do not drop each other's places. */
const writes = new Map<string, number>();
let written = 0;

/** Removes places too old to be restored (an ended invoice's stays until then); a site keeps a handful. */
function sweep(store: Storage): void {
  for (const key of Object.keys(store)) {
    if (!key.startsWith(PREFIX)) continue;
    try {
      const {savedAt} = JSON.parse((JSON.parse(store.getItem(key) ?? '') as {text: string}).text) as {savedAt?: unknown};
      if (typeof savedAt === 'number' && Date.now() - savedAt <= KEEP_MS) continue;
    } catch {
      // Unreadable: removed as well.
    }
    store.removeItem(key);
  }
}

/**
 * Stores a place (signed, so asynchronously); a later write always wins over an earlier one.
 * Resolves true once this one is stored.
 */
export function writePlace(key: string, sessionToken: string, place: Remembered): Promise<boolean> {
  const text = stringifyJson({savedAt: Date.now(), place});
  const write = ++written;
  writes.set(key, write);
  return mac(sessionToken, text)
    .then((signature) => {
      const store = storage();
      if (!signature || write !== writes.get(key) || !store) return false;
      sweep(store);
      store.setItem(key, stringifyJson({text, mac: signature}));
      return true;
    })
    .catch(() => {
      // Full or refused storage, or no Web Crypto: nothing is remembered, the checkout goes on.
      return false;
    });
}

/**
 * A place kept "later" than now was kept before this device's clock went back: its quote keeps at
 * most the time it had left then (how long ago that was cannot be known). A clock gone forward only
 * ends it sooner, and the price is made again.
 */
function onThisClock(place: Remembered, savedAt: number): Remembered {
  const behind = savedAt - Date.now();
  return behind > 0 && place.quoteExpiresAt !== null ? {...place, quoteExpiresAt: place.quoteExpiresAt - behind} : place;
}

function isWalletTx(tx: WalletTransaction): boolean {
  return (
    typeof tx === 'object' &&
    typeof tx.wallet === 'string' &&
    tx.wallet.length <= MAX_NAME_UNITS &&
    Number.isSafeInteger(tx.chainId) &&
    tx.chainId > 0 &&
    typeof tx.txHash === 'string' &&
    /^0x[0-9a-fA-F]{64}$/.test(tx.txHash)
  );
}

/**
 * A payment seen and waited for: its id as the server gave it (or none: only the wallet reported
 * it, or a verification job found it, `found`) and its hash. A wait with neither id nor hash is a
 * job's find, or nothing to wait for.
 */
function isDetected(d: NonNullable<Remembered['detected']>): boolean {
  return (
    typeof d === 'object' &&
    (d.paymentId === null || isPaymentId(d.paymentId)) &&
    (d.txHash === null || (typeof d.txHash === 'string' && TX_HASH.test(d.txHash))) &&
    (d.found === undefined || d.found === true) &&
    (d.paymentId !== null || d.txHash !== null || d.found === true)
  );
}

const isNumberOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));

const isPaymentId = (id: unknown) => typeof id === 'string' && id.length > 0 && id.length <= 128;

/** USD by payment id, as the news gave them (at most 50: an invoice is paid in a handful). */
function isPayments(payments: unknown): payments is Record<string, number> {
  if (typeof payments !== 'object' || payments === null || Array.isArray(payments)) return false;
  const entries = Object.entries(payments);
  return entries.length <= 50 && entries.every(([id, usd]) => isPaymentId(id) && usdAmount.safeParse(usd).success);
}

/**
 * The last screen's figures are only shown: one that cannot be read is dropped on its own (no
 * time, no payments: a sum of some of them would be false), and the place is kept.
 */
function withShownFigures(place: Remembered): Remembered {
  return {
    ...place,
    paidAt: isEpochMs(place.paidAt) ? place.paidAt : null,
    payments: isPayments(place.payments) ? place.payments : {},
    pendingPayments: isPayments(place.pendingPayments) ? place.pendingPayments : {},
  };
}

function isPlace(value: unknown): value is Remembered {
  const p = value as Partial<Remembered> | null;
  if (typeof p !== 'object' || p === null) return false;
  if (typeof p.questionsAnswered !== 'boolean' || typeof p.emailDone !== 'boolean') return false;
  if (!isNumberOrNull(p.quotedRemainingUsd) || !isNumberOrNull(p.quoteExpiresAt)) return false;
  if (p.walletTx != null && !isWalletTx(p.walletTx)) return false;
  if (p.detected != null && !isDetected(p.detected)) return false;
  if (p.invoiceStatus != null && !(typeof p.invoiceStatus === 'string' && p.invoiceStatus.length <= 20)) return false;
  if (p.dueUsd !== undefined && !isNumberOrNull(p.dueUsd)) return false;
  const a = p.address;
  if (a === null) return true;
  return (
    typeof a === 'object' &&
    a !== undefined &&
    Object.keys(a).length === 6 &&
    typeof a.network === 'string' &&
    typeof a.address === 'string' &&
    isDepositAddress(a.network, a.address) &&
    Number.isInteger(a.tokenId) &&
    (a.tokenAmount === null || tokenAmount.safeParse(a.tokenAmount).success) &&
    (a.usdAmount === null || usdAmount.safeParse(a.usdAmount).success) &&
    // Checked as the API's answer was (address.ts): a rate is a plain decimal, or none.
    (a.exchangeRate === null || tokenAmount.safeParse(a.exchangeRate).success)
  );
}
