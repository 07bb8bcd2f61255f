/**
 * Browser wallets on this page: those announced through EIP-6963 (mipd's `requestProviders`
 * listens and asks), else the legacy injected `window.ethereum`. Announcements are untrusted: only
 * a provider with a `request` function, a name (plain text, at most 60 characters) and an icon
 * that is a `data:image/` URI (anything else: no icon) is offered.
 */
import {requestProviders} from 'mipd';
import type {Eip1193Provider} from './eip1193.js';

export interface WalletChoice {
  /** The announcement's `uuid`, or `injected` for `window.ethereum`. */
  id: string;
  /** The announced name; empty for `window.ethereum` (the view says "browser wallet"). */
  name: string;
  /** A `data:image/` URI, or null. */
  icon: string | null;
  provider: Eip1193Provider;
}

const MAX_ICON_LENGTH = 200_000;
const MAX_WALLETS = 8;
const MAX_NAME_LENGTH = 60;

/** Calls `onChange` with the wallets known now and whenever one is announced; returns the stop function. */
export function watchWallets(onChange: (wallets: WalletChoice[]) => void): () => void {
  let announced: WalletChoice[] = [];
  const publish = () => onChange(announced.length ? announced : injected());
  const stop = requestProviders((detail: unknown) => {
    const choice = fromAnnouncement(detail);
    // A page flooding announcements gets no more buttons than a payer could read.
    if (!choice || announced.length >= MAX_WALLETS || announced.some((known) => known.id === choice.id)) return;
    announced = [...announced, choice];
    publish();
  });
  publish();
  return () => stop?.();
}

function fromAnnouncement(detail: unknown): WalletChoice | null {
  try {
    return readAnnouncement(detail);
  } catch {
    // A getter that throws on a hostile announcement: no wallet, and nothing thrown into the page.
    return null;
  }
}

function readAnnouncement(detail: unknown): WalletChoice | null {
  const d = detail as {info?: {uuid?: unknown; name?: unknown; icon?: unknown}; provider?: unknown} | null;
  const info = d?.info;
  if (!info || typeof info.uuid !== 'string' || !info.uuid || typeof info.name !== 'string' || !isProvider(d.provider)) return null;
  // Control and bidi characters would let a name pose as another: they are dropped.
  const plain = info.name.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  const name = plain.length > MAX_NAME_LENGTH ? `${plain.slice(0, MAX_NAME_LENGTH - 1)}…` : plain;
  if (!name) return null;
  const icon =
    typeof info.icon === 'string' && info.icon.startsWith('data:image/') && info.icon.length <= MAX_ICON_LENGTH ? info.icon : null;
  return {id: info.uuid, name, icon, provider: d.provider};
}

function injected(): WalletChoice[] {
  const ethereum = (globalThis as {ethereum?: unknown}).ethereum;
  return isProvider(ethereum) ? [{id: 'injected', name: '', icon: null, provider: ethereum}] : [];
}

function isProvider(value: unknown): value is Eip1193Provider {
  return typeof value === 'object' && value !== null && typeof (value as {request?: unknown}).request === 'function';
}
