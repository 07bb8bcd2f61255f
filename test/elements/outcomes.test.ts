/**
 * What happened to the money, said on the last screen (issue 14): more than was due, a part that
 * arrived before the request ended, an order that failed after the payment.
 */
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {deep, deepText} from '../support/deep.js';
import {sandboxUrl, simulate} from '../support/sandbox.js';
import {payingCheckout, stepIs} from '../support/walk.js';
import {isolated} from '../support/formatted.js';
import {placeKept} from '../support/kept-place.js';

const until = (what: string, predicate: () => unknown) => waitUntil(predicate, what, {timeout: 10_000, interval: 50});

const paying = (options: Record<string, unknown> = {}) => payingCheckout({amount_usd: 40, ...options});

const shown = (el: PepayCheckout, selector: string) => deep(el.shadowRoot!, selector)?.textContent?.trim() ?? '';

describe('what happened to the money', () => {
  it('paying $5.00 more than due is said on the paid screen, with what to do', async () => {
    const {s, el} = await paying();
    await simulate(s.invoice_id, 'pay', {amount: 'over'});
    await stepIs(el, 'paid');
    await until('overpayment said', () => shown(el, '[data-overpaid]'));
    expect(shown(el, '[data-overpaid]')).to.equal(
      `You sent ${isolated('$5.00')} more than was due. Contact the merchant with the invoice id below to get it back.`,
    );
    el.remove();
  });

  it('reloaded, the paid screen still says when it was paid and that more was sent (the session says neither)', async () => {
    const {s, el} = await paying();
    await simulate(s.invoice_id, 'pay', {amount: 'over'});
    await stepIs(el, 'paid');
    await until('overpayment said', () => shown(el, '[data-overpaid]'));
    const paidLine = [...el.shadowRoot!.querySelector('pepay-status-view')!.shadowRoot!.querySelectorAll('p.muted')]
      .map((p) => p.textContent!.trim())
      .find((text) => text.startsWith('Paid '));
    expect(paidLine).to.not.equal(undefined);
    // Kept with the payer's place (signed, so a moment later), then the page reloads. The paid
    // screen's place: every place names its payments, the payment step's too.
    await placeKept(s, 'the paid screen', (place) => place.invoiceStatus === 'paid');
    el.remove();
    const reloaded = document.createElement('pepay-checkout');
    Object.assign(reloaded, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
    document.body.append(reloaded);
    await stepIs(reloaded, 'paid');
    expect(shown(reloaded, '[data-overpaid]')).to.include(`You sent ${isolated('$5.00')} more than was due.`);
    expect(deepText(reloaded.shadowRoot!)).to.include(paidLine!);
    reloaded.remove();
  });

  it('an overpayment seen on its way, confirmed while the page was closed, is said on the reload (review)', async () => {
    const {s, el} = await paying();
    await simulate(s.invoice_id, 'pay', {amount: 'over', pending: true});
    await stepIs(el, 'confirming');
    await placeKept(s, 'the wait, and its payment on its way', (place) => Object.keys(place.pendingPayments ?? {}).length === 1);
    el.remove();
    await simulate(s.invoice_id, 'confirm');
    const reloaded = document.createElement('pepay-checkout');
    Object.assign(reloaded, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
    document.body.append(reloaded);
    await stepIs(reloaded, 'paid');
    await until('overpayment said', () => shown(reloaded, '[data-overpaid]'));
    expect(shown(reloaded, '[data-overpaid]')).to.include(`You sent ${isolated('$5.00')} more than was due.`);
    reloaded.remove();
  });

  it('an exact payment says nothing of the kind', async () => {
    const {s, el} = await paying();
    await simulate(s.invoice_id, 'pay');
    await stepIs(el, 'paid');
    expect(deep(el.shadowRoot!, '[data-overpaid]')).to.equal(null);
    el.remove();
  });

  it('an expired request that had received part of the money says how much arrived', async () => {
    const {s, el} = await paying();
    await simulate(s.invoice_id, 'pay', {amount: 15});
    await stepIs(el, 'underpaid');
    await simulate(s.invoice_id, 'expire');
    await stepIs(el, 'expired');
    await until('arrived said', () => shown(el, '[data-arrived]'));
    expect(shown(el, '[data-arrived]')).to.include(`${isolated('$15.00')} arrived before this payment request ended`);
    el.remove();
  });

  it('an order that fails after the payment is an alert that says what happens next', async () => {
    const {s, el} = await paying({commerce: true});
    await simulate(s.invoice_id, 'pay');
    await stepIs(el, 'paid');
    await until('order followed', () => el.state.order !== null);
    const failed = {object: 'commerce_order', id: el.state.order!.orderId, status: 'failed', invoice_id: s.invoice_id};
    await simulate(s.invoice_id, 'push-frame', {
      id: `evt_${Date.now()}-1`,
      object: 'event',
      type: 'commerce.order.updated',
      data: {object: failed},
    });
    await until('failure said', () =>
      shown(el, '[data-order][role=alert]').startsWith('Your payment arrived, but the order could not be placed'),
    );
    el.remove();
  });
});
