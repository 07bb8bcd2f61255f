/**
 * The script-tag bundles' one Trusted Types policy, `pepay-checkout`, for pages that enforce
 * `require-trusted-types-for 'script'` (W3C Trusted Types). It serves the Lit runtime inside the
 * bundle (the build points Lit's own `lit-html` policy here, so a page that runs Lit itself keeps
 * that name) and the classic bundle's QR encoder script URL. A page that enforces Trusted Types
 * lists `pepay-checkout` in its `trusted-types` directive (README, "Content Security Policy").
 *
 * The npm build does not use this: there the page's own Lit creates its `lit-html` policy.
 */

/** The policy name a merchant allows in `trusted-types`. */
export const POLICY_NAME = 'pepay-checkout';

/** The one script a bundle adds to a page: its QR encoder, next to it. */
const ENCODER_FILE = '/pepay-qr-encoder.iife.js';

/** Where a second copy of the bundle finds the policy the first created (a name may exist once). */
const SHARED = Symbol.for('pepay-checkout.trusted-types-policy');

/**
 * A Trusted Types policy as far as we use it. The values it makes are TrustedHTML and
 * TrustedScriptURL objects, which TypeScript's DOM types do not know yet: typed as `string`
 * (what the sinks accept where Trusted Types are not enforced).
 */
export interface PepayPolicy {
  createHTML(html: string): string;
  createScriptURL(url: string): string;
}

interface PolicyFactory {
  createPolicy(name: string, rules: {createHTML(html: string): string; createScriptURL(url: string): string}): PepayPolicy;
}

type PolicyHolder = typeof globalThis & {[SHARED]?: PepayPolicy; trustedTypes?: PolicyFactory};

let policy: PepayPolicy | null | undefined;

/**
 * The policy, created on first use; null on a page without Trusted Types, or one whose CSP does
 * not allow `pepay-checkout` (rendering then fails there, as the page asked). Never throws.
 */
export function pepayPolicy(): PepayPolicy | null {
  if (policy !== undefined) return policy;
  const holder = globalThis as PolicyHolder;
  const factory = holder.trustedTypes;
  if (!factory) return (policy = null);
  if (holder[SHARED]) return (policy = holder[SHARED]);
  try {
    policy = factory.createPolicy(POLICY_NAME, {
      // Lit's templates: its own static strings with markers, never data (data goes to text nodes
      // and attributes). The same identity policy Lit itself creates.
      createHTML: (html) => html,
      createScriptURL: (url) => {
        if (!new URL(url, location.href).pathname.endsWith(ENCODER_FILE)) throw new TypeError(`${POLICY_NAME}: not our script`);
        return url;
      },
    });
    Object.defineProperty(holder, SHARED, {value: policy});
  } catch {
    policy = null;
  }
  return policy;
}

/** Lit's policy inside the bundles (see vite.config.ts): ours, or none. */
export function litPolicy(): {createHTML(html: string): string} | undefined {
  return pepayPolicy() ?? undefined;
}
