/**
 * Urgency and calm (issue 14): amounts read alike, a moving price is explained, the last minute
 * is marked, the skeleton shows in the dark theme, and a short step is a short card.
 */
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {deep, deepReady} from '../support/deep.js';
import {loadFixture} from '../support/fixtures.js';
import {createSession, sandboxUrl, simulate, type Session} from '../support/sandbox.js';
import {scriptedApi} from '../support/script.js';
import {stepIs} from '../support/walk.js';
import {isolated} from '../support/formatted.js';

const until = (what: string, predicate: () => unknown) => waitUntil(predicate, what, {timeout: 10_000, interval: 50});

function mount(s: Session, extra: Record<string, unknown> = {}): PepayCheckout {
  const el = document.createElement('pepay-checkout');
  Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl, ...extra});
  el.style.width = '480px';
  document.body.append(el);
  return el;
}

describe('urgency and calm', () => {
  it('a token whose price moves shows its price; the amount reads the same in the heading and its own line', async () => {
    const s = await createSession({customer_email: 'a@example.com', amount_usd: 40});
    const el = mount(s);
    await stepIs(el, 'select-token');
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-token="202"]')).click();
    await stepIs(el, 'awaiting-payment');
    const price = await deepReady(el.shadowRoot!, '[data-price]');
    // The sandbox quotes 0.000320 ETH per USD: $3,125.00 an ETH.
    expect(price.textContent).to.equal(
      `Priced at 1 ETH = ${isolated('$3,125.00')}. The amount includes a small buffer in case the price moves.`,
    );
    const amount = deep(el.shadowRoot!, '[data-copy=amount]')!.textContent!;
    expect(amount).to.match(/^\d+\.\d{2,}$/);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(`Send exactly ${amount} ETH on Ethereum`);
    // A stablecoin at 1 per USD needs no price line, and reads like the fiat: two decimals at least.
    const usdc = mount(await createSession({customer_email: 'a@example.com', amount_usd: 20}));
    await stepIs(usdc, 'select-token');
    (await deepReady<HTMLButtonElement>(usdc.shadowRoot!, 'button[data-token="201"]')).click();
    await stepIs(usdc, 'awaiting-payment');
    expect(deep(usdc.shadowRoot!, '[data-price]')).to.equal(null);
    expect(usdc.shadowRoot!.querySelector('h2')!.textContent).to.equal('Send exactly 20.00 USDC on Base');
    el.remove();
    usdc.remove();
  });

  it('the last minute before expiry is marked by more than colour', async () => {
    const s = await createSession({customer_email: 'a@example.com', expires_in: 50_000});
    const el = mount(s);
    await stepIs(el, 'select-token');
    const countdown = await deepReady(el.shadowRoot!, '[data-countdown]');
    await until('urgent', () => countdown.hasAttribute('urgent'));
    expect(getComputedStyle(countdown).fontWeight).to.equal('700');
    const calm = mount(await createSession({customer_email: 'a@example.com', expires_in: 600_000}));
    await stepIs(calm, 'select-token');
    expect((await deepReady(calm.shadowRoot!, '[data-countdown]')).hasAttribute('urgent')).to.equal(false);
    el.remove();
    calm.remove();
  });

  it('the loading skeleton stands out from the card in the dark theme', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    await simulate(s.invoice_id, 'faults', {latencyMs: 1500});
    const el = mount(s, {theme: 'dark'});
    const bone = await deepReady(el.shadowRoot!, '.skeleton');
    const card = el.shadowRoot!.querySelector('[part=card]')!;
    expect(getComputedStyle(bone).backgroundColor).not.to.equal(getComputedStyle(card).backgroundColor);
    el.remove();
  });

  it('a short step is a short card (no large empty space below the e-mail form)', async () => {
    const el = mount(await createSession({}));
    await stepIs(el, 'email');
    const card = el.shadowRoot!.querySelector<HTMLElement>('[part=card]')!;
    const last = [...card.children].at(-1)!;
    // The card ends right after its content: padding, no more.
    expect(card.getBoundingClientRect().bottom - last.getBoundingClientRect().bottom).to.be.at.most(24);
    el.remove();
  });

  it('the error card keeps the payee, the amount and the invoice id for the payer to quote', async () => {
    const api = scriptedApi();
    await api.queue('/api/v1/payments/session-details', {body: await loadFixture('session-details.200.json')});
    // Refused outright (no retry): the checkout cannot go on.
    await api.queue('/api/v1/payments/available-tokens', {status: 403, body: {success: false, error: {code: 'FORBIDDEN', message: 'no'}}});
    await api.queue('/api/v1/payments/invoice-questions', {body: {has_questions: false}});
    await api.queue('/api/v1/payments/customer-email', {body: {email: null}});
    const el = document.createElement('pepay-checkout');
    Object.assign(el, {sessionToken: `pst_err_${Date.now()}`, signature: 'sig.1', apiBase: api.base});
    document.body.append(el);
    await stepIs(el, 'error');
    const text = deep(el.shadowRoot!, '[part=card]')!.textContent!;
    expect(text)
      .to.include(`Pay ${isolated('Pepay Demo Merchant')}`)
      .and.include('$49.99');
    expect(deep(el.shadowRoot!, '[data-copy=invoice]')!.textContent).to.equal('550e8400-e29b-41d4-a716-446655440000');
    el.remove();
  });
});
