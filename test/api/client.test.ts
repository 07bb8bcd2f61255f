import {expect} from '@open-wc/testing';
import {PayorClient, PepayError, resolveCredentials} from '../../src/api/index.js';
import {loadFixture} from '../support/fixtures.js';
import {scriptedApi} from '../support/script.js';

const creds = {sessionToken: 'pst_test', signature: 'sig_test'};
const fastRetry = {baseDelayMs: 20, maxRetries: 2};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function pepayError(promise: Promise<unknown>): Promise<PepayError> {
  const error = await rejection(promise);
  expect(error).to.be.instanceOf(PepayError);
  return error as PepayError;
}

describe('credentials', () => {
  it('takes the pair, or the payment_url query parameters', () => {
    expect(resolveCredentials(creds)).to.deep.equal(creds);
    expect(resolveCredentials({paymentUrl: 'https://pay.example/pay?session=pst_a&signature=sig_b'})).to.deep.equal({
      sessionToken: 'pst_a',
      signature: 'sig_b',
    });
    // Opaque tokens: a UUID session and a `<hash>.<timestamp>` signature are fine.
    expect(resolveCredentials({sessionToken: '550e8400-e29b-41d4-a716-446655440444', signature: 'abc.1700000000000'}).signature).to.equal(
      'abc.1700000000000',
    );
    // A key-like run inside an opaque token is not a key.
    expect(resolveCredentials({sessionToken: 'pst_4ask_b', signature: 'desk_9.1'}).sessionToken).to.equal('pst_4ask_b');
    expect(resolveCredentials({sessionToken: 'pst_desk_test_abc', signature: 'Ck_x8.1'}).sessionToken).to.equal('pst_desk_test_abc');
  });

  it('refuses merchant keys with insecure-credentials and missing ones with missing-credentials', () => {
    for (const bad of [
      {sessionToken: 'pk_live_1', signature: 's'},
      {sessionToken: 'p', signature: 'sk_test_1'},
      {paymentUrl: 'https://x/pay?session=ck_1&signature=s'},
      // Issue 16, kind 9: a key wrapped in an auth scheme is still a key.
      {sessionToken: 'Bearer sk_live_abc', signature: 's'},
      // Sibling: a key behind a label, or inside a longer string, in either field or the URL.
      {sessionToken: 'pst_a', signature: 'key=pk_test_1'},
      {sessionToken: 'pst_a', signature: 'x.sk_live_9'},
      {paymentUrl: 'https://x/pay?session=Bearer%20ck_live_2&signature=s'},
      // From review: brackets, percent-encoding, and a Basic credential.
      {sessionToken: '(pk_abc123)', signature: 's'},
      {sessionToken: 'Bearer%20pk_live_1', signature: 's'},
      {sessionToken: 'sk%5Flive%5Fx', signature: 's'},
      // From a hostile-input probe: encoded twice, and (sibling) three times, in the URL.
      {sessionToken: 'Bearer%2520sk_live_abc', signature: 's'},
      {paymentUrl: 'https://x/pay?session=pst_a&signature=key%25253Dpk_live_1'},
      // From a review: a stray `%` does not stop the decoding, nor does encoding around `Basic`.
      {sessionToken: 'Bearer%2520sk_live_abc%', signature: 's'},
      {sessionToken: 'sk%5Flive%5Fabc%zz', signature: 's'},
      {sessionToken: `Basic%20${btoa('sk_live_x:')}`, signature: 's'},
      {sessionToken: `Basic ${btoa('sk_live_x:')}`, signature: 's'},
      // From a merchant's probe: a live or test key in capitals is still that key.
      {sessionToken: 'SK_LIVE_abc', signature: 's'},
      {sessionToken: 'pst_a', signature: 'key=Pk_Test_1'},
      {paymentUrl: 'https://x/pay?session=Bearer%20CK_LIVE_2&signature=s'},
    ]) {
      expect(() => resolveCredentials(bad))
        .to.throw(PepayError)
        .with.property('code', 'insecure-credentials');
    }
    expect(() => resolveCredentials({sessionToken: 'a'}))
      .to.throw(PepayError)
      .with.property('code', 'missing-credentials');
    // A session no header can carry (a space, a newline, an invisible or look-alike letter) is malformed, not unreachable.
    for (const sessionToken of ['pst a', 'pst\na', 'pst\u200Ba', 'pst_\u0430']) {
      expect(() => resolveCredentials({sessionToken, signature: 's'}))
        .to.throw(PepayError)
        .with.property('code', 'invalid-session');
    }
    expect(() => resolveCredentials({paymentUrl: 'not a url'}))
      .to.throw(PepayError)
      .with.property('code', 'missing-credentials');
  });

  it("one pair from one place: a lone session-token is not mixed with payment-url's signature; a payment-url without a session says so (found by a merchant probe)", () => {
    const url = 'https://pay.example/checkout?session=pst_url&signature=sig_url';
    expect(resolveCredentials({sessionToken: 'pst_attr', paymentUrl: url})).to.deep.equal({sessionToken: 'pst_url', signature: 'sig_url'});
    expect(resolveCredentials({signature: 'sig_attr', paymentUrl: url})).to.deep.equal({sessionToken: 'pst_url', signature: 'sig_url'});
    expect(resolveCredentials({sessionToken: 'pst_attr', signature: 'sig_attr', paymentUrl: url})).to.deep.equal({
      sessionToken: 'pst_attr',
      signature: 'sig_attr',
    });
    // A key left out of the pair chosen is still refused.
    expect(() => resolveCredentials({sessionToken: 'sk_live_x', paymentUrl: url}))
      .to.throw(PepayError)
      .with.property('code', 'insecure-credentials');
    for (const paymentUrl of ['/pay?session=pst_a&signature=s', 'pst_a', 'https://pay.example/checkout?session=pst_a']) {
      expect(() => resolveCredentials({paymentUrl}), paymentUrl)
        .to.throw(PepayError, 'payment-url')
        .with.property('code', 'missing-credentials');
    }
  });

  it('sends nothing at all when given a merchant key', async () => {
    const api = scriptedApi();
    expect(() => new PayorClient({apiBase: api.base, sessionToken: 'sk_live_x', signature: 'y'})).to.throw(PepayError);
    expect(() => new PayorClient({apiBase: api.base, sessionToken: 'Bearer sk_live_abc', signature: 'y'})).to.throw(PepayError);
    expect(await api.log()).to.deep.equal([]);
  });

  it('rejects a non-http API base', () => {
    expect(() => new PayorClient({...creds, apiBase: 'javascript:alert(1)'}))
      .to.throw(PepayError)
      .with.property('code', 'bad-request');
    expect(() => new PayorClient({...creds, apiBase: 'nope'})).to.throw(PepayError);
  });

  it('rejects an API base with a query, a fragment or credentials (they would go with every request), and keeps a path', () => {
    for (const apiBase of [
      'https://api-beta.pepay.io/?k=sk_live_x',
      'https://api-beta.pepay.io/#k',
      'https://api-beta.pepay.io/?',
      'https://api-beta.pepay.io/#',
      'https://user:sk_live_x@api-beta.pepay.io',
    ]) {
      expect(() => new PayorClient({...creds, apiBase}), apiBase)
        .to.throw(PepayError)
        .with.property('code', 'bad-request');
    }
    expect(new PayorClient({...creds, apiBase: 'https://shop.example/pepay/'}).apiBase).to.equal('https://shop.example/pepay');
  });

  it("an API base given with the API's own /api/v1 path is the origin: requests do not go to /api/v1/api/v1 (found by a merchant probe)", async () => {
    const api = scriptedApi();
    for (const suffix of ['/api/v1', '/api/v1/']) {
      const client = new PayorClient({...creds, apiBase: api.base + suffix});
      expect(client.apiBase).to.equal(api.base);
      await api.queue('/api/v1/payments/session-details', {body: await loadFixture('session-details.200.json')});
      await client.sessionDetails();
    }
    expect((await api.log()).map((r) => r.path.replace(/^\/t[^/]+/, ''))).to.deep.equal([
      '/api/v1/payments/session-details',
      '/api/v1/payments/session-details',
    ]);
    // A proxy's own path stays before it.
    expect(new PayorClient({...creds, apiBase: 'https://shop.example/pepay/api/v1'}).apiBase).to.equal('https://shop.example/pepay');
  });
});

const BASE_ADDRESS = '0x9a3f0c1d2e4b5a6978f0e1d2c3b4a5968778695a';

describe('PayorClient against a real HTTP server', () => {
  it('calls every endpoint with the session headers and documented paths and bodies', async () => {
    const api = scriptedApi();
    const client = new PayorClient({...creds, apiBase: api.base + '/'});
    await api.queue('/api/v1/payments/session-details', {body: await loadFixture('session-details.200.json')});
    await api.queue('/api/v1/payments/available-tokens', {body: await loadFixture('available-tokens.200.json')});
    // The documentation prints a placeholder where the deposit address goes: a real one here.
    const address = {...((await loadFixture('payment-addresses.200.json')) as object), temp_address: BASE_ADDRESS};
    await api.queue('/api/v1/payments/payment-addresses', {body: address});
    await api.queue('/api/v1/payments/payment-status', {body: await loadFixture('payment-status.unpaid.json')});
    await api.queue(
      '/api/v1/payments/customer-email',
      {body: await loadFixture('customer-email.get.200.json')},
      {body: await loadFixture('customer-email.post.200.json')},
    );
    await api.queue('/api/v1/payments/invoice-questions', {body: await loadFixture('invoice-questions.200.json')});
    await api.queue('/api/v1/payments/submit-form', {body: await loadFixture('submit-form.200.json')});
    await api.queue(
      '/api/v1/invoice/inv%201/verify',
      {status: 202, body: await loadFixture('invoice-verify.accepted.json')},
      {body: await loadFixture('invoice-verify.accepted.json')},
    );

    expect((await client.sessionDetails()).invoiceId).to.equal('550e8400-e29b-41d4-a716-446655440000');
    expect(await client.availableTokens({mode: 'all', network: 'base', availableOnly: true})).to.have.length(1);
    expect((await client.allocateAddress({network: 'base', tokenId: 123})).address).to.equal(BASE_ADDRESS);
    expect((await client.paymentStatus()).status).to.equal('unpaid');
    expect((await client.customerEmail()).email).to.equal('customer@example.com');
    expect((await client.setCustomerEmail('customer@example.com')).email).to.equal('customer@example.com');
    expect(await client.invoiceQuestions()).to.have.length(1);
    await client.submitForm([{questionId: 'q1', response: 'customer@example.com'}]);
    expect((await client.requestVerification('inv 1', 'base')).status).to.equal('pending');
    expect((await client.verification('inv 1')).id).to.equal('3c90c3cc-0d44-4b50-8888-8dd25736052a');

    const log = await api.log();
    const paths = log.map((r) => `${r.method} ${r.path.replace(/^\/t[^/]+/, '')}`);
    expect(paths).to.deep.equal([
      'GET /api/v1/payments/session-details',
      'GET /api/v1/payments/available-tokens?mode=all&network=base&available_only=true',
      'POST /api/v1/payments/payment-addresses',
      'GET /api/v1/payments/payment-status',
      'GET /api/v1/payments/customer-email',
      'POST /api/v1/payments/customer-email',
      'GET /api/v1/payments/invoice-questions',
      'POST /api/v1/payments/submit-form',
      'POST /api/v1/invoice/inv%201/verify',
      'GET /api/v1/invoice/inv%201/verify',
    ]);
    for (const request of log) {
      expect(request.headers['x-session-token']).to.equal('pst_test');
      expect(request.headers['x-signature']).to.equal('sig_test');
      expect(request.headers).not.to.have.property('x-api-key');
      expect(request.headers).not.to.have.property('x-commerce-api-key');
      expect(request.headers).not.to.have.property('cookie');
    }
    expect(JSON.parse(log[2]!.body)).to.deep.equal({network: 'base', tokenId: 123});
    expect(log[2]!.headers['content-type']).to.equal('application/json');
    expect(JSON.parse(log[5]!.body)).to.deep.equal({email: 'customer@example.com'});
    expect(JSON.parse(log[7]!.body)).to.deep.equal({responses: [{question_id: 'q1', response: 'customer@example.com'}]});
    expect(JSON.parse(log[8]!.body)).to.deep.equal({network: 'base'});
  });

  it('maps each error status to its code, with the server message and request id', async () => {
    const api = scriptedApi();
    const client = new PayorClient({...creds, apiBase: api.base, retry: {maxRetries: 0}});
    const cases: [number, string, boolean][] = [
      [400, 'bad-request', false],
      [401, 'invalid-session', false],
      [403, 'invalid-session', false],
      [404, 'session-not-found', false],
      [410, 'gone', false],
      [422, 'bad-request', false],
      [429, 'rate-limited', true],
      [500, 'server', true],
      [503, 'server', true],
    ];
    for (const [status, code, retryable] of cases) {
      await api.queue('/api/v1/payments/customer-email', {
        status,
        headers: {'x-request-id': `req_${status}`},
        body: {success: false, error: {code: 'SOME_CODE', message: `failed with ${status}`}},
      });
      const error = await pepayError(client.customerEmail());
      expect([error.code, error.retryable, error.status, error.message, error.requestId, error.serverCode]).to.deep.equal([
        code,
        retryable,
        status,
        `failed with ${status}`,
        `req_${status}`,
        'SOME_CODE',
      ]);
    }
  });

  it('retries 5xx and 429 on GET with backoff, then succeeds', async () => {
    const api = scriptedApi();
    const client = new PayorClient({...creds, apiBase: api.base, retry: fastRetry});
    await api.queue(
      '/api/v1/payments/customer-email',
      {status: 503, body: await loadFixture('error.legacy.500.json')},
      {status: 429, body: {}},
      {body: await loadFixture('customer-email.get.200.json')},
    );
    expect((await client.customerEmail()).email).to.equal('customer@example.com');
    expect(await api.log()).to.have.length(3);
  });

  it('asks payment-status once, never retried: the pollers calling it back off themselves, and must hear of a failure at once', async () => {
    const api = scriptedApi();
    const client = new PayorClient({...creds, apiBase: api.base, retry: fastRetry});
    await api.queue('/api/v1/payments/payment-status', {status: 503}, {body: {status: 'paid'}});
    expect((await pepayError(client.paymentStatus())).code).to.equal('server');
    expect(await api.log()).to.have.length(1);
  });

  it('gives up after maxRetries with the last error', async () => {
    const api = scriptedApi();
    const client = new PayorClient({...creds, apiBase: api.base, retry: fastRetry});
    await api.queue(
      '/api/v1/payments/customer-email',
      {status: 500},
      {status: 502},
      {status: 500, body: await loadFixture('error.legacy.500.json')},
      {body: await loadFixture('customer-email.get.200.json')},
    );
    const error = await pepayError(client.customerEmail());
    expect([error.code, error.message, error.serverCode]).to.deep.equal(['server', 'Failed to fetch wallets', 'INTERNAL_SERVER_ERROR']);
    expect(await api.log()).to.have.length(3);
  });

  it('never retries a POST, nor a 4xx', async () => {
    const api = scriptedApi();
    const client = new PayorClient({...creds, apiBase: api.base, retry: fastRetry});
    await api.queue('/api/v1/payments/payment-addresses', {status: 503}, {body: await loadFixture('payment-addresses.200.json')});
    expect((await pepayError(client.allocateAddress({network: 'base', tokenId: 1}))).code).to.equal('server');
    await api.queue('/api/v1/payments/session-details', {status: 404}, {body: await loadFixture('session-details.200.json')});
    expect((await pepayError(client.sessionDetails())).code).to.equal('session-not-found');
    expect(await api.log()).to.have.length(2);
  });

  it('honours Retry-After (seconds) before retrying, and reports a wait that is too long', async () => {
    const api = scriptedApi();
    const client = new PayorClient({...creds, apiBase: api.base, retry: {...fastRetry, maxDelayMs: 5000}});
    await api.queue(
      '/api/v1/payments/customer-email',
      {status: 429, headers: {'retry-after': '1'}, body: await loadFixture('error.rate-limit.429.json')},
      {body: await loadFixture('customer-email.get.200.json')},
    );
    await client.customerEmail();
    const [first, second] = await api.log();
    expect(second!.at - first!.at).to.be.at.least(950);

    await api.queue('/api/v1/payments/customer-email', {
      status: 429,
      headers: {'retry-after': '900'},
      body: await loadFixture('error.rate-limit.429.json'),
    });
    const error = await pepayError(client.customerEmail());
    expect([error.code, error.retryAfterSeconds, error.serverCode]).to.deep.equal(['rate-limited', 900, 'RATE_LIMIT_EXCEEDED']);
    expect(await api.log()).to.have.length(3);
  });

  it('times out a silent server as a retryable network error', async () => {
    const api = scriptedApi();
    const client = new PayorClient({...creds, apiBase: api.base, timeoutMs: 150, retry: {maxRetries: 0}});
    await api.queue('/api/v1/payments/payment-status', {delayMs: 5000, body: {status: 'paid'}});
    const started = performance.now();
    const error = await pepayError(client.paymentStatus());
    // Given up long before the answer (a loaded machine adds to the 150 ms, never 4 s).
    expect(performance.now() - started).to.be.below(4000);
    expect([error.code, error.retryable]).to.deep.equal(['network', true]);
    expect(error.message).to.match(/in time/);
  });

  it('stops at once when the caller aborts, with an AbortError and no retry', async () => {
    const api = scriptedApi();
    const client = new PayorClient({...creds, apiBase: api.base, retry: fastRetry});
    await api.queue('/api/v1/payments/payment-status', {delayMs: 800, body: {status: 'paid'}}, {body: {status: 'paid'}});
    const controller = new AbortController();
    const pending = client.paymentStatus(controller.signal);
    // Abort once the server holds the request, so the abort lands mid-flight on a loaded machine too.
    while ((await api.log()).length === 0) await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    const error = await rejection(pending);
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
    expect(await api.log()).to.have.length(1);

    const aborted = new AbortController();
    aborted.abort();
    expect(await rejection(client.paymentStatus(aborted.signal))).to.be.instanceOf(DOMException);
    expect(await api.log()).to.have.length(1);
  });

  it('aborts a retry wait', async () => {
    const api = scriptedApi();
    const client = new PayorClient({...creds, apiBase: api.base, retry: {baseDelayMs: 2000, maxRetries: 2}});
    await api.queue('/api/v1/payments/customer-email', {status: 503}, {body: await loadFixture('customer-email.get.200.json')});
    const controller = new AbortController();
    const pending = client.customerEmail(controller.signal);
    setTimeout(() => controller.abort(), 100);
    expect(((await rejection(pending)) as Error).name).to.equal('AbortError');
  });

  it('reports malformed JSON, empty bodies and schema drift as invalid-response', async () => {
    const api = scriptedApi();
    const client = new PayorClient({...creds, apiBase: api.base});
    await api.queue(
      '/api/v1/payments/session-details',
      {raw: '{"invoice_id": "abc", '},
      {raw: ''},
      {body: {invoice_id: 42, invoice_status: 'paid'}},
    );
    for (let i = 0; i < 3; i++) {
      const error = await pepayError(client.sessionDetails());
      expect([error.code, error.retryable, error.status]).to.deep.equal(['invalid-response', true, 200]);
    }
  });

  it('accepts the wrapped `{status: ok, data}` body and a non-JSON error body', async () => {
    const api = scriptedApi();
    const client = new PayorClient({...creds, apiBase: api.base, retry: {maxRetries: 0}});
    await api.queue(
      '/api/v1/payments/session-details',
      {body: {status: 'ok', data: {invoice_id: 'inv_123', environment: 'devnet'}}},
      {status: 502, raw: '<html>Bad gateway</html>'},
    );
    expect((await client.sessionDetails()).environment).to.equal('devnet');
    const error = await pepayError(client.sessionDetails());
    expect([error.code, error.message]).to.deep.equal(['server', 'The payment server answered 502.']);
  });

  it('reports an unreachable server as a network error', async () => {
    const client = new PayorClient({...creds, apiBase: 'http://127.0.0.1:9', retry: {maxRetries: 1, baseDelayMs: 10}});
    const error = await pepayError(client.paymentStatus());
    expect([error.code, error.retryable]).to.deep.equal(['network', true]);
  });
});
