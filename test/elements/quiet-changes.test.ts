/**
 * What a screen reader and the keyboard are not put through: a language switch reading every
 * status line again, a price renewed by itself taking the keyboard to a heading that says it is
 * refreshing (both found by a screen-reader and keyboard probe).
 */
import {expect, waitUntil} from '@open-wc/testing';
import type {LitElement} from 'lit';
import '../../src/define.js';
import {en} from '../../src/i18n/en.js';
import type {PepayCountdown} from '../../src/elements/countdown/pepay-countdown.js';
import {deepFocused} from '../../src/elements/deep-focus.js';
import {deep, deepReady} from '../support/deep.js';
import {createSession, simulate} from '../support/sandbox.js';
import {mountCheckout, payingCheckout, stepIs} from '../support/walk.js';

const until = (what: string, predicate: () => unknown, timeout = 10_000) => waitUntil(predicate, what, {timeout, interval: 50});

// Each switch of language read "Still due …" and the QR's line again, in the new language, though
// nothing new had happened (a screen-reader probe): the regions' words change while they are off.
describe('a language switch says nothing new', () => {
  /** The texts `region` took while it was live (not `aria-live="off"`) during `during`. */
  async function saidWhileLive(region: Element, during: () => Promise<void>): Promise<string[]> {
    const said: string[] = [];
    const observer = new MutationObserver(() => {
      if (region.getAttribute('aria-live') !== 'off') said.push(region.textContent?.trim() ?? '');
    });
    observer.observe(region, {childList: true, characterData: true, subtree: true});
    try {
      await during();
    } finally {
      observer.disconnect();
    }
    return said.filter(Boolean);
  }

  it('on the underpaid step, "Received … Still due …" and the QR line change language unsaid, and stay live', async function () {
    this.timeout(30_000);
    const {s, el} = await payingCheckout();
    await simulate(s.invoice_id, 'pay', {amount: 10});
    await stepIs(el, 'underpaid');
    const [due, holds] = await Promise.all([deepReady(el.shadowRoot!, '[data-still-due]'), deepReady(el.shadowRoot!, '[data-qr-holds]')]);
    const english = [due.textContent, holds.textContent];
    const switched = async (locale: string, words: string) => {
      el.locale = locale;
      await until(locale, () => due.textContent?.includes(words));
      await el.updateComplete;
    };
    const said = await saidWhileLive(due, () => switched('de', 'Noch offen'));
    const saidToo = await saidWhileLive(holds, () => switched('en', 'Still due'));
    expect([said, saidToo]).to.deep.equal([[], []]);
    expect([due.textContent, holds.textContent]).to.deep.equal(english);
    // Live again soon after: the next payment is said.
    await until('live again', () => !due.hasAttribute('aria-live') && !holds.hasAttribute('aria-live'));
    el.remove();
  });

  // Sibling: the checkout's own live region (the step said) and the countdown's milestone ("5
  // minutes left to pay") were read again in each language too.
  it("the step said and the invoice's 5 minutes change language unsaid, and stay live", async function () {
    this.timeout(40_000);
    const {s, el} = await payingCheckout({expires_in: 5 * 60_000 + 10_000});
    // The payer's focus elsewhere on the page: the live region says the step.
    const elsewhere = document.createElement('button');
    document.body.append(elsewhere);
    elsewhere.focus();
    const step = el.shadowRoot!.querySelector('p[role=status]')!;
    const countdown = (await deepReady(el.shadowRoot!, 'pepay-countdown[data-countdown]')) as PepayCountdown;
    const minutes = countdown.shadowRoot!.querySelector('[role=status]')!;
    await simulate(s.invoice_id, 'pay', {pending: true});
    await stepIs(el, 'confirming');
    await until('step said', () => step.textContent!.trim() === en.confirmingTitle);
    await until('5 minutes said', () => minutes.textContent === '5 minutes left to pay', 20_000);
    const switched = async (locale: string) => {
      el.locale = locale;
      await until(locale, () => step.getAttribute('lang') === locale && countdown.locale.startsWith(locale));
      await el.updateComplete;
    };
    const said = await saidWhileLive(step, () => switched('de'));
    const saidToo = await saidWhileLive(minutes, () => switched('en'));
    expect([said, saidToo]).to.deep.equal([[], []]);
    expect([step.textContent!.trim(), minutes.textContent]).to.deep.equal([en.confirmingTitle, '5 minutes left to pay']);
    await until('live again', () => step.getAttribute('aria-live') === 'polite' && !minutes.hasAttribute('aria-live'));
    // Then a new step is said.
    await simulate(s.invoice_id, 'confirm');
    await until(
      'paid said',
      () => step.getAttribute('aria-live') === 'polite' && el.state.step === 'paid' && step.textContent!.trim() !== en.confirmingTitle,
    );
    elsewhere.remove();
    el.remove();
  });

  // Found by a screen-reader probe: the order's status line on the last screen was read again.
  it("on the paid step, the order's status changes language unsaid, and stays live", async function () {
    this.timeout(40_000);
    const {s, el} = await payingCheckout({amount_usd: 40, commerce: true});
    await simulate(s.invoice_id, 'pay');
    await stepIs(el, 'paid');
    const order = await deepReady(el.shadowRoot!, '[data-order][role=status]');
    await until('the order said', () => order.textContent!.trim());
    const english = order.textContent!.trim();
    const said = await saidWhileLive(order, async () => {
      el.locale = 'de';
      await until('German', () => order.textContent!.trim() !== english);
      await el.updateComplete;
    });
    expect(said).to.deep.equal([]);
    expect(order.isConnected, 'the same line, in German').to.equal(true);
    await until('live again', () => !order.hasAttribute('aria-live'));
    el.remove();
  });

  // Found by the same probe: a checkout moved in the page (as a framework may) while its lines were
  // quiet kept them quiet until something else changed in them.
  it('a checkout moved during a language switch has its status lines live again', async function () {
    this.timeout(30_000);
    const el = mountCheckout(await createSession({customer_email: 'a@example.com'}));
    await stepIs(el, 'select-token');
    const status = await deepReady(el.shadowRoot!, '[data-token-status]');
    el.locale = 'de';
    await until('quiet while relabelled', () => status.getAttribute('aria-live') === 'off');
    el.remove();
    document.body.append(el);
    await until('live again', () => status.isConnected && !status.hasAttribute('aria-live'), 3000);
    el.remove();
  });
});

// The price renewed by itself while the keyboard was on "Copy amount": the button went, the focus
// was put on the heading while it said "Refreshing the price…", and nothing said the price was
// back (a screen-reader probe). The button stays, busy, and keeps the keyboard.
describe('a price renewed by itself', () => {
  it('keeps the keyboard on "Copy amount" (busy while the price is made), never on a heading saying it is refreshing', async function () {
    this.timeout(40_000);
    const {el} = await payingCheckout({}, {variants: {quoteTtlSeconds: 12}});
    const copy = await deepReady<HTMLButtonElement>(el.shadowRoot!, '[data-copy-button="amount"]');
    copy.focus();
    const focusedWhile: string[] = [];
    const firstEnd = el.state.quoteExpiresAtMono!;
    await until(
      'the price made again',
      () => {
        const focused = el.shadowRoot!.activeElement;
        if (focused && !focusedWhile.includes(focused.localName)) focusedWhile.push(focused.localName);
        return el.state.busy === null && (el.state.quoteExpiresAtMono ?? 0) > firstEnd;
      },
      30_000,
    );
    await el.updateComplete;
    const now = deep<HTMLButtonElement>(el.shadowRoot!, '[data-copy-button="amount"]')!;
    // Where the focus is, through the shadow roots (`:focus` needs the window's focus, which a page
    // run beside another may not have).
    expect(deepFocused(el.shadowRoot!), 'the keyboard is still on Copy amount').to.equal(now);
    expect(now.hasAttribute('aria-disabled'), 'busy no longer').to.equal(false);
    expect(focusedWhile).to.deep.equal(['pepay-payment-details']);
    el.remove();
  });

  // Found by a screen-reader probe: after "I already paid" found nothing, each price renewed by
  // itself changed that answer twice, so it was read again, once as "send exactly USDC on Base".
  it('leaves the answer to "I already paid" as it was: not said again, never without its amount', async function () {
    this.timeout(60_000);
    const {el} = await payingCheckout({}, {variants: {quoteTtlSeconds: 12}});
    const paid = await deepReady<LitElement>(el.shadowRoot!, 'pepay-payment-details');
    const already = [...paid.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'I already paid')!;
    already.click();
    const line = paid.shadowRoot!.querySelector('[data-verification]')!;
    await until('nothing found', () => line.textContent!.includes('No payment has arrived yet'), 15_000);
    const answer = line.textContent!.trim();
    expect(answer).to.match(/exactly \d[\d.]* USDC on Base/);
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(line.textContent!.trim()));
    observer.observe(line, {childList: true, characterData: true, subtree: true});
    const firstEnd = el.state.quoteExpiresAtMono!;
    // A later end is a price made again (the observer has seen every change on the way; a poll for
    // the moment it was busy could miss it: a page run beside another polls once a second).
    await until('the price made again', () => el.state.busy === null && (el.state.quoteExpiresAtMono ?? 0) > firstEnd, 30_000);
    await el.updateComplete;
    await paid.updateComplete;
    observer.disconnect();
    expect({said, now: line.textContent!.trim()}).to.deep.equal({said: [], now: answer});
    el.remove();
  });
});
