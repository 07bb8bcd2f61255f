import {expect} from '@open-wc/testing';
import {PayorClient, PepayError} from '../../src/api/index.js';
import {createSession, inspect, payorFetch, sandboxUrl, simulate, type Session} from '../support/sandbox.js';

const clientFor = (s: Session, extra: Partial<ConstructorParameters<typeof PayorClient>[0]> = {}) =>
  new PayorClient({apiBase: sandboxUrl, sessionToken: s.session_token, signature: s.signature, retry: {maxRetries: 0}, ...extra});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PepayError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'resolved';
}

describe('sandbox: merchant invoice creation', () => {
  const create = (headers: Record<string, string>, body: unknown) =>
    fetch(`${sandboxUrl}/api/v1/invoices`, {method: 'POST', headers, body: JSON.stringify(body)});

  it('creates an invoice with the documented response, idempotently', async () => {
    const headers = {'x-api-key': 'pk_test_demo', 'idempotency-key': crypto.randomUUID()};
    const body = {amount_usd: 99.99, description: 'Premium', expires_in: 600_000, customer_email: 'a@example.com'};
    const first = await (await create(headers, body)).json();
    expect(first).to.have.keys('invoice_id', 'payment_url', 'expires_at', 'session_token', 'signature', 'payment_session_headers');
    expect(first.payment_session_headers).to.deep.equal({'x-session-token': first.session_token, 'x-signature': first.signature});
    expect(new URL(first.payment_url).searchParams.get('session')).to.equal(first.session_token);
    expect(first.expires_at).to.be.closeTo(Date.now() / 1000 + 600, 5);
    const again = await (await create(headers, body)).json();
    expect(again.invoice_id).to.equal(first.invoice_id);
    const details = await clientFor(again).sessionDetails();
    expect(details).to.deep.include({amountUsd: 99.99, description: 'Premium', environment: 'devnet'});
  });

  it('rejects bad keys, missing idempotency keys and bad bodies', async () => {
    const key = () => ({'idempotency-key': crypto.randomUUID()});
    expect((await create({...key(), 'x-api-key': 'ck_nope'}, {amount_usd: 1})).status).to.equal(401);
    expect((await create({'x-api-key': 'sk_test_1'}, {amount_usd: 1})).status).to.equal(400);
    expect((await create({...key(), 'x-api-key': 'sk_test_1'}, {amount_usd: -1})).status).to.equal(400);
    expect((await create({...key(), 'x-api-key': 'sk_test_1'}, {amount_usd: 1, expires_in: 0})).status).to.equal(400);
    const six = Array.from({length: 6}, (_, i) => ({id: `q${i}`, question: 'Q', type: 'text', validation: {required: false}}));
    const tooMany = await create({...key(), 'x-api-key': 'sk_test_1'}, {amount_usd: 1, questions: {questions: six}});
    expect(tooMany.status).to.equal(400);
    expect((await tooMany.json()).error.code).to.equal('VALIDATION_ERROR');
  });
});

describe('sandbox: payor endpoints', () => {
  it('answers 401 without headers, 403 on a wrong signature, 404 for an unknown session', async () => {
    const s = await createSession();
    expect((await fetch(`${sandboxUrl}/api/v1/payments/session-details`)).status).to.equal(401);
    expect(await codeOf(clientFor({...s, signature: 'wrong.1'}).sessionDetails())).to.equal('403 invalid-session');
    expect(await codeOf(clientFor({...s, session_token: 'pst_unknown'}).paymentStatus())).to.equal('404 session-not-found');
    expect(await codeOf(clientFor(s).verification('another-invoice'))).to.equal('403 invalid-session');
  });

  it('serves session details and devnet tokens that the client schemas accept', async () => {
    const s = await createSession({amount_usd: 25, description: 'Two tees', expires_in: 3_600_000, merchant_name: 'Tee Shop'});
    const details = await clientFor(s).sessionDetails();
    expect(details).to.deep.include({
      invoiceId: s.invoice_id,
      amountUsd: 25,
      amountRemainingUsd: 25,
      status: 'unpaid',
      merchantName: 'Tee Shop',
      environment: 'devnet',
      locked: null,
    });
    expect(details.remainingMs).to.be.within(3_590_000, 3_600_000);
    const tokens = await clientFor(s).availableTokens();
    expect(tokens.length).to.be.greaterThan(2);
    expect(tokens.every((t) => t.availability === 'DEVNET' && t.selectable)).to.equal(true);
  });

  it('lists mainnet tokens in every availability state, filtered by mode, network and available_only', async () => {
    const s = await createSession({environment: 'mainnet'});
    const client = clientFor(s);
    const monitored = await client.availableTokens();
    expect(new Set(monitored.map((t) => t.availability))).to.deep.equal(new Set(['AVAILABLE', 'STALE', 'NO_LIQUIDITY']));
    expect(monitored.find((t) => t.availability === 'STALE')?.unavailableReason).to.match(/older than 5 minutes/);
    const all = await client.availableTokens({mode: 'all'});
    expect(all.some((t) => t.availability === 'QUOTE_REQUIRED')).to.equal(true);
    expect((await client.availableTokens({mode: 'network', network: 'solana'})).every((t) => t.network === 'solana')).to.equal(true);
    expect((await client.availableTokens({availableOnly: true})).every((t) => t.availability === 'AVAILABLE')).to.equal(true);
    expect(await codeOf(client.availableTokens({mode: 'network'}))).to.equal('400 bad-request');
    const stale = monitored.find((t) => !t.selectable)!;
    expect(await codeOf(client.allocateAddress({network: stale.network, tokenId: stale.id}))).to.equal('400 bad-request');
  });

  it('allocates a deposit address with a 5-minute quote; another token rotates it, the same one refreshes the quote', async () => {
    const s = await createSession({amount_usd: 10});
    const client = clientFor(s);
    const first = await client.allocateAddress({network: 'base', tokenId: 201});
    expect(first).to.deep.include({
      network: 'base',
      tokenId: 201,
      tokenAmount: '10.000000',
      quoteStatus: 'available',
      quoteExpiresInMs: 300_000,
    });
    expect(first.address).to.match(/^0x[0-9a-f]{40}$/);
    expect(first.quoteValidUntil! - Date.now()).to.be.within(290_000, 301_000);
    expect(first.wsToken).to.be.a('string');
    const refreshed = await client.allocateAddress({network: 'base', tokenId: 201});
    expect(refreshed.address).to.equal(first.address);
    const sol = await client.allocateAddress({network: 'solana', tokenId: 203});
    expect(sol.address).to.match(/^[1-9A-HJ-NP-Za-km-z]{44}$/);
    const back = await client.allocateAddress({network: 'base', tokenId: 201});
    expect(back.address).not.to.equal(first.address);
    expect(await codeOf(client.allocateAddress({network: 'base', tokenId: 999}))).to.equal('400 bad-request');
    const bad = await payorFetch(s, '/api/v1/payments/payment-addresses', {method: 'POST', body: '{"network": "base"}'});
    expect(bad.status).to.equal(400);
    expect((await inspect(s.invoice_id)).addresses_issued).to.equal(3);
    expect(await codeOf(client.allocateAddress({network: 'ethereum', tokenId: 201}))).to.equal('400 bad-request');
  });

  it('stores and validates the customer e-mail', async () => {
    const s = await createSession();
    const client = clientFor(s);
    expect(await client.customerEmail()).to.deep.equal({email: null});
    expect(await client.setCustomerEmail('  Payer@Example.COM ')).to.deep.equal({email: 'payer@example.com'});
    expect(await client.customerEmail()).to.deep.equal({email: 'payer@example.com'});
    expect(await codeOf(client.setCustomerEmail('not-an-email'))).to.equal('400 bad-request');
    const prefilled = await createSession({customer_email: 'pre@example.com'});
    expect(await clientFor(prefilled).customerEmail()).to.deep.equal({email: 'pre@example.com'});
  });

  it('asks the merchant questions and validates answers', async () => {
    const questions = {
      questions: [
        {id: 'q1', question: 'Email address', type: 'email', validation: {required: true}},
        {id: 'q2', question: 'Company', type: 'text', validation: {required: false}},
      ],
    };
    const s = await createSession({questions});
    const client = clientFor(s);
    expect(await client.invoiceQuestions()).to.deep.equal([
      {id: 'q1', label: 'Email address', type: 'email', required: true},
      {id: 'q2', label: 'Company', type: 'text', required: false},
    ]);
    expect(await codeOf(client.submitForm([{questionId: 'q2', response: 'Acme'}]))).to.equal('400 bad-request');
    expect(await codeOf(client.submitForm([{questionId: 'q1', response: 'nope'}]))).to.equal('400 bad-request');
    expect(await codeOf(client.submitForm([{questionId: 'q9', response: 'x'}]))).to.equal('400 bad-request');
    await client.submitForm([
      {questionId: 'q1', response: 'a@example.com'},
      {questionId: 'q2', response: 'Acme'},
    ]);
    expect((await inspect(s.invoice_id)).answers).to.deep.equal({q1: 'a@example.com', q2: 'Acme'});
    expect(await clientFor(await createSession()).invoiceQuestions()).to.deep.equal([]);
  });

  it('runs a manual verification job', async () => {
    const s = await createSession();
    const client = clientFor(s);
    expect(await codeOf(client.requestVerification(s.invoice_id))).to.equal('400 bad-request');
    expect(await codeOf(client.verification(s.invoice_id))).to.equal('404 session-not-found');
    await client.allocateAddress({network: 'base', tokenId: 201});
    expect(await codeOf(client.requestVerification(s.invoice_id, 'solana'))).to.equal('400 bad-request');
    const job = await client.requestVerification(s.invoice_id, 'base');
    expect(job).to.deep.include({status: 'pending', network: 'base'});
    expect((await client.verification(s.invoice_id)).id).to.equal(job.id);
  });

  it('survives garbage: bad JSON, oversized bodies, unknown routes and methods', async () => {
    const s = await createSession();
    expect((await payorFetch(s, '/api/v1/payments/customer-email', {method: 'POST', body: '{oops'})).status).to.equal(400);
    expect((await payorFetch(s, '/api/v1/payments/submit-form', {method: 'POST', body: 'x'.repeat(70_000)})).status).to.equal(413);
    expect((await payorFetch(s, '/api/v1/payments/nothing')).status).to.equal(404);
    expect((await fetch(`${sandboxUrl}/nowhere`)).status).to.equal(404);
    expect((await fetch(`${sandboxUrl}/sandbox/invoices/${s.invoice_id}/pay`)).status).to.equal(405);
    expect((await simulate(s.invoice_id, 'explode')).status).to.equal(404);
    expect((await simulate('missing', 'pay')).status).to.equal(404);
    expect((await clientFor(s).paymentStatus()).status).to.equal('unpaid');
  });
});

describe('sandbox: simulator transitions', () => {
  it('a payment only seen can be dropped: "failed" on the stream with its hash, nothing counted, nothing left to confirm', async () => {
    const s = await createSession({amount_usd: 40});
    await clientFor(s).allocateAddress({network: 'base', tokenId: 201});
    expect((await simulate(s.invoice_id, 'fail')).status).to.equal(400);
    const txHash = `0x${'ef'.repeat(32)}`;
    await simulate(s.invoice_id, 'pay', {amount: 'full', pending: true, tx_hash: txHash});
    expect((await simulate(s.invoice_id, 'fail')).status).to.equal(200);
    const view = await inspect(s.invoice_id);
    const [seen, dropped] = view.events.slice(-2).map((e) => [e.type, e.data.object.id, e.data.object.status, e.data.object.tx_hash]);
    expect(dropped).to.deep.equal(['invoice_payment.updated', seen![1], 'failed', txHash]);
    expect([view.invoice.status, view.invoice.amount_paid]).to.deep.equal(['unpaid', 0]);
    expect((await simulate(s.invoice_id, 'confirm')).status).to.equal(400);
  });

  it('partial payment -> underpaid with locked rails and remainder; then the rest -> paid', async () => {
    const s = await createSession({amount_usd: 40});
    const client = clientFor(s);
    const address = await client.allocateAddress({network: 'base', tokenId: 201});
    expect((await simulate(s.invoice_id, 'pay', {amount: 'partial'})).status).to.equal(200);
    const details = await client.sessionDetails();
    expect(details).to.deep.include({status: 'underpaid', amountRemainingUsd: 20});
    expect(details.locked).to.deep.equal({network: 'base', tokenId: 201, address: address.address});
    const tokens = await client.availableTokens();
    expect(tokens.map((t) => t.id)).to.deep.equal([201]);
    expect(await codeOf(client.allocateAddress({network: 'solana', tokenId: 203}))).to.equal('400 bad-request');
    const again = await client.allocateAddress({network: 'base', tokenId: 201});
    expect([again.address, again.tokenAmount]).to.deep.equal([address.address, '20.000000']);
    await simulate(s.invoice_id, 'pay', {amount: 'full'});
    const status = await client.paymentStatus();
    expect(status.status).to.equal('paid');
    expect(status.paidAt).to.be.closeTo(Date.now(), 5000);
    expect((await simulate(s.invoice_id, 'pay')).status).to.equal(400);
    expect(await codeOf(client.setCustomerEmail('late@example.com'))).to.equal('400 bad-request');
    const types = (await inspect(s.invoice_id)).events.map((e) => e.type);
    expect(types).to.deep.equal([
      'invoice.created',
      'invoice_payment.created',
      'payment_quote.updated',
      'invoice.updated',
      'invoice_payment.created',
      'payment_quote.updated',
      'invoice.updated',
    ]);
  });

  it('overpayment is paid; an exact amount below the total is underpaid', async () => {
    const over = await createSession({amount_usd: 10});
    await simulate(over.invoice_id, 'pay', {amount: 'over'});
    expect((await inspect(over.invoice_id)).invoice).to.deep.include({status: 'paid', amount_paid: 15000, amount_remaining: 0});
    const exact = await createSession({amount_usd: 10});
    await simulate(exact.invoice_id, 'pay', {amount: 2.5});
    expect((await inspect(exact.invoice_id)).invoice).to.deep.include({status: 'underpaid', amount_remaining: 7500});
  });

  it('counts USD in whole thousandths, as the events do: half is half to the thousandth, and nothing is refused (phone probe, review)', async () => {
    const invoice = async (id: string) => (await inspect(id)).invoice;
    // Half of what is due, to the thousandth: not rounded to cents (49.99 once left 25.00).
    const odd = await createSession({amount_usd: 49.99});
    await simulate(odd.invoice_id, 'pay', {amount: 'partial'});
    expect(await invoice(odd.invoice_id)).to.deep.include({amount_paid: 24_995, amount_remaining: 24_995});
    const small = await createSession({amount_usd: 0.58});
    await simulate(small.invoice_id, 'pay', {amount: 'partial'});
    expect(await invoice(small.invoice_id)).to.deep.include({amount_remaining: 290});
    // A last thousandth is paid whole: never more than is due.
    const last = await createSession({amount_usd: 1});
    await simulate(last.invoice_id, 'pay', {amount: 0.999});
    await simulate(last.invoice_id, 'pay', {amount: 'partial'});
    expect(await invoice(last.invoice_id)).to.deep.include({status: 'paid', amount_paid: 1000, amount_remaining: 0});
    // A half thousandth rounds up, however binary writes it (1.0005 * 1000 is 1000.4999…).
    const half = await createSession({amount_usd: 5});
    await simulate(half.invoice_id, 'pay', {amount: 1.0005});
    expect(await invoice(half.invoice_id)).to.deep.include({amount_paid: 1001});
    // An invoice or a payment for less than half a thousandth would be for nothing.
    expect((await simulate(half.invoice_id, 'pay', {amount: 0.0004})).status).to.equal(400);
    const tiny = await fetch(`${sandboxUrl}/sandbox/invoices`, {method: 'POST', body: JSON.stringify({amount_usd: 0.0004})});
    expect(tiny.status).to.equal(400);
  });

  it('expire now and cancel; terminal invoices refuse addresses and e-mails (410 when expired)', async () => {
    const expired = await createSession();
    await simulate(expired.invoice_id, 'expire');
    const client = clientFor(expired);
    expect(await client.sessionDetails()).to.deep.include({status: 'expired', remainingMs: 0});
    expect(await codeOf(client.setCustomerEmail('a@example.com'))).to.equal('410 gone');
    expect(await codeOf(client.allocateAddress({network: 'base', tokenId: 201}))).to.equal('400 bad-request');
    expect((await simulate(expired.invoice_id, 'cancel')).status).to.equal(400);
    const canceled = await createSession();
    await simulate(canceled.invoice_id, 'cancel');
    expect((await clientFor(canceled).paymentStatus()).status).to.equal('canceled');
  });

  it('expires on its own when its time is up', async () => {
    const s = await createSession({expires_in: 300});
    await new Promise((r) => setTimeout(r, 500));
    expect((await clientFor(s).paymentStatus()).status).to.equal('expired');
    expect((await inspect(s.invoice_id)).events.map((e) => e.data.object['status'])).to.deep.equal(['unpaid', 'expired']);
  });

  it('logs the requests each session made, with headers and bodies', async () => {
    const s = await createSession();
    await clientFor(s).setCustomerEmail('log@example.com');
    const [request] = (await inspect(s.invoice_id)).requests;
    expect(request).to.deep.include({method: 'POST', path: '/api/v1/payments/customer-email', body: '{"email":"log@example.com"}'});
    expect(request!.headers['x-session-token']).to.equal(s.session_token);
  });
});

describe('sandbox: commerce orders and the devnet simulator', () => {
  const simulateOrder = (orderId: string, body: unknown, key = 'ck_test_demo') =>
    fetch(`${sandboxUrl}/api/commerce/devnet/orders/${orderId}/simulate`, {
      method: 'POST',
      headers: {'x-commerce-api-key': key},
      body: JSON.stringify(body),
    });

  it('walks the happy path and enforces the documented rules', async () => {
    const s = await createSession({commerce: true, amount_usd: 13.99});
    const orderId = s.order_id!;
    expect(orderId).to.be.a('string');
    expect((await simulateOrder(orderId, {transitionTo: 'placed'}, 'bad')).status).to.equal(401);
    expect((await simulateOrder(orderId, {transitionTo: 'teleported'})).status).to.equal(400);
    const early = await simulateOrder(orderId, {transitionTo: 'placed'});
    expect([early.status, (await early.json()).error.code]).to.deep.equal([400, 'INVALID_TRANSITION']);
    expect((await simulateOrder('nope', {transitionTo: 'placed'})).status).to.equal(404);

    const confirmed = await (
      await simulateOrder(orderId, {
        transitionTo: 'payment_confirmed',
        walletNetwork: 'bsc',
        walletAddress: '0x0000000000000000000000000000000000000001',
      })
    ).json();
    expect(confirmed.data.order).to.deep.include({status: 'processing', orderId});
    expect((await clientFor(s).paymentStatus()).status).to.equal('paid');
    const settled = await (await simulateOrder(orderId, {transitionTo: 'payment_settled'})).json();
    expect(settled.data.order.substatus).to.equal('PROVIDER_PLACEMENT_SUBMITTED');
    expect((await simulateOrder(orderId, {transitionTo: 'cancelled'})).status).to.equal(400);
    for (const [transition, status] of [
      ['placed', 'placed'],
      ['shipped', 'shipped'],
      ['delivery_confirmed', 'delivered'],
    ]) {
      const body = await (await simulateOrder(orderId, {transitionTo: transition, tracking: {carrier: 'DHL'}})).json();
      expect(body.data.order.status).to.equal(status);
    }
    const view = await inspect(s.invoice_id);
    expect(view.order?.status).to.equal('delivered');
    const orderEvents = view.events.filter((e) => e.type === 'commerce.order.updated').map((e) => e.data.object['status']);
    expect(orderEvents).to.deep.equal(['processing', 'processing', 'placed', 'shipped', 'delivered']);
    expect(view.events.some((e) => e.type === 'invoice.updated' && e.data.object['status'] === 'paid')).to.equal(true);
  });

  it('cancels only from placed and refunds only to a BSC destination', async () => {
    const s = await createSession({commerce: true});
    const orderId = s.order_id!;
    await simulate(s.invoice_id, 'pay');
    expect((await inspect(s.invoice_id)).order?.status).to.equal('processing');
    expect((await simulateOrder(orderId, {transitionTo: 'failed'})).status).to.equal(200);
    expect((await simulateOrder(orderId, {transitionTo: 'refunded'})).status).to.equal(400);
    expect(
      (
        await simulateOrder(orderId, {
          transitionTo: 'refunded',
          walletNetwork: 'bsc',
          walletAddress: '0x0000000000000000000000000000000000000002',
        })
      ).status,
    ).to.equal(200);
    expect((await inspect(s.invoice_id)).order?.status).to.equal('refunded');
  });

  it('advance-order steps a paid commerce order along the happy path without a key, and never pays one', async () => {
    const s = await createSession({commerce: true});
    // Unpaid: refused, and the order still waits for its payment (issue 17: it used to pay it).
    expect((await simulate(s.invoice_id, 'advance-order')).status).to.equal(400);
    expect([(await inspect(s.invoice_id)).invoice.status, (await inspect(s.invoice_id)).order?.status]).to.deep.equal([
      'unpaid',
      'awaiting_payment',
    ]);
    await simulate(s.invoice_id, 'pay');
    expect((await inspect(s.invoice_id)).order?.status).to.equal('processing');
    // One press, one visible step (the settlement in between is not a step a payer sees).
    const seen: (string | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      expect((await simulate(s.invoice_id, 'advance-order')).status).to.equal(200);
      seen.push((await inspect(s.invoice_id)).order?.status);
    }
    expect(seen).to.deep.equal(['placed', 'shipped', 'delivered']);
    expect((await simulate(s.invoice_id, 'advance-order')).status).to.equal(400);
    expect((await simulate((await createSession()).invoice_id, 'advance-order')).status).to.equal(400);
  });
});
