import {expect} from '@open-wc/testing';
import type {PaymentAddress, SessionDetails} from '../../src/api/index.js';
import {initialState} from '../../src/checkout/state.js';
import {msUntil, nextDeadline} from '../../src/checkout/selectors.js';
import {amountStillDue, paidSoFar, quoteTimeLeft} from '../../src/checkout/figures.js';
import type {CheckoutState} from '../../src/checkout/types.js';

const session = {amountUsd: 49.99} as SessionDetails;
const address = {tokenAmount: '49.99'} as PaymentAddress;
const state = (over: Partial<CheckoutState>): CheckoutState => ({...initialState(), step: 'awaiting-payment', ...over});

describe('checkout selectors', () => {
  it('time left: from a monotonic deadline, never negative, null without one', () => {
    expect(msUntil(null, 5)).to.equal(null);
    expect(msUntil(1000, 400)).to.equal(600);
    expect(msUntil(1000, 1400)).to.equal(0);
    expect(quoteTimeLeft(state({address, quoteExpiresAtMono: 10_000}), 4000)).to.equal(6000);
    expect(quoteTimeLeft(state({address, quoteExpiresAtMono: 10_000, busy: 'address'}), 4000)).to.equal(null);
    expect(quoteTimeLeft(state({address: {...address, tokenAmount: null}, quoteExpiresAtMono: 10_000}), 4000)).to.equal(null);
  });

  it('paid so far is exact in thousandths of a USD (no 20.000000000000004)', () => {
    expect(paidSoFar(state({session, amountRemainingUsd: 29.99}))).to.equal(20);
    expect(paidSoFar(state({session: {amountUsd: 0.3} as SessionDetails, amountRemainingUsd: 0.1}))).to.equal(0.2);
    expect(paidSoFar(state({session, amountRemainingUsd: null}))).to.equal(null);
    expect(amountStillDue(state({amountRemainingUsd: 12.5}))).to.equal(12.5);
  });

  it('next deadline: the earliest of expiry, quote and verification; none on final or loading steps', () => {
    expect(nextDeadline(state({expiresAtMono: 9000, address, quoteExpiresAtMono: 5000, verificationCheckAt: 7000}))).to.equal(5000);
    // A quote being refreshed is not due again until its answer comes.
    expect(nextDeadline(state({expiresAtMono: 9000, address, quoteExpiresAtMono: 5000, busy: 'address'}))).to.equal(9000);
    expect(nextDeadline(state({}))).to.equal(null);
    for (const step of ['paid', 'expired', 'canceled', 'error', 'loading'] as const)
      expect(nextDeadline(state({step, expiresAtMono: 9000}))).to.equal(null);
  });

  it('next deadline after a moment: the first still ahead (a past expiry does not hide the quote due next)', () => {
    const past = state({expiresAtMono: 1000, address, quoteExpiresAtMono: 5000, sessionRecheckAt: 7000});
    expect(nextDeadline(past)).to.equal(1000);
    expect(nextDeadline(past, 2000)).to.equal(5000);
    expect(nextDeadline(past, 5000)).to.equal(7000);
    expect(nextDeadline(past, 7000)).to.equal(null);
  });
});
