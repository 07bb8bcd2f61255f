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
 * wrapped (`Bearer sk_live_…`, `key=sk_…`): a key prefix at the start or after a separator, or a
 * `_live_` / `_test_` key anywhere. Session tokens are opaque but carry no spaces or `=`, so a
 * real one never matches.
 */
const MERCHANT_KEY = /(?:^|[\s=:,;"'])(?:pk|sk|ck)_|(?:pk|sk|ck)_(?:live|test)_/i;

/**
 * Takes the payor session from the explicit pair or, failing that, from `payment_url`'s `session`
 * and `signature` query parameters. Tokens are opaque (payor-api.md §1.1): no prefix is required,
 * but a merchant key is refused before anything is sent.
 */
export function resolveCredentials(input: CredentialInput): SessionCredentials {
  let sessionToken = input.sessionToken?.trim() ?? '';
  let signature = input.signature?.trim() ?? '';
  if ((!sessionToken || !signature) && input.paymentUrl) {
    const params = paymentUrlParams(input.paymentUrl);
    sessionToken ||= params.get('session')?.trim() ?? '';
    signature ||= params.get('signature')?.trim() ?? '';
  }
  if (MERCHANT_KEY.test(sessionToken) || MERCHANT_KEY.test(signature)) {
    throw new PepayError(
      'insecure-credentials',
      'A merchant API key was given where the payment session belongs. Keep API keys on your server.',
    );
  }
  if (!sessionToken || !signature) {
    throw new PepayError('missing-credentials', 'No payment session was given to the checkout.');
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
