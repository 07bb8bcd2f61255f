import {expect, waitUntil} from '@open-wc/testing';
import type {PepayCheckout} from '../../src/index.js';
import {deepReady} from '../support/deep.js';

const until = (what: string, predicate: () => unknown) => waitUntil(predicate, what, {timeout: 8000});

describe('the static hosted demo (npm run build:demo)', () => {
  it('walks a payment end to end with no backend: the sandbox runs inside the page', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1000px; height: 900px';
    frame.src = new URL('/dist-demo/index.html', location.origin).href;
    document.body.append(frame);
    await until('demo loaded', () => frame.contentDocument?.readyState === 'complete' && frame.contentDocument.querySelector('#create'));
    const doc = frame.contentDocument!;
    doc.querySelector<HTMLInputElement>('#create input[name=questions]')!.checked = true;
    doc.querySelector<HTMLFormElement>('#create')!.requestSubmit();
    await until('checkout created', () => doc.querySelector('pepay-checkout'));
    const checkout = doc.querySelector('pepay-checkout') as PepayCheckout;
    expect(checkout.getAttribute('api-base')).to.equal('https://sandbox.pepay.invalid');

    await until('questions', () => checkout.state.step === 'questions');
    (await deepReady<HTMLInputElement>(checkout.shadowRoot!, 'input[name=q0]')).value = 'Acme';
    (await deepReady<HTMLFormElement>(checkout.shadowRoot!, 'form')).requestSubmit();
    await until('email', () => checkout.state.step === 'email');
    (await deepReady<HTMLButtonElement>(checkout.shadowRoot!, 'form button[type=button]')).click();
    await until('tokens', () => checkout.state.step === 'select-token');
    (await deepReady<HTMLButtonElement>(checkout.shadowRoot!, 'button[data-token="201"]')).click();
    await until('payment', () => checkout.state.step === 'awaiting-payment');
    await until('in-page stream live', () => checkout.state.connection === 'live');

    doc.querySelector<HTMLButtonElement>('button[data-amount="partial"]')!.click();
    await until('underpaid', () => checkout.state.step === 'underpaid');
    doc.querySelector<HTMLButtonElement>('button[data-amount="full"]')!.click();
    await until('paid', () => checkout.state.step === 'paid');
    expect(doc.querySelector('#log')!.textContent).to.include('pepay-paid');
    frame.remove();
  });
});
