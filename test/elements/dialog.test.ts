import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import '../../src/define.js';
import {openCheckout, type PepayCheckout, type PepayCheckoutButton, type PepayCheckoutDialog} from '../../src/index.js';
import {createSession, inspect, sandboxUrl, simulate, type Session} from '../support/sandbox.js';
import {deep} from '../support/deep.js';
import {stepIs, toPayment} from '../support/walk.js';

const until = (what: string, predicate: () => unknown) => waitUntil(predicate, what, {timeout: 10_000});

async function launcher(s: Session): Promise<PepayCheckoutButton> {
  return fixture<PepayCheckoutButton>(
    html`<pepay-checkout-button session-token=${s.session_token} signature=${s.signature} api-base=${sandboxUrl}
      >Pay now</pepay-checkout-button
    >`,
  );
}

/** The button renders the modal inside its own shadow root. */
const parts = async (el: PepayCheckoutButton) => {
  // The modal is a chunk of its own: it opens once that has arrived.
  await customElements.whenDefined('pepay-checkout-dialog');
  await el.updateComplete;
  const dialogEl = el.shadowRoot!.querySelector('pepay-checkout-dialog')!;
  await dialogEl.updateComplete;
  const dialog = dialogEl.shadowRoot!.querySelector('dialog')!;
  return {
    dialogEl,
    dialog,
    checkout: () => dialog.querySelector<PepayCheckout>('pepay-checkout'),
    close: dialog.querySelector<HTMLButtonElement>('button.close')!,
  };
};

/** A button's modal opened on a new session, its checkout on the payment step. */
async function payingInModal() {
  const s = await createSession({customer_email: 'a@example.com'});
  const el = await launcher(s);
  el.show();
  const modal = await parts(el);
  await until('checkout', () => modal.checkout());
  await toPayment(modal.checkout()!);
  return {s, el, ...modal};
}

/** openCheckout() on session `s`: its handle, its modal (once the chunk is here) and the checkout in it. */
async function openedModal(s: Session) {
  const opened = openCheckout({sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
  await customElements.whenDefined('pepay-checkout-dialog');
  const dialogEl = document.querySelector('pepay-checkout-dialog')!;
  await dialogEl.updateComplete;
  return {opened, dialogEl, checkout: dialogEl.shadowRoot!.querySelector<PepayCheckout>('pepay-checkout')!};
}

describe('<pepay-checkout-button> and the modal dialog', () => {
  it('opens a modal checkout (the platform keeps focus inside a modal dialog), is accessible, and closes with Escape', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const el = await launcher(s);
    expect(el.textContent).to.equal('Pay now');
    el.shadowRoot!.querySelector('button')!.click();
    const {dialogEl, dialog, checkout} = await parts(el);
    expect(dialogEl.sessionToken).to.equal(s.session_token);
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    await until('checkout loads', () => checkout()?.state.step === 'select-token');
    await expect(dialogEl).to.be.accessible();
    const closed = oneEvent(el, 'pepay-close');
    await sendKeys({press: 'Escape'});
    expect((await closed).detail).to.deep.equal({reason: 'escape', step: 'select-token'});
    expect(dialog.open).to.equal(false);
    expect(checkout()).to.equal(null);
    expect(el.shadowRoot!.querySelector('pepay-checkout-dialog')).to.equal(null);
  });

  it("the modal's first step is said to a screen reader (the payer asked for it); an inline checkout's first load is not", async () => {
    // Found by a screen-reader payer's probe: focus starts on the modal's Close button, and the
    // token list came after "Loading checkout…" unsaid.
    const s = await createSession({customer_email: 'a@example.com'});
    const el = await launcher(s);
    el.shadowRoot!.querySelector('button')!.click();
    const {checkout} = await parts(el);
    await until('the token list', () => checkout()?.state.step === 'select-token');
    const said = (c: PepayCheckout) => c.shadowRoot!.querySelector('p[role=status]')!.textContent!.trim();
    await until(`said, not "${said(checkout()!)}"`, () => said(checkout()!) === 'Choose how to pay');
    el.remove();
    // On the page, nobody asked: its first step is not news (the payer reads it in place).
    const inline = await fixture<PepayCheckout>(
      html`<pepay-checkout session-token=${s.session_token} signature=${s.signature} api-base=${sandboxUrl}></pepay-checkout>`,
    );
    await until('the token list inline', () => inline.state?.step === 'select-token');
    await inline.updateComplete;
    expect(said(inline)).to.equal('');
  });

  it('asks the host before closing while a payment is in progress', async () => {
    const {s, el, dialog, close} = await payingInModal();
    const keepOpen = (e: Event) => e.preventDefault();
    el.addEventListener('pepay-close-request', keepOpen, {once: true});
    const request = oneEvent(el, 'pepay-close-request');
    close.click();
    expect((await request).detail).to.deep.equal({reason: 'close-button', step: 'awaiting-payment'});
    expect(dialog.open).to.equal(true);
    const closed = oneEvent(el, 'pepay-close');
    close.click();
    await closed;
    expect(dialog.open).to.equal(false);
    // The checkout is gone with the dialog: nothing keeps talking to the server.
    await until('stream closed', async () => (await inspect(s.invoice_id)).open_streams === 0);
  });

  it('stays modal, on the same payment, when the storefront moves its button mid-payment', async () => {
    const {el, dialogEl, dialog, checkout} = await payingInModal();
    const address = checkout()!.state.address!.address;
    const closes: unknown[] = [];
    el.addEventListener('pepay-close', (event) => closes.push((event as CustomEvent).detail));
    // The platform's close for the move (closed, then shown again) reaches the element's own
    // listener first: by this one's turn, it must have closed nothing.
    const openAtPlatformClose: boolean[] = [];
    dialog.addEventListener('close', () => openAtPlatformClose.push(dialogEl.open && dialog.open));
    // A single-page storefront re-renders its cart: the button leaves the page and comes back.
    const cart = document.createElement('div');
    document.body.append(cart);
    try {
      el.remove();
      cart.append(el);
      await until('modal again', () => dialog.matches(':modal'));
      await until('the same payment', () => checkout()?.state.step === 'awaiting-payment');
      expect(checkout()!.state.address!.address).to.equal(address);
      await dialogEl.updateComplete;
      expect([dialogEl.open, dialog.open, closes]).to.deep.equal([true, true, []]);
      expect(openAtPlatformClose).not.to.include(false);
    } finally {
      cart.remove();
    }
  });

  it('openCheckout() resolves with the outcome: paid, or closed', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const {opened, dialogEl, checkout} = await openedModal(s);
    await toPayment(checkout);
    await simulate(s.invoice_id, 'pay');
    expect(await opened.result).to.equal('paid');
    // The paid screen ends with "Done", which closes the modal (issue 14).
    const closed = oneEvent(dialogEl, 'pepay-close');
    await until('Done offered', () => deep(checkout.shadowRoot!, '[data-done]'));
    deep<HTMLButtonElement>(checkout.shadowRoot!, '[data-done]')!.click();
    expect((await closed).detail).to.deep.equal({reason: 'done', step: 'paid'});
    await until('removed', () => !document.querySelector('pepay-checkout-dialog'));

    const other = await createSession({customer_email: 'a@example.com'});
    const second = openCheckout({paymentUrl: other.payment_url, apiBase: sandboxUrl});
    second.close();
    expect(await second.result).to.equal('closed');
    expect(document.querySelector('pepay-checkout-dialog')).to.equal(null);
  });
});

describe('openCheckout() called without its options (a merchant probe: a TypeError was all it gave)', () => {
  for (const [what, given] of [
    ['nothing', undefined],
    ['null', null],
    ['a payment link as a string', 'https://pay.example/?token=t&signature=s'],
  ] as const) {
    it(`given ${what}, opens the modal on the error card a checkout without a session shows, and settles as closed`, async () => {
      const errors: string[] = [];
      const heard = (event: Event) => errors.push((event as CustomEvent<{code: string}>).detail.code);
      document.addEventListener('pepay-error', heard);
      try {
        const opened = (openCheckout as (options?: unknown) => ReturnType<typeof openCheckout>)(given);
        await customElements.whenDefined('pepay-checkout-dialog');
        const dialogEl = document.querySelector('pepay-checkout-dialog')!;
        await dialogEl.updateComplete;
        const checkout = dialogEl.shadowRoot!.querySelector<PepayCheckout>('pepay-checkout')!;
        await until('the error card', () => checkout.state?.step === 'error');
        expect(checkout.state.error?.code).to.equal('missing-credentials');
        expect(errors).to.deep.equal(['missing-credentials']);
        opened.close();
        expect(await opened.result).to.equal('closed');
        await opened.closed;
        expect(document.querySelector('pepay-checkout-dialog')).to.equal(null);
      } finally {
        document.removeEventListener('pepay-error', heard);
      }
    });
  }
  it('given a selector string for its container, opens the modal in the body all the same, and the console says why', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const opened = openCheckout({
        sessionToken: s.session_token,
        signature: s.signature,
        apiBase: sandboxUrl,
        container: '#checkout' as unknown as ParentNode,
      });
      await customElements.whenDefined('pepay-checkout-dialog');
      const dialogEl = document.body.querySelector<PepayCheckoutDialog>(':scope > pepay-checkout-dialog')!;
      await dialogEl.updateComplete;
      const checkout = dialogEl.shadowRoot!.querySelector<PepayCheckout>('pepay-checkout')!;
      await until('token step', () => checkout.state?.step === 'select-token');
      expect(warnings.some(([message]) => String(message).includes('container'))).to.equal(true);
      opened.close();
      expect(await opened.result).to.equal('closed');
    } finally {
      console.warn = warn;
    }
  });
});

describe('the host closing the modal by its open property or attribute (found by a merchant probe)', () => {
  it('open = false is a close: pepay-close with the step, and openCheckout() settles and removes the modal', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const {opened, dialogEl, checkout} = await openedModal(s);
    await until('tokens', () => checkout.state.step === 'select-token');
    const closes: unknown[] = [];
    dialogEl.addEventListener('pepay-close', (event) => closes.push((event as CustomEvent).detail));
    dialogEl.open = false;
    expect(await opened.result).to.equal('closed');
    await opened.closed;
    expect(closes).to.deep.equal([{reason: 'api', step: 'select-token'}]);
    expect(document.querySelector('pepay-checkout-dialog')).to.equal(null);
  });

  it("the open attribute removed from a button's modal closes it once; close() is still said once", async () => {
    const {el, dialogEl, dialog} = await payingInModal();
    const closes: unknown[] = [];
    el.addEventListener('pepay-close', (event) => closes.push((event as CustomEvent).detail));
    dialogEl.removeAttribute('open');
    await until('closed', () => !dialog.open);
    expect(closes).to.deep.equal([{reason: 'api', step: 'awaiting-payment'}]);
    // The button heard it: its modal is gone, and it opens a new one.
    await until('modal gone', () => !el.shadowRoot!.querySelector('pepay-checkout-dialog'));
    el.show();
    const again = await parts(el);
    await until('checkout', () => again.checkout());
    again.dialogEl.close('api');
    await again.dialogEl.updateComplete;
    expect(closes).to.have.length(2);
  });
});

describe('the modal fits (issue 14)', () => {
  it('opens at its top with nothing clipped, and the close button covers nothing, the test-mode badge included', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const {opened, dialogEl, checkout} = await openedModal(s);
    // A modal left open would block the tests after this one: closed whatever happens.
    try {
      await toPayment(checkout);
      const dialog = dialogEl.shadowRoot!.querySelector('dialog')!;
      const close = dialog.querySelector('button.close')!.getBoundingClientRect();
      const badge = deep(checkout.shadowRoot!, '.badge')!.getBoundingClientRect();
      const card = checkout.shadowRoot!.querySelector('[part=card]')!.getBoundingClientRect();
      const box = dialog.getBoundingClientRect();
      // Its top edge, close button included, is in view: nothing above it is clipped.
      expect(box.top).to.be.at.least(0);
      expect(close.top).to.be.at.least(box.top);
      const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(overlaps(close, badge), 'close button over the badge').to.equal(false);
      expect(overlaps(close, card), 'close button over the card').to.equal(false);
    } finally {
      opened.close();
    }
    await until('removed', () => !document.querySelector('pepay-checkout-dialog'));
  });
});

describe('the modal on a short screen', () => {
  // A phone review: the close button scrolled away with the checkout, and a payer scrolled down to
  // "I already paid" had to scroll back up to close the modal.
  it('keeps its close button on the screen and under the finger however far it is scrolled', async function () {
    this.timeout(30_000);
    // A short screen, as every engine here can make one (WebKit's driver sets no viewport).
    const short = document.createElement('style');
    short.textContent = 'pepay-checkout-dialog::part(dialog) { max-height: 300px }';
    document.head.append(short);
    const s = await createSession({customer_email: 'a@example.com'});
    const {opened, dialogEl, checkout} = await openedModal(s);
    try {
      await toPayment(checkout);
      const dialog = dialogEl.shadowRoot!.querySelector('dialog')!;
      const close = dialog.querySelector<HTMLButtonElement>('button.close')!;
      expect(dialog.scrollHeight, 'it scrolls').to.be.above(dialog.clientHeight + 200);
      // A finger's size (WCAG 2.5.5), as the checkout's buttons.
      expect([close.offsetWidth, close.offsetHeight]).to.deep.equal([44, 44]);
      for (const scrollTop of [0, 200, dialog.scrollHeight]) {
        dialog.scrollTop = scrollTop;
        await until(`scrolled to ${scrollTop}`, () => dialog.scrollTop > 0 === scrollTop > 0);
        const box = dialog.getBoundingClientRect();
        const button = close.getBoundingClientRect();
        expect(button.top, `in view at ${dialog.scrollTop}`).to.be.within(box.top, box.bottom - button.height);
        // What a tap there reaches: the button, not the card scrolled under it.
        const tapped = dialogEl.shadowRoot!.elementFromPoint(button.left + button.width / 2, button.top + button.height / 2);
        expect(tapped, `tapped at ${dialog.scrollTop}`).to.equal(close);
      }
    } finally {
      opened.close();
      short.remove();
    }
    await until('removed', () => !document.querySelector('pepay-checkout-dialog'));
  });
});

// A keyboard probe: the modal overflowed by 1 px (a screen reader's hidden line under the card), so
// the browser made it a scroller and a Tab stop of its own, with nothing to do there (WCAG 2.4.3).
describe('the keyboard in the modal', () => {
  /** Where the keyboard is, through shadow roots. */
  const focused = () => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  };
  /** The keyboard's stops in `presses` presses of Tab. */
  async function tabStops(presses: number): Promise<Element[]> {
    const stops: Element[] = [];
    for (let i = 0; i < presses; i++) {
      await sendKeys({press: 'Tab'});
      if (focused()) stops.push(focused()!);
    }
    return stops;
  }
  // Chromium makes a box that scrolls a Tab stop; WebKit passes through a modal itself as it wraps
  // round, as through a page, whether it scrolls or not.
  const scrollersAreStops = navigator.userAgent.includes('Chrome/');

  it('has nothing to scroll when it fits, so it is no Tab stop of its own', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const {opened, dialogEl, checkout} = await openedModal(s);
    try {
      await stepIs(checkout, 'select-token');
      const dialog = dialogEl.shadowRoot!.querySelector('dialog')!;
      await until('the close button has the focus', () => focused()?.matches('button.close'));
      expect(dialog.scrollHeight - dialog.clientHeight, 'nothing to scroll').to.equal(0);
      if (scrollersAreStops) {
        const stops = await tabStops(8);
        expect(
          stops.some((stop) => stop.matches('button[data-token]')),
          'a token reached',
        ).to.equal(true);
        expect(stops.filter((stop) => stop.localName === 'dialog')).to.deep.equal([]);
      }
    } finally {
      opened.close();
    }
    await until('removed', () => !document.querySelector('pepay-checkout-dialog'));
  });

  // Sibling: the same 1 px made a storefront's own scrolling box around an inline checkout scroll.
  it("leaves a storefront's scrolling box around an inline checkout nothing to scroll, on every step", async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const box = document.createElement('div');
    // Positioned, as a storefront's panels often are: the box that holds what is positioned inside.
    box.style.cssText = 'overflow: auto; position: relative';
    const el = document.createElement('pepay-checkout') as PepayCheckout;
    Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
    box.append(el);
    document.body.append(box);
    await stepIs(el, 'select-token');
    const overflow = () => box.scrollHeight - box.clientHeight;
    expect(overflow(), 'the token list').to.equal(0);
    await toPayment(el);
    await el.updateComplete;
    expect(overflow(), 'the payment view').to.equal(0);
    box.remove();
  });

  it("where it scrolls and the keyboard stops on it, shows the checkout's ring", async function () {
    if (!scrollersAreStops) this.skip();
    this.timeout(30_000);
    await setViewport({width: 360, height: 420});
    const s = await createSession({customer_email: 'a@example.com'});
    const {opened, dialogEl, checkout} = await openedModal(s);
    try {
      await stepIs(checkout, 'select-token');
      const dialog = dialogEl.shadowRoot!.querySelector('dialog')!;
      expect(dialog.scrollHeight, 'it scrolls').to.be.above(dialog.clientHeight);
      const stops = await tabStops(8);
      expect(stops.filter((stop) => stop.localName === 'dialog').length, 'a stop to scroll').to.be.above(0);
      while (focused() !== dialog) await sendKeys({press: 'Tab'});
      const ring = getComputedStyle(dialog);
      expect([ring.outlineStyle, ring.outlineWidth, ring.outlineOffset]).to.deep.equal(['solid', '3px', '2px']);
      // Around its edge (inside it, the card covered the ring), and on the screen on every side.
      const box = dialog.getBoundingClientRect();
      const reach = 5;
      expect([
        box.top - reach >= 0,
        box.left - reach >= 0,
        box.right + reach <= innerWidth,
        box.bottom + reach <= innerHeight,
      ]).to.deep.equal([true, true, true, true]);
    } finally {
      opened.close();
      await setViewport({width: 800, height: 600});
    }
    await until('removed', () => !document.querySelector('pepay-checkout-dialog'));
  });
});

describe('the modal, held and closed by the platform', () => {
  it('a close the page may not cancel (repeated Escape, back gesture) still closes the element, and it reopens', async function () {
    // Chromium holds a hidden page's dialog close event (a background page when tests run two at a time).
    if (document.visibilityState !== 'visible') this.skip();
    const s = await createSession({customer_email: 'a@example.com'});
    const el = await launcher(s);
    el.show();
    const {dialog, checkout} = await parts(el);
    await until('checkout', () => checkout());
    await toPayment(checkout()!);
    el.addEventListener('pepay-close-request', (e) => e.preventDefault());
    const closed = oneEvent(el, 'pepay-close');
    // What the platform does when it will not let the page keep the dialog open.
    dialog.close();
    expect((await closed).detail.reason).to.equal('escape');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('pepay-checkout-dialog')).to.equal(null);
    el.shadowRoot!.querySelector('button')!.click();
    const again = await parts(el);
    expect(again.dialog.open).to.equal(true);
  });

  it("a storefront's ::part() rules reach the checkout inline, in the button's modal and in openCheckout()'s", async () => {
    const parts = ['card', 'header', 'amount', 'address', 'qr', 'pay-button'];
    const rules = (host: string) => parts.map((part, i) => `${host}::part(${part}) { outline: 3px solid rgb(${i + 1}, 2, 3) }`);
    const style = document.createElement('style');
    style.textContent = [
      ...rules('pepay-checkout'),
      ...rules('pepay-checkout-button'),
      ...rules('pepay-checkout-dialog'),
      'pepay-checkout-button::part(dialog) { outline: 3px solid rgb(9, 9, 9) }',
      'pepay-checkout-button::part(close-button) { outline: 3px solid rgb(8, 8, 8) }',
    ].join('\n');
    document.head.append(style);
    const outlines = (checkout: PepayCheckout) =>
      parts.map((part) => getComputedStyle(deep(checkout.shadowRoot!, `[part~="${part}"]`)!).outlineColor);
    const expected = parts.map((_, i) => `rgb(${i + 1}, 2, 3)`);
    try {
      const s = await createSession({customer_email: 'a@example.com'});
      const inline = await fixture<PepayCheckout>(
        html`<pepay-checkout session-token=${s.session_token} signature=${s.signature} api-base=${sandboxUrl}></pepay-checkout>`,
      );
      await toPayment(inline);
      expect(outlines(inline)).to.deep.equal(expected);
      inline.remove();

      const modal = await payingInModal();
      expect(outlines(modal.checkout()!)).to.deep.equal(expected);
      expect(getComputedStyle(modal.dialog).outlineColor).to.equal('rgb(9, 9, 9)');
      expect(getComputedStyle(modal.close).outlineColor).to.equal('rgb(8, 8, 8)');
      modal.el.remove();

      // Another session: this one's place is kept, so its checkout would open on the payment step.
      const other = await createSession({customer_email: 'a@example.com'});
      const opened = openCheckout({paymentUrl: other.payment_url, apiBase: sandboxUrl});
      await until('open', () => document.querySelector('pepay-checkout-dialog')?.open);
      const dialog = document.querySelector('pepay-checkout-dialog')!;
      await until('checkout', () => dialog.shadowRoot!.querySelector('pepay-checkout'));
      const checkout = dialog.shadowRoot!.querySelector<PepayCheckout>('pepay-checkout')!;
      await toPayment(checkout);
      expect(outlines(checkout)).to.deep.equal(expected);
      opened.close();
      await opened.closed;
    } finally {
      style.remove();
    }
  });

  it('openCheckout() gives focus back to what had it when the modal closes', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const opened = openCheckout({sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
    await until('open', () => document.querySelector('pepay-checkout-dialog')?.open);
    opened.close();
    await opened.closed;
    expect(document.activeElement).to.equal(opener);
    opener.remove();
  });

  it("openCheckout() gives focus back to the storefront's button inside its own component (a shadow root), closed by Escape too (found by a keyboard payer's probe)", async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const host = document.createElement('div');
    const opener = document.createElement('button');
    host.attachShadow({mode: 'open'}).append(opener);
    document.body.append(host);
    try {
      for (const close of ['api', 'escape'] as const) {
        opener.focus();
        const opened = openCheckout({sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
        await until('shown', () => document.querySelector('pepay-checkout-dialog')?.shadowRoot?.querySelector('dialog')?.open);
        if (close === 'api') opened.close();
        else await sendKeys({press: 'Escape'});
        await opened.closed;
        expect([document.activeElement, host.shadowRoot!.activeElement], close).to.deep.equal([host, opener]);
      }
    } finally {
      host.remove();
    }
  });
});
