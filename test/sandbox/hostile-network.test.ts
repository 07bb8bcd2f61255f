/**
 * A hostile network, end to end: the checkout against the sandbox's fault switches. Each case is
 * one input of issue 15's kinds and a sibling of the same kind, asserting what the payer sees and
 * what reaches the network.
 */
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import {PayorClient, type PepayCheckout} from '../../src/index.js';
import {deepText} from '../support/deep.js';
import {createSession, inspect, requestsOnceQuiet, sandboxUrl, simulate, wsBase, type Session} from '../support/sandbox.js';
import {scriptedApi} from '../support/script.js';
import {servers} from '../support/servers.js';
import {stepIs, toPayment} from '../support/walk.js';

const until = (what: string, predicate: () => unknown, timeout = 10_000) => waitUntil(predicate, what, {timeout, interval: 50});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const faults = (s: Session, patch: unknown) => simulate(s.invoice_id, 'faults', patch);
const requestsTo = async (s: Session, path: string) => (await inspect(s.invoice_id)).requests.filter((r) => r.path.startsWith(path));

/** What the checkout's live region says, each time it changes. */
function announcements(el: PepayCheckout): string[] {
  const said: string[] = [];
  const region = el.shadowRoot!.querySelector('[aria-live]')!;
  new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {childList: true, subtree: true, characterData: true});
  return said;
}

async function mount(s: Session, apiBase = sandboxUrl): Promise<PepayCheckout> {
  return fixture<PepayCheckout>(
    html`<pepay-checkout session-token=${s.session_token} signature=${s.signature} api-base=${apiBase}></pepay-checkout>`,
  );
}

/** A checkout on the payment step; `refused`: its socket is refused, so it polls. */
async function paying(refused = false, options: Record<string, unknown> = {}) {
  const s = await createSession({customer_email: 'a@example.com', ...options});
  if (refused) await faults(s, {ws: {refuse: true}});
  const el = await mount(s);
  await toPayment(el);
  return {s, el, address: el.state.address!.address};
}

// Whatever the network does, nothing escapes as an unhandled rejection or error.
const uncaught: string[] = [];
const onRejection = (e: PromiseRejectionEvent) => uncaught.push(String(e.reason));
const onError = (e: ErrorEvent) => uncaught.push(e.message);
before(() => {
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('error', onError);
});
after(() => {
  window.removeEventListener('unhandledrejection', onRejection);
  window.removeEventListener('error', onError);
  expect(uncaught).to.deep.equal([]);
});

describe('hostile network: events about someone else (kind 1)', () => {
  it('an invoice.updated "paid" about another invoice on this stream is ignored', async () => {
    const {s, el} = await paying();
    await until('live', () => el.state.connection === 'live');
    let paid = false;
    el.addEventListener('pepay-paid', () => (paid = true));
    const frame = {
      id: 'evt_20-1',
      object: 'event',
      type: 'invoice.updated',
      created: 1,
      data: {object: {object: 'invoice', id: 'inv-OTHER', status: 'paid', paid_at: '2025-01-01T00:00:00Z'}},
    };
    expect(((await (await simulate(s.invoice_id, 'push-frame', frame)).json()) as {sent: number}).sent).to.equal(1);
    // Sibling: what is still due, from a quote whose invoice id is empty.
    await simulate(s.invoice_id, 'push-frame', {
      id: 'evt_20-2',
      object: 'event',
      type: 'payment_quote.updated',
      data: {object: {object: 'payment_quote', invoice_id: '', amount_remaining: 0}},
    });
    await sleep(800);
    expect([el.state.step, paid, el.state.amountRemainingUsd]).to.deep.equal(['awaiting-payment', false, 49.99]);
    el.remove();
  });
});

describe('hostile network: reconnect storms (kind 2)', () => {
  it('a socket closed 100 ms after every upgrade: waits grow, one "Reconnecting…", re-reads bounded', async function () {
    this.timeout(60_000);
    const {s, el} = await paying(false);
    await until('live', () => el.state.connection === 'live');
    const announced = announcements(el);
    await faults(s, {ws: {flap: true}});
    await simulate(s.invoice_id, 'drop-sockets');
    const from = Date.now();
    await sleep(14_000);
    const opens = (await requestsTo(s, '/ws/payment')).filter((r) => r.at >= from).length;
    const reads = (await requestsTo(s, '/api/v1/payments/session-details')).filter((r) => r.at >= from).length;
    // 14 s of waits growing from 0.5–1 s: at most 5 opens (the old storm made 16), one read each.
    expect(opens).to.be.within(2, 5);
    expect(reads).to.be.at.most(opens + 1);
    expect(announced.filter((text) => text.includes('Reconnecting')).length).to.equal(1);
    // The sockets never stay, but polls answer: updates keep coming, and the header says nothing wrong.
    expect(el.state.connection).to.equal('polling');
    el.remove();
  });

  it('sockets that live 1.5 s each: one "Reconnecting…" for the whole outage, not one per socket', async function () {
    this.timeout(60_000);
    const {s, el} = await paying(false);
    await until('live', () => el.state.connection === 'live');
    const announced = announcements(el);
    await faults(s, {ws: {flap: true, flapAfterMs: 1500}});
    await simulate(s.invoice_id, 'drop-sockets');
    await sleep(14_000);
    expect(announced.filter((text) => text.includes('Reconnecting')).length).to.equal(1);
    el.remove();
  });

  it('online/offline and focus flapping do not undo the backoff: a handful of opens and re-reads, not dozens', async function () {
    this.timeout(30_000);
    const {s, el} = await paying(false);
    await until('live', () => el.state.connection === 'live');
    await faults(s, {ws: {flap: true}});
    await simulate(s.invoice_id, 'drop-sockets');
    const from = Date.now();
    for (let i = 0; i < 20; i++) {
      window.dispatchEvent(new Event(i % 2 ? 'online' : 'offline'));
      window.dispatchEvent(new Event('focus'));
      await sleep(100);
    }
    await sleep(1000);
    const reads = (await requestsTo(s, '/api/v1/payments/session-details')).filter((r) => r.at >= from).length;
    const sockets = (await requestsTo(s, '/ws/payment')).filter((r) => r.at >= from).length;
    // About 3 s of flapping signals (longer on a loaded machine: bounded by the time it took): at
    // most one open per 2 s from them, plus one re-read per socket opened.
    expect(sockets).to.be.at.most(Math.ceil((Date.now() - from) / 2000) + 1);
    expect(reads).to.be.at.most(sockets + 2);
    el.remove();
  });

  it('a handshake that never completes is abandoned, and the stream comes back when the server does', async function () {
    this.timeout(30_000);
    const s = await createSession({customer_email: 'a@example.com'});
    await faults(s, {ws: {stall: true}});
    // Through the sandbox's second door: the browser holds every other handshake to the address
    // and port of one it is waiting on, and other test files' checkouts go through the first.
    const el = await mount(s, servers.sandboxSecondUrl);
    await toPayment(el);
    await sleep(2000);
    expect(el.state.connection).not.to.equal('live');
    // Meanwhile a handshake through the first door is answered at once (refused: no token), not
    // held for the ~8 s this one has left: the other test files' sockets are not held up by it.
    // Firefox holds handshakes per address whatever the port; it runs one test file at a time.
    if (!navigator.userAgent.includes('Firefox')) {
      const started = performance.now();
      await new Promise((closed) => (new WebSocket(`${wsBase}/ws/payment?token=none`).onclose = closed));
      expect(performance.now() - started).to.be.below(5000);
    }
    await faults(s, {ws: {stall: false}});
    // The stuck handshake is given up after 10 s; the next one succeeds.
    await until('live again', () => el.state.connection === 'live', 16_000);
    el.remove();
  });
});

describe('hostile network: server time and unbounded waits (kind 3)', () => {
  it('Retry-After as a date 5 s ahead of a server clock 1 h ahead of ours: the next poll comes in 5–12 s, not in an hour', async function () {
    this.timeout(30_000);
    const {s, el} = await paying(true);
    await faults(s, {http: [{kind: 'rate-limit', path: 'payment-status', retryAfterDate: 5, clockSkewSeconds: 3600}]});
    await until('limited', async () => (await requestsTo(s, '/api/v1/payments/payment-status')).length >= 1);
    const [limited] = await requestsTo(s, '/api/v1/payments/payment-status');
    await until('next poll', async () => (await requestsTo(s, '/api/v1/payments/payment-status')).length >= 2, 14_000);
    const [, next] = await requestsTo(s, '/api/v1/payments/payment-status');
    expect(next!.at - limited!.at).to.be.within(4500, 12_000);
    await simulate(s.invoice_id, 'pay');
    await stepIs(el, 'paid', 10_000);
    el.remove();
  });

  for (const [name, fault] of [
    ['a Retry-After the page cannot read (not exposed through CORS)', {kind: 'rate-limit', retryAfter: 1, hideRetryAfter: true}],
    ['a burst of 5xx', {kind: 'server-error', count: 2}],
  ] as const) {
    it(`${name}: in-call retries still come at most one per 2 s`, async function () {
      this.timeout(30_000);
      const s = await createSession();
      await faults(s, {http: [{...fault, path: 'session-details'}]});
      const client = new PayorClient({apiBase: sandboxUrl, sessionToken: s.session_token, signature: s.signature});
      await client.sessionDetails();
      const times = (await requestsTo(s, '/api/v1/payments/session-details')).map((r) => r.at);
      expect(times.length).to.equal(fault.kind === 'server-error' ? 3 : 2);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).to.be.at.least(1900);
    });
  }

  // Found by a network-fault probe: a second press 3 s after a 429 with "Retry-After: 30" was sent
  // at once. Sibling: another token chosen, after a Retry-After given as an HTTP date (whole seconds:
  // at least 2 s of its 3 are left when it is read).
  for (const [name, fault, again, leastMs] of [
    ['the same token chosen again', {retryAfter: 3}, 201, 3000],
    ['another token chosen, Retry-After as a date', {retryAfterDate: 3}, 202, 2000],
  ] as const) {
    it(`${name} after a rate limit: sent once the server's Retry-After is over, not before`, async function () {
      this.timeout(30_000);
      const s = await createSession({customer_email: 'a@example.com'});
      const el = await mount(s);
      await stepIs(el, 'select-token');
      await faults(s, {http: [{kind: 'rate-limit', path: 'payment-addresses', ...fault}]});
      const token = (id: number) =>
        el.shadowRoot!.querySelector('pepay-token-list')!.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-token="${id}"]`)!;
      token(201).click();
      await until('refused', () => el.state.notice?.code === 'rate-limited' && el.state.busy === null);
      token(again).click();
      await stepIs(el, 'awaiting-payment', 15_000);
      expect(el.state.address?.tokenId).to.equal(again);
      const [refused, sent] = (await requestsTo(s, '/api/v1/payments/payment-addresses')).filter((r) => r.method === 'POST');
      expect(sent!.at - refused!.at).to.be.at.least(leastMs);
      el.remove();
    });
  }

  it('"Try again" clicked five times after a reported rate limit sends one request, not five', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    // A wait longer than 30 s is reported at once rather than waited for.
    await faults(s, {http: [{kind: 'rate-limit', path: 'session-details', retryAfter: 120, count: 2}]});
    const el = await mount(s);
    await stepIs(el, 'error');
    expect(el.state.error?.code).to.equal('rate-limited');
    // Between two error cards the checkout loads again, with no status view: waited for, not read.
    const retry = () =>
      el.shadowRoot!.querySelector('pepay-status-view')?.shadowRoot?.querySelector<HTMLButtonElement>('[part=pay-button]') ?? null;
    for (let i = 0; i < 5; i++) {
      await until('retry button', () => retry());
      retry()!.click();
      await sleep(300);
    }
    expect((await requestsTo(s, '/api/v1/payments/session-details')).length).to.equal(2);
    el.remove();
  });
});

describe('hostile network: one answer does not end a live payment (kind 4)', () => {
  it('a poll answered 401 keeps the address and countdown, re-reads the session, and the payment still lands', async () => {
    const {s, el, address} = await paying(true);
    await faults(s, {http: [{kind: 'status', status: 401, path: 'payment-status'}]});
    const from = Date.now();
    await until('re-read after the 401', async () => (await requestsTo(s, '/api/v1/payments/session-details')).some((r) => r.at >= from));
    expect([el.state.step, el.state.address?.address]).to.deep.equal(['awaiting-payment', address]);
    await simulate(s.invoice_id, 'pay');
    await stepIs(el, 'paid');
    el.remove();
  });

  it('a 404 on the poll and on the re-read: a notice, the view kept, and it recovers when the server does', async () => {
    const {s, el, address} = await paying(true);
    await faults(s, {
      http: [
        {kind: 'status', status: 404, path: 'payment-status'},
        {kind: 'status', status: 404, path: 'session-details'},
      ],
    });
    await until('notice', () => el.state.notice?.code === 'session-not-found');
    await el.updateComplete;
    expect([el.state.step, el.state.address?.address]).to.deep.equal(['awaiting-payment', address]);
    expect(deepText(el.shadowRoot!)).to.include(address);
    await simulate(s.invoice_id, 'pay');
    await stepIs(el, 'paid');
    el.remove();
  });
});

describe('hostile network: credentials never follow a redirect (kind 5)', () => {
  it('session-details redirected to another origin: an error, and nothing reaches that origin', async function () {
    this.timeout(30_000);
    const elsewhere = scriptedApi();
    const s = await createSession({customer_email: 'a@example.com'});
    await faults(s, {http: [{kind: 'redirect', path: 'session-details', location: `${elsewhere.base}/steal`, count: 3}]});
    const el = await mount(s);
    await stepIs(el, 'error', 20_000);
    expect(el.state.error?.code).to.equal('network');
    expect(await elsewhere.log()).to.deep.equal([]);
    el.remove();
  });

  it('a POST redirected elsewhere: a notice next to the tokens, nothing re-sent there', async () => {
    const elsewhere = scriptedApi();
    const s = await createSession({customer_email: 'a@example.com'});
    const el = await mount(s);
    await stepIs(el, 'select-token');
    await faults(s, {http: [{kind: 'redirect', path: 'payment-addresses', location: `${elsewhere.base}/steal`}]});
    const error = oneEvent(el, 'pepay-error');
    el.shadowRoot!.querySelector('pepay-token-list')!.shadowRoot!.querySelector<HTMLButtonElement>('button[data-token="201"]')!.click();
    expect((await error).detail.code).to.equal('network');
    expect(el.state.step).to.equal('select-token');
    expect(await elsewhere.log()).to.deep.equal([]);
    el.remove();
  });
});

describe('hostile network: polling with nothing to wait for (kind 7)', () => {
  it('checkouts on the token list poll nothing; coming back to the window re-reads each once', async () => {
    const sessions = await Promise.all([1, 2, 3].map(() => createSession({customer_email: 'a@example.com'})));
    const els = await Promise.all(sessions.map((s) => mount(s)));
    for (const el of els) await stepIs(el, 'select-token');
    await sleep(4500);
    for (const s of sessions) expect(await requestsTo(s, '/api/v1/payments/payment-status')).to.deep.equal([]);
    const before = await Promise.all(sessions.map(async (s) => (await requestsTo(s, '/api/v1/payments/session-details')).length));
    window.dispatchEvent(new Event('focus'));
    const reads = () => Promise.all(sessions.map(async (s) => (await requestsTo(s, '/api/v1/payments/session-details')).length));
    await until('each re-read', async () => (await reads()).every((n, i) => n > before[i]!));
    // Then no second one: counted once every request on its way has landed.
    await Promise.all(sessions.map((s) => requestsOnceQuiet(s.invoice_id)));
    const after = await reads();
    expect(after.map((n, i) => n - before[i]!)).to.deep.equal([1, 1, 1]);
    for (const el of els) el.remove();
  });

  it('a checkout on the questions step polls nothing either', async () => {
    const s = await createSession({questions: {questions: [{id: 'q1', question: 'Company', type: 'text'}]}});
    const el = await mount(s);
    await stepIs(el, 'questions');
    await sleep(4500);
    expect(await requestsTo(s, '/api/v1/payments/payment-status')).to.deep.equal([]);
    el.remove();
  });
});
