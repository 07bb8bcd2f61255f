import {expect, waitUntil} from '@open-wc/testing';
import {PayorClient, type PepayEvent} from '../../src/api/index.js';
import {EventDeduper} from '../../src/realtime/dedupe.js';
import {PaymentStream, type StreamStatus} from '../../src/realtime/payment-stream.js';
import {createSession, sandboxUrl, simulate, wsBase} from '../support/sandbox.js';

async function streamFixture() {
  const s = await createSession({amount_usd: 20});
  const client = new PayorClient({apiBase: sandboxUrl, sessionToken: s.session_token, signature: s.signature});
  const address = await client.allocateAddress({network: 'base', tokenId: 201});
  const seen = {events: [] as PepayEvent[], statuses: [] as StreamStatus[], resyncs: 0};
  const dedupe = new EventDeduper();
  const stream = new PaymentStream({
    wsBase,
    dedupe,
    onEvent: (e) => seen.events.push(e),
    onStatus: (status) => seen.statuses.push(status),
    onResync: () => seen.resyncs++,
    // Capped at 1 s: a nudge within 2 s of the last open is ignored, so the backoff alone brings
    // back a stream that was refused for a while, within a test's wait.
    backoff: {baseMs: 50, maxMs: 1000},
  });
  return {s, stream, seen, dedupe, token: address.wsToken!};
}

describe('PaymentStream', () => {
  it('asks for a REST re-read on its first open too: a payment before the socket is in no replay', async () => {
    const {s, stream, seen, token} = await streamFixture();
    await simulate(s.invoice_id, 'pay', {amount: 5});
    stream.connect(token);
    await waitUntil(() => seen.statuses.includes('live'), 'live', {timeout: 10_000});
    expect(seen.resyncs).to.equal(1);
    expect(seen.events).to.deep.equal([]);
    stream.stop();
    expect(seen.statuses.at(-1)).to.equal('stopped');
  });

  it('ignores frames it cannot read and events it already applied', async () => {
    const {s, stream, seen, dedupe, token} = await streamFixture();
    stream.connect(token);
    await waitUntil(() => stream.isLive, 'live', {timeout: 10_000});
    await simulate(s.invoice_id, 'faults', {ws: {duplicate: true}});
    await simulate(s.invoice_id, 'pay', {amount: 5});
    await waitUntil(() => seen.events.length >= 3, 'events', {timeout: 10_000});
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.events.map((e) => e.type)).to.deep.equal(['invoice_payment.created', 'payment_quote.updated', 'invoice.updated']);
    // The deduper the stream shares with tab sync already knows them.
    expect(dedupe.first(seen.events[0]!.id)).to.equal(false);
    stream.stop();
  });

  it('keeps retrying with backoff while the server refuses, and goes live once it accepts', async () => {
    const {s, stream, seen, token} = await streamFixture();
    await simulate(s.invoice_id, 'faults', {ws: {refuse: true}});
    stream.connect(token);
    await waitUntil(() => seen.statuses.includes('reconnecting'), 'reconnecting', {timeout: 10_000});
    await simulate(s.invoice_id, 'faults', {ws: {refuse: false}});
    stream.nudge();
    await waitUntil(() => stream.isLive, 'live', {timeout: 10_000});
    stream.stop();
  });
});
