/** The payment view on its own, given a state: it offers only what the checkout takes. */
import {expect, fixture, html} from '@open-wc/testing';
import '../../src/elements/payment-details/define.js';
import type {PepayPaymentDetails} from '../../src/elements/payment-details/pepay-payment-details.js';
import {initialState} from '../../src/checkout/state.js';
import type {CheckoutState} from '../../src/checkout/types.js';
import {paymentAddress, sessionDetails} from '../support/checkout-data.js';

const session = sessionDetails({amountRemainingUsd: 15, status: 'underpaid'});
const address = paymentAddress({address: '0x1111111111111111111111111111111111111111', tokenAmount: '15.000000', wsToken: null});

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
