/**
 * What a screen reader hears (issue 12, WCAG 4.1.3 Status Messages and 2.2.1 Timing Adjustable):
 * the invoice's time at 5 minutes and 1 minute, never every second; a status change once; the
 * price's end warned before it comes, with one action to renew it.
 */
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {deep, deepReady} from '../support/deep.js';
import {createSession, inspect, sandboxUrl, simulate} from '../support/sandbox.js';
import {payingCheckout, stepIs, toPayment} from '../support/walk.js';
import {announceWallet, WALLET_TX_HASH} from '../support/wallet.js';

const until = (what: string, predicate: () => unknown, timeout = 10_000) => waitUntil(predicate, what, {timeout, interval: 50});

function mount(s: {session_token: string; signature: string}): PepayCheckout {
  const el = document.createElement('pepay-checkout');
  Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
  document.body.append(el);
  return el;
}

/** Every text a live region takes while `during` runs. */
async function heard(region: Element, during: () => Promise<void>): Promise<string[]> {
  const said: string[] = [];
  // What the region says while it is silenced (a language switch's relabelling) is not heard.
  const observer = new MutationObserver(() => {
    if (region.getAttribute('aria-live') !== 'off') said.push(region.textContent?.trim() ?? '');
  });
  observer.observe(region, {childList: true, characterData: true, subtree: true});
  try {
    await during();
  } finally {
    observer.disconnect();
  }
  return said.filter((text, i) => text && text !== said[i - 1]);
}

/**
 * A paying checkout whose payer went back to the page (another tab of the shop, a form beside the
 * checkout): focus on a control outside it, and the checkout's polite live region.
 */
async function payingWithFocusElsewhere(faults: Record<string, unknown> | null = null) {
  const {s, el} = await payingCheckout({}, faults);
  const elsewhere = document.createElement('button');
  document.body.append(elsewhere);
  elsewhere.focus();
  const region = el.shadowRoot!.querySelector('p[role=status]')!;
  return {s, el, elsewhere, region};
}

describe('what a screen reader hears', () => {
  it("the invoice's time is said at 5 minutes, once, and not every second", async function () {
    this.timeout(40_000);
    // A milestone already past when the countdown is first shown is not said: the invoice has 5
    // minutes and 10 s left at creation, margin enough for a slow start under load.
    const s = await createSession({customer_email: 'a@example.com', expires_in: 5 * 60_000 + 10_000});
    const el = mount(s);
    await stepIs(el, 'select-token');
    const countdown = await deepReady(el.shadowRoot!, 'pepay-countdown[data-countdown]');
    const region = () => countdown.shadowRoot!.querySelector('[role=status]')!;
    expect(region().textContent).to.equal('');
    const said = await heard(region(), () => until('5 minutes said', () => region().textContent === '5 minutes left to pay', 20_000));
    expect(said).to.deep.equal(['5 minutes left to pay']);
    // The visible time goes on changing every second; the live region does not.
    expect(await heard(region(), () => new Promise((resolve) => setTimeout(resolve, 2200)))).to.deep.equal([]);
    el.remove();
  });

  it('each status change is said once, politely, to a payer whose focus is elsewhere on the page', async () => {
    const {s, el, elsewhere, region} = await payingWithFocusElsewhere();
    // Two status changes (seen, then confirmed): each said once, in order, and nothing else.
    const said = await heard(region, async () => {
      await simulate(s.invoice_id, 'pay', {pending: true});
      await stepIs(el, 'confirming');
      await el.updateComplete;
      await simulate(s.invoice_id, 'confirm');
      await stepIs(el, 'paid');
      await el.updateComplete;
    });
    expect(said).to.deep.equal(['Payment seen, waiting for confirmation', 'Payment received']);
    expect(document.activeElement, 'focus stays where the payer is').to.equal(elsewhere);
    elsewhere.remove();
    el.remove();
  });

  it('a wait only the wallet reported is said as its heading says it, "Sent from your wallet", then "Payment seen" once Pepay sees it (review)', async () => {
    const wallet = announceWallet({chainId: 84532});
    try {
      const {s, el, elsewhere, region} = await payingWithFocusElsewhere();
      const said = await heard(region, async () => {
        (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
        await stepIs(el, 'confirming');
        await until('sent said', () => region.textContent!.trim() === 'Sent from your wallet, waiting for the network');
        await simulate(s.invoice_id, 'pay', {pending: true, tx_hash: WALLET_TX_HASH});
        await until('seen said', () => region.textContent!.trim() === 'Payment seen, waiting for confirmation');
      });
      expect(said).to.deep.equal(['Sent from your wallet, waiting for the network', 'Payment seen, waiting for confirmation']);
      expect(deep(el.shadowRoot!, '[data-step-heading]')?.textContent).to.equal('Payment seen, waiting for confirmation');
      elsewhere.remove();
      el.remove();
    } finally {
      wallet.stop();
    }
  });

  it("going offline is said, in the checkout's language; back online, the step before is not said again", async () => {
    const {s, el} = await payingCheckout();
    el.locale = 'de';
    const german = (await import('../../src/i18n/locales/de.js')).default.messages;
    const region = el.shadowRoot!.querySelector('p[role=status]')!;
    await until('German', () => region.getAttribute('lang') === 'de');
    // The switch relabels the region silently for a moment: what comes after it is said.
    await until('live again', () => region.getAttribute('aria-live') === 'polite');
    const elsewhere = document.createElement('button');
    document.body.append(elsewhere);
    elsewhere.focus();
    const said = await heard(region, async () => {
      await simulate(s.invoice_id, 'pay', {pending: true});
      await stepIs(el, 'confirming');
      await el.updateComplete;
      window.dispatchEvent(new Event('offline'));
      await until('said offline', () => region.textContent!.trim() === german.offline);
      window.dispatchEvent(new Event('online'));
      await until('online', () => el.state.connection !== 'offline');
      await el.updateComplete;
    });
    expect(said).to.deep.equal([german.confirmingTitle, german.offline]);
    elsewhere.remove();
    el.remove();
  });

  it("a step during an outage is said as it comes, not once the stream has been healthy for 10 s (found by a screen-reader payer's probe)", async () => {
    const {s, el} = await payingCheckout();
    const elsewhere = document.createElement('button');
    document.body.append(elsewhere);
    elsewhere.focus();
    const region = el.shadowRoot!.querySelector('p[role=status]')!;
    const said = await heard(region, async () => {
      await simulate(s.invoice_id, 'faults', {ws: {refuse: true}});
      await simulate(s.invoice_id, 'drop-sockets');
      await until('"Reconnecting…" said', () => region.textContent!.includes('Reconnecting'));
      // Counted by polls while the socket stays refused.
      await simulate(s.invoice_id, 'pay', {amount: 20});
      await stepIs(el, 'underpaid');
      // Said when the step renders, on an animation frame of its own: WebKit's may come after updateComplete.
      await until('the step said', () => region.textContent!.includes('Partial payment received'));
    });
    expect(said).to.deep.equal(['Reconnecting…', 'Partial payment received']);
    elsewhere.remove();
    el.remove();
  });

  it("a payer in the checkout hears each new step once: from its heading, which takes focus, or, where the heading has it already, from the live region (the second found by a screen-reader payer's probe)", async () => {
    const {s, el} = await payingCheckout();
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-copy-button=address]')).focus();
    const region = el.shadowRoot!.querySelector('p[role=status]')!;
    const focused = () => el.shadowRoot!.activeElement;
    const seen = await heard(region, async () => {
      await simulate(s.invoice_id, 'pay', {pending: true});
      await stepIs(el, 'confirming');
      await until('heading focused', () => focused()?.matches('[data-step-heading]'));
    });
    expect([seen, focused()?.textContent]).to.deep.equal([[], 'Payment seen, waiting for confirmation']);
    // Focusing the heading it is on again would read nothing.
    const received = await heard(region, async () => {
      await simulate(s.invoice_id, 'confirm');
      await stepIs(el, 'paid');
      await el.updateComplete;
    });
    expect([received, focused()?.textContent]).to.deep.equal([['Payment received'], 'Payment received']);
    el.remove();
  });

  it("a payer on the heading of a wait hears that the payment failed, once: the payment view's heading at the change, not again at each price refresh (the last note's list)", async function () {
    this.timeout(40_000);
    // The price's end is warned 3 s after each quote, so "Get a new price" is there to press.
    const {s, el} = await payingCheckout({}, {variants: {quoteTtlSeconds: 33}});
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-copy-button=address]')).focus();
    const region = el.shadowRoot!.querySelector('p[role=status]')!;
    const focused = () => el.shadowRoot!.activeElement;
    await simulate(s.invoice_id, 'pay', {pending: true});
    await stepIs(el, 'confirming');
    await until('heading focused', () => focused()?.matches('[data-step-heading]'));
    const back = await heard(region, async () => {
      await simulate(s.invoice_id, 'fail');
      await stepIs(el, 'awaiting-payment');
      await el.updateComplete;
    });
    const heading = focused()?.textContent ?? '';
    expect(heading).to.match(/^Send exactly 49\.99 USDC on Base/);
    expect([back, focused()?.matches('[data-step-heading]')]).to.deep.equal([[heading], true]);
    const allocations = async () => (await inspect(s.invoice_id)).requests.filter((r) => r.path.includes('payment-addresses')).length;
    const before = await allocations();
    const refreshed = await heard(region, async () => {
      await until('warned', () => deep(el.shadowRoot!, 'button[data-refresh-quote]'), 15_000);
      deep<HTMLButtonElement>(el.shadowRoot!, 'button[data-refresh-quote]')!.click();
      await until('renewed', async () => (await allocations()) === before + 1);
      await until(
        'shown',
        () => el.state.busy === null && deep(el.shadowRoot!, '[data-step-heading]')?.textContent?.startsWith('Send exactly'),
      );
      await el.updateComplete;
    });
    expect(refreshed).to.deep.equal([]);
    el.remove();
  });

  it('a payer whose focus is elsewhere on the page hears a wait fail back to the payment view', async () => {
    const {s, el, elsewhere, region} = await payingWithFocusElsewhere();
    const said = await heard(region, async () => {
      await simulate(s.invoice_id, 'pay', {pending: true});
      await until('seen said', () => region.textContent!.trim() === 'Payment seen, waiting for confirmation');
      await simulate(s.invoice_id, 'fail');
      await stepIs(el, 'awaiting-payment');
      await el.updateComplete;
    });
    expect(said).to.deep.equal(['Payment seen, waiting for confirmation', deep(el.shadowRoot!, '[data-step-heading]')?.textContent]);
    expect(said[1]).to.match(/^Send exactly 49\.99 USDC on Base/);
    expect(document.activeElement, 'focus stays where the payer is').to.equal(elsewhere);
    // The page switches the checkout to German: the words follow, as the heading does (review).
    el.locale = 'de';
    const heading = () => deep(el.shadowRoot!, '[data-step-heading]')?.textContent ?? '';
    await until('German', () => region.getAttribute('lang') === 'de' && /^Sende genau 49[.,]99 USDC/.test(heading()));
    await el.updateComplete;
    expect(region.textContent!.trim()).to.equal(heading());
    elsewhere.remove();
    el.remove();
  });

  it('a wait that fails back while the payment view has no price yet is said at its price, not as "Refreshing the price…" (review)', async function () {
    this.timeout(60_000);
    const {s, el, elsewhere, region} = await payingWithFocusElsewhere({variants: {quoteTtlSeconds: 12}});
    // The next price is refused three times: the view shows no amount when the payment comes.
    await simulate(s.invoice_id, 'faults', {http: [{kind: 'server-error', path: 'payment-addresses', count: 3}]});
    await until('no price', () => el.state.address && !el.state.address.tokenAmount && el.state.busy === null, 30_000);
    await simulate(s.invoice_id, 'pay', {pending: true});
    await stepIs(el, 'confirming');
    await simulate(s.invoice_id, 'faults', {clearHttp: true});
    const heading = () => deep(el.shadowRoot!, '[data-step-heading]')?.textContent ?? '';
    const said = await heard(region, async () => {
      await simulate(s.invoice_id, 'fail');
      await stepIs(el, 'awaiting-payment');
      await until('priced again', () => el.state.busy === null && heading().startsWith('Send exactly'), 30_000);
      await el.updateComplete;
    });
    expect(said).to.deep.equal([heading()]);
    elsewhere.remove();
    el.remove();
  });

  it('a wait that fails back after its price ran out is said at the new price, not at the one that ran out (review)', async function () {
    this.timeout(60_000);
    const {s, el, elsewhere, region} = await payingWithFocusElsewhere({variants: {quoteTtlSeconds: 12}});
    await simulate(s.invoice_id, 'pay', {pending: true});
    await stepIs(el, 'confirming');
    // A wait keeps the price it was sent at: it runs out meanwhile, and is refreshed once the wait ends.
    const ranOut = el.state.quoteExpiresAtMono!;
    await until('the price ran out', () => performance.now() > ranOut, 20_000);
    const saidAtNewPrice: boolean[] = [];
    const observer = new MutationObserver(() => {
      if (region.textContent!.trim().startsWith('Send exactly')) saidAtNewPrice.push((el.state.quoteExpiresAtMono ?? 0) > ranOut);
    });
    observer.observe(region, {childList: true, characterData: true, subtree: true});
    try {
      await simulate(s.invoice_id, 'fail');
      await stepIs(el, 'awaiting-payment');
      await until('said', () => saidAtNewPrice.length > 0, 20_000);
    } finally {
      observer.disconnect();
    }
    expect(saidAtNewPrice[0]).to.equal(true);
    elsewhere.remove();
    el.remove();
  });

  it('a language change after the price moved says the price shown now, not the one the failure was said at (review)', async function () {
    this.timeout(60_000);
    const {s, el, elsewhere, region} = await payingWithFocusElsewhere({variants: {quoteTtlSeconds: 12}});
    const heading = () => deep(el.shadowRoot!, '[data-step-heading]')?.textContent ?? '';
    await simulate(s.invoice_id, 'pay', {pending: true});
    await stepIs(el, 'confirming');
    await simulate(s.invoice_id, 'fail');
    await until('the failure said', () => region.textContent!.trim().startsWith('Send exactly 49.99'), 15_000);
    // The next price is another amount: shown, and (no news) not said.
    await simulate(s.invoice_id, 'faults', {variants: {quoteTtlSeconds: 12, tokenAmount: '50.5'}});
    await until('the new price shown', () => el.state.busy === null && heading().startsWith('Send exactly 50.5'), 30_000);
    await el.updateComplete;
    expect(region.textContent!.trim()).to.match(/^Send exactly 49\.99/);
    el.locale = 'de';
    await until('German', () => region.getAttribute('lang') === 'de' && heading().startsWith('Sende genau'));
    await el.updateComplete;
    expect(region.textContent!.trim()).to.equal(heading());
    expect(heading()).to.match(/^Sende genau 50[.,]5/);
    elsewhere.remove();
    el.remove();
  });

  it("another partial payment, counted where the payer is (no wait in between), is heard: what is still due is a status region (found by a screen-reader payer's probe)", async () => {
    // Polls alone: the payment is not seen on its way (no `confirming`, whose own words would be heard), only counted.
    const s = await createSession({customer_email: 'a@example.com'});
    await simulate(s.invoice_id, 'faults', {ws: {refuse: true}});
    const el = mount(s);
    await toPayment(el);
    await simulate(s.invoice_id, 'pay', {amount: 20});
    await stepIs(el, 'underpaid');
    const region = await deepReady(el.shadowRoot!, '[data-still-due]');
    expect(region.getAttribute('role')).to.equal('status');
    const said = await heard(region, async () => {
      await simulate(s.invoice_id, 'pay', {amount: 10});
      await until('the new remainder shown', () => region.textContent!.includes('19.99'));
    });
    expect(said.at(-1)?.replace(/\s+/g, ' ')).to.match(/^Received .*\$30\.00.* · Still due: .*\$19\.99/);
    el.remove();
  });

  it('the price\'s end is warned 30 s before, and "Get a new price" renews it in one action', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    await simulate(s.invoice_id, 'faults', {variants: {quoteTtlSeconds: 33}});
    const el = mount(s);
    await toPayment(el);
    const allocations = async () => (await inspect(s.invoice_id)).requests.filter((r) => r.path.includes('payment-addresses')).length;
    const before = await allocations();
    // The status region is there before its words, so screen readers hear them when they come.
    const warning = deep(el.shadowRoot!, '[data-quote-ending]')!;
    expect([warning.getAttribute('role'), warning.textContent]).to.deep.equal(['status', '']);
    await until('warned', () => warning.textContent!.includes('This price is about to run out'), 10_000);
    deep<HTMLButtonElement>(el.shadowRoot!, 'button[data-refresh-quote]')!.click();
    await until('renewed', async () => (await allocations()) === before + 1);
    await until('warning gone', () => deep(el.shadowRoot!, '[data-quote-ending]')?.textContent === '');
    el.remove();
  });

  it('each copy is said, a second one within the 2 s of the first "Copied" too (found by a screen-reader payer\'s probe)', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {value: {writeText: async (text: string) => void copied.push(text)}, configurable: true});
    try {
      const {el} = await payingCheckout();
      const details = await deepReady(el.shadowRoot!, 'pepay-payment-details');
      const region = details.shadowRoot!.querySelector('span.visually-hidden[role=status]')!;
      const added: Node[] = [];
      const observer = new MutationObserver((records) => added.push(...records.flatMap((r) => [...r.addedNodes])));
      observer.observe(region, {childList: true, subtree: true});
      for (const key of ['address', 'amount', 'amount']) {
        const before = added.length;
        deep<HTMLButtonElement>(details.shadowRoot!, `[data-copy-button=${key}]`)!.click();
        await until(`${key} copied and said`, () => added.slice(before).some((node) => node.textContent === 'Copied'));
      }
      observer.disconnect();
      expect(copied).to.have.length(3);
      expect(region.textContent?.trim()).to.equal('Copied');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
    }
  });

  it("each copy the browser refuses is an alert anew: a second press said nothing (found by a screen-reader payer's probe)", async () => {
    Object.defineProperty(navigator, 'clipboard', {value: {writeText: () => Promise.reject(new Error('denied'))}, configurable: true});
    try {
      const {el} = await payingCheckout();
      const details = await deepReady(el.shadowRoot!, 'pepay-payment-details');
      const alert = () => deep(details.shadowRoot!, '[data-copy-blocked][role=alert]');
      const alerts: (Element | null)[] = [];
      for (let press = 0; press < 2; press++) {
        deep<HTMLButtonElement>(details.shadowRoot!, '[data-copy-button=address]')!.click();
        await until(`refusal ${press + 1} said`, () => alert() !== null && !alerts.includes(alert()));
        alerts.push(alert());
      }
      // A new alert each time, which screen readers announce as it comes.
      expect(alerts.map((a) => a!.textContent!.trim().startsWith('Your browser blocked copying here.'))).to.deep.equal([true, true]);
      expect(alerts[0]!.isConnected).to.equal(false);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
    }
  });
});
