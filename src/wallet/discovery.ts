/**
 * Browser wallets on this page: those announced through EIP-6963 (mipd's `requestProviders`
 * listens and asks), else the legacy injected `window.ethereum`. Announcements are untrusted: only
 * a provider with a `request` function, a name (plain text, at most 60 characters) and an icon
 * that is a `data:image/` URI (anything else: no icon) is offered.
 */
import {requestProviders} from 'mipd';
import type {Eip1193Provider} from './eip1193.js';
import {graphemes} from './graphemes.js';
import {plainText} from './plain-text.js';
import {MAX_NAME_LENGTH, MAX_NAME_UNITS} from './name-limits.js';

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

/** Calls `onChange` with the wallets known now and whenever one is announced; returns the stop function. */
export function watchWallets(onChange: (wallets: WalletChoice[]) => void): () => void {
  let announced: WalletChoice[] = [];
  // One button per provider, however many uuids it is announced under.
  const providers = new WeakSet<object>();
  const publish = () => onChange(announced.length ? announced : injected());
  const stop = requestProviders((detail: unknown) => {
    const found = fromAnnouncement(detail);
    if (!found) return;
    const [choice, provider] = found;
    // A page flooding announcements gets no more buttons than a payer could read.
    if (announced.length >= MAX_WALLETS || announced.some((known) => known.id === choice.id) || providers.has(provider)) return;
    providers.add(provider);
    announced = [...announced, choice];
    publish();
  });
  publish();
  return () => stop?.();
}

/** The wallet announced, with the provider object as announced; null for one not offered. */
function fromAnnouncement(detail: unknown): [WalletChoice, object] | null {
  try {
    return readAnnouncement(detail);
  } catch {
    // A getter that throws on a hostile announcement: no wallet, and nothing thrown into the page.
    return null;
  }
}

function readAnnouncement(detail: unknown): [WalletChoice, object] | null {
  // Each field is read once: a getter could answer the check with one value and the use with another.
  const d = detail as {info?: {uuid?: unknown; name?: unknown; icon?: unknown}; provider?: unknown} | null;
  const info = d?.info;
  const [uuid, announcedName, announcedIcon, announced] = [info?.uuid, info?.name, info?.icon, d?.provider];
  const provider = providerOf(announced);
  if (typeof uuid !== 'string' || !uuid || typeof announcedName !== 'string' || !provider) return null;
  const name = walletName(announcedName);
  if (!name) return null;
  const icon =
    typeof announcedIcon === 'string' && announcedIcon.startsWith('data:image/') && announcedIcon.length <= MAX_ICON_LENGTH
      ? announcedIcon
      : null;
  return [{id: uuid, name, icon, provider}, announced as object];
}

/**
 * A wallet's name as shown: its plain text (`plainText`: no bidi override, zero-width or blank
 * filler character to pose as another or show nothing); at most 60 characters as
 * seen (grapheme clusters) and 240 UTF-16 units (one character may join any number of emoji),
 * cut between characters with "…" (a first character too long keeps its first code point). Empty
 * when nothing visible is left.
 */
function walletName(announced: string): string {
  const plain = plainText(announced);
  const characters: string[] = [];
  let units = 0;
  for (const character of graphemes(plain)) {
    characters.push(character);
    units += character.length;
    if (characters.length > MAX_NAME_LENGTH || units > MAX_NAME_UNITS) {
      // Too long: whole characters go from the end until "…" fits within both limits.
      do units -= characters.pop()!.length;
      while (characters.length > MAX_NAME_LENGTH - 1 || units > MAX_NAME_UNITS - 1);
      // A first character too long on its own keeps its base: the wallet still gets its button.
      return `${characters.length > 0 ? characters.join('') : [...plain][0]}…`;
    }
  }
  return characters.join('');
}

/** A legacy injected `window.ethereum`, unless reading it throws (a hostile page). */
function injected(): WalletChoice[] {
  try {
    const provider = providerOf((globalThis as {ethereum?: unknown}).ethereum);
    return provider ? [{id: 'injected', name: '', icon: null, provider}] : [];
  } catch {
    return [];
  }
}

/** An EIP-1193 provider whose `request` is read once, here (a getter could swap it later), or null. */
function providerOf(value: unknown): Eip1193Provider | null {
  if (typeof value !== 'object' || value === null) return null;
  const request: unknown = (value as {request?: unknown}).request;
  if (typeof request !== 'function') return null;
  return {request: (args) => (request as Eip1193Provider['request']).call(value, args) as Promise<unknown>};
}
