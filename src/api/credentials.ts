import {PepayError} from './errors.js';

export interface SessionCredentials {
  sessionToken: string;
  signature: string;
}

export interface CredentialInput {
  sessionToken?: string | null | undefined;
  signature?: string | null | undefined;
  paymentUrl?: string | null | undefined;
}

/**
 * Merchant (`pk_`), secret (`sk_`) and commerce (`ck_`) keys must never reach a browser, bare or
 * wrapped: a key prefix at the start or after any separator (`Bearer sk_…`, `key=pk_…`,
 * `(sk_…)`; `_` and `-` are token characters, not separators), or a `_live_` / `_test_` key after
 * any non-alphanumeric character, in any letter case (`SK_LIVE_…` is a key retyped, not a
 * session). The bare prefix is matched in lowercase only, as Pepay prints it: an opaque session
 * may hold `Ck_` by chance. Checked as given, percent-decoded (as often as it was encoded, a
 * stray `%` or not), and inside `Basic` base64.
 */
const MERCHANT_KEY = /(?:^|[^A-Za-z0-9_-])(?:pk|sk|ck)_/;
const LIVE_OR_TEST_KEY = /(?:^|[^A-Za-z0-9])(?:pk|sk|ck)_(?:live|test)_/i;

/** Header-safe visible ASCII: anything else (a space, a newline, a zero-width or look-alike letter) is no session. */
const TOKEN_CHARACTERS = /^[\x21-\x7e]+$/;

/**
 * Read as given, percent-decoded as often as it was encoded (`Bearer%2520sk_live_…` is
 * `Bearer sk_live_…` encoded twice, and was sent: a hostile-input probe), and inside `Basic`. Each
 * `%XX` is decoded on its own, so a stray `%` stops nothing; each round shortens the value, so
 * the rounds end.
 */
function looksLikeMerchantKey(value: string): boolean {
  const decoded = [value];
  for (let last = value, next = unescapeBytes(value); next !== last; last = next, next = unescapeBytes(next)) decoded.push(next);
  const insideBasic = decoded
    .map((reading) => /^Basic[\s+]+([A-Za-z0-9+/=]+)$/i.exec(reading)?.[1])
    .map((basic) => basic && attempt(() => atob(basic)));
  return [...decoded, ...insideBasic].some((reading) => reading && (MERCHANT_KEY.test(reading) || LIVE_OR_TEST_KEY.test(reading)));
}

/** Each `%XX` as the byte it stands for (enough to see an ASCII key); the rest as it is. */
const unescapeBytes = (value: string) => value.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function attempt(read: () => string): string | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/**
 * Takes the payor session from the explicit pair or, when it is not complete, wholly from
 * `payment_url`'s `session` and `signature` query parameters. Tokens are opaque (payor-api.md
 * §1.1): no prefix is required, but a merchant key anywhere in the input is refused before anything
 * is sent. Throws PepayError `insecure-credentials`, `missing-credentials` or `invalid-session`.
 */
export function resolveCredentials(input: CredentialInput): SessionCredentials {
  const given: [string, string] = [input.sessionToken?.trim() ?? '', input.signature?.trim() ?? ''];
  const params = paymentUrlParams(input.paymentUrl ?? '');
  const inUrl: [string, string] = [params.get('session')?.trim() ?? '', params.get('signature')?.trim() ?? ''];
  // One pair, from one place: a token and a signature of two sessions never make a session.
  const fromUrl = !(given[0] && given[1]) && Boolean(input.paymentUrl);
  const [sessionToken, signature] = fromUrl ? inUrl : given;
  // Any key given is refused, even one the pair chosen leaves out.
  if ([...given, ...inUrl].some(looksLikeMerchantKey)) {
    throw new PepayError(
      'insecure-credentials',
      'A merchant API key was given where the payment session belongs. Keep API keys on your server.',
    );
  }
  if (!sessionToken || !signature) {
    const message = fromUrl
      ? 'The payment-url given to the checkout is not an absolute URL with session and signature parameters.'
      : 'No payment session was given to the checkout.';
    throw new PepayError('missing-credentials', message);
  }
  if (!TOKEN_CHARACTERS.test(sessionToken) || !TOKEN_CHARACTERS.test(signature)) {
    throw new PepayError('invalid-session', 'The payment session given to the checkout is malformed.');
  }
  return {sessionToken, signature};
}

function paymentUrlParams(paymentUrl: string): URLSearchParams {
  try {
    return new URL(paymentUrl).searchParams;
  } catch {
    return new URLSearchParams();
  }
}
