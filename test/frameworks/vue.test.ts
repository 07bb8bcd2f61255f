import {expect, waitUntil} from '@open-wc/testing';
// Vue's browser build compiles the README's template at run time, exactly as written there.
import {createApp} from 'vue/dist/vue.esm-browser.prod.js';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {createSession, sandboxUrl, simulate} from '../support/sandbox.js';
import {toPayment} from '../support/walk.js';

describe('Vue 3, as the README shows it', () => {
  it('binds the session and hears pepay-paid', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const host = document.createElement('div');
    document.body.append(host);
    const paid: string[] = [];
    const app = createApp({
      data: () => ({token: s.session_token, signature: s.signature, api: sandboxUrl}),
      methods: {onPaid: (e: CustomEvent<{invoiceId: string}>) => paid.push(e.detail.invoiceId)},
      template: `<pepay-checkout :session-token="token" :signature="signature" :api-base="api" @pepay-paid="onPaid" />`,
    });
    app.config.compilerOptions.isCustomElement = (tag: string) => tag.startsWith('pepay-');
    app.mount(host);
    const el = host.querySelector('pepay-checkout') as PepayCheckout;
    await toPayment(el);
    await simulate(s.invoice_id, 'pay');
    await waitUntil(() => paid.length === 1, 'pepay-paid', {timeout: 10_000});
    expect(paid).to.deep.equal([s.invoice_id]);
    app.unmount();
    host.remove();
  });
});
