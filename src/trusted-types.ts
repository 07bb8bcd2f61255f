/**
 * The script-tag bundles' one Trusted Types policy, `pepay-checkout`, for pages that enforce
 * `require-trusted-types-for 'script'` (W3C Trusted Types). It serves the Lit runtime inside the
 * bundle (the build points Lit's own `lit-html` policy here, so a page that runs Lit itself keeps
 * that name). The bundle loads its chunks with `import()`, which is not a Trusted Types sink, so
 * the policy makes no script URL. It is kept in this module only (never on a global), so no other
 * script of the page can use it. A page that enforces Trusted Types
 * lists `pepay-checkout` in its `trusted-types` directive (README, "Content Security Policy").
 *
 * The npm build does not use this: there the page's own Lit creates its `lit-html` policy.
 */

/** The policy name a merchant allows in `trusted-types`. */
export const POLICY_NAME = 'pepay-checkout';

/**
 * A Trusted Types policy as far as we use it. The values it makes are TrustedHTML objects, which
 * TypeScript's DOM types do not know yet: typed as `string` (what the sinks accept where Trusted
 * Types are not enforced).
 */
export interface PepayPolicy {
  createHTML(html: string): string;
}

interface PolicyFactory {
  createPolicy(name: string, rules: PepayPolicy): PepayPolicy;
}

/**
 * Marks that a copy of the bundle created the policy: a second copy then does not try (a name
 * exists once, and a refused attempt is a CSP violation report). Only a flag: the policy itself
 * never leaves this module.
 */
const CREATED = Symbol.for('pepay-checkout.trusted-types-policy-created');

type PolicyHolder = typeof globalThis & {trustedTypes?: PolicyFactory; [CREATED]?: true};

let policy: PepayPolicy | null | undefined;

/**
 * The policy, created on first use; null on a page without Trusted Types, on one whose CSP does
 * not allow `pepay-checkout` (rendering then fails there, as the page asked), and in a second copy
 * of the bundle (the name exists once; that copy registers no element, so it never renders).
 * Never throws.
 */
export function pepayPolicy(): PepayPolicy | null {
  if (policy !== undefined) return policy;
  const holder = globalThis as PolicyHolder;
  const factory = holder.trustedTypes;
  if (!factory || holder[CREATED]) return (policy = null);
  try {
    policy = factory.createPolicy(POLICY_NAME, {
      // Lit's templates: its own static strings with markers, never data (data goes to text nodes
      // and attributes). The same identity policy Lit itself creates.
      createHTML: (html) => html,
    });
    Object.defineProperty(holder, CREATED, {value: true});
  } catch {
    policy = null;
  }
  return policy;
}

/** Lit's policy inside the bundles (see vite.config.ts): ours, or none. */
export function litPolicy(): {createHTML(html: string): string} | undefined {
  return pepayPolicy() ?? undefined;
}
