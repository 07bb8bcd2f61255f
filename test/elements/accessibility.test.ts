/**
 * WCAG 2.2 AA on every step (issue 12), checked by axe-core in the light and dark themes and in
 * English, German and Arabic (right to left): questions, e-mail, token list, awaiting payment,
 * underpaid, paid, expired, canceled and the error card.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {deepReady} from '../support/deep.js';
import {createSession, sandboxUrl, simulate, type Session} from '../support/sandbox.js';
import {stepIs, toPayment} from '../support/walk.js';
import {announceWallet} from '../support/wallet.js';

const QUESTIONS = {questions: [{id: 'q1', question: 'Company name', type: 'text', validation: {required: true}}]};

function mount(s: Session, theme: string, locale: string, tamper = false): PepayCheckout {
  const el = document.createElement('pepay-checkout');
  Object.assign(el, {sessionToken: s.session_token, signature: tamper ? 'sig_wrong' : s.signature, apiBase: sandboxUrl, theme, locale});
  el.style.width = '420px';
  document.body.append(el);
  return el;
}

/** Waits for the step, its language and its view, then runs axe on the checkout as the payer sees it. */
async function accessibleOn(el: PepayCheckout, step: string, locale: string): Promise<void> {
  await stepIs(el, step, 10_000);
  await waitUntil(() => el.shadowRoot!.querySelector('.card')?.getAttribute('lang') === locale, `lang ${locale}`, {timeout: 10_000});
  await el.updateComplete;
  await expect(el, `${step} ${el.theme} ${locale}`).to.be.accessible();
}

for (const locale of ['en', 'de', 'ar']) {
  for (const theme of ['light', 'dark']) {
    describe(`axe on every step, ${theme} theme, ${locale}`, () => {
      it('questions, e-mail, token list, awaiting payment, underpaid, paid', async () => {
        const el = mount(await createSession({questions: QUESTIONS}), theme, locale);
        await accessibleOn(el, 'questions', locale);
        (await deepReady<HTMLInputElement>(el.shadowRoot!, 'input[name=q0]')).value = 'Acme';
        (await deepReady<HTMLFormElement>(el.shadowRoot!, 'form')).requestSubmit();
        await accessibleOn(el, 'email', locale);
        (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'form button[type=button]')).click();
        await accessibleOn(el, 'select-token', locale);
        await toPayment(el);
        await accessibleOn(el, 'awaiting-payment', locale);
        await waitUntil(() => el.state.connection === 'live', 'live', {timeout: 10_000});
        await simulate(el.state.invoiceId!, 'pay', {amount: 'partial'});
        await accessibleOn(el, 'underpaid', locale);
        await simulate(el.state.invoiceId!, 'pay');
        await accessibleOn(el, 'paid', locale);
        el.remove();
      });

      it('expired, canceled and the error card', async () => {
        for (const [action, step] of [
          ['expire', 'expired'],
          ['cancel', 'canceled'],
        ] as const) {
          const s = await createSession({customer_email: 'a@example.com'});
          await simulate(s.invoice_id, action);
          const el = mount(s, theme, locale);
          await accessibleOn(el, step, locale);
          el.remove();
        }
        const broken = mount(await createSession(), theme, locale, true);
        await accessibleOn(broken, 'error', locale);
        broken.remove();
      });
    });
  }
}

/** WCAG relative luminance of any CSS colour (painted on a canvas to read it back as sRGB). */
function luminance(color: string): number {
  const canvas = document.createElement('canvas').getContext('2d')!;
  canvas.fillStyle = color;
  canvas.fillRect(0, 0, 1, 1);
  const [r, g, b] = [...canvas.getImageData(0, 0, 1, 1).data].map((v) => v / 255);
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe("a merchant's accent colour", () => {
  for (const accent of ['#ffd400', '#7ee8fa', '#3c4cf0', '#5a0f9c']) {
    it(`${accent}: the text on it is chosen to read (4.5:1 at least)`, async () => {
      const el = mount(await createSession(), 'light', 'en');
      el.style.setProperty('--pepay-color-accent', accent);
      await stepIs(el, 'email');
      const button = await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button.primary, button[type=submit]');
      const style = getComputedStyle(button);
      expect(contrast(style.color, style.backgroundColor), `${style.color} on ${style.backgroundColor}`).to.be.at.least(4.5);
      el.remove();
    });
  }
});

// The accent used as a colour of its own (a link, a focus ring) is not chosen to read as text on
// it is: yellow text on white was 1.43:1 (a screen-reader and keyboard probe). What the accent
// drew is drawn in the text colour, or in two rings of the theme's colours on the page.
describe("a merchant's accent colour is never a line, a ring or a link by itself", () => {
  for (const [accent, theme] of [
    ['#ffd400', 'light'],
    ['#7ee8fa', 'light'],
    ['#3c4cf0', 'dark'],
  ] as const) {
    it(`${accent} on the ${theme} card: the e-mail field's focus ring and the transaction link read (3:1 and 4.5:1)`, async () => {
      const s = await createSession();
      const el = mount(s, theme, 'en');
      el.style.setProperty('--pepay-color-accent', accent);
      await stepIs(el, 'email');
      const card = getComputedStyle(el.shadowRoot!.querySelector('.card')!).backgroundColor;
      // The field is the page's own (autofill), slotted into the e-mail form.
      await waitUntil(() => el.querySelector('input[type=email]'), 'the e-mail field');
      const input = el.querySelector<HTMLInputElement>('input[type=email]')!;
      input.focus();
      const ring = getComputedStyle(input);
      expect(ring.outlineStyle).to.equal('solid');
      expect(contrast(ring.outlineColor, card), `ring ${ring.outlineColor} on ${card}`).to.be.at.least(3);
      el.remove();

      const paying = mount(await createSession({customer_email: 'a@example.com'}), theme, 'en');
      paying.style.setProperty('--pepay-color-accent', accent);
      await toPayment(paying);
      // Paid once the stream is live, as the other paying tests do: a pending payment landing before
      // the first socket attaches can be missed (CI lost one so; see the closing note of session 26).
      await waitUntil(() => paying.state.connection === 'live', 'stream live', {timeout: 10_000});
      await simulate(paying.state.invoiceId!, 'pay', {pending: true, tx_hash: `0x${'ab'.repeat(32)}`});
      await stepIs(paying, 'confirming');
      const link = await deepReady<HTMLAnchorElement>(paying.shadowRoot!, 'a[href]');
      const text = getComputedStyle(link);
      expect(contrast(text.color, card), `link ${text.color} on ${card}`).to.be.at.least(4.5);
      expect(text.textDecorationLine).to.equal('underline');
      paying.remove();
    });
  }

  it("#ffd400: the checkout button's focus ring is two rings, the text colour around the card's, neither the accent", async () => {
    const button = document.createElement('pepay-checkout-button');
    button.style.setProperty('--pepay-color-accent', '#ffd400');
    document.body.append(button);
    const inner = await deepReady<HTMLButtonElement>(button.shadowRoot!, 'button');
    inner.focus();
    await sendKeys({press: 'Shift'});
    expect(inner.matches(':focus-visible'), 'the ring shows').to.equal(true);
    const ring = getComputedStyle(inner);
    const fill = ring.backgroundColor;
    expect(ring.outlineStyle).to.equal('solid');
    expect(contrast(ring.outlineColor, fill), `ring ${ring.outlineColor} on the button ${fill}`).to.be.at.least(3);
    const inside = /rgb\([^)]*\)/.exec(ring.boxShadow)?.[0] ?? '';
    expect(contrast(ring.outlineColor, inside), `ring ${ring.outlineColor} around ${inside}`).to.be.at.least(3);
    button.remove();
  });
});

describe('reflow and targets', () => {
  /**
   * What reaches past the checkout's sides on the step shown, and the targets under 24 px (WCAG
   * 2.5.8 Target Size (Minimum): links and buttons, not text inside a sentence), through shadow roots.
   */
  async function overflowOn(el: PepayCheckout, step: string, locale: string) {
    await stepIs(el, step);
    await waitUntil(() => el.shadowRoot!.querySelector('.card')?.getAttribute('lang') === locale, 'language', {timeout: 10_000});
    await el.updateComplete;
    const box = el.getBoundingClientRect();
    const all = deepAllOf(el.shadowRoot!);
    const past = (r: DOMRect) => r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
    // An element may fit while its text runs out of it (WebKit, a wallet's long name right to left).
    const textPast = (node: Element) =>
      !node.closest('.visually-hidden') &&
      [...node.childNodes].some((child) => {
        if (child.nodeType !== Node.TEXT_NODE) return false;
        const range = document.createRange();
        range.selectNodeContents(child);
        return [...range.getClientRects()].some(past);
      });
    const wider = all.filter((node) => past(node.getBoundingClientRect()) || textPast(node));
    const small = all
      .filter((node) => node.matches('button, a[href]') && node.getBoundingClientRect().width > 0)
      .filter((node) => node.getBoundingClientRect().width < 24 || node.getBoundingClientRect().height < 24);
    return {step, wider: wider.map((node) => node.outerHTML.slice(0, 60)), small: small.map((node) => node.outerHTML.slice(0, 60))};
  }
  const fits = (step: string) => ({step, wider: [], small: []});

  /** A checkout 320 px wide in `locale`, the page's root text at `text` (the payer's larger text reaches it there: WCAG 1.4.4). */
  async function narrow(options: Record<string, unknown>, locale: string, text: string, walk: (el: PepayCheckout) => Promise<void>) {
    document.documentElement.style.fontSize = text;
    const el = mount(await createSession(options), 'light', locale);
    try {
      el.style.width = '320px';
      expect(getComputedStyle(el).fontSize).to.equal(text === '200%' ? '30px' : '15px');
      await walk(el);
    } finally {
      el.remove();
      document.documentElement.style.removeProperty('font-size');
    }
  }

  for (const [locale, text] of [
    ['de', '100%'],
    ['ar', '100%'],
    ['de', '200%'],
  ] as const) {
    it(`at 320 px in ${locale}, text at ${text} (400 % zoom of a 1280 px window): nothing wider than the checkout, every target 24 px at least`, async () => {
      await narrow({customer_email: 'a@example.com'}, locale, text, async (el) => {
        await toPayment(el);
        expect(await overflowOn(el, 'awaiting-payment', locale)).to.deep.equal(fits('awaiting-payment'));
      });
    });
  }

  it("at 320 px, text at 200 %: the question's field, the e-mail's and the long token list's filter fit as well", async function () {
    this.timeout(90_000);
    // Found by phone probes: a text field keeps its default width (20 characters) unless told to
    // fill its label, and at 30 px that is wider than the card; a merchant's question in one long
    // word did not break either.
    const question = {id: 'q1', question: 'Umsatzsteueridentifikationsnummer', type: 'text', validation: {required: true}};
    await narrow({questions: {questions: [question]}, environment: 'mainnet'}, 'en', '200%', async (el) => {
      expect(await overflowOn(el, 'questions', 'en')).to.deep.equal(fits('questions'));
      (await deepReady<HTMLInputElement>(el.shadowRoot!, 'input[name=q0]')).value = 'Acme';
      (await deepReady<HTMLFormElement>(el.shadowRoot!, 'form')).requestSubmit();
      expect(await overflowOn(el, 'email', 'en')).to.deep.equal(fits('email'));
      (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'form button[type=button]')).click();
      await deepReady(el.shadowRoot!, 'input[type=search]');
      expect(await overflowOn(el, 'select-token', 'en')).to.deep.equal(fits('select-token'));
    });
  });

  it('at 320 px in German, text at 200 %: the last screens\' long words ("Zahlungsanforderung") break', async function () {
    this.timeout(60_000);
    // Found by a phone probe: the expired heading made the card 385 px wide.
    await narrow({customer_email: 'a@example.com'}, 'de', '200%', async (el) => {
      await toPayment(el);
      await simulate(el.state.invoiceId!, 'expire');
      expect(await overflowOn(el, 'expired', 'de')).to.deep.equal(fits('expired'));
    });
  });

  // Found by a phone probe: in WebKit, a right-to-left card took the merchant's name in one long
  // word as its column's least width, and the whole card grew to 1,100 px; a wallet's name in one
  // long word, its payment view's rows to 930 px.
  for (const [locale, what, session, walletName] of [
    ['ar', "merchant's name", {merchant_name: 'w'.repeat(100)}, null],
    ['he', "merchant's description", {description: `${'x'.repeat(300)} ${'a\u0301'.repeat(100)}`}, null],
    ['ar', "wallet's name", {}, 'W'.repeat(90)],
  ] as const) {
    it(`at 320 px in ${locale}: a ${what} in one long word breaks, on every step`, async function () {
      this.timeout(60_000);
      const wallet = walletName ? announceWallet({name: walletName, chainId: 84532}) : null;
      try {
        await narrow({customer_email: 'a@example.com', ...session}, locale, '100%', async (el) => {
          expect(await overflowOn(el, 'select-token', locale)).to.deep.equal(fits('select-token'));
          await toPayment(el);
          if (wallet) await deepReady(el.shadowRoot!, 'button[data-wallet-button]');
          expect(await overflowOn(el, 'awaiting-payment', locale)).to.deep.equal(fits('awaiting-payment'));
          await simulate(el.state.invoiceId!, 'pay', {amount: 'full'});
          expect(await overflowOn(el, 'paid', locale)).to.deep.equal(fits('paid'));
        });
      } finally {
        wallet?.stop();
      }
    });
  }

  // A phone review: the token buttons were 40 px tall, under a finger's 44 px; the review of that
  // change: the token filter (40 px) and the launcher (43.75 px).
  it("gives every button, field and the wallet's link a finger's height, 44 px (WCAG 2.5.5), on each step a payer taps", async function () {
    this.timeout(60_000);
    /** The buttons, links and fields of the step shown that are under 44 px tall. */
    const under44 = async (el: PepayCheckout, step: string) => {
      await stepIs(el, step);
      const taps = deepAllOf(el.shadowRoot!).filter(
        (node) => node.matches('button, a[data-open-wallet], input') && node.getBoundingClientRect().width > 0,
      );
      expect(taps.length, `something to tap on ${step}`).to.be.above(0);
      return taps.filter((node) => node.getBoundingClientRect().height < 44).map((node) => node.outerHTML.slice(0, 60));
    };
    const wallet = announceWallet({name: 'Test Wallet', chainId: 84532});
    try {
      await narrow({questions: QUESTIONS}, 'en', '100%', async (el) => {
        expect(await under44(el, 'questions')).to.deep.equal([]);
        (await deepReady<HTMLInputElement>(el.shadowRoot!, 'input[name=q0]')).value = 'Acme';
        (await deepReady<HTMLFormElement>(el.shadowRoot!, 'form')).requestSubmit();
        expect(await under44(el, 'email')).to.deep.equal([]);
        (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'form button[type=button]')).click();
        expect(await under44(el, 'select-token')).to.deep.equal([]);
        await toPayment(el);
        await deepReady(el.shadowRoot!, 'button[data-wallet-button]');
        await deepReady(el.shadowRoot!, 'a[data-open-wallet]');
        expect(await under44(el, 'awaiting-payment')).to.deep.equal([]);
      });
      // The long list, with its filter.
      await narrow({customer_email: 'a@example.com', environment: 'mainnet'}, 'en', '100%', async (el) => {
        expect(await under44(el, 'select-token')).to.deep.equal([]);
        expect(
          deepAllOf(el.shadowRoot!).filter((node) => node.matches('input[type=search]')),
          'the filter',
        ).to.have.length(1);
      });
    } finally {
      wallet.stop();
    }
    const launcher = document.createElement('pepay-checkout-button');
    launcher.textContent = 'Pay with crypto';
    document.body.append(launcher);
    await launcher.updateComplete;
    expect(launcher.shadowRoot!.querySelector('button')!.getBoundingClientRect().height, 'the launcher').to.be.at.least(44);
    launcher.remove();
  });

  it('a page that shrinks its root (62.5 %) does not shrink the checkout below 15 px', async () => {
    document.documentElement.style.fontSize = '62.5%';
    const el = mount(await createSession({customer_email: 'a@example.com'}), 'light', 'en');
    try {
      expect(getComputedStyle(el).fontSize).to.equal('15px');
    } finally {
      el.remove();
      document.documentElement.style.removeProperty('font-size');
    }
  });
});

/** Every element under `root`, through shadow roots. */
function deepAllOf(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((node) => [node, ...(node.shadowRoot ? deepAllOf(node.shadowRoot) : [])]);
}
