/** What the host page relies on: one step at a time, every step change heard, errors as events. */
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {waitUntil} from '../support/until.js';
import {LitElement} from 'lit';
import type {Emitted} from '../../src/checkout/emitted.js';
import {CheckoutController} from '../../src/controllers/checkout-controller.js';
import '../../src/define.js';
import {STEPS, type Step} from '../../src/checkout/types.js';
import type {PepayCheckout} from '../../src/index.js';
import {deepReady} from '../support/deep.js';
import {createSession, inspect, requestsOnceQuiet, sandboxUrl, simulate} from '../support/sandbox.js';
import {stepIs, toPayment} from '../support/walk.js';

/** The steps `el` matches as `:state()`; exactly one is expected. */
const matchedSteps = (el: PepayCheckout) => STEPS.filter((step) => el.matches(`:state(${step})`));

/** Records every step change and, at each, which custom states matched. */
function recordSteps(el: PepayCheckout) {
  const heard: {step: Step; previous: Step; matched: Step[]}[] = [];
  el.addEventListener('pepay-step-change', (e) => heard.push({...e.detail, matched: matchedSteps(el)}));
  return heard;
}

/** Unhandled rejections and errors while `work` runs. */
async function uncaughtDuring(work: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const onRejection = (e: PromiseRejectionEvent) => seen.push(String(e.reason));
  const onError = (e: ErrorEvent) => seen.push(e.message);
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('error', onError);
  try {
    await work();
    // Let anything already scheduled settle before looking.
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    window.removeEventListener('unhandledrejection', onRejection);
    window.removeEventListener('error', onError);
  }
  return seen;
}

describe('<pepay-checkout> state contract', () => {
  it('"Try again" after an error: error -> loading is heard, and one :state() matches throughout', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    // A malformed answer: retryable by the payer, not retried in the call.
    await simulate(s.invoice_id, 'faults', {http: [{kind: 'malformed', path: 'session-details'}]});
    const el = document.createElement('pepay-checkout');
    const heard = recordSteps(el);
    Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
    expect(matchedSteps(el)).to.deep.equal(['loading']);
    document.body.append(el);
    await stepIs(el, 'error');
    expect(matchedSteps(el)).to.deep.equal(['error']);
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, '[part=error] button')).click();
    await stepIs(el, 'select-token');
    expect(heard.map((h) => `${h.previous}->${h.step}`)).to.deep.equal(['loading->error', 'error->loading', 'loading->select-token']);
    for (const h of heard) expect(h.matched, `at ${h.step}`).to.deep.equal([h.step]);
    expect(matchedSteps(el)).to.deep.equal(['select-token']);
    el.remove();
  });

  it('a session swapped while the address shows starts over: awaiting-payment -> loading is heard', async () => {
    const first = await createSession({customer_email: 'a@example.com'});
    const second = await createSession({customer_email: 'b@example.com'});
    const el = await fixture<PepayCheckout>(
      html`<pepay-checkout session-token=${first.session_token} signature=${first.signature} api-base=${sandboxUrl}></pepay-checkout>`,
    );
    await toPayment(el);
    const heard = recordSteps(el);
    const ready = oneEvent(el, 'pepay-ready');
    Object.assign(el, {sessionToken: second.session_token, signature: second.signature});
    expect((await ready).detail.invoiceId).to.equal(second.invoice_id);
    await stepIs(el, 'select-token');
    expect(heard.map((h) => `${h.previous}->${h.step}`)).to.deep.equal(['awaiting-payment->loading', 'loading->select-token']);
    for (const h of heard) expect(h.matched).to.deep.equal([h.step]);
    el.remove();
  });

  it('a first round that fails after the session was read: pepay-ready names the invoice with its status and environment, then the error (found by a merchant probe)', async function () {
    this.timeout(30_000);
    const s = await createSession({customer_email: 'a@example.com'});
    await simulate(s.invoice_id, 'faults', {http: [{kind: 'server-error', path: 'available-tokens', count: 1000}]});
    const heard: {name: string; detail: unknown}[] = [];
    const el = document.createElement('pepay-checkout');
    for (const name of ['pepay-ready', 'pepay-error'] as const) el.addEventListener(name, (e) => heard.push({name, detail: e.detail}));
    Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
    document.body.append(el);
    await stepIs(el, 'error', 25_000);
    expect(heard.map((h) => h.name)).to.deep.equal(['pepay-ready', 'pepay-error']);
    expect(heard[0]!.detail).to.deep.equal({invoiceId: s.invoice_id, invoiceStatus: 'unpaid', environment: 'devnet'});
    el.remove();
  });

  it("the default theme is not written onto the merchant's tag; one set as a property is, and styles the card (found by a merchant probe)", async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const el = document.createElement('pepay-checkout');
    Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
    document.body.append(el);
    await stepIs(el, 'select-token');
    expect([el.theme, el.hasAttribute('theme')]).to.deep.equal(['auto', false]);
    const background = () => getComputedStyle(el).getPropertyValue('--_bg').trim();
    el.theme = 'light';
    await el.updateComplete;
    const light = background();
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(background()).not.to.equal(light);
    el.removeAttribute('theme');
    await el.updateComplete;
    expect(el.theme).to.equal('auto');
    el.remove();
  });

  for (const [attribute, value] of [
    ['ws-base', '::nope'],
    ['ws-base', 'https://example.com'],
    ['api-base', 'not a url'],
    // The merchant probe's input: a base without its scheme.
    ['api-base', '127.0.0.1:18787'],
  ] as const) {
    it(`an invalid ${attribute} ("${value}") is a pepay-error and the error step, never an unhandled rejection`, async () => {
      const s = await createSession({customer_email: 'a@example.com'});
      let detail: {message?: string} | null = null;
      const logged: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => logged.push(args.join(' '));
      const uncaught = await uncaughtDuring(async () => {
        const el = document.createElement('pepay-checkout');
        el.addEventListener('pepay-error', (e) => (detail = e.detail));
        Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
        el.setAttribute(attribute, value);
        document.body.append(el);
        await stepIs(el, 'error');
        expect(matchedSteps(el)).to.deep.equal(['error']);
        // The payer reads that the merchant must fix it, not "That was not accepted." (found by a merchant probe).
        const said = await deepReady(el.shadowRoot!, '[data-error-message]');
        expect(said.textContent).to.equal('This checkout is not set up correctly. The merchant must fix it.');
        el.remove();
      }).finally(() => (console.warn = warn));
      expect(detail).to.deep.include({code: 'bad-request', retryable: false});
      // The merchant's developer is told why in the console (found by a merchant probe).
      expect(logged).to.deep.equal([`Pepay Checkout: ${detail!.message}`]);
      expect(detail!.message).to.include(value);
      expect(uncaught).to.deep.equal([]);
    });
  }

  it("an exception in our own code or a host's config ends in the error step, heard as pepay-error", async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const heard: Emitted[] = [];
    /** A host whose configuration throws when the checkout starts (a broken framework proxy). */
    class ThrowingHost extends LitElement {
      readonly controller = new CheckoutController(
        this,
        () => ({
          sessionToken: s.session_token,
          signature: s.signature,
          paymentUrl: '',
          apiBase: sandboxUrl,
          wsBase: '',
          get streamTimeout(): number {
            throw new Error('a framework proxy broke');
          },
        }),
        (_state, events) => heard.push(...events),
      );
    }
    customElements.define('throwing-host', ThrowingHost);
    const uncaught = await uncaughtDuring(async () => {
      const el = document.createElement('throwing-host') as ThrowingHost;
      document.body.append(el);
      await waitUntil(() => el.controller.state.step === 'error', 'no error step');
      el.remove();
    });
    expect(heard.find((e) => e.name === 'pepay-error')?.detail).to.deep.include({code: 'invalid-response', retryable: true});
    expect(uncaught).to.deep.equal([]);
  });

  it('finds the page language across shadow roots (a checkout inside another component)', async () => {
    // Built by hand: fixture() waits for an animation frame, which a background test page never gets.
    const host = document.createElement('div');
    host.lang = 'de-DE';
    document.body.append(host);
    const inner = host.appendChild(document.createElement('div')).attachShadow({mode: 'open'});
    const s = await createSession({customer_email: 'a@example.com', amount_usd: 1234.5});
    const el = document.createElement('pepay-checkout');
    Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
    inner.append(el);
    await stepIs(el, 'select-token');
    await el.updateComplete;
    // German grouping and decimal separators: the page's language reached through the shadow root.
    expect(el.shadowRoot!.querySelector('[part=amount]')!.textContent).to.include('1.234,50');
    host.remove();
  });
});

describe('<pepay-checkout> timers, focus and removal', () => {
  it('near expiry, while the server still says "0 s left", session-details is asked at most once a second', async () => {
    // remaining_seconds is rounded down: the last second of this invoice reads as 0 s left.
    // 5.7 s: the first read comes well before the end, even on a loaded machine.
    const s = await createSession({customer_email: 'a@example.com', expires_in: 5700});
    const el = await fixture<PepayCheckout>(
      html`<pepay-checkout session-token=${s.session_token} signature=${s.signature} api-base=${sandboxUrl}></pepay-checkout>`,
    );
    await stepIs(el, 'expired', 15_000);
    const reads = (await inspect(s.invoice_id)).requests.filter((r) => r.path === '/api/v1/payments/session-details');
    // The first read, then one at the countdown's end and about one a second until "expired".
    expect(reads.length).to.be.within(2, 5);
    el.remove();
  });

  it('an invoice weeks long does not spin on an overlong timer', async () => {
    const s = await createSession({customer_email: 'a@example.com', expires_in: 30 * 24 * 3_600_000});
    const el = await fixture<PepayCheckout>(
      html`<pepay-checkout session-token=${s.session_token} signature=${s.signature} api-base=${sandboxUrl}></pepay-checkout>`,
    );
    await stepIs(el, 'select-token');
    const original = window.setTimeout;
    let calls = 0;
    window.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
      calls++;
      return original(...args);
    }) as typeof setTimeout;
    try {
      await new Promise((r) => original(r, 1000));
    } finally {
      window.setTimeout = original;
    }
    // The countdown's once-a-second wake-up and little else (a spinning timer makes hundreds).
    expect(calls).to.be.below(20);
    el.remove();
  });

  it('removed by a listener of its own event, it starts nothing again', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const el = document.createElement('pepay-checkout');
    el.addEventListener('pepay-step-change', (e) => {
      if (e.detail.step === 'select-token') el.remove();
    });
    Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
    document.body.append(el);
    await waitUntil(() => !el.isConnected, 'not removed');
    const count = await requestsOnceQuiet(s.invoice_id);
    await new Promise((r) => setTimeout(r, 2500));
    expect((await inspect(s.invoice_id)).requests.length).to.equal(count);
  });

  it('a step the payer did not cause never takes focus from the page', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const el = await fixture<PepayCheckout>(
      html`<pepay-checkout session-token=${s.session_token} signature=${s.signature} api-base=${sandboxUrl}></pepay-checkout>`,
    );
    await toPayment(el);
    // The payer chose a token: the payment step's heading has focus.
    expect(el.shadowRoot!.activeElement?.hasAttribute('data-step-heading')).to.equal(true);
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    await simulate(s.invoice_id, 'pay');
    await stepIs(el, 'paid');
    expect(document.activeElement).to.equal(field);
    field.remove();
    el.remove();
  });
});
