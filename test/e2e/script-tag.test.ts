import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {PepayCheckout} from '../../src/index.js';
import type {} from '../../src/cdn/module.js';
import {createSession, inspect, sandboxUrl, simulate} from '../support/sandbox.js';
import {buttonNamed, deep, deepReady, deepText} from '../support/deep.js';

// Generous: a whole page loads two bundles while CI runs three engines on two cores.
const until = (what: string, predicate: () => unknown) => waitUntil(predicate, what, {timeout: 15_000});
const bundle = (name: string) => new URL(`/dist/cdn/${name}`, location.origin).href;

/** A plain merchant page, in its own window, that loads the built bundles the way a storefront would. */
async function storefront(
  body: string,
  before = '',
  sandbox?: string,
): Promise<{win: Window; warnings: string[]; frame: HTMLIFrameElement}> {
  const frame = document.createElement('iframe');
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
  frame.style.cssText = 'width: 520px; height: 800px';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>
    <script>window.__warnings = []; const warn = console.warn; console.warn = (...a) => { window.__warnings.push(a.join(' ')); warn(...a); };</script>
    ${before}
    <script src="${bundle('pepay-checkout.iife.js')}"></script>
    <script src="${bundle('pepay-checkout.iife.js')}"></script>
    <script type="module" src="${bundle('pepay-checkout.es.js')}"></script>
    ${body}</body></html>`;
  document.body.append(frame);
  // Both entries fetch the first paint on demand: the page's load event does not wait for it.
  await until(
    'page and bundle loaded',
    () => frame.contentDocument?.readyState === 'complete' && frame.contentWindow?.customElements.get('pepay-checkout'),
  );
  const win = frame.contentWindow as Window & {__warnings: string[]};
  return {win, warnings: win.__warnings, frame};
}

/**
 * A page of test/e2e/csp/ in a frame (shaped by `setup` first), its checkout on session `s`.
 * `checkout()` is the one mounted now: a reload replaces it.
 */
function cspPage(page: string, s: Awaited<ReturnType<typeof createSession>>, setup?: (frame: HTMLIFrameElement) => void) {
  const frame = document.createElement('iframe');
  setup?.(frame);
  const query = new URLSearchParams({session: s.session_token, signature: s.signature, api: sandboxUrl});
  frame.src = new URL(`/test/e2e/csp/${page}?${query}`, location.origin).href;
  document.body.append(frame);
  return {frame, checkout: () => frame.contentDocument?.querySelector('pepay-checkout') as PepayCheckout | null};
}

async function pay(checkout: PepayCheckout, invoiceId: string) {
  await until('token step', () => checkout.state?.step === 'select-token');
  (await deepReady<HTMLButtonElement>(checkout.shadowRoot!, 'button[data-token="201"]')).click();
  await until('payment step', () => checkout.state.step === 'awaiting-payment');
  // The QR encoder is a chunk of its own, fetched from next to the bundle.
  await until('QR drawn', () => deep(checkout.shadowRoot!, 'pepay-qr')?.shadowRoot?.querySelector('svg path'));
  await simulate(invoiceId, 'pay');
  await until('paid', () => checkout.state.step === 'paid');
  await checkout.updateComplete;
}

describe('the script-tag bundles on a plain page', () => {
  it('the classic bundle, loaded twice beside the module bundle, renders a checkout that completes a payment', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const {win, warnings, frame} = await storefront(
      `<pepay-checkout session-token="${s.session_token}" signature="${s.signature}" api-base="${sandboxUrl}"></pepay-checkout>`,
    );
    expect(win.PepayCheckout!.version).to.match(/^\d+\.\d+\.\d+$/);
    expect(win.customElements.get('pepay-checkout')).to.be.a('function');
    const checkout = win.document.querySelector('pepay-checkout') as PepayCheckout;
    await pay(checkout, s.invoice_id);
    expect(deepText(checkout.shadowRoot!)).to.include('Payment received');
    expect(warnings).to.deep.equal([]);
    frame.remove();
  });

  it('warns, and leaves the tag alone, when another version already defined it', async () => {
    const {win, warnings, frame} = await storefront(
      '',
      `<script>customElements.define('pepay-checkout', class extends HTMLElement { static version = '0.0.1'; });</script>`,
    );
    expect((win.customElements.get('pepay-checkout') as unknown as {version: string}).version).to.equal('0.0.1');
    // The three script tags import one module bundle, which runs once: one warning, about that tag.
    expect(warnings).to.have.length(1);
    for (const warning of warnings) expect(warning).to.include('<pepay-checkout> is already defined by version 0.0.1');
    frame.remove();
  });

  // Found by a host-page probe: a frame sandboxed without allow-forms drops a form's submission
  // before its submit event, and Continue did nothing (allow-same-origin only lets this test reach
  // into the frame). On a plain page, each answer still goes out once, not once per click and submission.
  for (const [where, sandbox] of [
    ['in a frame sandboxed without allow-forms', 'allow-scripts allow-same-origin'],
    ['on a plain page', undefined],
  ] as const) {
    it(`${where}: Enter answers the question, Enter and Continue check and save the e-mail, each sent once`, async function () {
      this.timeout(90_000);
      const questions = [{id: 'size', question: 'Shirt size?', type: 'text', validation: {required: true}}];
      const s = await createSession({questions: {questions}});
      const {win, frame} = await storefront(
        `<pepay-checkout session-token="${s.session_token}" signature="${s.signature}" api-base="${sandboxUrl}"></pepay-checkout>`,
        '',
        sandbox,
      );
      const checkout = win.document.querySelector('pepay-checkout') as PepayCheckout;
      try {
        await until('the question', () => checkout.state?.step === 'questions');
        const answer = await deepReady<HTMLInputElement>(checkout.shadowRoot!, 'input[name=q0]');
        answer.focus();
        await sendKeys({type: 'XL'});
        await sendKeys({press: 'Enter'});
        await until('the e-mail step', () => checkout.state.step === 'email');
        await until('the e-mail field', () => checkout.querySelector('input[name=email]'));
        const email = checkout.querySelector<HTMLInputElement>('input[name=email]')!;
        email.focus();
        await sendKeys({type: 'not an address'});
        await sendKeys({press: 'Enter'});
        await until('the e-mail refused, said', () => email.getAttribute('aria-invalid') === 'true');
        email.value = 'payer@example.com';
        buttonNamed(checkout.shadowRoot!.querySelector('pepay-email-form')!.shadowRoot!, 'Continue').click();
        await until('the token list', () => checkout.state.step === 'select-token');
        const sent = (await inspect(s.invoice_id)).requests.filter((r) => r.method === 'POST').map((r) => r.path.split('/').pop());
        expect(sent).to.deep.equal(['submit-form', 'customer-email']);
      } finally {
        frame.remove();
      }
    });
  }

  it('a page that adds enumerable properties to Object.prototype gets the error card, and its console says why', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const {win, warnings, frame} = await storefront(
      `<pepay-checkout session-token="${s.session_token}" signature="${s.signature}" api-base="${sandboxUrl}"></pepay-checkout>`,
      // An old storefront library's habit, before the checkout's script: zod reads objects with for…in.
      `<script>Object.prototype.pluck = function () {};</script>`,
    );
    const checkout = win.document.querySelector('pepay-checkout') as PepayCheckout;
    try {
      await until('the error step', () => checkout.state?.step === 'error');
      await until('said why', () => warnings.some((warning) => warning.includes('Object.prototype has enumerable properties (pluck)')));
    } finally {
      // Taken away before the next test: the frame's prototype is its own, but its checkout is not needed.
      frame.remove();
    }
  });

  it("a page with Prototype.js's Array.prototype.toJSON: the merchant's question answered goes out as an array, and the payer pays", async () => {
    const s = await createSession({
      customer_email: 'a@example.com',
      questions: {questions: [{id: 'q1', question: 'Company', type: 'text', validation: {required: true}}]},
    });
    const {win, frame} = await storefront(
      `<pepay-checkout session-token="${s.session_token}" signature="${s.signature}" api-base="${sandboxUrl}"></pepay-checkout>`,
      // Prototype.js 1.6 (Magento 1 storefronts): JSON.stringify calls it, and an array becomes a string.
      `<script>Array.prototype.toJSON = function () { return '[' + this.map((x) => JSON.stringify(x)).join(',') + ']'; };</script>`,
    );
    const checkout = win.document.querySelector('pepay-checkout') as PepayCheckout;
    try {
      await until('the questions', () => checkout.state?.step === 'questions');
      (await deepReady<HTMLInputElement>(checkout.shadowRoot!, 'input[name=q0]')).value = 'Acme';
      (await deepReady<HTMLFormElement>(checkout.shadowRoot!, 'form')).requestSubmit();
      await until('the token list', () => checkout.state.step === 'select-token');
      const bodies = (await inspect(s.invoice_id)).requests.filter((r) => r.path.endsWith('/submit-form')).map((r) => r.body);
      expect(bodies).to.deep.equal(['{"responses":[{"question_id":"q1","response":"Acme"}]}']);
      await pay(checkout, s.invoice_id);
      // The page's own method is where it was.
      expect(Object.getOwnPropertyDescriptor((win as unknown as {Array: ArrayConstructor}).Array.prototype, 'toJSON')?.value).to.be.a(
        'function',
      );
    } finally {
      frame.remove();
    }
  });

  it('a page with a non-enumerable Object.prototype.toJSON: the token chosen reaches the server as sent, and the place kept comes back', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const tag = `<pepay-checkout session-token="${s.session_token}" signature="${s.signature}" api-base="${sandboxUrl}"></pepay-checkout>`;
    const {win, frame} = await storefront(
      `<div id="first">${tag}</div><div id="second"></div>`,
      `<script>Object.defineProperty(Object.prototype, 'toJSON', {value() { return 'page'; }, configurable: true, writable: true});</script>`,
    );
    const checkout = win.document.querySelector('pepay-checkout') as PepayCheckout;
    try {
      await until('the token list', () => checkout.state?.step === 'select-token');
      (await deepReady<HTMLButtonElement>(checkout.shadowRoot!, 'button[data-token="201"]')).click();
      await until('the address', () => checkout.state.step === 'awaiting-payment' && checkout.state.address?.address);
      const address = checkout.state.address!.address;
      const allocations = async () => (await inspect(s.invoice_id)).requests.filter((r) => r.path.endsWith('/payment-addresses'));
      expect(JSON.parse((await allocations())[0]!.body!)).to.include({network: 'base'});
      // Kept: the storage holds it, in the checkout's format.
      await until('kept', () => Object.keys(win.localStorage).some((key) => win.localStorage.getItem(key)!.includes(address)));
      checkout.remove();
      win.document.getElementById('second')!.innerHTML = tag;
      const again = win.document.querySelector('pepay-checkout') as PepayCheckout;
      await until('the same address back', () => again.state?.step === 'awaiting-payment' && again.state.address?.address === address);
      expect(await allocations()).to.have.length(1);
      // The merchant's page hands the element another session: it is the one shown (review).
      const other = await createSession({customer_email: 'b@example.com'});
      Object.assign(again, {sessionToken: other.session_token, signature: other.signature});
      await until('the other session', () => again.state.invoiceId === other.invoice_id && again.state.step === 'select-token');
      expect(Object.getOwnPropertyDescriptor((win as unknown as {Object: ObjectConstructor}).Object.prototype, 'toJSON')).to.include({
        enumerable: false,
      });
    } finally {
      frame.remove();
    }
  });

  const wrappers = {
    'a plain function (no constants)': `window.WebSocket = function (url) { const socket = new Native(url); window.__sockets.push(socket); return socket; };`,
    'a class with the constants as statics only (as ReconnectingWebSocket does)': `window.WebSocket = class {
      static CONNECTING = 0; static OPEN = 1; static CLOSING = 2; static CLOSED = 3;
      constructor(url) { this.socket = new Native(url); window.__sockets.push(this.socket); }
      get readyState() { return this.socket.readyState; }
      addEventListener(type, listener) { this.socket.addEventListener(type, listener); }
      close(code) { this.socket.close(code); }
    };`,
  };
  for (const [name, wrapper] of Object.entries(wrappers)) {
    it(`a page that wraps WebSocket in ${name}: the stream is closed when the checkout leaves the page`, async () => {
      const s = await createSession({customer_email: 'a@example.com'});
      const {win, frame} = await storefront(
        `<pepay-checkout session-token="${s.session_token}" signature="${s.signature}" api-base="${sandboxUrl}"></pepay-checkout>`,
        `<script>const Native = WebSocket; window.__sockets = []; ${wrapper}</script>`,
      );
      const checkout = win.document.querySelector('pepay-checkout') as PepayCheckout;
      try {
        await until('the token list', () => checkout.state?.step === 'select-token');
        (await deepReady<HTMLButtonElement>(checkout.shadowRoot!, 'button[data-token="201"]')).click();
        const sockets = (win as unknown as {__sockets: WebSocket[]}).__sockets;
        await until('the stream open', () => sockets.some((socket) => socket.readyState === socket.OPEN));
        checkout.remove();
        await until('the stream closed', async () => (await inspect(s.invoice_id)).open_streams === 0);
        expect(sockets.map((socket) => socket.readyState >= socket.CLOSING)).to.not.include(false);
      } finally {
        frame.remove();
      }
    });
  }

  it('the modal on a 320 px phone with text at 200 %: as wide as the card inside it, no sideways scroll', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const {win, frame} = await storefront(
      `<pepay-checkout-button session-token="${s.session_token}" signature="${s.signature}" api-base="${sandboxUrl}">Pay</pepay-checkout-button>`,
      '<style>html { font-size: 200% }</style>',
    );
    try {
      frame.style.cssText = 'width: 320px; height: 568px; border: 0';
      const button = win.document.querySelector('pepay-checkout-button')!;
      await until('the launcher', () => button.shadowRoot?.querySelector('button'));
      button.shadowRoot!.querySelector('button')!.click();
      const dialogEl = () => button.shadowRoot!.querySelector('pepay-checkout-dialog');
      await until('the modal', () => dialogEl()?.shadowRoot?.querySelector('dialog pepay-checkout'));
      const dialog = dialogEl()!.shadowRoot!.querySelector('dialog')!;
      const checkout = dialog.querySelector('pepay-checkout') as PepayCheckout;
      await until('the token list', () => checkout.state?.step === 'select-token' && deep(checkout.shadowRoot!, 'button[data-token]'));
      expect(getComputedStyle(checkout).fontSize).to.equal('30px');
      const [card, box] = [checkout.getBoundingClientRect(), dialog.getBoundingClientRect()];
      expect([dialog.scrollWidth <= dialog.clientWidth, card.left >= box.left - 0.5, card.right <= box.right + 0.5]).to.deep.equal([
        true,
        true,
        true,
      ]);
    } finally {
      frame.remove();
    }
  });

  it('PepayCheckout.open() opens the modal and resolves "paid"', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const {win, frame} = await storefront('');
    // Called as soon as the page has the loader: the modal opens once the bundle is here.
    const opened = win.PepayCheckout!.open({sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
    await until('the modal', () => win.document.querySelector('pepay-checkout-dialog'));
    const dialog = win.document.querySelector('pepay-checkout-dialog')!;
    await until('checkout in the dialog', () => dialog.shadowRoot?.querySelector('pepay-checkout'));
    expect(dialog.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    await pay(dialog.shadowRoot!.querySelector('pepay-checkout') as PepayCheckout, s.invoice_id);
    expect(await opened.result).to.equal('paid');
    opened.close();
    frame.remove();
  });

  it('a real reload of the storefront page comes back to the same address, with no new allocation (issue 14)', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const {frame, checkout: checkoutIn} = cspPage('storefront.html', s);
    await until('checkout mounted', () => checkoutIn()?.state?.step === 'select-token');
    (await deepReady<HTMLButtonElement>(checkoutIn()!.shadowRoot!, 'button[data-token="201"]')).click();
    await until('payment step', () => checkoutIn()?.state.step === 'awaiting-payment');
    const address = checkoutIn()!.state.address!.address;
    const before = checkoutIn();
    // The place is signed (Web Crypto), so kept a moment after the address shows: a reload before
    // that comes back to the token list, as it should. The payer here reloads once it is kept.
    const storage = frame.contentWindow!.localStorage;
    const kept = () => Object.keys(storage).some((key) => key.includes(s.invoice_id) && storage.getItem(key)!.includes(address));
    await until('the place kept', kept);
    frame.contentWindow!.location.reload();
    await until('reloaded on the payment step', () => checkoutIn() !== before && checkoutIn()?.state?.step === 'awaiting-payment');
    expect(checkoutIn()!.state.address!.address).to.equal(address);
    const allocations = (await inspect(s.invoice_id)).requests.filter((r) => r.path.endsWith('/payment-addresses'));
    expect(allocations).to.have.length(1);
    frame.remove();
  });

  it('two tabs on one session show one address: a token chosen in one is shown, as a change, in the other', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const [a, b] = [cspPage('storefront.html', s), cspPage('storefront.html', s)];
    try {
      await until(
        'both on the token list',
        () => a.checkout()?.state?.step === 'select-token' && b.checkout()?.state?.step === 'select-token',
      );
      // Each choice's quote holds longer than the last: the newer allocation is the later-priced one
      // whatever the timing (places keep their quote time in whole seconds).
      let ttl = 60;
      const choose = async (tab: typeof a, token: string) => {
        await simulate(s.invoice_id, 'faults', {variants: {quoteTtlSeconds: (ttl += 60)}});
        const button = await deepReady<HTMLButtonElement>(tab.checkout()!.shadowRoot!, `button[data-token="${token}"]`);
        button.click();
      };
      await choose(a, '201');
      await until('A on Base', () => a.checkout()!.state.address?.network === 'base');
      // B, still choosing, is left to choose: it shows no address to replace.
      await choose(b, '203');
      await until('B on Solana', () => b.checkout()!.state.address?.network === 'solana');
      const solana = b.checkout()!.state.address!.address;
      await until('A shows the Solana address, said as a change', () => {
        const shown = a.checkout()!.state.address;
        return shown?.address === solana && deep(a.checkout()!.shadowRoot!, '[data-changed]');
      });
      expect(a.checkout()!.state.step).to.equal('awaiting-payment');
      // And back: A chooses Base again, and B follows. One allocation a choice, none to follow.
      buttonNamed(a.checkout()!.shadowRoot!, 'Choose another token').click();
      await choose(a, '201');
      await until('B back on Base', () => b.checkout()!.state.address?.network === 'base');
      expect(b.checkout()!.state.address!.address).to.equal(a.checkout()!.state.address!.address);
      const allocations = (await inspect(s.invoice_id)).requests.filter((r) => r.path.endsWith('/payment-addresses'));
      expect(allocations).to.have.length(3);
    } finally {
      a.frame.remove();
      b.frame.remove();
    }
  });

  it('on a 360 x 640 phone, an error choosing a token appears beside it, in view and announced (issue 14)', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    await simulate(s.invoice_id, 'faults', {http: [{kind: 'server-error', path: 'payment-addresses'}]});
    const {frame, checkout} = cspPage('storefront.html', s, (f) => (f.style.cssText = 'width: 360px; height: 640px; border: 0'));
    await until('token list', () => checkout()?.state?.step === 'select-token');
    const list = await deepReady(checkout()!.shadowRoot!, 'pepay-token-list');
    await until('tokens', () => list.shadowRoot?.querySelector('button[data-token]:not([data-unavailable])'));
    // The payer scrolls to the last token they can pay with and taps it.
    const last = [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-token]:not([data-unavailable])')].at(-1)!;
    last.scrollIntoView({block: 'end'});
    last.click();
    await until('the chosen token marked', () => last.getAttribute('aria-selected') === 'true');
    await until('the problem beside the token', () => list.shadowRoot!.querySelector('[data-token-problem]'));
    const problem = list.shadowRoot!.querySelector<HTMLElement>('[data-token-problem]')!;
    // Shown beside the token, said once by the alert outside the listbox (which holds options only).
    expect(list.shadowRoot!.querySelector('[data-token-alert][role=alert]')!.textContent).to.equal(problem.textContent);
    expect(problem.closest('li')).to.equal(last.closest('li'));
    await until('in view', () => {
      const box = problem.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= frame.contentWindow!.innerHeight;
    });
    // Said once, there, not also under the list.
    expect(deep(checkout()!.shadowRoot!, '.notice')).to.equal(null);
    frame.remove();
  });

  it('in a frame without clipboard access, a copy says it was blocked and selects the address (issue 14)', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const {frame, checkout} = cspPage('storefront.html', s, (f) => {
      f.allow = "clipboard-write 'none'";
      f.style.cssText = 'width: 480px; height: 800px';
    });
    await until('token list', () => checkout()?.state?.step === 'select-token');
    (await deepReady<HTMLButtonElement>(checkout()!.shadowRoot!, 'button[data-token="201"]')).click();
    await until('payment step', () => checkout()?.state.step === 'awaiting-payment');
    const copy = await deepReady<HTMLButtonElement>(checkout()!.shadowRoot!, '[data-copy-button=address]');
    copy.click();
    await until('blocked, said', () => deep(checkout()!.shadowRoot!, '[data-copy-blocked][role=alert]'));
    expect(deep(checkout()!.shadowRoot!, '[data-copy-blocked]')!.textContent).to.include('Your browser blocked copying here');
    expect(frame.contentWindow!.getSelection()!.toString()).to.equal(checkout()!.state.address!.address);
    frame.remove();
  });

  for (const [page, what] of [
    ['storefront.html', 'a strict Content-Security-Policy (no unsafe-inline, no unsafe-eval)'],
    ['locked-down.html', "default-src 'none' plus only what the README lists (issue 16)"],
    ['trusted-types.html', 'Trusted Types enforced, the page running its own Lit policy, the bundle loaded three times (issue 16, kind 8)'],
  ] as const) {
    it(`completes a payment under ${what}, with no violation and no error`, async () => {
      const s = await createSession({customer_email: 'a@example.com'});
      const {frame, checkout: mounted} = cspPage(page, s);
      await until('checkout mounted', mounted);
      const checkout = mounted()!;
      await pay(checkout, s.invoice_id);
      const card = checkout.shadowRoot!.querySelector('[part=card]')!;
      // The component styles applied (adopted stylesheets are not inline styles).
      expect(frame.contentWindow!.getComputedStyle(card).borderTopLeftRadius).to.equal('12px');
      const probe = frame.contentWindow as Window & {__violations: string[]; __errors: string[]};
      expect(probe.__violations).to.deep.equal([]);
      expect(probe.__errors).to.deep.equal([]);
      const loaded = frame.contentWindow!.performance.getEntriesByType('resource').map((entry) => entry.name);
      // The bundle and its chunks came from next to the loader, whatever the page's markup said.
      const pageOwn = (url: string) => url.includes('/test/e2e/csp/') || url.includes('__web-dev-server');
      const ours = loaded.filter((url) => url.endsWith('.js') && !pageOwn(url));
      // The first paint (from the loader, or the module entry) and the first screen beside it.
      expect(ours.some((url) => url === bundle('pepay-checkout.paint.js') || url === bundle('pepay-checkout.es.js'))).to.equal(true);
      expect(ours.some((url) => url.startsWith(bundle('chunks/first-paint-')))).to.equal(true);
      expect(ours.some((url) => url.startsWith(bundle('chunks/first-screen-')))).to.equal(true);
      for (const url of ours) expect(url.startsWith(bundle(''))).to.equal(true, url);
      if (page === 'trusted-types.html' && 'trustedTypes' in frame.contentWindow!) {
        // The policy is enforced there: a plain string into a script sink is refused.
        expect(() => (frame.contentDocument!.createElement('div').innerHTML = '<b>x</b>')).to.throw();
      }
      frame.remove();
    });
  }
});
