import {expect, waitUntil} from '@open-wc/testing';
import {parseFrame} from '../../src/api/schemas/frames.js';
import {Backoff} from '../../src/realtime/backoff.js';
import {EventDeduper} from '../../src/realtime/dedupe.js';
import {sessionKey} from '../../src/realtime/session-key.js';
import {TabSync} from '../../src/realtime/tab-sync.js';
import {resolveWsBase} from '../../src/realtime/ws-base.js';
import {loadFixture} from '../support/fixtures.js';

describe('realtime toolkit', () => {
  it('Backoff: equal jitter on a doubling, capped ceiling (the exact sequence)', () => {
    const half = new Backoff({baseMs: 1000, maxMs: 8000}, {random: () => 0.5});
    expect(Array.from({length: 6}, () => half.next())).to.deep.equal([750, 1500, 3000, 6000, 6000, 6000]);
    const low = new Backoff({baseMs: 1000, maxMs: 8000}, {random: () => 0});
    const high = new Backoff({baseMs: 1000, maxMs: 8000}, {random: () => 0.999_999});
    expect(Array.from({length: 4}, () => low.next())).to.deep.equal([500, 1000, 2000, 4000]);
    expect(Array.from({length: 4}, () => Math.round(high.next()))).to.deep.equal([1000, 2000, 4000, 8000]);
    half.reset();
    expect(half.next()).to.equal(750);
  });

  it('Backoff: only a connection that stayed up clears the failures', () => {
    let now = 0;
    const backoff = new Backoff({baseMs: 1000, maxMs: 30_000, healthyAfterMs: 10_000}, {random: () => 0.5, now: () => now});
    backoff.next();
    backoff.next();
    // Accepted, then dropped 100 ms later: the waits keep growing.
    backoff.opened();
    now += 100;
    expect(backoff.next()).to.equal(3000);
    // Up for 10 s: the next drop starts again from the first step.
    backoff.opened();
    now += 10_000;
    expect(backoff.next()).to.equal(750);
    expect(backoff.attempts).to.equal(1);
  });

  it('EventDeduper: each id once, the oldest forgotten past the limit', () => {
    const dedupe = new EventDeduper(3);
    expect(['a', 'b', 'a', 'c', 'b'].map((id) => dedupe.first(id))).to.deep.equal([true, true, false, true, false]);
    expect(dedupe.first('d')).to.equal(true);
    expect(dedupe.first('a')).to.equal(true);
    expect(dedupe.first('d')).to.equal(false);
  });

  it('parseFrame: events, control and error frames by schema; anything else is null', async () => {
    const event = parseFrame(await loadFixture('event.invoice.updated.ws-frame.json'));
    expect(event?.kind).to.equal('event');
    expect(parseFrame({object: 'ws_control', type: 'resync_required'})).to.deep.equal({kind: 'control', type: 'resync_required'});
    expect(parseFrame({object: 'ws_control', type: 'heartbeat', extra: 1})).to.deep.equal({kind: 'control', type: 'heartbeat'});
    expect(parseFrame({object: 'ws_error', code: 'token_expired', message: 'bye'})).to.deep.equal({kind: 'error', code: 'token_expired'});
    expect(parseFrame({object: 'ws_error'})).to.deep.equal({kind: 'error', code: null});
    for (const junk of [null, 3, 'x', {}, {object: 'ws_control'}, {object: 'ws_control', type: 7}, {object: 'event', id: ''}])
      expect(parseFrame(junk), JSON.stringify(junk)).to.equal(null);
  });

  it('resolveWsBase: the given ws(s) origin, or the API origin with http -> ws; anything else throws bad-request', () => {
    expect(resolveWsBase('', 'https://api.example')).to.equal('wss://api.example/');
    expect(resolveWsBase('', 'http://127.0.0.1:8787')).to.equal('ws://127.0.0.1:8787/');
    expect(resolveWsBase('wss://stream.example', 'https://api.example')).to.equal('wss://stream.example/');
    for (const bad of [
      '::nope',
      'https://example.com',
      'javascript:alert(1)',
      'ws://',
      'wss://stream.example/?key=x',
      'wss://u:p@stream.example',
    ]) {
      expect(() => resolveWsBase(bad, 'https://api.example'), bad)
        .to.throw()
        .with.property('code', 'bad-request');
    }
  });
});

describe('TabSync places', () => {
  it('a kept place is told to the other checkouts of its session: not to itself, nor to another session', async () => {
    const heard: Record<'a' | 'b' | 'other', string[]> = {a: [], b: [], other: []};
    const make = (session: string, who: keyof typeof heard) =>
      new TabSync(session, {dedupe: new EventDeduper(), onEvent: () => {}, onStatus: () => {}, onPlace: (key) => heard[who].push(key)});
    const name = `place-${Math.random()}`;
    const [a, b, other] = [make(name, 'a'), make(name, 'b'), make(`${name}-other`, 'other')];
    a.sharePlace('pepay-checkout:v1:inv_1:k');
    await waitUntil(() => heard.b.length > 0, 'b told');
    expect(heard).to.deep.equal({a: [], b: ['pepay-checkout:v1:inv_1:k'], other: []});
    for (const sync of [a, b, other]) sync.close();
  });
});

describe('TabSync leadership', () => {
  const noop = () => {};
  /** A tab of session `name` whose poller runs (`polling`), or one on the token list. */
  const sync = (name: string, polling = true) => {
    const tab = new TabSync(name, {dedupe: new EventDeduper(), onEvent: noop, onStatus: noop, leaseMs: 500});
    tab.setPolling(polling);
    return tab;
  };
  const settle = (ms = 600) => new Promise((r) => setTimeout(r, ms));

  it('the lock holder polls and the others skip; when it closes, one of the others takes over', async function () {
    if (!navigator.locks) this.skip();
    const name = `lead-${Math.random()}`;
    const a = sync(name);
    await settle();
    const b = sync(name);
    const c = sync(name);
    await settle();
    expect([a.peerCovers, b.peerCovers, c.peerCovers]).to.deep.equal([false, true, true]);
    a.close();
    await settle(900);
    expect([b.peerCovers, c.peerCovers].filter((covered) => !covered)).to.have.length(1);
    b.close();
    c.close();
  });

  // The first tab took the lock on the token list, the second picked a token with its socket
  // refused: nobody polled, and the payment never showed (a network probe).
  it('a holder that follows no payment yet covers no one: the tab that polls polls, until the holder does', async function () {
    if (!navigator.locks) this.skip();
    const name = `idle-${Math.random()}`;
    const a = sync(name, false);
    await settle();
    const b = sync(name);
    await settle();
    expect(b.peerCovers).to.equal(false);
    // Sibling: two tabs polling beside the idle holder: one of them polls.
    const c = sync(name);
    await settle();
    expect([b.peerCovers, c.peerCovers].filter((covered) => !covered)).to.have.length(1);
    // The holder picks a token: it polls, and covers both.
    a.setPolling(true);
    await settle(200);
    expect([a.peerCovers, b.peerCovers, c.peerCovers]).to.deep.equal([false, true, true]);
    for (const tab of [a, b, c]) tab.close();
  });

  it('a holder that says nothing (frozen) covers no one: the lowest id of the others polls', async function () {
    if (!navigator.locks) this.skip();
    const name = `frozen-${Math.random()}`;
    let release = noop;
    const held = new Promise<void>((resolve) => (release = resolve));
    void navigator.locks.request(`pepay-checkout-poller:${sessionKey(name)}`, () => held);
    const b = sync(name);
    const c = sync(name);
    await settle();
    expect([b.peerCovers, c.peerCovers].filter((covered) => !covered)).to.have.length(1);
    b.close();
    c.close();
    release();
  });

  it('closing gives the lock back, even when it was granted a moment later', async function () {
    if (!navigator.locks) this.skip();
    const name = `close-${Math.random()}`;
    sync(name).close();
    await settle(200);
    const {held = [], pending = []} = await navigator.locks.query();
    expect([...held, ...pending].map((lock) => lock.name)).not.to.include(`pepay-checkout-poller:${sessionKey(name)}`);
  });

  it('names its lock after a hash of the session, never the session itself (any page script can list locks)', async function () {
    if (!navigator.locks) this.skip();
    const token = `pst_secret_${Math.random()}`;
    const tab = sync(token);
    await settle(200);
    const {held = [], pending = []} = await navigator.locks.query();
    const names = [...held, ...pending].map((lock) => lock.name ?? '');
    expect(names).to.include(`pepay-checkout-poller:${sessionKey(token)}`);
    expect(names.filter((lockName) => lockName.includes(token))).to.deep.equal([]);
    tab.close();
  });
});
