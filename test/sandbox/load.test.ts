/**
 * Many checkouts on one page, and many mounts: what the page and the server pay for them. Bounded
 * in count and time; the figures asserted here are the ones the README states.
 */
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {deepReady} from '../support/deep.js';
import {createSession, inspect, requestsOnceQuiet, sandboxUrl, type Session} from '../support/sandbox.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `predicate` with timers that fire (waitUntil leaves its own timeout armed). */
async function until(what: string, predicate: () => boolean, timeout = 10_000): Promise<void> {
  const started = performance.now();
  while (!predicate()) {
    if (performance.now() - started > timeout) throw new Error(`timed out: ${what}`);
    await sleep(20);
  }
}

function checkoutFor(s: Session): PepayCheckout {
  const el = document.createElement('pepay-checkout');
  Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
  return el;
}

/** Live handles the page holds: timers, intervals, sockets, channels and window/document listeners. */
function trackHandles() {
  const live = {timeouts: new Set<number>(), intervals: new Set<number>(), sockets: new Set<WebSocket>(), channels: 0, listeners: 0};
  const unbound = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
  };
  const original = {
    setTimeout: window.setTimeout.bind(window),
    clearTimeout: window.clearTimeout.bind(window),
    setInterval: window.setInterval.bind(window),
    clearInterval: window.clearInterval.bind(window),
    WebSocket: window.WebSocket,
    BroadcastChannel: window.BroadcastChannel,
    add: EventTarget.prototype.addEventListener,
    remove: EventTarget.prototype.removeEventListener,
  };
  window.setTimeout = ((handler: () => void, ms?: number) => {
    const id: number = original.setTimeout(() => {
      live.timeouts.delete(id);
      handler();
    }, ms);
    live.timeouts.add(id);
    return id;
  }) as typeof setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) live.timeouts.delete(id);
    original.clearTimeout(id);
  }) as typeof clearTimeout;
  window.setInterval = ((handler: () => void, ms?: number) => {
    const id = original.setInterval(handler, ms);
    live.intervals.add(id);
    return id;
  }) as typeof setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) live.intervals.delete(id);
    original.clearInterval(id);
  }) as typeof clearInterval;
  window.WebSocket = class extends original.WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      live.sockets.add(this);
      this.addEventListener('close', () => live.sockets.delete(this));
    }
  };
  window.BroadcastChannel = class extends original.BroadcastChannel {
    constructor(name: string) {
      super(name);
      live.channels++;
    }
    override close() {
      live.channels--;
      super.close();
    }
  };
  const global = (target: EventTarget) => target === window || target === document;
  EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['addEventListener']>) {
    if (global(this)) live.listeners++;
    return original.add.apply(this, args);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['removeEventListener']>) {
    if (global(this)) live.listeners--;
    return original.remove.apply(this, args);
  };
  const restore = () => {
    Object.assign(window, {
      setTimeout: unbound.setTimeout,
      clearTimeout: unbound.clearTimeout,
      setInterval: unbound.setInterval,
      clearInterval: unbound.clearInterval,
      WebSocket: original.WebSocket,
      BroadcastChannel: original.BroadcastChannel,
    });
    EventTarget.prototype.addEventListener = original.add;
    EventTarget.prototype.removeEventListener = original.remove;
  };
  return {live, restore};
}

describe('load: many checkouts on one page', () => {
  it('50 checkouts reach their first step; 10 paying hold one socket each; idle, the page makes no requests', async function () {
    this.timeout(60_000);
    const sessions = await Promise.all(Array.from({length: 50}, () => createSession({customer_email: 'a@example.com'})));
    const els = sessions.map(checkoutFor);
    document.body.append(...els);
    await waitUntil(() => els.every((el) => el.state.step === 'select-token'), 'all on the token list', {timeout: 20_000});
    for (const el of els.slice(0, 10)) (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-token="201"]')).click();
    await waitUntil(() => els.slice(0, 10).every((el) => el.state.connection === 'live'), 'ten live', {timeout: 20_000});
    const views = () => Promise.all(sessions.map((s) => inspect(s.invoice_id)));
    // A poll sent just before a stream went live lands first: counted from there.
    await Promise.all(sessions.slice(0, 10).map((s) => requestsOnceQuiet(s.invoice_id)));
    const before = (await views()).reduce((n, v) => n + v.requests.filter((r) => r.method !== 'WS').length, 0);
    await sleep(5000);
    const during = await views();
    const after = during.reduce((n, v) => n + v.requests.filter((r) => r.method !== 'WS').length, 0);
    expect(after - before).to.equal(0);
    expect(during.map((v) => v.open_streams)).to.deep.equal([...Array(10).fill(1), ...Array(40).fill(0)]);
    for (const el of els) el.remove();
    await waitUntil(async () => (await views()).every((v) => v.open_streams === 0), 'sockets closed', {timeout: 10_000});
  });

  it('40 mount/unmount cycles, paying ones included, leave no timer, socket, channel or listener behind', async function () {
    this.timeout(60_000);
    const s = await createSession({customer_email: 'a@example.com'});
    const {live, restore} = trackHandles();
    try {
      for (let cycle = 0; cycle < 40; cycle++) {
        const el = checkoutFor(s);
        document.body.append(el);
        // Once an address was given, a new mount comes back to it (polling, with no stream token).
        await until('token list or the address', () => el.state.step === 'select-token' || el.state.step === 'awaiting-payment');
        if (cycle % 4 === 0 && el.state.step === 'select-token') {
          (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-token="201"]')).click();
          await until('payment', () => el.state.step === 'awaiting-payment');
        }
        el.remove();
      }
      // What a removed checkout started and has not yet undone would show here.
      await sleep(300);
      expect({timeouts: live.timeouts.size, intervals: live.intervals.size, sockets: live.sockets.size}).to.deep.equal({
        timeouts: 0,
        intervals: 0,
        sockets: 0,
      });
      expect([live.channels, live.listeners]).to.deep.equal([0, 0]);
    } finally {
      restore();
    }
  });
});
