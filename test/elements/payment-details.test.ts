/** The payment view on its own, given a state: it offers only what the checkout takes. */
import {expect, fixture, html} from '@open-wc/testing';
import '../../src/elements/payment-details/define.js';
import type {PepayPaymentDetails} from '../../src/elements/payment-details/pepay-payment-details.js';
import type {PaymentAddress, SessionDetails} from '../../src/api/index.js';
import {initialState} from '../../src/checkout/state.js';
import type {CheckoutState} from '../../src/checkout/types.js';

const session: SessionDetails = {
  invoiceId: 'inv_1',
  amountUsd: 40,
  amountRemainingUsd: 15,
  description: '',
  expiresAt: null,
  status: 'underpaid',
  remainingMs: 60_000,
  merchantName: 'M',
  merchantEmail: null,
  environment: 'devnet',
  locked: null,
};
const address: PaymentAddress = {
  address: '0x1111111111111111111111111111111111111111',
  network: 'base',
  tokenId: 1,
  tokenAmount: '15.000000',
  exchangeRate: '1',
  usdAmount: 40,
  quoteStatus: 'available',
  statusCode: 'ok',
  message: null,
  quoteUpdatedAt: null,
  quoteValidUntil: null,
  quoteExpiresInMs: 300_000,
  retryable: false,
  retryAfterMs: null,
  wsToken: null,
  wsPath: '/ws/payment',
};

async function view(over: Partial<CheckoutState>): Promise<PepayPaymentDetails> {
  const state: CheckoutState = {
    ...initialState(),
    invoiceId: 'inv_1',
    session,
    address,
    quotedRemainingUsd: 15,
    amountRemainingUsd: 15,
    ...over,
  };
  return fixture<PepayPaymentDetails>(html`<pepay-payment-details .state=${state}></pepay-payment-details>`);
}

describe('<pepay-payment-details>', () => {
  it('offers "Choose another token" only on an open invoice, never on an underpaid remainder, locked or not (found by a network probe)', async () => {
    const changeToken = (el: PepayPaymentDetails) => el.shadowRoot!.querySelector('button[data-change-token]') !== null;
    expect(changeToken(await view({step: 'awaiting-payment', invoiceStatus: 'unpaid'}))).to.equal(true);
    // A read that has not brought the rails yet: the checkout would refuse the change.
    expect(changeToken(await view({step: 'underpaid', invoiceStatus: 'underpaid'}))).to.equal(false);
    const locked = {...session, locked: {network: 'base', tokenId: 1, address: address.address}};
    expect(changeToken(await view({step: 'underpaid', invoiceStatus: 'underpaid', session: locked}))).to.equal(false);
  });
});
