import {expect} from '@open-wc/testing';
import type {PaymentAddress, Question, SessionDetails} from '../../src/api/index.js';
import {eventsBetween} from '../../src/checkout/emitted.js';
import {msUntil} from '../../src/checkout/selectors.js';
import {quoteStalled, verificationAnswer} from '../../src/checkout/figures.js';
import {formatDuration, formatMoment, formatTokenPrice, networkName, trimAmount, formatUsd} from '../../src/checkout/format.js';
import {parseEvent} from '../../src/api/schemas/events.js';
import {reduce} from '../../src/checkout/machine.js';
import * as memory from '../../src/checkout/memory.js';
import {failedToStart, initialState} from '../../src/checkout/state.js';
import type {Verification} from '../../src/api/schemas/verify.js';
import type {Remembered} from '../../src/checkout/remembered.js';
import type {CheckoutState, Input} from '../../src/checkout/types.js';
import {paymentAddress, sessionDetails, usdcOnBase} from '../support/checkout-data.js';

const session = sessionDetails;
const token = usdcOnBase();
const address = paymentAddress;

/** A manual verification job: pending, for this invoice, unless `over` says otherwise. */
const job = (over: Partial<Verification> = {}): Verification => ({
  id: 'mv_1',
  invoiceId: 'inv_1',
  network: 'base',
  status: 'pending',
  attemptCount: 0,
  maxAttempts: 3,
  nextAttemptAt: null,
  completedAt: null,
  paymentFound: null,
  invoiceStatus: null,
  failed: false,
  ...over,
});

/** An allocation answer to a request for the answer's own token and network, unless `requested` says otherwise. */
const answer = (a: PaymentAddress, at: number, requested = {network: a.network, tokenId: a.tokenId}): Input => ({
  type: 'address-allocated',
  address: a,
  requested,
  at,
});

function run(inputs: Input[], start: CheckoutState = initialState()) {
  let state = start;
  const effects: string[] = [];
  for (const input of inputs) {
    const t = reduce(state, input);
    state = t.state;
    effects.push(...t.effects.map((e) => e.type));
  }
  return {state, effects};
}

const toTokens: Input[] = [
  {type: 'start', at: 0},
  {type: 'loaded', session: session(), tokens: [token], questions: [], email: 'a@example.com', at: 100, remembered: null, wallAt: 0},
];

describe('checkout machine', () => {
  it('loads, then skips answered steps to the token picker', () => {
    const {state, effects} = run(toTokens);
    expect(state.step).to.equal('select-token');
    expect(effects).to.deep.equal(['load']);
    expect(state.expiresAtMono).to.equal(60_100);
  });

  it('asks questions, then e-mail, in that order', () => {
    const q = [{id: 'q1', label: 'Q', type: 'text' as const, required: true}];
    let r = run([
      {type: 'start', at: 0},
      {type: 'loaded', session: session(), tokens: [token], questions: q, email: null, at: 0, remembered: null, wallAt: 0},
    ]);
    expect(r.state.step).to.equal('questions');
    r = run([{type: 'questions-submitted', answers: [{questionId: 'q1', response: 'x'}]}], r.state);
    expect([r.state.busy, r.effects]).to.deep.equal(['questions', ['submit-questions']]);
    r = run([{type: 'questions-saved'}], r.state);
    expect(r.state.step).to.equal('email');
    r = run([{type: 'email-skipped'}], r.state);
    expect(r.state.step).to.equal('select-token');
  });

  it('an open invoice with no token to pay with is an error to try again, before any question', () => {
    const q = [{id: 'q1', label: 'Q', type: 'text' as const, required: true}];
    const r = run([
      {type: 'start', at: 0},
      {type: 'loaded', session: session(), tokens: [], questions: q, email: null, at: 0, remembered: null, wallAt: 0},
    ]);
    expect([r.state.step, r.state.error?.code, r.state.error?.retryable, r.effects]).to.deep.equal([
      'error',
      'server',
      true,
      ['load', 'stop'],
    ]);
    // What the payer is shown by name: the invoice read still says whom they pay.
    expect(r.state.invoiceId).to.equal(session().invoiceId);
  });

  it('opens on the terminal screen for a finished invoice and does nothing after', () => {
    for (const status of ['paid', 'expired', 'canceled'] as const) {
      const r = run([
        {type: 'start', at: 0},
        {type: 'loaded', session: session({status}), tokens: [], questions: [], email: null, at: 0, remembered: null, wallAt: 0},
      ]);
      expect([r.state.step, r.effects]).to.deep.equal([status, ['load', 'stop']]);
      expect(
        run(
          [
            {type: 'status', status: 'unpaid', paidAt: null},
            {type: 'token-chosen', network: 'base', tokenId: 1},
          ],
          r.state,
        ).effects,
      ).to.deep.equal([]);
    }
  });

  it('allocates, counts the quote down, refreshes it when it runs out, and goes paid on status', () => {
    let r = run([...toTokens, {type: 'token-chosen', network: 'base', tokenId: 1}, answer(address(), 1000)]);
    expect(r.state.step).to.equal('awaiting-payment');
    expect(r.effects.at(-1)).to.equal('watch');
    r = run([{type: 'tick', at: 301_000}], r.state);
    expect(r.effects).to.include('allocate');
    expect(r.effects).to.include('refresh-session');
    r = run([{type: 'status', status: 'paid', paidAt: 5}], r.state);
    expect([r.state.step, r.state.paidAt, r.effects]).to.deep.equal(['paid', 5, ['stop']]);
  });

  it('a re-read session that says paid is a confirmed end, shown at once (no further request for the time)', () => {
    const r = run([{type: 'session-refreshed', sentAt: 0, session: session({status: 'paid'}), at: 5}], run(toTokens).state);
    expect([r.state.step, r.state.paidAt, r.effects]).to.deep.equal(['paid', null, ['stop']]);
  });

  it('news naming another invoice is ignored: a session re-read, a poll (issue 15, kind 1 siblings)', () => {
    const onTokens = run(toTokens).state;
    expect(
      run([{type: 'session-refreshed', sentAt: 0, session: session({invoiceId: 'inv-OTHER', status: 'canceled'}), at: 5}], onTokens).state,
    ).to.equal(onTokens);
    expect(run([{type: 'status', status: 'canceled', paidAt: null, invoiceId: 'inv-OTHER'}], onTokens).state).to.equal(onTokens);
    expect(run([{type: 'status', status: 'canceled', paidAt: null, invoiceId: 'inv_1'}], onTokens).state.step).to.equal('canceled');
  });

  it("an order event without an invoice id counts when it names this invoice's order", () => {
    const order = (orderId: string): Input => ({
      type: 'event',
      event: {
        id: `o-${orderId}`,
        type: 'commerce.order.updated',
        created: null,
        subject: {kind: 'order', orderId, status: 'placed', invoiceId: null, tracking: null},
      },
    });
    const paidEvent: Input = {
      type: 'event',
      event: {
        id: 'p1',
        type: 'invoice.updated',
        created: null,
        subject: {kind: 'invoice', invoiceId: 'inv_1', status: 'paid', paidAt: 9, amountRemainingUsd: 0, commerceOrderId: 'o1'},
      },
    };
    const paid = run([...toTokens, paidEvent]).state;
    expect(run([order('o9')], paid).state.order).to.equal(null);
    expect(run([order('o1')], paid).state.order).to.deep.equal({orderId: 'o1', status: 'placed', tracking: null});
    // An order given its tracking number after it shipped: the host hears it (a review: only status changes fired).
    const shipped = (id: string, tracking: {carrier: string | null; number: string} | null): Input => ({
      type: 'event',
      event: {
        id,
        type: 'commerce.order.updated',
        created: null,
        subject: {kind: 'order', orderId: 'o1', status: 'shipped', invoiceId: null, tracking},
      },
    });
    const untracked = run([order('o1'), shipped('s1', null)], paid).state;
    const ups = {carrier: 'UPS', number: '1Z999AA10123456784'};
    const tracked = run([shipped('s2', ups)], untracked).state;
    expect(eventsBetween(untracked, tracked)).to.deep.equal([
      {name: 'pepay-order', detail: {orderId: 'o1', status: 'shipped', tracking: ups}},
    ]);
    expect(eventsBetween(tracked, run([shipped('s3', {...ups})], tracked).state)).to.deep.equal([]);
  });

  it('an allocation off the locked rails is refused with a notice, never shown, never looped', () => {
    const locked = {network: 'base', tokenId: 1, address: '0xabc'};
    let r = run([
      ...toTokens,
      {type: 'session-refreshed', sentAt: 0, session: session({status: 'underpaid', amountRemainingUsd: 15, locked}), at: 10},
    ]);
    expect([r.state.step, r.effects.at(-1)]).to.deep.equal(['underpaid', 'allocate']);
    r = run([answer(address({network: 'ethereum', tokenId: 7}), 20)], r.state);
    expect([r.state.address, r.state.busy, r.state.notice?.code, r.effects]).to.deep.equal([null, null, 'invalid-response', []]);
  });

  it('what is still due never goes back up, whatever order the news arrives in', () => {
    const quote = (usd: number): Input => ({
      type: 'event',
      event: {
        id: `q${usd}`,
        type: 'payment_quote.updated',
        created: null,
        subject: {kind: 'quote', invoiceId: 'inv_1', network: 'base', amountRemainingUsd: usd},
      },
    });
    const r = run([
      ...toTokens,
      quote(15),
      {type: 'session-refreshed', sentAt: 0, session: session({amountRemainingUsd: 40}), at: 1},
      quote(30),
    ]);
    expect(r.state.amountRemainingUsd).to.equal(15);
  });

  it('a wrong wall clock changes nothing: expiry is server-relative on the monotonic clock', () => {
    const r = run([...toTokens, {type: 'tick', at: 30_000}]);
    expect(msUntil(r.state.expiresAtMono, 30_000)).to.equal(30_100);
    expect(r.effects).not.to.include('refresh-session');
  });

  it('a countdown over asks the server at each tick, and keeps its deadline (shown at 0:00) until the server ends it', () => {
    let r = run([{type: 'tick', at: 61_000}], run(toTokens).state);
    const expiry = r.state.expiresAtMono;
    expect([r.effects, msUntil(expiry, 61_000)]).to.deep.equal([['refresh-session'], 0]);
    r = run([{type: 'tick', at: 63_000}], r.state);
    expect([r.effects, r.state.expiresAtMono]).to.deep.equal([['refresh-session'], expiry]);
  });

  it('a session read doubting the session is made again 5 s later, and a read that answers ends the notice', () => {
    const doubt = {code: 'invalid-session', message: 'x', retryable: false} as const;
    let r = run([{type: 'failed', operation: 'session', error: doubt, at: 1000}], run(toTokens).state);
    expect([r.state.notice?.code, r.state.sessionRecheckAt]).to.deep.equal(['invalid-session', 6000]);
    expect(run([{type: 'tick', at: 5999}], r.state).effects).to.deep.equal([]);
    r = run([{type: 'tick', at: 6000}], r.state);
    expect([r.effects, r.state.sessionRecheckAt]).to.deep.equal([['refresh-session'], null]);
    // A re-read that fails otherwise (a network blip, found by a review) keeps the doubt and the re-reads.
    const blip = {code: 'network', message: 'x', retryable: true} as const;
    r = run([{type: 'failed', operation: 'session', error: blip, at: 6100}], r.state);
    expect([r.state.notice?.code, r.state.sessionRecheckAt]).to.deep.equal(['invalid-session', 11_100]);
    r = run([{type: 'session-refreshed', sentAt: 11_100, session: session(), at: 11_200}], r.state);
    expect([r.state.notice, r.state.sessionRecheckAt]).to.deep.equal([null, null]);
  });

  it('underpaid: asks for the locked rails, then re-quotes the remainder on them', () => {
    let r = run([...toTokens, {type: 'token-chosen', network: 'base', tokenId: 1}, answer(address(), 0)]);
    r = run([{type: 'status', status: 'underpaid', paidAt: null}], r.state);
    expect(r.effects).to.deep.equal(['refresh-session']);
    const locked = {network: 'base', tokenId: 1, address: '0xabc'};
    r = run(
      [{type: 'session-refreshed', sentAt: 0, session: session({status: 'underpaid', amountRemainingUsd: 15, locked}), at: 10}],
      r.state,
    );
    expect([r.state.step, r.state.busy, r.effects]).to.deep.equal(['underpaid', 'address', ['allocate']]);
    r = run([answer(address({tokenAmount: '15.000000'}), 20)], r.state);
    expect([r.state.step, r.state.busy, r.state.address?.tokenAmount]).to.deep.equal(['underpaid', null, '15.000000']);
    expect(run([{type: 'change-token'}], r.state).state.step).to.equal('underpaid');
  });

  it('a session read answered after a later one is older news: the lock, the time left and the events stay (found by a network probe)', () => {
    const locked = {network: 'base', tokenId: 1, address: '0xabc'};
    let r = run([...toTokens, {type: 'token-chosen', network: 'base', tokenId: 1}, answer(address(), 0)]);
    r = run([{type: 'status', status: 'underpaid', paidAt: null}], r.state);
    const underpaid = session({status: 'underpaid', amountRemainingUsd: 15, locked, remainingMs: 50_000});
    // The read sent at 2000 answers first; the one sent at 1000 (before the payment) comes 6 s late.
    const newer: Input = {type: 'session-refreshed', sentAt: 2000, session: underpaid, at: 2100};
    const stale: Input = {type: 'session-refreshed', sentAt: 1000, session: session({remainingMs: 60_000}), at: 8000};
    const before = run([newer], r.state);
    const after = reduce(before.state, stale);
    expect(after.state).to.equal(before.state);
    expect(after.effects).to.deep.equal([]);
    expect(eventsBetween(before.state, after.state)).to.deep.equal([]);
    // Sibling: a later read that forgets the rails of an invoice still underpaid (a lagging server) keeps them.
    const forgetful = run([{type: 'session-refreshed', sentAt: 9000, session: {...underpaid, locked: null}, at: 9100}], before.state);
    expect([forgetful.state.session?.locked, forgetful.state.step]).to.deep.equal([locked, 'underpaid']);
    expect(eventsBetween(before.state, forgetful.state).map((e) => e.name)).to.deep.equal([]);
  });

  it('events: quote updates the remainder, order updates survive the paid screen, unknown events are ignored', () => {
    let r = run([
      ...toTokens,
      {
        type: 'event',
        event: {
          id: 'e1',
          type: 'payment_quote.updated',
          created: null,
          subject: {kind: 'quote', invoiceId: 'inv_1', network: 'base', amountRemainingUsd: 12},
        },
      },
    ]);
    expect(r.state.amountRemainingUsd).to.equal(12);
    r = run(
      [
        {
          type: 'event',
          event: {
            id: 'e2',
            type: 'invoice.updated',
            created: null,
            subject: {kind: 'invoice', invoiceId: 'inv_1', status: 'paid', paidAt: 9, amountRemainingUsd: 0, commerceOrderId: null},
          },
        },
      ],
      r.state,
    );
    expect(r.state.step).to.equal('paid');
    r = run(
      [
        {
          type: 'event',
          event: {
            id: 'e3',
            type: 'commerce.order.updated',
            created: null,
            subject: {kind: 'order', orderId: 'o1', status: 'placed', invoiceId: 'inv_1', tracking: null},
          },
        },
      ],
      r.state,
    );
    expect(r.state.order).to.deep.equal({orderId: 'o1', status: 'placed', tracking: null});
    expect(run([{type: 'event', event: {id: 'e4', type: 'test.ping', created: null, subject: {kind: 'other'}}}], r.state).state).to.equal(
      r.state,
    );
  });

  it('failures: loading errors are fatal, action errors are notices, gone re-reads the session', () => {
    const err = {code: 'server' as const, message: 'x', retryable: true};
    expect(
      run([
        {type: 'start', at: 0},
        {type: 'failed', at: 0, operation: 'load', error: err},
      ]).state.step,
    ).to.equal('error');
    const onTokens = run(toTokens).state;
    const notice = run([{type: 'failed', at: 0, operation: 'address', error: err}], onTokens).state;
    expect([notice.step, notice.notice]).to.deep.equal(['select-token', err]);
    expect(
      run([{type: 'failed', at: 0, operation: 'email', error: {...err, code: 'gone', retryable: false}}], onTokens).effects,
    ).to.deep.equal(['refresh-session']);
    // A background poll refused (401/403/404) ends nothing: the session is read again to find out.
    const refused = run([{type: 'failed', at: 0, operation: 'status', error: {...err, code: 'invalid-session'}}], onTokens);
    expect([refused.state.step, refused.effects]).to.deep.equal(['select-token', ['refresh-session']]);
    // The session read refused too: the view stays, with a notice; no loop of reads.
    const reread = run([{type: 'failed', at: 0, operation: 'session', error: {...err, code: 'session-not-found'}}], refused.state);
    expect([reread.state.step, reread.state.notice?.code, reread.effects]).to.deep.equal(['select-token', 'session-not-found', []]);
    // The session then reads fine: the notice that it is not valid goes (it stayed beside a working
    // address: a network probe), as does one a payer action was refused with; any other stays.
    const readFine: Input = {type: 'session-refreshed', sentAt: 1, session: onTokens.session!, at: 1};
    expect(run([readFine], reread.state).state.notice).to.equal(null);
    const refusedAction = run([{type: 'failed', at: 0, operation: 'email', error: {...err, code: 'invalid-session'}}], onTokens).state;
    expect(run([readFine], refusedAction).state.notice).to.equal(null);
    expect(run([readFine], notice).state.notice).to.deep.equal(err);
    expect(run([{type: 'failed', at: 0, operation: 'status', error: err}], onTokens).state).to.equal(onTokens);
    const retried = run([{type: 'start', at: 5}], failedToStart(err));
    expect([retried.state.step, retried.effects]).to.deep.equal(['loading', ['load']]);
  });

  it('news about another invoice is ignored, whichever way it came (issue 15, kind 1)', () => {
    const onTokens = run(toTokens).state;
    const other = parseEvent({
      id: 'evt_20-1',
      object: 'event',
      type: 'invoice.updated',
      created: 1,
      data: {object: {object: 'invoice', id: 'inv-OTHER', status: 'paid', paid_at: '2025-01-01T00:00:00Z'}},
    })!;
    expect(run([{type: 'event', event: other}], onTokens).state).to.equal(onTokens);
    // Sibling: a quote with an empty invoice id, and an order of another invoice.
    const emptyId = parseEvent({
      id: 'evt_21-1',
      object: 'event',
      type: 'payment_quote.updated',
      data: {object: {object: 'payment_quote', invoice_id: '', amount_remaining: 1000}},
    })!;
    const otherOrder = parseEvent({
      id: 'evt_22-1',
      object: 'event',
      type: 'commerce.order.updated',
      data: {object: {object: 'commerce_order', id: 'o9', status: 'shipped', invoice_id: 'inv-OTHER'}},
    })!;
    expect(
      run(
        [
          {type: 'event', event: emptyId},
          {type: 'event', event: otherOrder},
        ],
        onTokens,
      ).state,
    ).to.equal(onTokens);
  });

  it('an unquoted address becomes a quote-unavailable notice and is retried after the server hint, held to at least 5 s', () => {
    const unquoted = address({quoteStatus: 'unavailable', tokenAmount: null, retryAfterMs: 0});
    let r = run([...toTokens, {type: 'token-chosen', network: 'base', tokenId: 1}, answer(unquoted, 0)]);
    r = run([{type: 'tick', at: 2000}], r.state);
    expect(r.state.notice?.code).to.equal('quote-unavailable');
    expect(r.effects).not.to.include('allocate');
    r = run([{type: 'tick', at: 5000}], r.state);
    expect(r.effects).to.deep.equal(['allocate']);
  });

  it('quotes that expire at once: refreshed no sooner than 10 s, three times, then the payer asks', () => {
    const instant = address({quoteExpiresInMs: 0});
    let r = run([...toTokens, {type: 'token-chosen', network: 'base', tokenId: 1}, answer(instant, 0)]);
    const allocations: number[] = [];
    for (let at = 1000; at <= 120_000; at += 1000) {
      r = run([{type: 'tick', at}], r.state);
      if (r.effects.includes('allocate')) {
        allocations.push(at);
        r = run([answer(instant, at)], r.state);
      }
    }
    expect(allocations).to.deep.equal([10_000, 20_000]);
    // A negative lifetime is held to the same floor.
    const shown = run([...toTokens, {type: 'token-chosen', network: 'base', tokenId: 1}, answer(address({quoteExpiresInMs: -5000}), 0)]);
    const negative = run([{type: 'tick', at: 9999}], shown.state);
    expect(negative.effects).not.to.include('allocate');
    expect(r.state.notice?.code).to.equal('quote-unavailable');
    expect(r.state.quoteExpiresAtMono).to.equal(null);
    r = run([{type: 'refresh-quote'}], r.state);
    expect([r.state.busy, r.effects]).to.deep.equal(['address', ['allocate']]);
  });

  it('a price refresh that fails hides the price that ran out and is tried again after 5 s, then 10 s, then the payer asks (found by a network probe)', () => {
    const err = {code: 'server' as const, message: 'x', retryable: true};
    let r = run([...toTokens, {type: 'token-chosen', network: 'base', tokenId: 1}, answer(address(), 0)]);
    r = run([{type: 'tick', at: 300_000}], r.state);
    expect(r.effects).to.include('allocate');
    r = run([{type: 'failed', at: 300_100, operation: 'address', error: err}], r.state);
    // The address stays; the amount that ran out is no longer the instruction.
    expect([r.state.address?.address, r.state.address?.tokenAmount, r.state.notice, r.state.busy]).to.deep.equal([
      '0xabc',
      null,
      err,
      null,
    ]);
    expect(quoteStalled(r.state)).to.equal(true);
    const tries: number[] = [];
    for (let at = 301_000; at <= 400_000; at += 1000) {
      r = run([{type: 'tick', at}], r.state);
      if (r.effects.includes('allocate')) {
        tries.push(at);
        r = run([{type: 'failed', at, operation: 'address', error: err}], r.state);
      }
    }
    expect(tries).to.deep.equal([306_000, 316_000]);
    expect([r.state.quoteExpiresAtMono, quoteStalled(r.state)]).to.deep.equal([null, true]);
    // The payer asks, and the price comes back.
    r = run([{type: 'refresh-quote'}, answer(address({tokenAmount: '40.100000'}), 400_500)], r.state);
    expect([r.state.address?.tokenAmount, r.state.notice, r.state.quoteExpiresAtMono]).to.deep.equal(['40.100000', null, 700_500]);
    // No amount was on screen while it was made again: the one that comes is not said as a change.
    expect(r.state.changed).to.equal(null);
  });

  it('the price back after a miss, the same as before, is not said as a change; another address is (found by a payer walk)', () => {
    const err = {code: 'server' as const, message: 'x', retryable: true};
    let r = run([...toTokens, {type: 'token-chosen', network: 'base', tokenId: 1}, answer(address(), 0)]);
    r = run(
      [
        {type: 'tick', at: 300_000},
        {type: 'failed', at: 300_100, operation: 'address', error: err},
        {type: 'tick', at: 305_100},
      ],
      r.state,
    );
    const same = run([answer(address(), 305_200)], r.state);
    expect([same.state.address?.tokenAmount, same.state.changed]).to.deep.equal(['40.000000', null]);
    const moved = run([answer(address({address: '0x5555555555555555555555555555555555555555'}), 305_200)], r.state);
    expect(moved.state.changed).to.equal('instruction');
  });

  it('an underpaid remainder whose price is refused (400) is asked again on the schedule, not at once after each session re-read (found in review)', () => {
    const locked = {network: 'base', tokenId: 1, address: '0xabc'};
    const underpaid = session({status: 'underpaid', amountRemainingUsd: 15, locked});
    const refused = {code: 'bad-request' as const, message: 'x', retryable: false};
    let r = run([
      ...toTokens,
      {type: 'token-chosen', network: 'base', tokenId: 1},
      answer(address(), 0),
      {type: 'status', status: 'underpaid', paidAt: null},
    ]);
    // What a server that refuses every price does, answered as the controller would: each
    // allocation refused, each session read answered at once.
    const allocations: number[] = [];
    let pending = r.effects.slice(-1);
    for (let at = 1000; at <= 60_000; at += 500) {
      const inputs: Input[] = [];
      for (const effect of pending) {
        if (effect === 'refresh-session') inputs.push({type: 'session-refreshed', sentAt: at, session: underpaid, at});
        if (effect === 'allocate') {
          allocations.push(at);
          inputs.push({type: 'failed', at, operation: 'address', error: refused});
        }
      }
      r = run([...inputs, {type: 'tick', at}], r.state);
      pending = r.effects;
      // No amount is ever offered: none came for the remainder (the view hides one made for the old).
      const offered = Boolean(r.state.address?.tokenAmount) && r.state.quotedRemainingUsd === r.state.amountRemainingUsd;
      expect(offered, `at ${at}`).to.equal(false);
    }
    expect(allocations.length).to.equal(3);
    expect(allocations[1]! - allocations[0]!).to.be.within(5000, 6000);
    expect([r.state.step, r.state.quoteExpiresAtMono, quoteStalled(r.state)]).to.deep.equal(['underpaid', null, true]);
  });

  it('a refresh the payer asked for while the price still holds keeps that price when it fails, and an answer refused is a miss too', () => {
    const err = {code: 'network' as const, message: 'x', retryable: true};
    const shown = run([...toTokens, {type: 'token-chosen', network: 'base', tokenId: 1}, answer(address(), 0)]).state;
    const early = run([{type: 'refresh-quote'}, {type: 'failed', at: 290_000, operation: 'address', error: err}], shown);
    expect([early.state.address?.tokenAmount, early.state.quoteExpiresAtMono, early.state.busy]).to.deep.equal([
      '40.000000',
      300_000,
      null,
    ]);
    // Sibling: the refresh at the end of the quote answered with another token, or an amount for another sum.
    const due = run([{type: 'tick', at: 300_000}], shown).state;
    const other = run([answer(address({tokenId: 2}), 300_100, {network: 'base', tokenId: 1})], due);
    expect([other.state.address?.tokenAmount, other.state.quoteExpiresAtMono, other.effects]).to.deep.equal([null, 305_100, []]);
    const resummed = run([answer(address({tokenAmount: '20.000000'}), 300_100)], due);
    expect([resummed.state.address?.tokenAmount, resummed.state.notice?.code, resummed.state.quoteExpiresAtMono]).to.deep.equal([
      null,
      'invalid-response',
      305_100,
    ]);
  });

  it('a job pending for good is read ever less often, eight times in all, then left (issue 15, kind 6)', () => {
    const pending = job();
    let r = run([
      ...toTokens,
      {type: 'token-chosen', network: 'base', tokenId: 1},
      answer(address({quoteExpiresInMs: 3_600_000}), 0),
      {type: 'verify-requested'},
    ]);
    r = run([{type: 'verification', job: pending, at: 0}], r.state);
    const reads: number[] = [];
    for (let at = 0; at <= 600_000; at += 500) {
      r = run([{type: 'tick', at}], r.state);
      if (r.effects.includes('check-verification')) {
        reads.push(at);
        r = run([{type: 'verification', job: pending, at}], r.state);
      }
    }
    expect(reads).to.deep.equal([3000, 9000, 21_000, 45_000, 75_000, 105_000, 135_000]);
  });

  // "No payment has arrived yet. Check that you sent exactly 40 USDC" names the amount asked
  // about (a keyboard probe heard the answer said again at each price refresh).
  it('a new price of another amount ends the "nothing found" answer; the same amount, or a payment found, keeps it', () => {
    const paying: Input[] = [...toTokens, {type: 'token-chosen', network: 'base', tokenId: 1}, answer(address(), 0)];
    const answered = (found: boolean | null) =>
      run([...paying, {type: 'verify-requested'}, {type: 'verification', job: job({status: 'completed', paymentFound: found}), at: 1000}])
        .state;
    const requoted = (state: CheckoutState, tokenAmount: string) =>
      verificationAnswer(run([{type: 'refresh-quote'}, answer(address({tokenAmount}), 2000)], state).state);
    const nothing = answered(false);
    expect(verificationAnswer(nothing)).to.equal('not-found');
    expect([requoted(nothing, '40.000000'), requoted(nothing, '40.100000')]).to.deep.equal(['not-found', null]);
    // Sibling: an answer that does not name the amount stands at the same address.
    expect(requoted(answered(null), '40.100000')).to.equal('unknown');
  });

  it('"I already paid": requests the job, then reads it again every 3 s while it is pending', () => {
    const pending = job({invoiceId: null});
    let r = run([...toTokens, {type: 'token-chosen', network: 'base', tokenId: 1}, answer(address(), 0), {type: 'verify-requested'}]);
    expect([r.state.busy, r.effects.at(-1)]).to.deep.equal(['verify', 'verify']);
    r = run(
      [
        {type: 'verification', job: pending, at: 1000},
        {type: 'tick', at: 3900},
      ],
      r.state,
    );
    expect(r.effects).to.deep.equal([]);
    r = run([{type: 'tick', at: 4000}], r.state);
    expect(r.effects).to.deep.equal(['check-verification']);
    r = run(
      [
        {type: 'verification', job: {...pending, status: 'completed'}, at: 4100},
        {type: 'tick', at: 9000},
      ],
      r.state,
    );
    // The job did not say whether it found a payment: the session is read to know.
    expect([r.state.verification?.status, r.effects]).to.deep.equal(['completed', ['refresh-session']]);
    // Another token while a job is pending: the old job is not read again (and the address shown is still watched).
    r = run([{type: 'verification', job: pending, at: 10_000}, {type: 'change-token'}, {type: 'tick', at: 20_000}], r.state);
    expect([r.state.verificationCheckAt, r.effects]).to.deep.equal([null, []]);
  });

  it('"I already paid" finding a payment on an unpaid invoice waits for it: no "send exactly" under it, no other token, a way back', () => {
    const paying: Input[] = [...toTokens, {type: 'token-chosen', network: 'base', tokenId: 1}, answer(address(), 0)];
    const found = job({status: 'completed', paymentFound: true, invoiceStatus: 'unpaid'});
    let r = run([...paying, {type: 'verify-requested'}, {type: 'verification', job: found, at: 2000}]);
    expect([r.state.step, r.state.detected, r.state.busy, r.effects.at(-1)]).to.deep.equal([
      'confirming',
      {paymentId: null, txHash: null, found: true},
      null,
      'refresh-session',
    ]);
    // The payment view's answer went with it: nothing is re-read, and another token is not offered.
    expect([r.state.verification, r.state.verificationCheckAt]).to.deep.equal([null, null]);
    expect(run([{type: 'change-token'}], r.state).state.step).to.equal('confirming');
    // The session still says unpaid: the wait holds. Counted: the invoice's step follows.
    const waiting = run([{type: 'session-refreshed', sentAt: 1, session: session(), at: 2100}], r.state).state;
    expect(waiting.step).to.equal('confirming');
    expect(run([{type: 'status', status: 'paid', paidAt: null}], waiting).state.step).to.equal('paid');
    // It may never be counted (this page did not hear it): the payer goes back to the same address.
    r = run([{type: 'stop-waiting'}], waiting);
    expect([r.state.step, r.state.address?.address, r.state.detected]).to.deep.equal(['awaiting-payment', '0xabc', null]);
    // Heard at last on the stream: the wait is that payment's, whose failure would be heard too.
    const heard = parseEvent({
      id: 'evt_9-1',
      object: 'event',
      type: 'invoice_payment.created',
      data: {object: {object: 'invoice_payment', id: 'pay_9', invoice_id: 'inv_1', status: 'pending', amount_usd: 49.99}},
    });
    r = run([{type: 'event', event: heard!}], waiting);
    expect(r.state.detected).to.deep.equal({paymentId: 'pay_9', txHash: null});
    expect(run([{type: 'stop-waiting'}], r.state).state.step).to.equal('confirming');
    // Sibling: found on the underpaid remainder stays on it, the figures said (it may be the payment already counted).
    const locked = {network: 'base', tokenId: 1, address: '0xabc'};
    const underpaid = session({status: 'underpaid', amountRemainingUsd: 15, locked});
    const under = run([
      {type: 'start', at: 0},
      {type: 'loaded', session: underpaid, tokens: [token], questions: [], email: 'a@example.com', at: 100, remembered: null, wallAt: 0},
      answer(address({tokenAmount: '15.000000'}), 200),
    ]);
    expect(under.state.step).to.equal('underpaid');
    const foundShort = run([{type: 'verify-requested'}, {type: 'verification', job: found, at: 3000}], under.state).state;
    expect([foundShort.step, verificationAnswer(foundShort)]).to.deep.equal(['underpaid', 'found-short']);
    // A job that says the payment left the invoice underpaid: the session's figures follow on the payment view.
    const short = job({status: 'completed', paymentFound: true, invoiceStatus: 'underpaid'});
    const counting = run([...paying, {type: 'verify-requested'}, {type: 'verification', job: short, at: 2000}]);
    expect([counting.state.step, verificationAnswer(counting.state), counting.effects.at(-1)]).to.deep.equal([
      'awaiting-payment',
      'found-counting',
      'refresh-session',
    ]);
    // …but a job that found the invoice paid found the rest: waited for as well.
    const rest = job({status: 'completed', paymentFound: true, invoiceStatus: 'paid'});
    expect(run([{type: 'verify-requested'}, {type: 'verification', job: rest, at: 3000}], under.state).state.step).to.equal('confirming');
    // An underpaid invoice with no locked rails is shown on the payment view: a payment found there
    // may be the one counted, so it is said with the figures, not waited for (found in review).
    const unlocked = run([
      {type: 'start', at: 0},
      {
        type: 'loaded',
        session: session({status: 'underpaid', amountRemainingUsd: 15}),
        tokens: [token],
        questions: [],
        email: 'a@example.com',
        at: 100,
        remembered: null,
        wallAt: 0,
      },
      {type: 'token-chosen', network: 'base', tokenId: 1},
      answer(address({tokenAmount: '15.000000'}), 200),
      {type: 'verify-requested'},
      {type: 'verification', job: job({status: 'completed', paymentFound: true}), at: 3000},
    ]).state;
    expect([unlocked.step, verificationAnswer(unlocked)]).to.deep.equal(['awaiting-payment', 'found-short']);
    // Back from a found wait reads the session: what is due may have moved as the job found it.
    expect(run([{type: 'stop-waiting'}], waiting).effects).to.deep.equal(['refresh-session']);
    // …even while a price refresh is in flight under the wait: its answer lands on the payment view (found in review).
    // (The unasked check after a reload whose quote had run out: the price is asked for as the job runs.)
    const refreshing = {...waiting, busy: 'address' as const};
    const back = run([{type: 'stop-waiting'}, answer(address({tokenAmount: '40.500000'}), 2200)], refreshing).state;
    expect([back.step, back.busy, back.address?.tokenAmount]).to.deep.equal(['awaiting-payment', null, '40.500000']);
    // The payer's wallet had sent one, and they had gone back: the job's find is waited for with its
    // hash, so the stream's word that it failed brings them back to paying.
    const tx = '0x' + 'ab'.repeat(32);
    const sentThenBack = run(
      [
        {type: 'wallet-sent', invoiceId: 'inv_1', wallet: 'W', chainId: 8453, txHash: tx},
        {type: 'stop-waiting'},
        {type: 'verify-requested'},
        {type: 'verification', job: found, at: 5000},
      ],
      run(paying).state,
    ).state;
    expect(sentThenBack.detected).to.deep.equal({paymentId: null, txHash: tx, found: true});
    const failed = parseEvent({
      id: 'evt_10-1',
      object: 'event',
      type: 'invoice_payment.updated',
      data: {object: {object: 'invoice_payment', id: 'pay_10', invoice_id: 'inv_1', status: 'failed', tx_hash: tx}},
    });
    expect(run([{type: 'event', event: failed!}], sentThenBack).state.step).to.equal('awaiting-payment');
    // Nothing found, a job that does not say: the payment view stays.
    for (const other of [job({status: 'completed', paymentFound: false}), job({status: 'completed'})]) {
      expect(run([...paying, {type: 'verify-requested'}, {type: 'verification', job: other, at: 2000}]).state.step).to.equal(
        'awaiting-payment',
      );
    }
  });

  it('a wait for what a job found ends when a payment of this invoice fails, unless that failure is known to be another transaction (phone probe)', () => {
    const paying: Input[] = [...toTokens, {type: 'token-chosen', network: 'base', tokenId: 1}, answer(address(), 0)];
    const found: Input = {type: 'verification', job: job({status: 'completed', paymentFound: true, invoiceStatus: 'unpaid'}), at: 2000};
    const failed = (txHash?: string): Input => ({
      type: 'event',
      event: parseEvent({
        id: `evt_11-${txHash ?? 'none'}`,
        object: 'event',
        type: 'invoice_payment.updated',
        data: {
          object: {object: 'invoice_payment', id: 'pay_11', invoice_id: 'inv_1', status: 'failed', ...(txHash ? {tx_hash: txHash} : {})},
        },
      })!,
    });
    const waiting = run([...paying, {type: 'verify-requested'}, found]).state;
    expect(waiting.step).to.equal('confirming');
    // The job named no payment, and this page heard of no other since: the one that failed is taken for it.
    const back = run([failed()], waiting);
    expect([back.state.step, back.state.detected, back.state.address?.address, back.effects]).to.deep.equal([
      'awaiting-payment',
      null,
      '0xabc',
      ['refresh-session'],
    ]);
    // …with a hash too, when the wait knows none.
    expect(run([failed('0x' + 'cd'.repeat(32))], waiting).state.step).to.equal('awaiting-payment');
    // Sibling: the payer's wallet sent one (the wait carries its hash); another transaction failed: still waited for.
    const tx = '0x' + 'ab'.repeat(32);
    const sent = run(
      [
        {type: 'wallet-sent', invoiceId: 'inv_1', wallet: 'W', chainId: 8453, txHash: tx},
        {type: 'stop-waiting'},
        {type: 'verify-requested'},
        found,
      ],
      run(paying).state,
    ).state;
    expect(run([failed('0x' + 'cd'.repeat(32))], sent).state.step).to.equal('confirming');
    // The wallet's transaction failed before the payer asked: the job's find is not tied to its hash (review).
    const dropped = run(
      [
        {type: 'wallet-sent', invoiceId: 'inv_1', wallet: 'W', chainId: 8453, txHash: tx},
        {
          type: 'event',
          event: parseEvent({
            id: 'evt_12-1',
            type: 'invoice_payment.updated',
            data: {object: {object: 'invoice_payment', id: 'pay_12', invoice_id: 'inv_1', status: 'failed', tx_hash: tx}},
          })!,
        },
        {type: 'verify-requested'},
        found,
      ],
      run(paying).state,
    ).state;
    expect([dropped.step, dropped.walletTx, dropped.detected]).to.deep.equal([
      'confirming',
      null,
      {paymentId: null, txHash: null, found: true},
    ]);
    expect(run([failed('0x' + 'cd'.repeat(32))], dropped).state.step).to.equal('awaiting-payment');
    // A wait only the wallet reported is not ended by a failure that names no transaction.
    const walletOnly = run([{type: 'wallet-sent', invoiceId: 'inv_1', wallet: 'W', chainId: 8453, txHash: tx}], run(paying).state).state;
    expect(run([failed()], walletOnly).state.step).to.equal('confirming');
  });

  it('fires each contract event once per change', () => {
    const a = initialState();
    const b = run(toTokens).state;
    expect(eventsBetween(a, b).map((e) => e.name)).to.deep.equal(['pepay-ready', 'pepay-step-change']);
    expect(eventsBetween(b, b)).to.deep.equal([]);
    const c = run([{type: 'token-chosen', network: 'base', tokenId: 1}, answer(address(), 0)], b).state;
    expect(eventsBetween(b, c).map((e) => e.name)).to.deep.equal(['pepay-address', 'pepay-step-change']);
    const d = run([{type: 'status', status: 'expired', paidAt: null}], c).state;
    expect(eventsBetween(c, d).map((e) => e.name)).to.deep.equal(['pepay-status', 'pepay-step-change', 'pepay-expired']);
  });
});

describe('checkout machine against hostile answers and hands (issue 16)', () => {
  const chosen: Input[] = [...toTokens, {type: 'token-chosen', network: 'base', tokenId: 1}];

  it('kind 1: an address for another token or network than requested is refused with a notice; the payer may choose again', () => {
    // The input the issue gives: USDC on Base asked, ETH on Ethereum answered.
    let r = run([...chosen, answer(address({network: 'ethereum', tokenId: 7, tokenAmount: '0.015'}), 10, {network: 'base', tokenId: 1})]);
    expect([r.state.step, r.state.address, r.state.busy, r.state.notice?.code, r.effects]).to.deep.equal([
      'select-token',
      null,
      null,
      'invalid-response',
      ['load', 'allocate'],
    ]);
    r = run([{type: 'token-chosen', network: 'base', tokenId: 1}, answer(address(), 20)], r.state);
    expect([r.state.step, r.state.address?.tokenId, r.state.notice]).to.deep.equal(['awaiting-payment', 1, null]);
    // Sibling: a quote refresh answered on another token leaves the address shown as it was, without
    // the amount whose quote ran out (asked for again).
    r = run([{type: 'tick', at: 400_000}], r.state);
    expect(r.effects).to.include('allocate');
    const before = r.state.address && {...r.state.address, tokenAmount: null};
    r = run(
      [answer(address({tokenId: 9, address: '0x2222222222222222222222222222222222222222'}), 400_010, {network: 'base', tokenId: 1})],
      r.state,
    );
    expect([r.state.address, r.state.notice?.code, r.state.busy]).to.deep.equal([before, 'invalid-response', null]);
  });

  it('kind 4: a refresh that changes the address or amount says so before the payer acts; a changed total or payee too', () => {
    // The input the issue gives: a 2 s quote (held to 10 s) refreshed to another address and amount.
    let r = run([...chosen, answer(address({quoteExpiresInMs: 2000, address: '0x1111111111111111111111111111111111111111'}), 0)]);
    expect(r.state.changed).to.equal(null);
    r = run([{type: 'tick', at: 10_000}], r.state);
    expect(r.effects).to.deep.equal(['allocate']);
    r = run([answer(address({address: '0x2222222222222222222222222222222222222222', tokenAmount: '41.000000'}), 10_050)], r.state);
    expect([r.state.changed, r.state.address?.tokenAmount]).to.deep.equal(['instruction', '41.000000']);
    // A refresh that changes nothing leaves the note; the payer acting clears it.
    r = run([{type: 'verify-requested'}], r.state);
    expect(r.state.changed).to.equal(null);
    // Sibling: a session re-read with another total is said, and the price is made again.
    r = run(
      [
        {
          type: 'verification',
          job: job({id: 'j', invoiceId: null, status: 'done', attemptCount: 1, maxAttempts: null}),
          at: 11_000,
        },
      ],
      r.state,
    );
    r = run([{type: 'session-refreshed', sentAt: 0, session: session({amountUsd: 60, amountRemainingUsd: 60}), at: 12_000}], r.state);
    expect([r.state.changed, r.state.quoteExpiresAtMono]).to.deep.equal(['invoice', 12_000]);
    expect(run([{type: 'tick', at: 12_000}], r.state).effects).to.deep.equal(['allocate']);
    // …and another payee alone is said too.
    const renamed = run([...toTokens, {type: 'session-refreshed', sentAt: 0, session: session({merchantName: 'Someone else'}), at: 5}]);
    expect(renamed.state.changed).to.equal('invoice');
  });

  it('kind 6: no payer action is taken while one is in flight, nor off its step, nor for a token not offered', () => {
    // The input the issue gives: Enter pressed three times on the e-mail step.
    const email: Input[] = [
      {type: 'start', at: 0},
      {type: 'loaded', session: session(), tokens: [token], questions: [], email: null, at: 1, remembered: null, wallAt: 0},
    ];
    const submit: Input = {type: 'email-submitted', email: 'payer@example.test'};
    let r = run([...email, submit, submit, submit]);
    expect(r.effects.filter((e) => e === 'save-email')).to.have.length(1);
    // Siblings: skipping while saving; two tokens tapped in a row; a token not on the list.
    expect(run([{type: 'email-skipped'}], r.state).state).to.equal(r.state);
    r = run([...toTokens, {type: 'token-chosen', network: 'base', tokenId: 1}, {type: 'token-chosen', network: 'base', tokenId: 1}]);
    expect(r.effects.filter((e) => e === 'allocate')).to.have.length(1);
    expect(run([...toTokens, {type: 'token-chosen', network: 'base', tokenId: 99}]).effects).not.to.include('allocate');
    expect(run([...toTokens, {type: 'token-chosen', network: 'solana', tokenId: 1}]).effects).not.to.include('allocate');
    // Off its step: an e-mail submitted from a view already left, "I already paid" on the token list.
    expect(run([...toTokens, submit]).effects).not.to.include('save-email');
    expect(run([...toTokens, {type: 'verify-requested'}]).effects).not.to.include('verify');
    // "I already paid" twice: one job.
    r = run([...chosen, answer(address(), 0), {type: 'verify-requested'}, {type: 'verify-requested'}]);
    expect(r.effects.filter((e) => e === 'verify')).to.have.length(1);
    // Kind 1 sibling: the job's answer names another invoice: nothing is shown from it.
    const stray = job({id: 'j', invoiceId: 'inv_other', status: 'done', attemptCount: 1, maxAttempts: null});
    r = run([{type: 'verification', job: stray, at: 10}], r.state);
    expect([r.state.verification, r.state.busy]).to.deep.equal([null, null]);
  });
});

describe('checkout machine: what a review of issue 16 found', () => {
  const paying: Input[] = [...toTokens, {type: 'token-chosen', network: 'base', tokenId: 1}, answer(address(), 0)];

  it('a background re-read of a job never ends the wait for an address (one request at a time)', () => {
    let r = run([...paying, {type: 'verify-requested'}, {type: 'verification', job: job(), at: 10}]);
    // The quote runs out: its refresh is in flight when the job's re-read lands.
    r = run([{type: 'tick', at: 300_000}], r.state);
    expect(r.state.busy).to.equal('address');
    r = run([{type: 'verification', job: job({status: 'completed', paymentFound: false}), at: 300_010}], r.state);
    expect(r.state.busy).to.equal('address');
    r = run([{type: 'failed', at: 0, operation: 'verify', error: {code: 'server', message: 'x', retryable: true}}], r.state);
    expect(r.state.busy).to.equal('address');
    expect(run([{type: 'refresh-quote'}], r.state).effects).to.deep.equal([]);
  });

  it('a late address answer, when none is awaited, is not applied', () => {
    const r = run([...paying, answer(address({address: '0x3333333333333333333333333333333333333333'}), 5)]);
    expect(r.state.address?.address).to.equal('0xabc');
  });

  it('a session saying underpaid with no lock is not asked again and again', () => {
    const r = run([
      ...paying,
      {type: 'session-refreshed', sentAt: 0, session: session({status: 'underpaid', amountRemainingUsd: 15}), at: 10},
    ]);
    expect(r.effects.filter((e) => e === 'refresh-session')).to.deep.equal([]);
  });

  it('a re-quote on other rails than those shown is said too (a lock moving the payment elsewhere)', () => {
    let r = run([...paying, {type: 'status', status: 'underpaid', paidAt: null}]);
    r = run(
      [
        {
          type: 'session-refreshed',
          sentAt: 0,
          session: session({status: 'underpaid', amountRemainingUsd: 15, locked: {network: 'ethereum', tokenId: 7, address: null}}),
          at: 10,
        },
      ],
      r.state,
    );
    expect(r.effects).to.include('allocate');
    r = run(
      [
        answer(
          address({network: 'ethereum', tokenId: 7, address: '0x4444444444444444444444444444444444444444', tokenAmount: '15.000000'}),
          20,
        ),
      ],
      r.state,
    );
    expect([r.state.step, r.state.changed]).to.deep.equal(['underpaid', 'instruction']);
  });

  it('a quote for another invoice amount, or a token amount far from what is due at its rate, is refused', () => {
    const chosen: Input[] = [...toTokens, {type: 'token-chosen', network: 'base', tokenId: 1}];
    for (const fields of [
      {usdAmount: 1e9},
      {usdAmount: 0.000001},
      {tokenAmount: '1000000000'},
      {tokenAmount: '0.000001'},
      {tokenAmount: '999999999', exchangeRate: '1'},
    ]) {
      const r = run([...chosen, answer(address(fields), 5)]);
      expect([r.state.address, r.state.notice?.code], JSON.stringify(fields)).to.deep.equal([null, 'invalid-response']);
    }
    // A buffer of a few percent is a price, not a fault; another rate with its own amount too.
    expect(run([...chosen, answer(address({tokenAmount: '40.200000'}), 5)]).state.step).to.equal('awaiting-payment');
    expect(run([...chosen, answer(address({tokenAmount: '0.01206', exchangeRate: '0.0003'}), 5)]).state.step).to.equal('awaiting-payment');
  });

  it('a note that what to send changed does not follow the payer onto the paid screen (found paying partially, then fully)', () => {
    let r = run([...paying, {type: 'status', status: 'underpaid', paidAt: null}]);
    r = run(
      [
        {
          type: 'session-refreshed',
          sentAt: 0,
          session: session({status: 'underpaid', amountRemainingUsd: 15, locked: {network: 'base', tokenId: 1, address: null}}),
          at: 10,
        },
        answer(address({address: '0x5555555555555555555555555555555555555555', tokenAmount: '15.000000'}), 20),
      ],
      r.state,
    );
    expect([r.state.step, r.state.changed]).to.deep.equal(['underpaid', 'instruction']);
    r = run([{type: 'status', status: 'paid', paidAt: 30}], r.state);
    expect([r.state.step, r.state.changed]).to.deep.equal(['paid', null]);
  });

  it('a total lowered by a re-read caps what is still due', () => {
    const r = run([...paying, {type: 'session-refreshed', sentAt: 0, session: session({amountUsd: 25, amountRemainingUsd: null}), at: 10}]);
    expect(r.state.amountRemainingUsd).to.equal(25);
  });
});

describe("checkout machine: the payer's place across reloads (issue 14)", () => {
  const remembered = (over: Partial<Remembered> = {}): Remembered => ({
    questionsAnswered: true,
    emailDone: true,
    address: {address: '0xabc', network: 'base', tokenId: 1, tokenAmount: '40.000000', usdAmount: 40, exchangeRate: '1'},
    quotedRemainingUsd: 40,
    quoteExpiresAt: 1_000_000 + 120_000,
    ...over,
  });
  const loaded = (kept: Remembered | null, over: Partial<SessionDetails> = {}, questions: Question[] = []): Input[] => [
    {type: 'start', at: 0},
    {
      type: 'loaded',
      session: session(over),
      tokens: [token],
      questions,
      email: null,
      remembered: kept && {place: kept, memory},
      at: 500,
      wallAt: 1_000_000,
    },
  ];
  const question: Question = {id: 'q1', label: 'Company', type: 'text', required: true};

  it('comes back to the same address and quote time, polling, with no new allocation', () => {
    const r = run(loaded(remembered(), {}, [question]));
    expect([r.state.step, r.state.address?.address, r.state.address?.wsToken, r.effects]).to.deep.equal([
      'awaiting-payment',
      '0xabc',
      null,
      ['load', 'watch', 'verify'],
    ]);
    expect(r.state.quoteExpiresAtMono).to.equal(500 + 120_000);
    // The payer may still choose another token.
    expect(run([{type: 'change-token'}], r.state).state.step).to.equal('select-token');
  });

  it('a restored payment view is checked on the chain once, unasked: only a payment found is said (a pending one is told by nothing else)', () => {
    const restored = run(loaded(remembered()));
    const opened = reduce(run([{type: 'start', at: 0}]).state, loaded(remembered())[1]!);
    expect(opened.effects.at(-1)).to.deep.equal({type: 'verify', invoiceId: 'inv_1', network: 'base'});
    const answered = (j: Verification, from = restored.state) => reduce(from, {type: 'verification', job: j, at: 700}).state;
    // Looking, nothing found, a job that does not say, a job that failed, a request refused: not a word.
    const quiet = [
      answered(job()),
      answered(job({status: 'completed', paymentFound: false})),
      answered(job({status: 'completed'})),
      answered(job({status: 'failed', failed: true})),
      reduce(restored.state, {type: 'failed', operation: 'verify', error: {code: 'network', message: 'offline', retryable: true}, at: 700})
        .state,
    ];
    expect(quiet.map((s) => [verificationAnswer(s), s.notice, s.busy])).to.deep.equal(quiet.map(() => [null, null, null]));
    // Found: waited for, and said so (status view), and the session read for what it counted.
    const found = reduce(restored.state, {
      type: 'verification',
      job: job({status: 'completed', paymentFound: true, invoiceStatus: 'unpaid'}),
      at: 700,
    });
    expect([found.state.step, found.state.detected?.found, found.state.verificationUnasked, found.effects]).to.deep.equal([
      'confirming',
      true,
      false,
      [{type: 'refresh-session'}],
    ]);
    // The payer asking is theirs again: every answer is said.
    const asked = reduce(restored.state, {type: 'verify-requested'}).state;
    expect(verificationAnswer(answered(job({status: 'completed', paymentFound: false}), asked))).to.equal('not-found');
    // The token list, a kept wait, an ended invoice: nothing to check.
    for (const kept of [remembered({address: null}), remembered({detected: {paymentId: 'pay_1', txHash: null}})]) {
      expect(run(loaded(kept)).effects).to.not.include('verify');
    }
    expect(run(loaded(remembered(), {status: 'paid'})).effects).to.not.include('verify');
    // An underpaid invoice's remainder: the job would find the payment already counted, and say "send the rest" (found in review).
    const locked = {network: 'base', tokenId: 1, address: '0xabc'};
    const under = run(loaded(remembered({quotedRemainingUsd: 15}), {status: 'underpaid', amountRemainingUsd: 15, locked}));
    expect([under.state.step, under.effects.includes('verify')]).to.deep.equal(['underpaid', false]);
    // …nor one with no locked rails, shown on the payment view (found in review).
    const unlocked = run(loaded(remembered({quotedRemainingUsd: 15}), {status: 'underpaid', amountRemainingUsd: 15}));
    expect([unlocked.state.step, unlocked.effects.includes('verify')]).to.deep.equal(['awaiting-payment', false]);
    // The payer asks while the unasked job is still read: it becomes theirs, with no second job
    // whose answer the first's could be taken for (found in review).
    const adopted = reduce(quiet[0]!, {type: 'verify-requested'});
    expect([adopted.effects, verificationAnswer(adopted.state)]).to.deep.equal([[], 'checking']);
    expect(verificationAnswer(answered(job({status: 'completed', paymentFound: false}), adopted.state))).to.equal('not-found');
    // After a check that failed quietly, asking starts a job of its own.
    expect(reduce(quiet[4]!, {type: 'verify-requested'}).effects.map((e) => e.type)).to.deep.equal(['verify']);
  });

  it('a finished step stays finished: questions answered and an e-mail skipped are not asked again', () => {
    expect(run(loaded(remembered({address: null}), {}, [question])).state.step).to.equal('select-token');
    expect(run(loaded(remembered({address: null, questionsAnswered: false}), {}, [question])).state.step).to.equal('questions');
    expect(run(loaded(null, {}, [question])).state.step).to.equal('questions');
  });

  it('the server is the truth: a token no longer offered, a lock elsewhere or an ended invoice drop the address', () => {
    const gone = run(loaded(remembered({address: {...remembered().address!, tokenId: 9}})));
    expect([gone.state.step, gone.state.address]).to.deep.equal(['select-token', null]);
    // …but a payment on its way is still waited for, and followed (review): the token list would ask for it again.
    const waitKept = run(
      loaded(remembered({address: {...remembered().address!, tokenId: 9}, detected: {paymentId: 'pay_1', txHash: null}})),
    );
    expect([waitKept.state.step, waitKept.state.address, waitKept.effects]).to.deep.equal(['confirming', null, ['load', 'watch']]);
    expect(run([{type: 'stop-waiting'}], waitKept.state).state.step).to.equal('select-token');
    // Not on an ended invoice: its last screen shows.
    const ended = run(loaded(remembered({detected: {paymentId: 'pay_1', txHash: null}}), {status: 'expired'}));
    expect([ended.state.step, ended.state.detected]).to.deep.equal(['expired', null]);
    const locked = run(
      loaded(remembered(), {status: 'underpaid', amountRemainingUsd: 15, locked: {network: 'solana', tokenId: 2, address: null}}),
    );
    expect([locked.state.address, locked.effects.at(-1)]).to.deep.equal([null, 'allocate']);
    expect(run(loaded(remembered(), {status: 'paid'})).state.step).to.equal('paid');
    // A quote already over is refreshed at once, its old amount not shown as current meanwhile.
    const stale = run(loaded(remembered({quoteExpiresAt: 900_000})));
    expect([stale.state.address?.address, stale.state.address?.tokenAmount, stale.state.quoteExpiresAtMono]).to.deep.equal([
      '0xabc',
      null,
      500,
    ]);
    // From review: the total changed while away (or what is still due): the address stays, its amount
    // is not shown, and the price is made again at once.
    for (const over of [{amountUsd: 20, amountRemainingUsd: 20}, {amountRemainingUsd: 25}]) {
      const moved = run(loaded(remembered(), over));
      expect([moved.state.address?.address, moved.state.address?.tokenAmount, moved.state.quoteExpiresAtMono]).to.deep.equal([
        '0xabc',
        null,
        500,
      ]);
      expect(run([{type: 'tick', at: 600}], moved.state).effects).to.include('allocate');
    }
    // A lock naming another address wins over the remembered one.
    const elsewhere = run(
      loaded(remembered(), {status: 'underpaid', amountRemainingUsd: 15, locked: {network: 'base', tokenId: 1, address: '0xdef'}}),
    );
    expect(elsewhere.state.address?.address).not.to.equal('0xabc');
  });

  it("another tab's place priced later: its address shown here as a change, or its later quote time, silently; never an older one", () => {
    const here = run(loaded(remembered())).state;
    // Priced 80 s after this tab: its quote ends at 1,200,000 (wall), read at 1,000,100 (mono 600).
    const other = remembered({address: {...remembered().address!, address: '0xdef', tokenAmount: '40.100000'}, quoteExpiresAt: 1_200_000});
    const shared = (place: Remembered, state = here) =>
      reduce(state, {type: 'place-shared', remembered: {place, memory}, at: 600, wallAt: 1_000_100});
    const checking = {...here, verification: job(), verificationCheckAt: 700, verificationChecks: 1, shortQuotes: 2};
    const adopted = shared(other, checking).state;
    expect([adopted.step, adopted.address?.address, adopted.address?.tokenAmount, adopted.changed]).to.deep.equal([
      'awaiting-payment',
      '0xdef',
      '40.100000',
      'instruction',
    ]);
    expect(adopted.quoteExpiresAtMono).to.equal(600 + 199_900);
    // What belonged to the old address does not carry over to the new one.
    expect([adopted.verification, adopted.verificationCheckAt, adopted.shortQuotes]).to.deep.equal([null, null, 0]);
    // Priced again there at the same amount: its later quote time stands here, and nothing is said.
    const repriced = shared(remembered({quoteExpiresAt: 1_200_000})).state;
    expect([repriced.address, repriced.changed, repriced.quoteExpiresAtMono]).to.deep.equal([here.address, here.changed, 600 + 199_900]);
    // Nothing changes: a place priced before this one or within the second places are kept to (a
    // tab that missed the newer one), one still pricing (no amount) or with no quote time, a token
    // not offered here, a request in flight, a wait for a payment, or the token list.
    for (const [place, state] of [
      [{...other, quoteExpiresAt: 1_000_000 + 60_000}, here],
      [{...other, quoteExpiresAt: 1_000_000 + 120_500}, here],
      [remembered({address: {...other.address!, tokenAmount: null}, quoteExpiresAt: 1_200_000}), here],
      [{...other, quoteExpiresAt: null}, here],
      [remembered({address: {...other.address!, tokenId: 9}, quoteExpiresAt: 1_200_000}), here],
      [other, {...here, busy: 'address'}],
      [other, {...here, step: 'confirming'}],
      [other, {...here, step: 'select-token', address: null}],
    ] as [Remembered, CheckoutState][]) {
      expect(shared(place, state).state).to.equal(state);
    }
  });

  it("another tab's wait for a payment is waited for here, from the payment view or the token list; not one this payer left", () => {
    const here = run(loaded(remembered())).state;
    const shared = (place: Remembered, state: CheckoutState) =>
      reduce(state, {type: 'place-shared', remembered: {place, memory}, at: 600, wallAt: 1_000_100}).state;
    const walletTx = {wallet: 'Test Wallet', chainId: 84532, txHash: `0x${'ab'.repeat(32)}`};
    const sent = remembered({walletTx, detected: {paymentId: null, txHash: walletTx.txHash}});
    const seen = remembered({detected: {paymentId: 'pay_1', txHash: null}});
    for (const state of [here, {...here, step: 'select-token' as const, address: null}]) {
      const waiting = shared(sent, state);
      expect([waiting.step, waiting.detected?.txHash, waiting.walletTx?.txHash]).to.deep.equal([
        'confirming',
        walletTx.txHash,
        walletTx.txHash,
      ]);
      expect(shared(seen, state).detected?.paymentId).to.equal('pay_1');
      // Left by this payer ("Back to the payment details"): the other tab's next write does not bring it back.
      const left = run([{type: 'stop-waiting'}], waiting).state;
      expect(shared(sent, left)).to.equal(left);
      const leftSeen = run([{type: 'stop-waiting'}], shared(seen, state)).state;
      expect(shared(seen, leftSeen)).to.equal(leftSeen);
    }
    // Not while this checkout's own wallet request is open, nor on a wait already.
    for (const state of [{...here, busy: 'wallet' as const}, shared(seen, here)]) expect(shared(sent, state)).to.equal(state);
  });
});

describe('display formatting', () => {
  it('formats durations, amounts, networks and addresses', () => {
    expect([formatDuration(0), formatDuration(61_000), formatDuration(3_601_000), formatDuration(-5)]).to.deep.equal([
      '0:00',
      '1:01',
      '1:00:01',
      '0:00',
    ]);
    // Issue 12: in the locale's digits, as its amounts are (Egyptian Arabic writes Arabic-Indic digits).
    expect([formatDuration(61_000, 'ar-EG'), formatDuration(61_000, 'de')]).to.deep.equal(['\u0661:\u0660\u0661', '1:01']);
    // Issue 14: token amounts read like the fiat beside them ("5.50", never "5.5"), and lose no digit.
    expect(['49.990000', '10.000', '7', '5.5', '0.015000', '49.9900004'].map((amount) => trimAmount(amount, 6))).to.deep.equal([
      '49.99',
      '10.00',
      '7.00',
      '5.50',
      '0.0150',
      '49.9900004',
    ]);
    // Never three decimals where the token has a fourth: a German reader takes "24.995" for 24995
    // (found by a phone probe, beside "24,995 $"). A token of three decimals has no fourth to
    // write; one of unknown precision is given it, however the server wrote the amount (a money probe).
    const grouped = [
      trimAmount('24.995000', 6),
      trimAmount('1.234', 18),
      trimAmount('24.995', 3),
      trimAmount('24.9950', null),
      trimAmount('24.995', null),
    ];
    expect(grouped).to.deep.equal(['24.9950', '1.2340', '24.995', '24.9950', '24.9950']);
    // Never more decimals than the token has (found in an audit: "5.00" for a token of 0 decimals).
    const trimmed = [trimAmount('5', 0), trimAmount('5', 1), trimAmount('5.0', 1), trimAmount('12.30', 8), trimAmount('7', null)];
    expect(trimmed).to.deep.equal(['5', '5.0', '5.0', '12.30', '7.00']);
    expect([networkName('bsc'), networkName('newchain')]).to.deep.equal(['BNB Smart Chain', 'newchain']);
    expect(formatUsd(null, 'en')).to.equal('');
    expect(formatUsd(5, 'en-US')).to.equal('\u2068$5.00\u2069');
    // Pepay counts in thousandths: a last $0.004 due is not "$0.00" (found in an audit), nor is
    // $49.996 received "$50.00"; cents stay cents, and float noise does not show.
    const usd = (amount: number) => formatUsd(amount, 'en-US').slice(1, -1);
    expect([0.004, 49.996, 49.99, 0.1 + 0.2, 20].map(usd)).to.deep.equal(['$0.004', '$49.996', '$49.99', '$0.30', '$20.00']);
  });

  it('isolates every locale-formatted value, so an Arabic date or amount cannot reorder the sentence around it', () => {
    // From a payer walkthrough: with lang="ar", "Paid <date>" read "Paid 01ص 12:21 ،2026/12/".
    const paid = formatMoment(Date.UTC(2026, 11, 1, 12, 21), 'ar');
    expect(paid.startsWith('\u2068') && paid.endsWith('\u2069')).to.equal(true);
    expect(paid.slice(1, -1)).to.equal(
      new Intl.DateTimeFormat('ar', {dateStyle: 'medium', timeStyle: 'short'}).format(Date.UTC(2026, 11, 1, 12, 21)),
    );
    // Siblings: an amount and a token's price in Arabic, each one isolated run.
    for (const value of [formatUsd(20, 'ar'), formatTokenPrice('0.5', 'ar')!]) {
      expect(value.match(/[\u2068\u2069]/g)).to.deep.equal(['\u2068', '\u2069']);
      expect(value.startsWith('\u2068') && value.endsWith('\u2069')).to.equal(true);
    }
  });
});
