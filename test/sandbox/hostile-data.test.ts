/**
 * Hostile data, end to end: a checkout against a scripted server that answers well-formed but
 * wrong data (issue 16). Each case is the input for one kind and a sibling of our own,
 * asserting what the payer sees and what reached the network.
 */
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {deep, deepReady, deepText} from '../support/deep.js';
import {loadFixture} from '../support/fixtures.js';
import {createSession, inspect, sandboxUrl, simulate} from '../support/sandbox.js';
import {queueFirstScreen, scriptedApi} from '../support/script.js';
import {stepIs} from '../support/walk.js';

const until = (what: string, predicate: () => unknown, timeout = 10_000) => waitUntil(predicate, what, {timeout, interval: 50});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ADDRESS_1 = '0x1111111111111111111111111111111111111111';
const ADDRESS_2 = '0x2222222222222222222222222222222222222222';
const PAYMENT_ADDRESSES = '/api/v1/payments/payment-addresses';

type Body = Record<string, unknown>;
let sessions = 0;

/** The documented allocation for USDC on Base, with a real address and no stream (nothing else is asked). */
async function allocation(fields: Body = {}): Promise<Body> {
  const documented = (await loadFixture('payment-addresses.200.json')) as Body;
  return {...documented, temp_address: ADDRESS_1, ws_connection: null, ...fields};
}

/** A checkout on a scripted server that answers the documented load; `tokens` replaces the token list. */
async function scriptedCheckout(tokens?: unknown[]) {
  const api = scriptedApi();
  await queueFirstScreen(api, {}, tokens);
  // An address without a stream is polled for: the invoice stays unpaid throughout.
  await api.queue('/api/v1/payments/payment-status', ...Array.from({length: 30}, () => ({body: {status: 'unpaid', paid_at: null}})));
  const el = document.createElement('pepay-checkout');
  // A session of its own: what one checkout remembers is not another's.
  Object.assign(el, {sessionToken: `pst_hostile_${sessions++}`, signature: 'sig.1', apiBase: api.base});
  document.body.append(el);
  await stepIs(el, 'select-token');
  return {api, el};
}

async function choose(el: PepayCheckout, tokenId: number) {
  (await deepReady<HTMLButtonElement>(el.shadowRoot!, `button[data-token="${tokenId}"]`)).click();
  await until('answer applied', () => el.state.busy === null);
}

/** The payment-addresses requests the server received, as parsed bodies. */
async function allocations(api: ReturnType<typeof scriptedApi>): Promise<unknown[]> {
  return (await api.log()).filter((r) => r.path.endsWith(PAYMENT_ADDRESSES)).map((r) => JSON.parse(r.body) as unknown);
}

/** A refused allocation: a notice the payer can read, no instruction, the token list to try again. */
async function expectRefused(el: PepayCheckout) {
  await until('refused', () => el.state.notice?.code === 'invalid-response');
  await el.updateComplete;
  expect(el.state.step).to.equal('select-token');
  expect(el.state.address).to.equal(null);
  // Said beside the token the payer chose (issue 14), where they are looking.
  expect(deep(el.shadowRoot!, '[data-token-problem]')?.textContent).to.include('Please try again');
  expect(deep(el.shadowRoot!, '[data-token-alert][role=alert]')?.textContent).to.include('Please try again');
  expect(deepText(el.shadowRoot!)).not.to.include('Send exactly');
}

describe('hostile data: the answer does not match the question (kind 1)', () => {
  it('USDC on Base asked, ETH on Ethereum answered: refused; asking again gets the right one', async () => {
    const {api, el} = await scriptedCheckout();
    await api.queue(PAYMENT_ADDRESSES, {
      body: await allocation({network: 'ethereum', supported_token_id: 7, estimated_token_amount: '0.015'}),
    });
    await choose(el, 123);
    await expectRefused(el);
    expect(deepText(el.shadowRoot!)).not.to.include('ETH').and.not.to.include('Ethereum');
    await api.queue(PAYMENT_ADDRESSES, {body: await allocation()});
    await choose(el, 123);
    await stepIs(el, 'awaiting-payment');
    expect(deep(el.shadowRoot!, '[part=address]')!.textContent).to.equal(ADDRESS_1);
    expect(await allocations(api)).to.deep.equal([
      {network: 'base', tokenId: 123},
      {network: 'base', tokenId: 123},
    ]);
    el.remove();
  });

  it('underpaid on locked rails, the new price refused: the heading says what happened, "Get a new price" asks again', async () => {
    const api = scriptedApi();
    await queueFirstScreen(api, {invoice_status: 'underpaid', amount_remaining_usd: 20, locked_network: 'base', locked_token_id: 123});
    await api.queue(PAYMENT_ADDRESSES, {body: await allocation({network: 'ethereum', supported_token_id: 7})});
    const el = document.createElement('pepay-checkout');
    Object.assign(el, {sessionToken: `pst_hostile_${sessions++}`, signature: 'sig.1', apiBase: api.base});
    document.body.append(el);
    await until('refused', () => el.state.notice?.code === 'invalid-response');
    await el.updateComplete;
    expect([el.state.step, el.state.address, el.state.busy]).to.deep.equal(['underpaid', null, null]);
    expect(deep(el.shadowRoot!, '[data-step-heading]')!.textContent).to.equal('Partial payment received');
    await api.queue(PAYMENT_ADDRESSES, {body: await allocation({estimated_token_amount: '20.000000'})});
    deep<HTMLButtonElement>(el.shadowRoot!, 'button[data-retry]')!.click();
    await until('priced', () => el.state.address?.tokenAmount === '20.000000');
    expect(await allocations(api)).to.deep.equal([
      {network: 'base', tokenId: 123},
      {network: 'base', tokenId: 123},
    ]);
    el.remove();
  });

  it('sibling: the right network with another token id is refused too', async () => {
    const {api, el} = await scriptedCheckout();
    await api.queue(PAYMENT_ADDRESSES, {body: await allocation({supported_token_id: 124})});
    await choose(el, 123);
    await expectRefused(el);
    el.remove();
  });
});

describe('hostile data: what is seen is what is copied (kind 2)', () => {
  for (const [name, address] of [
    ['a right-to-left override inside (the issue)', `0x\u202E${'1'.repeat(20)}${'2'.repeat(20)}`],
    ['sibling: a zero-width space inside', `${ADDRESS_1.slice(0, 12)}\u200B${ADDRESS_1.slice(12)}`],
  ]) {
    it(`an address with ${name} is refused, never shown`, async () => {
      const {api, el} = await scriptedCheckout();
      await api.queue(PAYMENT_ADDRESSES, {body: await allocation({temp_address: address})});
      await choose(el, 123);
      await expectRefused(el);
      expect(deepText(el.shadowRoot!)).not.to.include('1111');
      el.remove();
    });
  }

  it('the address shown is isolated left-to-right', async () => {
    const {api, el} = await scriptedCheckout();
    await api.queue(PAYMENT_ADDRESSES, {body: await allocation()});
    await choose(el, 123);
    await stepIs(el, 'awaiting-payment');
    const shown = deep(el.shadowRoot!, '[part=address]')!;
    expect([shown.getAttribute('dir'), getComputedStyle(shown).unicodeBidi]).to.deep.equal(['ltr', 'isolate']);
    el.remove();
  });
});

describe('hostile data: amounts that cannot be right (kind 3)', () => {
  for (const [name, fields] of [
    ['a token amount of "0" (the issue)', {estimated_token_amount: '0'}],
    ['sibling: a negative USD amount', {usd_amount: -5}],
  ] as const) {
    it(`${name} is no instruction`, async () => {
      const {api, el} = await scriptedCheckout();
      await api.queue(PAYMENT_ADDRESSES, {body: await allocation(fields)});
      await choose(el, 123);
      await expectRefused(el);
      el.remove();
    });
  }
});

describe('hostile data: a change of instruction is told (kind 4)', () => {
  it('a 2 s quote refreshed to another address and amount: said above the new instruction, at once', async function () {
    // The quote's lifetime is held to at least 10 s: the refresh comes then.
    this.timeout(40_000);
    const {api, el} = await scriptedCheckout();
    await api.queue(
      PAYMENT_ADDRESSES,
      {body: await allocation({quote_expires_in_seconds: 2})},
      {body: await allocation({temp_address: ADDRESS_2, estimated_token_amount: '51.000000', quote_expires_in_seconds: 600})},
    );
    await choose(el, 123);
    await stepIs(el, 'awaiting-payment');
    expect(deep(el.shadowRoot!, '[data-changed]')).to.equal(null);
    // Every render that shows the new address also shows the note above it.
    const unannounced: string[] = [];
    const watch = new MutationObserver(() => {
      const shown = deep(el.shadowRoot!, '[part=address]')?.textContent;
      if (shown === ADDRESS_2 && !deep(el.shadowRoot!, '[data-changed][role=alert]')) unannounced.push(shown);
    });
    watch.observe(el.shadowRoot!, {subtree: true, childList: true, characterData: true});
    const details = deep(el.shadowRoot!, 'pepay-payment-details')!;
    watch.observe(details.shadowRoot!, {subtree: true, childList: true, characterData: true});
    await until('new instruction', () => deep(el.shadowRoot!, '[part=address]')?.textContent === ADDRESS_2, 20_000);
    await el.updateComplete;
    watch.disconnect();
    expect(unannounced).to.deep.equal([]);
    expect(deep(el.shadowRoot!, '[data-changed]')!.textContent).to.include('The payment details have changed');
    expect(deepText(el.shadowRoot!)).to.include('Send exactly 51.00 USDC');
    el.remove();
  });
});

describe('hostile data: re-entrant payer actions (kind 6)', () => {
  it('Enter pressed three times, 150 ms apart, on a slow e-mail save: one POST', async function () {
    this.timeout(30_000);
    const s = await createSession({});
    await simulate(s.invoice_id, 'faults', {latencyMs: 1500});
    const el = document.createElement('pepay-checkout');
    Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
    document.body.append(el);
    await stepIs(el, 'email', 15_000);
    await until('e-mail field', () => el.querySelector('input[name=email]'));
    const input = el.querySelector<HTMLInputElement>('input[name=email]')!;
    input.value = 'payer@example.test';
    for (let i = 0; i < 3; i++) {
      input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
      // The payer's rhythm, not a wait for a result.
      if (i < 2) await sleep(150);
    }
    await stepIs(el, 'select-token', 15_000);
    const posts = (await inspect(s.invoice_id)).requests.filter((r) => r.method === 'POST' && r.path.endsWith('/customer-email'));
    expect(posts).to.have.length(1);
    el.remove();
  });

  it('sibling: two tokens tapped in a row on a slow server: one allocation, for the first', async function () {
    this.timeout(30_000);
    const s = await createSession({customer_email: 'a@example.com'});
    const el = document.createElement('pepay-checkout');
    Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
    document.body.append(el);
    await stepIs(el, 'select-token');
    await simulate(s.invoice_id, 'faults', {latencyMs: 1500});
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-token="201"]')).click();
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-token="203"]')).click();
    // The first tap is what the payer sees acknowledged, beside the token (issue 14).
    const preparing = await deepReady(el.shadowRoot!, '.preparing');
    expect(preparing.closest('li')!.querySelector('button')!.dataset['token']).to.equal('201');
    await stepIs(el, 'awaiting-payment', 15_000);
    const asked = (await inspect(s.invoice_id)).requests.filter((r) => r.method === 'POST' && r.path.endsWith('/payment-addresses'));
    expect(asked).to.have.length(1);
    expect(el.state.address?.tokenId).to.equal(201);
    el.remove();
  });
});

describe('hostile data: one unreadable field nobody pays by (kind 7)', () => {
  it('a token with rate_updated_at "soon" is listed and can be paid with', async () => {
    const [usdc] = (await loadFixture('available-tokens.200.json')) as Body[];
    const {api, el} = await scriptedCheckout([{...usdc, rate_updated_at: 'soon'}]);
    await api.queue(PAYMENT_ADDRESSES, {body: await allocation()});
    await choose(el, 123);
    await stepIs(el, 'awaiting-payment');
    el.remove();
  });

  it('one token id on two networks: the one chosen is the one marked, asked for and named', async () => {
    const [usdc] = (await loadFixture('available-tokens.200.json')) as Body[];
    const usdt = {...usdc, token_symbol: 'USDT', token_name: 'Tether USD', network: 'arbitrum', token_address: ADDRESS_2};
    const {api, el} = await scriptedCheckout([usdc, usdt]);
    // Answered slowly: the list shows which token is being prepared meanwhile.
    await api.queue(PAYMENT_ADDRESSES, {body: await allocation({network: 'arbitrum'}), delayMs: 1500});
    const list = (await deepReady(el.shadowRoot!, 'pepay-token-list')).shadowRoot!;
    list.querySelector<HTMLButtonElement>('[data-network="arbitrum"] button[data-token="123"]')!.click();
    await until('preparing', () => list.querySelector('[aria-selected="true"][aria-busy="true"]'));
    const marked = [...list.querySelectorAll('[aria-selected="true"]')].map((b) =>
      b.closest('[data-network]')!.getAttribute('data-network'),
    );
    expect(marked).to.deep.equal(['arbitrum']);
    await until('named', () => deep(el.shadowRoot!, '[data-step-heading]')?.textContent === 'Send exactly 49.99 USDT on Arbitrum');
    expect(await allocations(api)).to.deep.equal([{network: 'arbitrum', tokenId: 123}]);
    el.remove();
  });

  it('sibling: a token without an id is left out, the others are offered', async () => {
    const [usdc] = (await loadFixture('available-tokens.200.json')) as Body[];
    const {el} = await scriptedCheckout([
      {...usdc, id: undefined, token_symbol: 'BAD'},
      {...usdc, token_name: 42},
    ]);
    await deepReady(el.shadowRoot!, 'button[data-token="123"]');
    expect(deepText(el.shadowRoot!)).to.include('USDC').and.not.to.include('BAD');
    el.remove();
  });
});
