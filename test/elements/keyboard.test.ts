/**
 * A whole payment with the keyboard alone (issue 12, WCAG 2.1.1 Keyboard, 2.4.3 Focus Order,
 * 2.1.2 No Keyboard Trap): real key presses, from the page into the checkout and out again.
 */
import {expect} from '@open-wc/testing';
import {waitUntil} from '../support/until.js';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/define.js';
import '../../src/elements/dialog/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {createSession, inspect, sandboxUrl, simulate} from '../support/sandbox.js';
import {mountCheckout, stepIs, toPayment} from '../support/walk.js';

const QUESTIONS = {questions: [{id: 'q1', question: 'Company name', type: 'text', validation: {required: true}}]};

/** The element that has focus, through shadow roots. */
function focused(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until `wanted` holds for the focused element (at most `max` presses). */
async function tabTo(what: string, wanted: (el: Element) => boolean, max = 25): Promise<Element> {
  for (let i = 0; i < max; i++) {
    const now = focused();
    if (now && wanted(now)) return now;
    await sendKeys({press: 'Tab'});
  }
  throw new Error(`Tab never reached ${what}; focus is on ${focused()?.outerHTML.slice(0, 80)}`);
}

const label = (el: Element) => el.textContent?.trim() ?? '';

describe('the keyboard alone', () => {
  it('answers the question, skips the e-mail, picks a token with the arrows, copies the address, and leaves the checkout', async () => {
    const s = await createSession({questions: QUESTIONS});
    const before = document.createElement('button');
    before.textContent = 'Before';
    const after = document.createElement('button');
    after.textContent = 'After';
    const el = document.createElement('pepay-checkout') as PepayCheckout;
    Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
    document.body.append(before, el, after);
    await stepIs(el, 'questions');
    before.focus();

    await tabTo('the question', (f) => f.matches('input[name=q0]'));
    await sendKeys({type: 'Acme'});
    await sendKeys({press: 'Enter'});
    await stepIs(el, 'email');
    await tabTo('Skip', (f) => f.matches('button') && label(f) === 'Skip');
    await sendKeys({press: 'Enter'});
    await stepIs(el, 'select-token');

    const first = await tabTo('a token', (f) => f.matches('button[data-token]'));
    // A WAI-ARIA listbox: options in groups by network, one of them in the tab order.
    const list = first.closest('[role=listbox]')!;
    expect(list.querySelectorAll('[role=group] [role=option]').length).to.be.above(1);
    expect(list.querySelectorAll('[role=option][tabindex="0"]').length).to.equal(1);
    await sendKeys({press: 'ArrowDown'});
    expect(focused()).to.not.equal(first);
    expect(focused()!.matches('button[data-token]')).to.equal(true);
    await sendKeys({press: 'Home'});
    expect(focused()).to.equal(first);
    await sendKeys({press: 'End'});
    await sendKeys({press: 'ArrowDown'});
    expect(focused(), 'the arrows wrap around').to.equal(first);
    // One tab stop for the list: the arrows reach the token, Tab would leave the list.
    for (let i = 0; i < 10 && !focused()!.matches('button[data-token="201"]'); i++) await sendKeys({press: 'ArrowDown'});
    expect(focused()!.getAttribute('role')).to.equal('option');
    expect(focused()!.matches('button[data-token="201"]'), 'USDC on Base reached with the arrows').to.equal(true);
    await sendKeys({press: 'Enter'});
    await stepIs(el, 'awaiting-payment');

    const copy = await tabTo('Copy address', (f) => f.matches('button[data-copy-button=address]'));
    await sendKeys({press: 'Enter'});
    // Copied, or (where the browser refuses the clipboard) said so with the text selected: either way the key worked.
    const answered = () =>
      copy.querySelector('span[aria-hidden=false]')?.textContent === 'Copied' ||
      (copy.getRootNode() as ShadowRoot).querySelector('[data-copy-blocked]');
    await waitUntil(answered, 'the copy button answered the key');

    await waitUntil(() => el.state.connection === 'live', 'live', {timeout: 10_000});
    await simulate(s.invoice_id, 'pay');
    await stepIs(el, 'paid');
    // Focus followed the payer to the new step's heading, and Tab leaves the checkout: no trap.
    await waitUntil(() => focused()?.matches('[data-step-heading]'), 'heading focused');
    await tabTo('the page after the checkout', (f) => f === after);
    el.remove();
    before.remove();
    after.remove();
  });
});

// A keyboard and screen-reader probe: Enter in the answer that is wrong showed the error and said
// nothing (the focus was already there, so nothing moved); a second Enter on the same wrong
// e-mail said nothing again (WCAG 3.3.1 Error Identification, 4.1.3 Status Messages).
describe('a wrong answer, with Enter in it', () => {
  /** Every text `region` takes from now on (what a screen reader is given to say). */
  function heard(region: Element): string[] {
    const said: string[] = [];
    new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {childList: true, characterData: true, subtree: true});
    return said;
  }
  const spoken = (texts: string[]) => texts.map((t) => t.trim()).filter(Boolean);

  it('is said each time on the questions, and only when the focus stays (Continue moves it there)', async () => {
    const s = await createSession({
      questions: {
        questions: [
          {id: 'name', question: 'Your name', type: 'text', validation: {required: true}},
          {id: 'mail', question: 'Work e-mail', type: 'email'},
        ],
      },
    });
    const el = mountCheckout(s);
    await stepIs(el, 'questions');
    const form = el.shadowRoot!.querySelector('pepay-questions-form')!.shadowRoot!;
    const region = form.querySelector('[data-form-problem]')!;
    expect(region.getAttribute('role')).to.equal('alert');
    const said = heard(region);
    form.querySelector<HTMLInputElement>('input[name=q0]')!.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => said.length === 1, 'the empty name said');
    await sendKeys({press: 'Enter'});
    await waitUntil(() => said.length === 2, 'said again');
    expect(spoken(said)).to.deep.equal(['Your name: Please fill this in.', 'Your name: Please fill this in.']);
    // Sibling: the name given (what was said of it is taken back), a wrong e-mail in the second question.
    await sendKeys({type: 'Ada'});
    await waitUntil(() => region.textContent === '', 'the error taken back once the name is typed');
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'not-an-email'});
    await sendKeys({press: 'Enter'});
    await waitUntil(() => spoken(said).length === 3, 'the e-mail said');
    expect(spoken(said)[2]).to.equal('Work e-mail: Enter an e-mail address like name@example.com.');
    // "Continue" moves the focus to the answer, whose description says what is wrong: not said twice.
    const cont = [...form.querySelectorAll('button')].find((b) => label(b) === 'Continue')!;
    cont.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => focused()?.matches('input[name=q1]'), 'focus on the wrong e-mail');
    expect([spoken(said).length, region.textContent!.trim()]).to.deep.equal([3, '']);
    expect(focused()!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.state.step).to.equal('questions');
    el.remove();
  });

  it('is said each time on the e-mail step', async () => {
    const s = await createSession({});
    const el = mountCheckout(s);
    await stepIs(el, 'email');
    const input = el.querySelector<HTMLInputElement>('input[name=email]')!;
    const region = el.shadowRoot!.querySelector('pepay-email-form')!.shadowRoot!.querySelector('#err-email')!;
    const said = heard(region);
    input.focus();
    await sendKeys({type: 'payer@example'});
    await sendKeys({press: 'Enter'});
    await waitUntil(() => said.length === 1, 'the wrong e-mail said');
    await sendKeys({press: 'Enter'});
    await waitUntil(() => said.length === 2, 'said again');
    const words = 'Enter an e-mail address like name@example.com.';
    expect(spoken(said)).to.deep.equal([words, words]);
    expect(input.getAttribute('aria-description')!.trim()).to.equal(words);
    el.remove();
  });
});

describe('the token list as a listbox', () => {
  /** A checkout showing the long (mainnet) token list, with its filter and an unavailable token. */
  async function onLongList(locale?: string) {
    const s = await createSession({environment: 'mainnet', customer_email: 'a@example.com'});
    const el = mountCheckout(s, locale ? {locale} : {});
    await stepIs(el, 'select-token').catch((error: unknown) => {
      el.remove();
      throw error;
    });
    return {s, el, list: el.shadowRoot!.querySelector('pepay-token-list')!};
  }

  // A screen-reader probe: unavailable tokens were disabled buttons, skipped by the arrow keys, so a
  // payer in the list never heard that they exist nor why they cannot be chosen.
  it('reaches an unavailable token with the arrows, says why it cannot be chosen, and Enter on it sends nothing', async () => {
    const {s, el, list} = await onLongList();
    try {
      const options = [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=option]')];
      const stale = list.shadowRoot!.querySelector<HTMLButtonElement>('[role=option][data-token="104"]')!;
      expect(stale.getAttribute('aria-disabled')).to.equal('true');
      options.find((o) => o.tabIndex === 0)!.focus();
      const reached: string[] = [];
      for (let i = 0; i < options.length; i++) {
        await sendKeys({press: 'ArrowDown'});
        reached.push(focused()!.getAttribute('data-token')!);
      }
      expect(reached, 'every option, once').to.have.members(options.map((o) => o.dataset['token']!));
      while (focused() !== stale) await sendKeys({press: 'ArrowDown'});
      expect(stale.textContent).to.include('older than 5 minutes');
      await sendKeys({press: 'Enter'});
      await sendKeys({press: ' '});
      stale.click();
      // Still on the list, the keyboard where it was, and nothing asked of the server.
      await el.updateComplete;
      expect([el.state.step, el.state.busy, focused()]).to.deep.equal(['select-token', null, stale]);
      const asked = (await inspect(s.invoice_id)).requests.filter((r) => r.path.endsWith('/payment-addresses'));
      expect(asked).to.deep.equal([]);
      // The list's one tab stop is where the keyboard is: Tab leaves the list from it, and comes back to it.
      await list.updateComplete;
      expect(options.filter((o) => o.tabIndex === 0)).to.deep.equal([stale]);
      // Sibling: Home and End reach the first and last option, whatever they are.
      await sendKeys({press: 'End'});
      expect(focused()).to.equal(options.at(-1));
      await sendKeys({press: 'Home'});
      expect(focused()).to.equal(options[0]);
      // A filter that leaves only the unavailable token: the list keeps its tab stop, on it.
      const filter = list.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
      filter.value = 'ether ethereum';
      filter.dispatchEvent(new InputEvent('input'));
      await list.updateComplete;
      const left = [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=option]')];
      expect(left.map((o) => [o.dataset['token'], o.tabIndex])).to.deep.equal([['104', 0]]);
    } finally {
      el.remove();
    }
  });

  // The same probe: the filter said "No token matches." and nothing else, so a payer typing in it
  // did not hear how far the list had narrowed.
  for (const [locale, one, many] of [
    ['en', /^1 token matches\.$/, /^(\d+) tokens match\.$/],
    ['de', /^1 Token gefunden\.$/, /^(\d+) Token gefunden\.$/],
  ] as const) {
    it(`says how many tokens the filter leaves (${locale})`, async () => {
      const {el, list} = await onLongList(locale);
      try {
        const status = list.shadowRoot!.querySelector('[data-token-status][role=status]')!;
        const filter = list.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
        const shown = () => list.shadowRoot!.querySelectorAll('[role=option]').length;
        // What is said once typing pauses.
        const filterBy = async (text: string) => {
          filter.value = text;
          filter.dispatchEvent(new InputEvent('input'));
          await list.updateComplete;
          if (text) await waitUntil(() => status.textContent!.trim(), 'the count said');
          return status.textContent!.trim();
        };
        expect(status.textContent!.trim(), 'nothing said before the filter is used').to.equal('');
        const several = await filterBy('usd');
        expect(several).to.match(many);
        expect(Number(many.exec(several)![1])).to.equal(shown());
        expect(shown()).to.be.above(1);
        expect(await filterBy('sol solana')).to.match(one);
        expect(shown()).to.equal(1);
        expect(await filterBy('')).to.equal('');
      } finally {
        el.remove();
      }
    });
  }

  // A screen-reader review: the count was said at each key, over the echo of the payer's typing.
  it('says how many tokens the filter leaves once, when typing pauses, not at each key', async () => {
    const {el, list} = await onLongList();
    try {
      const status = list.shadowRoot!.querySelector('[data-token-status][role=status]')!;
      const filter = list.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
      const said: string[] = [];
      const heard = new MutationObserver(() => status.textContent!.trim() && said.push(status.textContent!.trim()));
      heard.observe(status, {childList: true, characterData: true, subtree: true});
      const shownAfterEachKey: number[] = [];
      for (const text of ['e', 'et', 'eth']) {
        filter.value = text;
        filter.dispatchEvent(new InputEvent('input'));
        await list.updateComplete;
        shownAfterEachKey.push(list.shadowRoot!.querySelectorAll('[role=option]').length);
      }
      expect(new Set(shownAfterEachKey).size, 'each key narrowed the list').to.be.above(1);
      // Once, and only the last key's count: with no key since, nothing else is to come.
      await waitUntil(() => said.length > 0, 'the count said');
      const count = `${shownAfterEachKey.at(-1)} tokens match.`;
      expect(said).to.deep.equal([count]);
      // The sibling (a review): a key typed and taken back at once is typing too, though the filter
      // is back to what was last said.
      for (const text of ['ethx', 'eth']) {
        filter.value = text;
        filter.dispatchEvent(new InputEvent('input'));
        await list.updateComplete;
      }
      expect(status.textContent!.trim(), 'nothing said while typing').to.equal('');
      await waitUntil(() => said.length > 1, 'the count said again');
      heard.disconnect();
      expect(said).to.deep.equal([count, count]);
    } finally {
      el.remove();
    }
  });

  it('keeps exactly one tab stop, on a token shown, when a filter hides the chosen one', async () => {
    const {s, el, list} = await onLongList();
    const stops = () => [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=option][tabindex="0"]')];
    expect(stops()).to.have.length(1);
    // The payer chose USDC on Base and the server refused it: the list stays, that token chosen.
    await simulate(s.invoice_id, 'faults', {http: [{kind: 'status', status: 400, path: 'payment-addresses'}]});
    list.shadowRoot!.querySelector<HTMLButtonElement>('button[data-token="101"]')!.click();
    await waitUntil(() => el.state.notice !== null && el.state.busy === null, 'refused');
    await waitUntil(() => stops()[0]?.dataset['token'] === '101', 'the chosen token is the tab stop');
    const filter = list.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
    filter.value = 'sol';
    filter.dispatchEvent(new InputEvent('input'));
    const network = () => stops()[0]?.closest<HTMLElement>('[data-network]')?.dataset['network'];
    await waitUntil(() => stops().length === 1 && network() === 'solana', `one stop, on a shown token (${network()})`);
    expect(stops()[0]!.hasAttribute('aria-disabled')).to.equal(false);
    el.remove();
  });
});

describe("the keyboard's place within a step (WCAG 2.4.3)", () => {
  async function mountAt(options: Record<string, unknown>, faults: Record<string, unknown> | null = null) {
    const s = await createSession({customer_email: 'a@example.com', ...options});
    if (faults) await simulate(s.invoice_id, 'faults', faults);
    return {s, el: mountCheckout(s)};
  }
  const inView = (el: PepayCheckout, selector: string) =>
    el.shadowRoot!.querySelector('pepay-payment-details')?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

  // A keyboard probe: "Try again" went with the error card, and the focus fell to the page's body
  // for the whole reload (11 s while the server kept failing): a Tab meanwhile left the checkout.
  it('stays in the checkout while "Try again" loads it again, then lands on the heading of what came', async function () {
    this.timeout(60_000);
    const {s, el} = await mountAt({}, {http: [{kind: 'server-error', path: 'session-details', count: 1000}]});
    // Removed however it ends: a checkout left on the page would take the keyboard from the tests after.
    try {
      // The client tries a failing read a few times before the error card (about 11 s).
      await stepIs(el, 'error', 30_000);
      const retry = async () => {
        const button = [...el.shadowRoot!.querySelector('pepay-status-view')!.shadowRoot!.querySelectorAll('button')].find(
          (b) => label(b) === 'Try again',
        )!;
        button.focus();
        await sendKeys({press: 'Enter'});
      };
      /** Where the keyboard was, sampled until `step` shows with its heading focused. */
      const placesUntil = async (step: string) => {
        const places = new Set<string>();
        await waitUntil(
          () => {
            const now = focused();
            places.add(now === document.body || !now ? 'body' : now.hasAttribute('data-loading') ? 'loading' : now.localName);
            return el.state.step === step && now?.hasAttribute('data-step-heading');
          },
          `${step} and its heading focused`,
          {timeout: 30_000, interval: 20},
        );
        return [...places].sort();
      };
      await retry();
      await waitUntil(() => el.state.step === 'loading' && focused()?.hasAttribute('data-loading'), 'the keyboard on the loading card');
      expect(focused()!.textContent!.trim()).to.equal('Loading checkout…');
      // The server still failing: back to the error card, its heading read, never the page's body.
      expect(await placesUntil('error')).to.deep.equal(['h2', 'loading']);
      // Sibling: the server answers this time, and the keyboard goes to the token list's heading.
      await simulate(s.invoice_id, 'faults', {clearHttp: true});
      await retry();
      expect(await placesUntil('select-token')).to.not.include('body');
      expect(focused()!.textContent).to.equal('Choose how to pay');
    } finally {
      el.remove();
    }
  });

  it('stays on "I already paid" while it looks, and after it found nothing', async () => {
    const {el} = await mountAt({});
    await toPayment(el);
    const button = [...el.shadowRoot!.querySelector('pepay-payment-details')!.shadowRoot!.querySelectorAll('button')].find(
      (b) => label(b) === 'I already paid',
    )!;
    button.focus();
    await sendKeys({press: 'Enter'});
    const line = () => inView(el, '[data-verification]')?.textContent ?? '';
    await waitUntil(() => line().includes('Looking for your payment'), 'looking');
    expect(focused(), 'focus kept while it looks').to.equal(button);
    await waitUntil(() => line().includes('No payment has arrived yet'), 'nothing found', {timeout: 10_000});
    expect([button.isConnected, button.getAttribute('aria-disabled')]).to.deep.equal([true, null]);
    expect(focused(), 'focus kept after').to.equal(button);
    el.remove();
  });

  it('stays on the token chosen when the server refuses it', async () => {
    const {s, el} = await mountAt({}, {http: [{kind: 'status', status: 400, path: 'payment-addresses'}]});
    await stepIs(el, 'select-token');
    const token = el
      .shadowRoot!.querySelector('pepay-token-list')!
      .shadowRoot!.querySelector<HTMLButtonElement>('button[data-token="201"]')!;
    token.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => el.state.notice !== null && el.state.busy === null, 'refused');
    await el.updateComplete;
    expect(focused()).to.equal(token);
    const asked = (await inspect(s.invoice_id)).requests.filter((r) => r.path.includes('payment-addresses'));
    expect(asked).to.have.length(1);
    el.remove();
  });

  /** A checkout on the page, or in the modal (inside the dialog's shadow root). */
  async function mountIn(where: 'page' | 'modal', faults: Record<string, unknown>) {
    if (where === 'page') return (await mountAt({}, faults)).el;
    const s = await createSession({customer_email: 'a@example.com'});
    await simulate(s.invoice_id, 'faults', faults);
    const dialog = document.createElement('pepay-checkout-dialog');
    Object.assign(dialog, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl, open: true});
    document.body.append(dialog);
    await waitUntil(() => dialog.shadowRoot?.querySelector('pepay-checkout'), 'the checkout in the modal');
    return dialog.shadowRoot!.querySelector('pepay-checkout') as PepayCheckout;
  }

  for (const where of ['page', 'modal'] as const) {
    it(`goes to the heading, with the new amount, when "Get a new price" gives way to the new price (${where})`, async () => {
      const el = await mountIn(where, {variants: {quoteTtlSeconds: 33}});
      await toPayment(el);
      const refresh = await waitUntil(() => inView(el, 'button[data-refresh-quote]'), 'warned', {timeout: 10_000}).then(() =>
        inView(el, 'button[data-refresh-quote]')!,
      );
      refresh.focus();
      await sendKeys({press: 'Enter'});
      // While the price is made again, the button pressed keeps the keyboard (busy, said so).
      const states: string[] = [];
      await waitUntil(() => {
        if (refresh.isConnected) states.push(`${refresh.getAttribute('aria-disabled')}:${focused() === refresh}`);
        return !refresh.isConnected;
      }, 'the button gave way');
      expect(
        states.filter((s) => s !== 'true:true' && s !== 'null:true'),
        states.join(),
      ).to.deep.equal([]);
      // Then the heading, which says the new amount as it is focused (not "Refreshing the price…").
      await waitUntil(() => focused()?.matches('[data-step-heading]'), `heading focused, not ${focused()?.localName}`);
      expect(label(focused()!)).to.include('Send exactly');
      ((el.getRootNode() as ShadowRoot).host ?? el).remove();
    });
  }

  it('is not taken back into the checkout once the payer left it', async () => {
    const {el} = await mountAt({}, {variants: {quoteTtlSeconds: 33}});
    await toPayment(el);
    const refresh = await waitUntil(() => inView(el, 'button[data-refresh-quote]'), 'warned', {timeout: 10_000}).then(() =>
      inView(el, 'button[data-refresh-quote]')!,
    );
    refresh.focus();
    // The payer clicked the page's background; the button is then pressed without focus (as a mouse does in Safari).
    refresh.blur();
    refresh.click();
    await waitUntil(() => !refresh.isConnected && el.state.busy === null, 'the new price');
    await el.updateComplete;
    expect(document.activeElement).to.equal(document.body);
    el.remove();
  });
});

describe('where the keyboard lands is on screen (WCAG 2.4.11 Focus Not Obscured)', () => {
  /**
   * A checkout above a long page, on the payment step, with the keyboard on the button `name` and
   * the page scrolled down to it: the step's heading is above the window (found by a phone probe).
   */
  async function scrolledDownTo(name: string) {
    const s = await createSession({customer_email: 'a@example.com'});
    const el = document.createElement('pepay-checkout') as PepayCheckout;
    Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
    const below = document.createElement('div');
    below.style.height = '3000px';
    document.body.append(el, below);
    await toPayment(el);
    const details = el.shadowRoot!.querySelector('pepay-payment-details')!.shadowRoot!;
    const button = [...details.querySelectorAll('button')].find((b) => label(b) === name)!;
    button.focus();
    button.scrollIntoView({block: 'start'});
    const done = () => {
      el.remove();
      below.remove();
      window.scrollTo(0, 0);
    };
    const heading = el.shadowRoot!.querySelector('[data-step-heading]')!;
    if (heading.getBoundingClientRect().bottom >= 0) done();
    expect(heading.getBoundingClientRect().bottom, 'the heading is above the window').to.be.below(0);
    return {s, el, done};
  }
  const onScreen = (node: Element) => {
    const r = node.getBoundingClientRect();
    return [r.top >= 0, r.bottom <= window.innerHeight];
  };

  it('the paid heading, when the invoice is paid while the keyboard is on "I already paid"', async () => {
    const {s, el, done} = await scrolledDownTo('I already paid');
    try {
      await simulate(s.invoice_id, 'pay');
      await stepIs(el, 'paid');
      await waitUntil(() => focused()?.matches('[data-step-heading]'), `heading focused, not ${focused()?.localName}`);
      expect(label(focused()!)).to.equal('Payment received');
      expect(onScreen(focused()!)).to.deep.equal([true, true]);
    } finally {
      done();
    }
  });

  it('no jump for a payer who clicked the page and scrolled away: paid, the page stays where they read', async () => {
    const {s, el, done} = await scrolledDownTo('I already paid');
    try {
      // A click on the page's own text: the keyboard leaves the checkout for the page's body.
      (focused() as HTMLElement).blur();
      window.scrollBy(0, 200);
      await simulate(s.invoice_id, 'pay');
      await stepIs(el, 'paid');
      await el.updateComplete;
      // Not brought into view (the page's own scroll anchoring may move the window as the card
      // shrinks, always away from the checkout's top).
      const heading = el.shadowRoot!.querySelector('[data-step-heading]')!;
      expect([heading.textContent, heading.getBoundingClientRect().bottom < 0]).to.deep.equal(['Payment received', true]);
    } finally {
      done();
    }
  });

  it('the token list\'s heading, when the payer presses "Choose another token"', async () => {
    const {el, done} = await scrolledDownTo('Choose another token');
    try {
      await sendKeys({press: 'Enter'});
      await stepIs(el, 'select-token');
      await waitUntil(() => focused()?.matches('[data-step-heading]'), `heading focused, not ${focused()?.localName}`);
      expect(onScreen(focused()!)).to.deep.equal([true, true]);
    } finally {
      done();
    }
  });
});
