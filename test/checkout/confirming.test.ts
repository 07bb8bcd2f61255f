/**
 * The `confirming` step (issue 13) in the machine: what starts it, what ends it, and what never
 * happens under it (a quote refresh), with the events it fires.
 */
import {expect} from '@open-wc/testing';
import type {SessionDetails} from '../../src/api/index.js';
import {parseEvent} from '../../src/api/schemas/events.js';
import {eventsBetween} from '../../src/checkout/emitted.js';
import {mayStopWaiting} from '../../src/checkout/confirming.js';
import {arrivedUsd, overpaidUsd, paymentsUsd} from '../../src/checkout/figures.js';
import {reduce} from '../../src/checkout/machine.js';
import * as memory from '../../src/checkout/memory.js';
import {rememberedOf, type Remembered} from '../../src/checkout/remembered.js';
import {initialState} from '../../src/checkout/state.js';
import type {CheckoutState, Input} from '../../src/checkout/types.js';
import {paymentAddress, sessionDetails, usdcOnBase} from '../support/checkout-data.js';

const session = sessionDetails({remainingMs: 600_000});
const token = usdcOnBase({contractAddress: '0x036CbD53842c5426634e7929541eC2318f3dCF7e'});
const address = (tokenAmount: string) =>
  paymentAddress({address: '0x8e23Ee67d1332aD560396262C48ffbB01f93d052', tokenAmount, quoteExpiresInMs: 60_000});
const HASH = `0x${'12'.repeat(32)}`;

function event(type: string, object: Record<string, unknown>): Input {
  return {type: 'event', event: parseEvent({id: `evt_${Math.random()}`, type, data: {object}})!};
}
const payment = (status: string, extra: Record<string, unknown> = {}) =>
  event('invoice_payment.created', {object: 'invoice_payment', id: 'pay_1', invoice_id: 'inv_1', status, amount_usd: 40, ...extra});
const invoice = (status: string, remainingMillis: number) =>
  event('invoice.updated', {object: 'invoice', id: 'inv_1', status, amount_remaining: remainingMillis});

function run(inputs: Input[], start: CheckoutState = initialState()) {
  let state = start;
  const effects: string[] = [];
  const events: {name: string; detail: unknown}[] = [];
  for (const input of inputs) {
    const t = reduce(state, input);
    events.push(...eventsBetween(state, t.state));
    state = t.state;
    effects.push(...t.effects.map((e) => e.type));
  }
  return {state, effects, events};
}

/** A place kept on the address step for 40 USD on Base, its amount as written then, with `extra`. */
const rememberedAt = (tokenAmount: string, extra: Partial<Remembered>): Remembered => ({
  questionsAnswered: true,
  emailDone: true,
  address: {address: address(tokenAmount).address, network: 'base', tokenId: 1, tokenAmount, usdAmount: 40, exchangeRate: '1'},
  quotedRemainingUsd: 40,
  quoteExpiresAt: 60_000,
  ...extra,
});

/** On the address step for 40 USDC on Base (the server's amount has a 7th digit). */
const paying = () =>
  run([
    {type: 'start', at: 0},
    {type: 'loaded', session, tokens: [token], questions: [], email: 'a@x.org', at: 0, remembered: null, wallAt: 0},
    {type: 'token-chosen', network: 'base', tokenId: 1},
    {type: 'address-allocated', address: address('39.9999901'), requested: {network: 'base', tokenId: 1}, at: 0},
  ]).state;

describe('the confirming step', () => {
  it('the amount is rounded up to the token precision once, when the address arrives (the issue input and a sibling)', () => {
    expect(paying().address?.tokenAmount).to.equal('39.999991');
    const exact = run([{type: 'address-allocated', address: address('40.000000'), requested: {network: 'base', tokenId: 1}, at: 0}], {
      ...paying(),
      busy: 'address',
    });
    expect(exact.state.address?.tokenAmount).to.equal('40.000000');
  });

  it('a pending payment shows confirming with its hash, fires pepay-payment-detected once, and paid ends it', () => {
    const r = run([payment('pending', {tx_hash: HASH}), payment('pending', {tx_hash: HASH}), invoice('paid', 0)], paying());
    expect(r.state.step).to.equal('paid');
    expect(r.events.filter((e) => e.name === 'pepay-payment-detected')).to.deep.equal([
      {name: 'pepay-payment-detected', detail: {invoiceId: 'inv_1', paymentId: 'pay_1', txHash: HASH}},
    ]);
    expect(r.events.map((e) => e.name)).to.include.members(['pepay-step-change', 'pepay-paid']);
  });

  it('a payment that fails goes back to the address; no quote is refreshed while confirming', () => {
    const seen = run([payment('pending')], paying());
    expect(seen.state.step).to.equal('confirming');
    const later = run([{type: 'tick', at: 120_000}], seen.state);
    expect(later.effects).to.not.include('allocate');
    const failed = run([payment('failed')], seen.state).state;
    // Said before the payer sends again (found by a phone probe); a failure nobody waited for says nothing.
    expect([failed.step, failed.changed]).to.deep.equal(['awaiting-payment', 'payment-failed']);
    expect(run([payment('failed')], paying()).state.changed).to.equal(null);
  });

  it('a short payment ends confirming on the underpaid news (the locked rails are read first)', () => {
    const seen = run([payment('pending')], paying()).state;
    const short = run([invoice('underpaid', 15_000)], seen);
    expect(short.state.detected).to.equal(null);
    expect(short.effects).to.deep.equal(['refresh-session']);
    const locked = {...session, status: 'underpaid' as const, amountRemainingUsd: 15, locked: {network: 'base', tokenId: 1, address: null}};
    const back = run([{type: 'session-refreshed', sentAt: 0, session: locked, at: 1000}], short.state);
    expect(back.state.step).to.equal('underpaid');
  });

  it('a burst of partial payments while the locked rails are read never steps back to the address (a quote update, a failure)', () => {
    const lockedRead = {
      ...session,
      status: 'underpaid' as const,
      amountRemainingUsd: 20,
      locked: {network: 'base', tokenId: 1, address: null},
    };
    const second = (status: string) =>
      event('invoice_payment.created', {object: 'invoice_payment', id: 'pay_2', invoice_id: 'inv_1', status, amount_usd: 10});
    const quote = event('payment_quote.updated', {object: 'payment_quote', invoice_id: 'inv_1', amount_remaining: 20_000});
    const read = {type: 'session-refreshed', sentAt: 0, session: lockedRead, at: 1000} as const;
    // The input: a second payment counted by a quote update before the session read with the lock came back.
    const counted = run([payment('pending'), invoice('underpaid', 30_000), second('pending'), quote, read], paying());
    const steps = counted.events.filter((e) => e.name === 'pepay-step-change').map((e) => (e.detail as {step: string}).step);
    expect(steps).to.deep.equal(['confirming', 'underpaid']);
    expect([counted.state.step, counted.state.amountRemainingUsd]).to.deep.equal(['underpaid', 20]);
    // A sibling: the second payment failing in that window.
    const failed = run([payment('pending'), invoice('underpaid', 30_000), second('pending'), second('failed'), read], paying());
    const failedSteps = failed.events.filter((e) => e.name === 'pepay-step-change').map((e) => (e.detail as {step: string}).step);
    expect(failedSteps).to.deep.equal(['confirming', 'underpaid']);
  });

  it('a wait held for the locked rails is released when that session read fails or answers stale (never stuck)', () => {
    const held = run([payment('pending'), invoice('underpaid', 30_000)], paying());
    expect([held.state.step, held.state.readingLock, held.effects]).to.deep.equal(['confirming', true, ['refresh-session']]);
    const error = {code: 'network' as const, message: 'down', retryable: true};
    // Released to paying, and priced again: 30 USD is due now, not the 40 the address was quoted for.
    const failedRead = run([{type: 'failed', at: 0, operation: 'session', error}], held.state);
    expect([failedRead.state.step, failedRead.state.readingLock, failedRead.state.busy]).to.deep.equal([
      'awaiting-payment',
      false,
      'address',
    ]);
    expect(failedRead.effects).to.deep.equal(['allocate']);
    // A stale read (still unpaid) answers too, and releases the wait the same way.
    const stale = run([{type: 'session-refreshed', sentAt: 0, session, at: 1000}], held.state);
    expect([stale.state.step, stale.state.readingLock, stale.effects]).to.deep.equal(['awaiting-payment', false, ['allocate']]);
  });

  it('on an invoice already underpaid, a further payment counted by a quote update ends the wait (no status change follows)', () => {
    const locked = {...session, status: 'underpaid' as const, amountRemainingUsd: 15, locked: {network: 'base', tokenId: 1, address: null}};
    const underpaid = run(
      [invoice('underpaid', 15_000), {type: 'session-refreshed', sentAt: 0, session: locked, at: 1000}],
      paying(),
    ).state;
    expect(underpaid.step).to.equal('underpaid');
    const quote = event('payment_quote.updated', {object: 'payment_quote', invoice_id: 'inv_1', amount_remaining: 10_000});
    const r = run([payment('pending'), quote, invoice('underpaid', 10_000)], underpaid);
    expect([r.state.step, r.state.detected, r.state.amountRemainingUsd]).to.deep.equal(['underpaid', null, 10]);
  });

  it('the last payment of an underpaid invoice: nothing left is waited for as "paid", never re-quoted for 0 (no flash of "partial")', () => {
    const locked = {...session, status: 'underpaid' as const, amountRemainingUsd: 15, locked: {network: 'base', tokenId: 1, address: null}};
    const underpaid = run(
      [invoice('underpaid', 15_000), {type: 'session-refreshed', sentAt: 0, session: locked, at: 1000}],
      paying(),
    ).state;
    const quote = event('payment_quote.updated', {object: 'payment_quote', invoice_id: 'inv_1', amount_remaining: 0});
    const r = run([payment('pending'), quote], underpaid);
    expect([r.state.step, r.effects]).to.deep.equal(['confirming', []]);
    const paid = run([invoice('paid', 0)], r.state);
    expect(paid.state.step).to.equal('paid');
    expect(paid.events.filter((e) => e.name === 'pepay-step-change').map((e) => (e.detail as {step: string}).step)).to.deep.equal(['paid']);
  });

  it("a partial payment's new amount for the rest is not announced as a change the payer did not cause", () => {
    const locked = {...session, status: 'underpaid' as const, amountRemainingUsd: 15, locked: {network: 'base', tokenId: 1, address: null}};
    const r = run(
      [
        invoice('underpaid', 15_000),
        {type: 'session-refreshed', sentAt: 0, session: locked, at: 1000},
        {type: 'address-allocated', address: {...address('15.000000'), usdAmount: 40}, requested: {network: 'base', tokenId: 1}, at: 1000},
      ],
      paying(),
    );
    expect([r.state.step, r.state.address?.tokenAmount, r.state.changed]).to.deep.equal(['underpaid', '15.000000', null]);
  });

  it("the payer's wallet transaction: confirming at once, pepay-wallet-transaction, and the payment it becomes keeps its hash", () => {
    const sent = run([{type: 'wallet-sent', invoiceId: 'inv_1', wallet: 'Test Wallet', chainId: 84532, txHash: HASH}], paying());
    expect(sent.state.step).to.equal('confirming');
    // pepay-payment-detected carries Pepay's payment id (the widget contract): not before Pepay sees it.
    expect(sent.events.filter((e) => e.name !== 'pepay-step-change')).to.deep.equal([
      {name: 'pepay-wallet-transaction', detail: {invoiceId: 'inv_1', wallet: 'Test Wallet', chainId: 84532, txHash: HASH}},
    ]);
    const seen = run([payment('pending')], sent.state);
    expect(seen.state.detected).to.deep.equal({paymentId: 'pay_1', txHash: HASH});
    expect(seen.events).to.deep.equal([{name: 'pepay-payment-detected', detail: {invoiceId: 'inv_1', paymentId: 'pay_1', txHash: HASH}}]);
  });

  it('a payment a verification job found is waited for, and pepay-payment-detected fires once Pepay names it, with its id', () => {
    const job = {id: 'mv_1', invoiceId: 'inv_1', network: 'base', status: 'completed' as const, attemptCount: 1, maxAttempts: 3};
    const found = {...job, nextAttemptAt: null, completedAt: 1, paymentFound: true, invoiceStatus: 'unpaid' as const, failed: false};
    const waiting = run([{type: 'verify-requested'}, {type: 'verification', job: found, at: 1}], paying());
    expect([waiting.state.step, waiting.events.map((e) => e.name)]).to.deep.equal(['confirming', ['pepay-step-change']]);
    const seen = run([payment('pending', {tx_hash: HASH})], waiting.state);
    expect(seen.events).to.deep.equal([{name: 'pepay-payment-detected', detail: {invoiceId: 'inv_1', paymentId: 'pay_1', txHash: HASH}}]);
  });

  // The wallet answers a hex hash in its own writing; Pepay's events take the `0x` as optional
  // (found by a wallet probe: the failed transaction stayed on the paid screen as the payer's).
  for (const [wallet, pepay] of [
    [`0x${'AB'.repeat(32)}`, 'ab'.repeat(32)],
    [`0x${'cd'.repeat(32)}`, `0x${'CD'.repeat(32)}`],
  ] as const) {
    it(`a failure reported as ${pepay.slice(0, 6)}… is the wallet's ${wallet.slice(0, 6)}…: its wait ends, its receipt goes`, () => {
      const sent = run([{type: 'wallet-sent', invoiceId: 'inv_1', wallet: 'W', chainId: 84532, txHash: wallet}], paying()).state;
      const failed = run([payment('failed', {tx_hash: pepay})], sent).state;
      expect([failed.step, failed.detected, failed.walletTx, failed.changed]).to.deep.equal([
        'awaiting-payment',
        null,
        null,
        'payment-failed',
      ]);
    });
  }

  it('Solana signatures are case-sensitive: one differing only in case is another transaction', () => {
    const signature = '5'.repeat(43) + 'aB'.repeat(22);
    const waiting = run([payment('pending', {tx_hash: signature})], paying()).state;
    const other = run([payment('failed', {id: 'pay_2', tx_hash: signature.toUpperCase()})], waiting);
    expect(other.state.step).to.equal('confirming');
    expect(run([payment('failed', {id: 'pay_2', tx_hash: signature})], waiting).state.step).to.equal('awaiting-payment');
  });

  it('a failure named by the hash ends a wait only the wallet reported; a failed payment is no money received', () => {
    const sent = run([{type: 'wallet-sent', invoiceId: 'inv_1', wallet: 'W', chainId: 84532, txHash: HASH}], paying()).state;
    const failed = run([payment('failed', {tx_hash: HASH})], sent);
    expect([failed.state.step, failed.state.detected, failed.state.changed]).to.deep.equal(['awaiting-payment', null, 'payment-failed']);
    const counted = run([payment('pending'), payment('failed')], paying()).state;
    expect(counted.payments).to.deep.equal({});
  });

  it('a payment seen on its way is money received only once Pepay counts it: by its status, or by the invoice it moves', () => {
    const seen = run([payment('pending', {amount_usd: 45})], paying()).state;
    expect([paymentsUsd(seen), arrivedUsd(seen)]).to.deep.equal([0, 0]);
    // Counted by the invoice it paid: 5 USD more than due.
    expect(overpaidUsd(run([invoice('paid', 0)], seen).state)).to.equal(5);
    // Counted by its own status, with no wait for it.
    const confirmed = run([payment('confirmed', {amount_usd: 43})], paying()).state;
    expect([confirmed.step, paymentsUsd(confirmed)]).to.deep.equal(['awaiting-payment', 43]);
    expect(overpaidUsd(run([invoice('paid', 0)], confirmed).state)).to.equal(3);
  });

  it('an end by expiry or cancelation counts no payment seen on its way; a status that says received without an amount counts the one seen (review)', () => {
    for (const end of ['expired', 'canceled']) {
      const ended = run([payment('pending', {amount_usd: 10}), invoice(end, 40_000)], paying()).state;
      expect([ended.step, arrivedUsd(ended), paymentsUsd(ended)]).to.deep.equal([end, 0, 0]);
    }
    // Statuses no document names are money on its way, not received (re-probe: "$11.00 arrived" where none had).
    const unnamed = run(
      [payment('processing', {amount_usd: 7}), payment('awaiting_confirmations', {id: 'pay_2', amount_usd: 4})],
      paying(),
    ).state;
    expect(arrivedUsd(run([invoice('expired', 40_000)], unnamed).state)).to.equal(0);
    const confirmed = run([payment('pending', {amount_usd: 10}), payment('confirmed', {amount_usd: undefined})], paying()).state;
    expect([paymentsUsd(confirmed), confirmed.pendingPayments]).to.deep.equal([10, {}]);
  });

  it('a wait kept with the place, counted while the page was closed, is money received on the reload (review: an overpayment said)', () => {
    const keptFrom = (usd: number) => rememberedOf(run([payment('pending', {amount_usd: usd})], paying()).state, 0, 0);
    const reload = (kept: Remembered, s: SessionDetails) =>
      run([
        {type: 'start', at: 0},
        {type: 'loaded', session: s, tokens: [token], questions: [], email: 'a@x.org', at: 0, remembered: {place: kept, memory}, wallAt: 0},
      ]).state;
    const paid = reload(keptFrom(45), {...session, status: 'paid', amountRemainingUsd: 0});
    expect([paid.step, overpaidUsd(paid)]).to.deep.equal(['paid', 5]);
    const locked = {...session, status: 'underpaid' as const, amountRemainingUsd: 30, locked: {network: 'base', tokenId: 1, address: null}};
    const short = reload(keptFrom(10), locked);
    expect([short.step, paymentsUsd(short)]).to.deep.equal(['underpaid', 10]);
    // 45 USD seen, and only 10 counted since (it failed unheard, and another payment landed): 10 received, never 45 (re-probe).
    const other = reload(keptFrom(45), locked);
    expect([other.step, paymentsUsd(other), arrivedUsd(run([invoice('expired', 30_000)], other).state)]).to.deep.equal([
      'underpaid',
      10,
      10,
    ]);
    // Ended unpaid while it was closed: nothing of it was counted.
    const expired = reload(keptFrom(10), {...session, status: 'expired'});
    expect([expired.step, paymentsUsd(expired)]).to.deep.equal(['expired', 0]);
  });

  it('a wait read back after a reload whose payment failed unheard is never counted: what arrived is what Pepay counted (phone probe)', () => {
    // The place kept while pay_1 (40 USD) was on its way, read back by a page that polls: pay_1 fails unheard.
    const kept = rememberedOf(run([payment('pending')], paying()).state, 0, 0);
    const reloaded = () =>
      run([
        {type: 'start', at: 0},
        {type: 'loaded', session, tokens: [token], questions: [], email: 'a@x.org', at: 0, remembered: {place: kept, memory}, wallAt: 0},
      ]).state;
    expect(reloaded().step).to.equal('confirming');
    // The payer goes back, 10 USD of another payment lands, then the request ends.
    // Not going back: 10 USD of another payment is counted by a session read, under the wait (re-probe).
    const locked = {...session, status: 'underpaid' as const, amountRemainingUsd: 30, locked: {network: 'base', tokenId: 1, address: null}};
    const read = run([{type: 'session-refreshed', sentAt: 0, session: locked, at: 1000}, invoice('expired', 30_000)], reloaded()).state;
    expect([read.step, arrivedUsd(read)]).to.deep.equal(['expired', 10]);
    const back = run([{type: 'stop-waiting'}], reloaded()).state;
    const partial = run([payment('pending', {id: 'pay_2', amount_usd: 10}), invoice('underpaid', 30_000)], back).state;
    const ended = run([invoice('expired', 30_000)], partial).state;
    expect([ended.step, arrivedUsd(ended), overpaidUsd(ended)]).to.deep.equal(['expired', 10, 0]);
    // Or pays it all again, heard: nothing was sent beyond what was due.
    const again = run([payment('pending', {id: 'pay_2'}), invoice('paid', 0)], reloaded()).state;
    expect([again.step, overpaidUsd(again)]).to.deep.equal(['paid', 0]);
  });

  it('a late or replayed "pending" for a payment already counted is not waited for again', () => {
    const locked = {...session, status: 'underpaid' as const, amountRemainingUsd: 15, locked: {network: 'base', tokenId: 1, address: null}};
    const short = run(
      [payment('pending'), invoice('underpaid', 15_000), {type: 'session-refreshed', sentAt: 0, session: locked, at: 1000}],
      paying(),
    );
    expect(short.state.step).to.equal('underpaid');
    expect(run([payment('pending')], short.state).state.step).to.equal('underpaid');
  });

  // Counted with no wait open (its "pending" lost while the socket was silent), then the late
  // "pending" arrives last: the payer was left waiting for good (a network probe).
  it('a "pending" arriving after its payment was counted, with no wait between, is not waited for', () => {
    const counted = run([payment('confirmed', {amount_usd: 15}), invoice('underpaid', 25_000)], paying()).state;
    expect([counted.step, counted.payments]).to.deep.equal(['awaiting-payment', {pay_1: 15}]);
    expect(run([payment('pending', {amount_usd: 15})], counted).state.step).to.equal('awaiting-payment');
    // A sibling: counted on the address step (the invoice's news not here yet), then a late kin of "pending".
    const first = run([payment('underpaid', {id: 'pay_9', amount_usd: 5})], paying()).state;
    expect(run([payment('detected', {id: 'pay_9'})], first).state.step).to.equal('awaiting-payment');
  });

  it('while a wallet has the request, no quote refresh or token change moves what it sends; its end releases them', () => {
    const started = run([{type: 'wallet-started'}], paying()).state;
    expect(started.busy).to.equal('wallet');
    const later = run([{type: 'tick', at: 120_000}, {type: 'change-token'}], started);
    expect([later.effects, later.state.step]).to.deep.equal([[], 'awaiting-payment']);
    const ended = run(
      [
        {type: 'wallet-ended', invoiceId: 'inv_1'},
        {type: 'tick', at: 120_000},
      ],
      started,
    );
    expect([ended.state.busy, ended.effects]).to.deep.equal(['address', ['allocate']]);
    // What the wallet sent after the payer moved to another token is still waited for.
    const elsewhere = run(
      [{type: 'change-token'}, {type: 'wallet-sent', invoiceId: 'inv_1', wallet: 'W', chainId: 84532, txHash: HASH}],
      paying(),
    );
    expect(elsewhere.state.step).to.equal('confirming');
  });

  it('a request left open in the wallet is remembered until the wallet answers it, whatever the step; its answer frees no newer press', () => {
    const left = run([{type: 'wallet-started'}, {type: 'wallet-left-open', invoiceId: 'inv_1'}], paying()).state;
    expect([left.busy, left.walletLeftOpen]).to.deep.equal([null, 1]);
    // Pressed again, then the first request is refused at last: the second press still holds the price.
    const again = run([{type: 'wallet-started'}, {type: 'wallet-ended', invoiceId: 'inv_1', leftOpen: true}], left).state;
    expect([again.busy, again.walletLeftOpen]).to.deep.equal(['wallet', 0]);
    // Paid meanwhile (found by a wallet payer's probe): what the wallet then sends is recorded, and the last screen stays.
    const paid = run([{type: 'wallet-started'}, invoice('paid', 0), {type: 'wallet-left-open', invoiceId: 'inv_1'}], left).state;
    expect([paid.step, paid.busy, paid.walletLeftOpen]).to.deep.equal(['paid', null, 2]);
    const late = run([{type: 'wallet-sent', invoiceId: 'inv_1', leftOpen: true, wallet: 'W', chainId: 84532, txHash: HASH}], paid);
    expect([late.state.step, late.state.walletLeftOpen, late.state.detected, late.effects]).to.deep.equal(['paid', 1, null, []]);
    expect(late.events).to.deep.equal([
      {name: 'pepay-wallet-transaction', detail: {invoiceId: 'inv_1', wallet: 'W', chainId: 84532, txHash: HASH}},
    ]);
    expect(run([{type: 'wallet-ended', invoiceId: 'inv_1', leftOpen: true}], late.state).state.walletLeftOpen).to.equal(0);
  });

  it("a wallet's late answer is not the payer acting, and never counts below none or reaches a session still loading (found in review)", () => {
    // Restarted (its count anew) while old answers come: none left open is the floor.
    expect(run([{type: 'wallet-ended', invoiceId: 'inv_1', leftOpen: true}], paying()).state.walletLeftOpen).to.equal(0);
    // A note of what changed stays until the payer acts: a refusal in the wallet is not that.
    const told = run([{type: 'wallet-left-open', invoiceId: 'inv_1'}], {...paying(), changed: 'instruction'}).state;
    expect(run([{type: 'wallet-ended', invoiceId: 'inv_1', leftOpen: true}], told).state.changed).to.equal('instruction');
    expect(run([{type: 'refresh-quote'}], told).state.changed).to.equal(null);
    // No wallet is pressed before the token list: an answer there is the session's before a restart.
    const loading = run([{type: 'start', at: 0}]).state;
    const late = run([{type: 'wallet-sent', invoiceId: 'inv_1', leftOpen: true, wallet: 'W', chainId: 84532, txHash: HASH}], loading);
    expect([late.state.step, late.state.walletTx, late.events]).to.deep.equal(['loading', null, []]);
  });

  it("a wallet's answer for another invoice (the element was given a new session meanwhile) is not this invoice's (found in review)", () => {
    // The session before's transaction, left open in the wallet when the session changed (wallet probe), then this one's.
    const held = run(
      [{type: 'wallet-left-open', invoiceId: 'inv_0'}, {type: 'wallet-started'}, {type: 'wallet-left-open', invoiceId: 'inv_1'}],
      paying(),
    ).state;
    expect(held.walletLeftOpen).to.equal(2);
    const other = {invoiceId: 'inv_0', wallet: 'W', chainId: 84532, txHash: HASH};
    for (const answer of [
      {type: 'wallet-sent', leftOpen: true, ...other},
      {type: 'wallet-ended', invoiceId: 'inv_0', leftOpen: true},
    ] as const) {
      // Answered: one left open fewer, and nothing recorded or waited for here.
      const late = run([answer], held);
      expect([late.state, late.events, late.effects], answer.type).to.deep.equal([{...held, walletLeftOpen: 1}, [], []]);
    }
    // Another invoice's answer to a request never left open (its hold ended with its view) is nothing here.
    const plain = run([{type: 'wallet-sent', ...other}], held);
    expect([plain.state, plain.effects]).to.deep.equal([held, []]);
    // Nor is a restart the end of it: the payer's wallet still holds it.
    expect(run([{type: 'start', at: 0}], held).state.walletLeftOpen).to.equal(2);
    // Its own invoice's answer is taken: recorded and waited for.
    const own = run([{type: 'wallet-sent', leftOpen: true, ...other, invoiceId: 'inv_1'}], held);
    expect([own.state.step, own.state.walletTx?.txHash, own.state.walletLeftOpen]).to.deep.equal(['confirming', HASH, 1]);
  });

  it('"Back to the payment details" leaves a wait only the wallet reported, not one Pepay reported', () => {
    const sent = run([{type: 'wallet-sent', invoiceId: 'inv_1', wallet: 'W', chainId: 84532, txHash: HASH}], paying()).state;
    expect(run([{type: 'stop-waiting'}], sent).state.step).to.equal('awaiting-payment');
    const seen = run([payment('pending')], paying()).state;
    expect(run([{type: 'stop-waiting'}], seen).state.step).to.equal('confirming');
  });

  it('a remembered place is asked as shown today (rounded up) and a remembered wallet transaction is waited for again', () => {
    const remembered = rememberedAt('39.9999901', {walletTx: {wallet: 'W', chainId: 84532, txHash: HASH}});
    const r = run([
      {type: 'start', at: 0},
      {
        type: 'loaded',
        session,
        tokens: [token],
        questions: [],
        email: 'a@x.org',
        at: 0,
        remembered: {place: remembered, memory},
        wallAt: 0,
      },
    ]);
    expect([r.state.address?.tokenAmount, r.state.step, r.state.detected?.txHash]).to.deep.equal(['39.999991', 'confirming', HASH]);
    expect(r.effects).to.include('watch');
  });

  it('a wait read back after a reload: kept while the invoice is as it was, gone when a payment was counted meanwhile; leaving it reads the session', () => {
    const kept = rememberedAt('40.000000', {detected: {paymentId: 'pay_1', txHash: HASH}, invoiceStatus: 'unpaid', dueUsd: 40});
    const load = (s: SessionDetails) =>
      run([
        {type: 'start', at: 0},
        {type: 'loaded', session: s, tokens: [token], questions: [], email: 'a@x.org', at: 0, remembered: {place: kept, memory}, wallAt: 0},
      ]);
    const same = load(session);
    expect([same.state.step, same.state.detected]).to.deep.equal(['confirming', {paymentId: 'pay_1', txHash: HASH, unsure: true}]);
    // Leaving it: back to the address, and the session is read (what is due may have moved unheard).
    const back = run([{type: 'stop-waiting'}], same.state);
    expect([back.state.step, back.effects]).to.deep.equal(['awaiting-payment', ['refresh-session']]);
    // Counted while the page was closed (the invoice is underpaid now): no wait, the rest is asked.
    const locked = {...session, status: 'underpaid' as const, amountRemainingUsd: 15, locked: {network: 'base', tokenId: 1, address: null}};
    const counted = load(locked);
    expect([counted.state.step, counted.state.detected]).to.deep.equal(['underpaid', null]);
  });

  it('a pending payment on the token list, or an unreadable hash, changes nothing it should not', () => {
    const list = run([
      {type: 'start', at: 0},
      {type: 'loaded', session, tokens: [token], questions: [], email: 'a@x.org', at: 0, remembered: null, wallAt: 0},
      payment('pending'),
    ]);
    expect(list.state.step).to.equal('select-token');
    const odd = run([payment('pending', {tx_hash: '<script>'})], paying());
    expect(odd.state.detected).to.deep.equal({paymentId: 'pay_1', txHash: null});
  });
});

describe('what belongs to a step', () => {
  it('a "pending" heard after a session read counted money no event told is waited for with a way back (a replay after an outage; reviews)', () => {
    const underpaid = (remaining: number): SessionDetails => ({
      ...session,
      status: 'underpaid',
      amountRemainingUsd: remaining,
      locked: {network: 'base', tokenId: 1, address: null},
    });
    const read = (remaining: number, at: number): Input => ({type: 'session-refreshed', sentAt: at, session: underpaid(remaining), at});
    const pending = (id: string, usd: number | null, status = 'pending') =>
      payment(status, {id, ...(usd === null ? {amount_usd: undefined} : {amount_usd: usd})});
    const wayBack = (s: CheckoutState) => [s.step, s.detected?.paymentId ?? null, mayStopWaiting(s.detected)];
    // 20 of 40 counted by a read (polling: no payment heard); the stream then replays its "pending".
    const polled = run([read(20, 1)], paying()).state;
    expect(polled.countedUnheard).to.equal(true);
    for (const usd of [20, 20.0006, null, 5]) {
      const replayed = run([pending('pay_2', usd)], polled).state;
      expect(wayBack(replayed), `${usd}`).to.deep.equal(['confirming', 'pay_2', true]);
      // Nothing moves after it: the payer goes back to the rest, and what is due is read again.
      const back = run([{type: 'stop-waiting'}], replayed);
      expect([back.state.step, back.effects]).to.deep.equal(['underpaid', ['refresh-session']]);
      // …and a later status of that payment does not start its wait again (review).
      expect(run([read(20, 2), pending('pay_2', usd, 'confirming')], back.state).state.step).to.equal('underpaid');
    }
    // Heard twice (a second status), once the stream has told what is due: the way back stays (review).
    const quote = event('payment_quote.updated', {object: 'payment_quote', invoice_id: 'inv_1', amount_remaining: 20_000});
    const twice = run([pending('pay_2', 20), quote, pending('pay_2', 20, 'confirming')], polled).state;
    expect(wayBack(twice)).to.deep.equal(['confirming', 'pay_2', true]);
    // The stream told what is due: a "pending" after it is its to end.
    expect(run([quote, pending('pay_5', 20)], polled).state.detected).to.deep.equal({paymentId: 'pay_5', txHash: null});
    // A read that ends the wait it counted: nothing unheard.
    const heard = run([payment('pending', {id: 'pay_1', amount_usd: 20}), read(20, 1)], paying()).state;
    expect([heard.countedUnheard, run([pending('pay_3', 20)], heard).state.detected]).to.deep.equal([
      false,
      {paymentId: 'pay_3', txHash: null},
    ]);
    // Money paid before the page loaded is no replay to come: the rest sent is the stream's to end (review).
    const loaded = run([
      {type: 'start', at: 0},
      {type: 'loaded', session: underpaid(20), tokens: [token], questions: [], email: 'a@x.org', at: 0, remembered: null, wallAt: 0},
      {type: 'address-allocated', address: address('20.000000'), requested: {network: 'base', tokenId: 1}, at: 0},
    ]).state;
    expect(wayBack(run([pending('pay_9', 20)], loaded).state)).to.deep.equal(['confirming', 'pay_9', false]);
    // A total lowered (40 to 30) or raised is not money counted.
    for (const amountUsd of [30, 50]) {
      const changed = run(
        [{type: 'session-refreshed', sentAt: 1, at: 1, session: {...session, amountUsd, amountRemainingUsd: amountUsd}}],
        paying(),
      );
      expect(changed.state.countedUnheard, `${amountUsd}`).to.equal(false);
    }
  });

  it('a notice from the payment step does not follow the payer into confirming', () => {
    const refused = {...paying(), notice: {code: 'invalid-response' as const, message: 'no', retryable: true}};
    const seen = run([payment('pending')], refused);
    expect([seen.state.step, seen.state.notice]).to.deep.equal(['confirming', null]);
  });
});
