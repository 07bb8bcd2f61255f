/**
 * The hand-over from polling to the first socket: a payment that lands after the last poll but
 * before the socket attaches is in no replay (a first connection has no `since`). A confirmed one
 * is told by the session read every open asks for; one only seen on the chain is in no REST read,
 * and is told when it is confirmed (a CI run met this). The sandbox holds the socket's handshake
 * (`ws.stall`) and answers it when the stall is lifted, right after a poll.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {deep} from '../support/deep.js';
import {createSession, inspect, simulate, type Session} from '../support/sandbox.js';
import {servers} from '../support/servers.js';
import {stepIs, toPayment} from '../support/walk.js';

const until = (what: string, predicate: () => unknown, timeout = 10_000) => waitUntil(predicate, what, {timeout});
const faults = (s: Session, patch: unknown) => simulate(s.invoice_id, 'faults', patch);
const polls = async (s: Session) =>
  (await inspect(s.invoice_id)).requests.filter((r) => r.path.startsWith('/api/v1/payments/payment-status')).length;

/**
 * A checkout on its payment step whose socket's handshake is held, just after one of its polls
 * answered (the next is 2 s away). Through the sandbox's second door: a held handshake holds up
 * every other handshake to its address and port.
 */
async function heldAfterAPoll(): Promise<{s: Session; el: PepayCheckout}> {
  const s = await createSession({customer_email: 'a@example.com'});
  await faults(s, {ws: {stall: true}});
  const el = await fixture<PepayCheckout>(
    html`<pepay-checkout session-token=${s.session_token} signature=${s.signature} api-base=${servers.sandboxSecondUrl}></pepay-checkout>`,
  );
  await toPayment(el);
  const before = await polls(s);
  await until('a poll', async () => (await polls(s)) > before, 8000);
  expect(el.state.connection).to.not.equal('live');
  return {s, el};
}

describe('realtime: from polling to the first socket', () => {
  it('a payment made after the last poll, while the socket shakes hands, shows once the socket opens', async function () {
    this.timeout(30_000);
    const {s, el} = await heldAfterAPoll();
    // No poll can tell it: only the session read the socket's open asks for can.
    await faults(s, {http: [{kind: 'server-error', path: 'payment-status', count: 20}]});
    await simulate(s.invoice_id, 'pay', {amount: 'full'});
    await faults(s, {ws: {stall: false}});
    await stepIs(el, 'paid');
    expect(deep(el.shadowRoot!, '[data-step-heading]')?.textContent).to.equal('Payment received');
    el.remove();
  });

  it('a payment only seen on the chain then is told when it is confirmed, and nothing says paid before', async function () {
    this.timeout(30_000);
    const {s, el} = await heldAfterAPoll();
    await simulate(s.invoice_id, 'pay', {amount: 'full', pending: true});
    const lifted = Date.now();
    await faults(s, {ws: {stall: false}});
    await until('live', () => el.state.connection === 'live');
    // The open's session read has answered: no REST read carries a pending payment (payor-api.md
    // §2.1, §2.4), so the payment view stays, true to what the checkout can know.
    const reads = async () =>
      (await inspect(s.invoice_id)).requests.some((r) => r.path.startsWith('/api/v1/payments/session-details') && r.at >= lifted);
    await until('the session read', reads);
    await el.updateComplete;
    expect(el.state.step).to.equal('awaiting-payment');
    await simulate(s.invoice_id, 'confirm');
    await stepIs(el, 'paid');
    el.remove();
  });
});
