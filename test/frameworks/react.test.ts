import {expect, waitUntil} from '@open-wc/testing';
import React from 'react';
import ReactDOM from 'react-dom';
import ReactDOMClient from 'react-dom/client';
import type {PepayCheckout as PepayCheckoutElement} from '../../src/index.js';
import {PepayCheckout} from '../../src/react/index.js';
import {createSession, sandboxUrl, simulate} from '../support/sandbox.js';
import {toPayment} from '../support/walk.js';

describe('React wrapper', () => {
  it('renders the checkout with props and calls the event props', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const host = document.createElement('div');
    document.body.append(host);
    const root = ReactDOMClient.createRoot(host);
    const heard: string[] = [];
    ReactDOM.flushSync(() =>
      root.render(
        React.createElement(PepayCheckout, {
          sessionToken: s.session_token,
          signature: s.signature,
          apiBase: sandboxUrl,
          theme: 'dark',
          onReady: (e) => heard.push(`ready ${e.detail.invoiceId}`),
          onPaid: (e) => heard.push(`paid ${e.detail.invoiceId}`),
        }),
      ),
    );
    const el = host.querySelector('pepay-checkout') as PepayCheckoutElement;
    expect(el.sessionToken).to.equal(s.session_token);
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    await toPayment(el);
    await simulate(s.invoice_id, 'pay');
    await waitUntil(() => heard.includes(`paid ${s.invoice_id}`), 'onPaid', {timeout: 10_000});
    expect(heard[0]).to.equal(`ready ${s.invoice_id}`);
    root.unmount();
    host.remove();
  });
});
