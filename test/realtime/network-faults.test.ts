/**
 * Faults of the network between the payer and Pepay that a probe found (session 25): a lock held by
 * a tab that polls nothing, a server's resync requests in a burst, session reads refused while
 * polls answer. Each test is bounded in time and in requests.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {sessionKey} from '../../src/realtime/session-key.js';
import {createSession, inspect, requestsOnceQuiet, sandboxUrl, simulate, type Session} from '../support/sandbox.js';
import {stepIs, toPayment} from '../support/walk.js';

async function mount(s: Session): Promise<PepayCheckout> {
  return fixture<PepayCheckout>(
    html`<pepay-checkout session-token=${s.session_token} signature=${s.signature} api-base=${sandboxUrl}></pepay-checkout>`,
  );
}

// Generous: three engines share two cores in CI.
const until = (what: string, predicate: () => unknown, timeout = 10_000) => waitUntil(predicate, what, {timeout});
const faults = (s: Session, patch: unknown) => simulate(s.invoice_id, 'faults', patch);
const requestsTo = async (s: Session, path: string) => (await inspect(s.invoice_id)).requests.filter((r) => r.path.startsWith(path));

/** A session whose payment socket is refused: the checkout follows it by polling. */
async function refusedSocketSession(): Promise<Session> {
  const s = await createSession({customer_email: 'a@example.com'});
  await faults(s, {ws: {refuse: true}});
  return s;
}

describe('realtime: network faults', () => {
  it('a tab still on the token list holds the lock and polls nothing: a tab paying with its socket refused polls, and sees the payment', async function () {
    if (!navigator.locks) this.skip();
    this.timeout(40_000);
    const s = await refusedSocketSession();
    const a = await mount(s);
    await stepIs(a, 'select-token');
    const lock = `pepay-checkout-poller:${sessionKey(s.session_token)}`;
    await until('the first tab holds the lock', async () => (await navigator.locks.query()).held?.some((held) => held.name === lock));
    const b = await mount(s);
    await toPayment(b);
    const from = Date.now();
    await until('the paying tab polls', async () => (await requestsTo(s, '/api/v1/payments/payment-status')).some((r) => r.at >= from));
    await simulate(s.invoice_id, 'pay', {amount: 'full'});
    await until('paid, heard by polling', () => b.state.step === 'paid', 15_000);
    // The first tab, never past the token list, shows the end too (told by the second).
    await until('paid in the first tab too', () => a.state.step === 'paid');
    a.remove();
    b.remove();
  });

  it('a burst of resync_required frames makes one or two session reads, not one each', async function () {
    this.timeout(30_000);
    const s = await createSession({customer_email: 'a@example.com'});
    const el = await mount(s);
    await toPayment(el);
    await until('live', () => el.state.connection === 'live');
    await requestsOnceQuiet(s.invoice_id);
    const from = Date.now();
    const reads = async () => (await requestsTo(s, '/api/v1/payments/session-details')).filter((r) => r.at >= from).length;
    for (let i = 0; i < 30; i++) await simulate(s.invoice_id, 'push-frame', {object: 'ws_control', type: 'resync_required'});
    await until('read once', async () => (await reads()) >= 1);
    await requestsOnceQuiet(s.invoice_id);
    expect(await reads()).to.be.within(1, 2);
    el.remove();
  });

  // Underpaid and followed by polls (each asks for a session read), with the reads refused: one
  // read at a time, its retries spaced by the client, and a Retry-After heeded.
  for (const [fault, most] of [
    [{kind: 'server-error', path: 'session-details', count: 1000}, 5],
    [{kind: 'rate-limit', retryAfter: 20, path: 'session-details', count: 1000}, 1],
  ] as const) {
    it(`session reads refused (${fault.kind}) while polls answer: at most ${most} in 10 s, never two at once`, async function () {
      this.timeout(40_000);
      const s = await refusedSocketSession();
      const el = await mount(s);
      await toPayment(el);
      await simulate(s.invoice_id, 'pay', {amount: 10});
      await stepIs(el, 'underpaid');
      await requestsOnceQuiet(s.invoice_id);
      await faults(s, {http: [fault]});
      const from = Date.now();
      const polls = async () => (await requestsTo(s, '/api/v1/payments/payment-status')).filter((r) => r.at >= from).length;
      await until('ten seconds of polls', async () => (await polls()) >= 5 && Date.now() - from >= 10_000, 20_000);
      const reads = (await requestsTo(s, '/api/v1/payments/session-details')).filter((r) => r.at >= from && r.at < from + 10_000);
      expect(reads.length).to.be.within(1, most);
      expect(el.state.step).to.equal('underpaid');
      el.remove();
    });
  }
});
