/**
 * The session description, declared once: the fields every Pepay element takes (the inline
 * checkout, the dialog, the button) and `PepayCheckout.open()` accepts (README, "`<pepay-checkout>`").
 */
import {DEFAULT_API_BASE} from './api/default-base.js';

export type Theme = 'light' | 'dark' | 'auto';
/** What the QR holds: `request`, the payment request URI where the network has one; `address`, the bare address; empty: `request`, and the payer may switch. */
export type QrContent = '' | 'request' | 'address';

export interface SessionOptions {
  /** Sent as `x-session-token` on every payor request. */
  sessionToken: string;
  /** Sent as `x-signature` on every payor request. */
  signature: string;
  /** Alternative to the pair: its `session` and `signature` query parameters are used. */
  paymentUrl: string;
  /** API origin (`https://api-beta.pepay.io` by default). */
  apiBase: string;
  /** WebSocket origin; empty: `apiBase` with http -> ws, https -> wss. */
  wsBase: string;
  /** BCP 47 tag; empty: the nearest `lang`, then the browser's languages. */
  locale: string;
  /** `light`, `dark` or `auto` (follows `prefers-color-scheme`). */
  theme: Theme;
  /** Fixes what the QR holds (see `QrContent`); empty lets the payer switch. */
  qrContent: QrContent;
  /** EVM chain id per network (`{base: 8453}`), replacing the built-in table for payment requests and wallets. */
  chainIds: Readonly<Record<string, number>>;
}

/** Every field with its default: the type makes a missing or extra field a compile error. */
export const SESSION_DEFAULTS: Readonly<SessionOptions> = {
  sessionToken: '',
  signature: '',
  paymentUrl: '',
  apiBase: DEFAULT_API_BASE,
  wsBase: '',
  locale: '',
  theme: 'auto',
  qrContent: '',
  chainIds: {},
};

export const SESSION_FIELDS = Object.keys(SESSION_DEFAULTS) as (keyof SessionOptions)[];

/** The fields that name the server and the session: a change to any of them starts over. */
export const CONNECTION_FIELDS = [
  'sessionToken',
  'signature',
  'paymentUrl',
  'apiBase',
  'wsBase',
] as const satisfies (keyof SessionOptions)[];

/** The session fields of `source` that are set (not `undefined`), and nothing else. */
export function pickSession(source: Partial<SessionOptions>): Partial<SessionOptions> {
  return Object.fromEntries(SESSION_FIELDS.filter((field) => source[field] !== undefined).map((field) => [field, source[field]]));
}
