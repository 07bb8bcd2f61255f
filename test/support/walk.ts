/** Walking a mounted checkout through its steps, as a payer would. */
import {waitUntil} from '@open-wc/testing';
import type {PepayCheckout} from '../../src/index.js';
import {deepReady} from './deep.js';

/** Waits until the checkout is on `step` and the payer sees it (rendered, leaves included). */
export async function stepIs(el: PepayCheckout, step: string, timeout = 8000): Promise<void> {
  await waitUntil(() => el.state?.step === step, `step ${step}, is ${el.state?.step}`, {timeout});
  await el.updateComplete;
}

/** From the token list to the payment view, paying with devnet USDC on Base. */
export async function toPayment(el: PepayCheckout): Promise<void> {
  await stepIs(el, 'select-token');
  (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-token="201"]')).click();
  await stepIs(el, 'awaiting-payment');
  await el.updateComplete;
}
