/** Walking a mounted checkout through its steps, as a payer would. */
import {waitUntil} from '@open-wc/testing';
import type {PepayCheckout} from '../../src/index.js';
import {deepReady} from './deep.js';
import {createSession, sandboxUrl, simulate, type Session} from './sandbox.js';

/** Waits until the checkout is on `step` and the payer sees it (rendered, leaves included). */
export async function stepIs(el: PepayCheckout, step: string, timeout = 10_000): Promise<void> {
  // The step it is on when the wait runs out, not when it began.
  await waitUntil(() => el.state?.step === step, `step ${step}`, {timeout}).catch((e: Error) => {
    throw new Error(`${e.message}, is ${el.state?.step}`);
  });
  await el.updateComplete;
}

/** From the token list to the payment view, paying with devnet USDC on Base. */
export async function toPayment(el: PepayCheckout): Promise<void> {
  await stepIs(el, 'select-token');
  (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-token="201"]')).click();
  await stepIs(el, 'awaiting-payment');
  await el.updateComplete;
}

/**
 * A checkout for session `s` against the sandbox, put on the page (a reload's fresh element, say),
 * with `props` (a locale, say) set before it is.
 */
export function mountCheckout(s: Session, props: Partial<Pick<PepayCheckout, 'locale'>> = {}): PepayCheckout {
  const el = document.createElement('pepay-checkout');
  Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl, ...props});
  document.body.append(el);
  return el;
}

/**
 * A checkout on the payment step of a new session (`options` as the sandbox's create body; an
 * e-mail is already known), with `faults` applied first, and its stream live: payments are told.
 */
export async function payingCheckout(
  options: Record<string, unknown> = {},
  faults: Record<string, unknown> | null = null,
): Promise<{s: Session; el: PepayCheckout}> {
  const s = await createSession({customer_email: 'a@example.com', ...options});
  if (faults) await simulate(s.invoice_id, 'faults', faults);
  const el = mountCheckout(s);
  await toPayment(el);
  await waitUntil(() => el.state.connection === 'live', 'stream live', {timeout: 10_000});
  return {s, el};
}

/** The details of every `name` event `el` fires from now on, in order (the merchant's listener). */
export function captured<T>(el: PepayCheckout, name: string): T[] {
  const seen: T[] = [];
  el.addEventListener(name, (event) => seen.push((event as CustomEvent<T>).detail));
  return seen;
}
