/**
 * The session re-reads nothing else would make, end to end against the sandbox (issue 15, kinds 4
 * and 6): after one answer that doubted the session, and while a lagging server says "0 s left" on
 * an invoice still open. What the payer reads, and how many reads reach the server.
 */
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import {deepText} from '../support/deep.js';
import {createSession, inspect, simulate, type Session} from '../support/sandbox.js';
import {mountCheckout, payingCheckout, stepIs, toPayment} from '../support/walk.js';

const until = (what: string, predicate: () => unknown, timeout = 10_000) => waitUntil(predicate, what, {timeout, interval: 50});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sessionReadsSince = async (s: Session, from: number) =>
  (await inspect(s.invoice_id)).requests.filter((r) => r.path === '/api/v1/payments/session-details' && r.method === 'GET' && r.at >= from);

describe('session re-reads: one answer doubting the session (kind 4)', () => {
  for (const [status, code, said] of [
    [401, 'invalid-session', 'This payment session is not valid.'],
    [410, 'gone', 'This payment request has expired.'],
  ] as const) {
    it(`one background read answered ${status} with the stream live: said, read again, and no longer said`, async function () {
      this.timeout(30_000);
      const {s, el} = await payingCheckout();
      const address = el.state.address!.address;
      await simulate(s.invoice_id, 'faults', {http: [{kind: 'status', status, path: 'session-details', count: 1}]});
      window.dispatchEvent(new Event('focus'));
      await until('the notice', () => el.state.notice?.code === code);
      await until('the notice said', () => deepText(el.shadowRoot!).includes(said));
      const from = Date.now();
      // Nothing else reads the session while the stream is live: the checkout reads it again itself.
      await until('the notice gone', () => el.state.notice === null, 15_000);
      expect((await sessionReadsSince(s, from)).length).to.be.within(1, 2);
      await el.updateComplete;
      expect([el.state.step, el.state.address?.address]).to.deep.equal(['awaiting-payment', address]);
      expect(deepText(el.shadowRoot!)).not.to.include(said);
      el.remove();
    });
  }
});

describe('session re-reads: "0 s left" on an invoice still open (kind 6)', () => {
  // The sandbox's invoice ends 6 s after it is made, and stays open a minute longer: a server
  // whose expiry job lags. Before, the quote's deadline ahead reset the wait for the past one, and
  // the checkout read the session every 1–2 s for as long as the server lagged.
  for (const [name, ws] of [
    ['stream live', {}],
    ['socket refused (polling)', {refuse: true}],
  ] as const) {
    it(`${name}: the session is read ever less often, and the payment still lands`, async function () {
      this.timeout(60_000);
      const s = await createSession({customer_email: 'a@example.com', expires_in: 6000});
      await simulate(s.invoice_id, 'faults', {variants: {expiryLagSeconds: 60}, ws});
      const el = mountCheckout(s);
      await toPayment(el);
      await until('the countdown over', () => el.state.expiresAtMono !== null && el.state.expiresAtMono <= performance.now(), 15_000);
      const from = Date.now();
      await sleep(16_000);
      // The growing wait (1–2 s, 2–4 s, 4–8 s, …): about four reads in 16 s, not ten or more.
      expect((await sessionReadsSince(s, from)).length).to.be.within(2, 6);
      expect(el.state.step).to.equal('awaiting-payment');
      await simulate(s.invoice_id, 'pay');
      await stepIs(el, 'paid', 20_000);
      el.remove();
    });
  }
});
