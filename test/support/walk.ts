/** Walking a mounted checkout through its steps, as a payer would. */
import {waitUntil} from '@open-wc/testing';
import type {PepayCheckout} from '../../src/index.js';
import {deepReady} from './deep.js';

export const stepIs = (el: PepayCheckout, step: string, timeout = 8000) =>
  waitUntil(() => el.state?.step === step, `step ${step}, is ${el.state?.step}`, {timeout});

/** From the token list to the payment view, paying with devnet USDC on Base. */
export async function toPayment(el: PepayCheckout): Promise<void> {
  await stepIs(el, 'select-token');
  (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-token="201"]')).click();
  await stepIs(el, 'awaiting-payment');
  await el.updateComplete;
}
