/**
 * Keeps each invoice's `Remembered` place in the page's own localStorage (same origin only; shared
 * by its tabs), under `pepay-checkout:v1:<invoice id>:<hash of the session token>` (the payer's
 * session on that invoice; the token itself is never stored). What is read back is input like any other:
 * checked before use, and ignored when it does not fit. Storage that is missing, full or refused
 * (private modes, sandboxed frames) only means nothing is remembered.
 */
import {isDepositAddress} from '../api/schemas/deposit-address.js';
import {tokenAmount, usdAmount} from '../api/schemas/primitives.js';
import type {Remembered} from '../checkout/memory.js';
import {sessionKey} from '../realtime/tab-sync.js';

const PREFIX = 'pepay-checkout:v1:';
/** A place older than this is not restored (no invoice stays open that long). */
const KEEP_MS = 7 * 24 * 3600_000;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // A sandboxed frame or a blocked origin throws on access.
    return null;
  }
}

/** Where a session's place on an invoice is kept. */
export function placeKey(invoiceId: string, sessionToken: string): string {
  return `${PREFIX}${invoiceId}:${sessionKey(sessionToken)}`;
}

export function readPlace(key: string): Remembered | null {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return null;
    const stored = JSON.parse(raw) as {savedAt?: unknown; place?: unknown};
    if (typeof stored.savedAt !== 'number' || Date.now() - stored.savedAt > KEEP_MS) return null;
    return isPlace(stored.place) ? stored.place : null;
  } catch {
    return null;
  }
}

export function writePlace(key: string, place: Remembered): void {
  try {
    storage()?.setItem(key, JSON.stringify({savedAt: Date.now(), place}));
  } catch {
    // Full or refused: nothing is remembered, the checkout goes on.
  }
}

export function forgetPlace(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // As above.
  }
}

const isNumberOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));

function isPlace(value: unknown): value is Remembered {
  const p = value as Partial<Remembered> | null;
  if (typeof p !== 'object' || p === null) return false;
  if (typeof p.questionsAnswered !== 'boolean' || typeof p.emailDone !== 'boolean') return false;
  if (!isNumberOrNull(p.quotedRemainingUsd) || !isNumberOrNull(p.quoteExpiresAt)) return false;
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
    (a.exchangeRate === null || typeof a.exchangeRate === 'string')
  );
}
