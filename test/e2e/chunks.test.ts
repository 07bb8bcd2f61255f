/**
 * The lazy views of the script-tag bundle when their chunks do not arrive (issue 11): a CDN that
 * lost a file, a connection that dropped a request. The payer sees a true state and is offered a
 * reload (a page keeps a failed import for its life; a reload keeps the payer's place, as
 * test/elements/place.test.ts shows); the payment itself is never lost.
 */
import {expect, waitUntil} from '@open-wc/testing';
import type {PepayCheckout} from '../../src/index.js';
import {createSession, sandboxUrl, simulate} from '../support/sandbox.js';
import {deep, deepReady} from '../support/deep.js';

const until = (what: string, predicate: () => unknown) => waitUntil(predicate, what, {timeout: 15_000});
let pages = 0;

/** A storefront loading the bundle from behind the test server's chunk faults (web-test-runner.config.mjs). */
async function storefront(): Promise<{checkout: PepayCheckout; frame: HTMLIFrameElement; invoiceId: string}> {
  const s = await createSession({customer_email: 'a@example.com'});
  const prefix = `/missing-chunks-${Date.now()}-${++pages}`;
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 520px; height: 800px';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>
    <script src="${location.origin}${prefix}/dist/cdn/pepay-checkout.iife.js"></script>
    <pepay-checkout session-token="${s.session_token}" signature="${s.signature}" api-base="${sandboxUrl}"></pepay-checkout>
    </body></html>`;
  document.body.append(frame);
  await until('checkout defined', () => frame.contentWindow?.customElements.get('pepay-checkout'));
  const checkout = frame.contentDocument!.querySelector('pepay-checkout') as PepayCheckout;
  await until('token step', () => checkout.state?.step === 'select-token');
  return {checkout, frame, invoiceId: s.invoice_id};
}

async function chooseToken(checkout: PepayCheckout): Promise<void> {
  (await deepReady<HTMLButtonElement>(checkout.shadowRoot!, 'button[data-token="201"]')).click();
  await until('payment step', () => checkout.state.step === 'awaiting-payment');
}

const alertText = (checkout: PepayCheckout) => checkout.shadowRoot!.querySelector('[role=alert]')?.textContent ?? '';

const reloadButton = (checkout: PepayCheckout) =>
  [...checkout.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent?.includes('Reload page'));

describe('lazy views whose chunks do not arrive', () => {
  it('says so, offers a reload, and still reaches "paid" from the stream', async () => {
    const {checkout, frame, invoiceId} = await storefront();
    const paid = new Promise((resolve) => checkout.addEventListener('pepay-paid', resolve, {once: true}));
    await chooseToken(checkout);
    await until('the notice', () => alertText(checkout).includes('could not be loaded'));
    expect(deep(checkout.shadowRoot!, 'pepay-payment-details')).to.equal(null);
    expect(reloadButton(checkout)?.localName).to.equal('button');
    await simulate(invoiceId, 'pay');
    await paid;
    expect(checkout.state.step).to.equal('paid');
    await until('the last screen says so too', () => alertText(checkout).includes('could not be loaded'));
    frame.remove();
  });
});
