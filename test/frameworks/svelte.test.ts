import {expect, waitUntil} from '@open-wc/testing';
import {mount, unmount} from 'svelte';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {createSession, sandboxUrl, simulate} from '../support/sandbox.js';
import {toPayment} from '../support/walk.js';
// Compiled by test/support/svelte-plugin.mjs.
import Checkout from './Checkout.svelte';

describe('Svelte, as the README shows it', () => {
  it('binds the session and hears pepay-paid', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const target = document.createElement('div');
    document.body.append(target);
    const paid: string[] = [];
    const component = mount(Checkout, {
      target,
      props: {
        token: s.session_token,
        signature: s.signature,
        apiBase: sandboxUrl,
        onPaid: (d: {invoiceId: string}) => paid.push(d.invoiceId),
      },
    });
    const el = target.querySelector('pepay-checkout') as PepayCheckout;
    await toPayment(el);
    await simulate(s.invoice_id, 'pay');
    await waitUntil(() => paid.length === 1, 'pepay-paid', {timeout: 10_000});
    expect(paid).to.deep.equal([s.invoice_id]);
    unmount(component);
    target.remove();
  });
});
