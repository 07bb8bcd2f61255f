/**
 * The lazy views of the script-tag bundle when their chunks do not arrive (issue 11): a CDN that
 * lost a file, a connection that dropped a request. The payer sees a true state and can try
 * again; the payment itself is never lost.
 */
import {expect, waitUntil} from '@open-wc/testing';
import type {PepayCheckout} from '../../src/index.js';
import {createSession, inspect, sandboxUrl, simulate} from '../support/sandbox.js';
import {deep, deepReady} from '../support/deep.js';
import {en} from '../../src/i18n/en.js';
import {scriptedApi} from '../support/script.js';
import {PLACE_PREFIX} from '../../src/controllers/kept-places.js';

const until = (what: string, predicate: () => unknown, timeout = 15_000) => waitUntil(predicate, what, {timeout});
let pages = 0;

/** A storefront loading the bundle from behind the test server's chunk faults (web-test-runner.config.mjs). */
async function storefront(
  lost: 'views' | 'realtime' | 'qr' | 'wallet' | 'first-screen',
  tamper: {signature?: string} = {},
  entry: 'classic' | 'module' = 'classic',
): Promise<{checkout: PepayCheckout; frame: HTMLIFrameElement; invoiceId: string}> {
  const s = {...(await createSession({customer_email: 'a@example.com'})), ...tamper};
  const prefix = `/missing-${lost}-${Date.now()}-${++pages}`;
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 520px; height: 800px';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>
    <script>window.__errors = []; addEventListener('pepay-error', (event) => __errors.push(event.detail));</script>
    ${
      entry === 'classic'
        ? `<script src="${location.origin}${prefix}/dist/cdn/pepay-checkout.iife.js"></script>`
        : `<script type="module" src="${location.origin}${prefix}/dist/cdn/pepay-checkout.es.js"></script>`
    }
    <pepay-checkout session-token="${s.session_token}" signature="${s.signature}" api-base="${sandboxUrl}"></pepay-checkout>
    <pepay-checkout-button session-token="${s.session_token}" signature="${s.signature}" api-base="${sandboxUrl}"></pepay-checkout-button>
    </body></html>`;
  document.body.append(frame);
  await until('checkout defined', () => frame.contentWindow?.customElements.get('pepay-checkout'));
  const checkout = frame.contentDocument!.querySelector('pepay-checkout') as PepayCheckout;
  // Without its first screen, or with a wrong signature, a checkout ends in `error`.
  if (!tamper.signature && lost !== 'first-screen') await until('token step', () => checkout.state?.step === 'select-token');
  return {checkout, frame, invoiceId: s.invoice_id};
}

async function chooseToken(checkout: PepayCheckout): Promise<void> {
  (await deepReady<HTMLButtonElement>(checkout.shadowRoot!, 'button[data-token="201"]')).click();
  await until('payment step', () => checkout.state.step === 'awaiting-payment');
}

const headerText = (checkout: PepayCheckout) => checkout.shadowRoot!.querySelector('.connection')?.textContent ?? '';

const alertText = (checkout: PepayCheckout) => checkout.shadowRoot!.querySelector('[role=alert]')?.textContent ?? '';

/** The first screen's reads (src/api/first-reads.ts), as the sandbox logs them. */
const FIRST_READS = ['available-tokens', 'customer-email', 'invoice-questions', 'session-details'].map(
  (path) => `GET /api/v1/payments/${path}`,
);

/** What reached the API, as `METHOD path` sorted, preflights aside. */
const readsOf = (requests: {method: string; path: string}[]) =>
  requests
    .filter((r) => r.method !== 'OPTIONS')
    .map((r) => `${r.method} ${r.path.replace(/\?.*/, '')}`)
    .sort();

const retryButton = (checkout: PepayCheckout) =>
  [...checkout.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent?.includes('Try again'));

describe('lazy views whose chunks do not arrive', () => {
  it('says so, offers to try again, and still reaches "paid" from the stream', async () => {
    const {checkout, frame, invoiceId} = await storefront('views');
    const paid = new Promise((resolve) => checkout.addEventListener('pepay-paid', resolve, {once: true}));
    await chooseToken(checkout);
    await until('the notice', () => alertText(checkout).includes('could not be loaded'));
    expect(deep(checkout.shadowRoot!, 'pepay-payment-details')).to.equal(null);
    // Trying again while the file is still missing: the notice stays true and nothing breaks.
    retryButton(checkout)!.click();
    await checkout.updateComplete;
    expect(alertText(checkout)).to.include('could not be loaded');
    expect(checkout.state.step).to.equal('awaiting-payment');
    await simulate(invoiceId, 'pay');
    await paid;
    expect(checkout.state.step).to.equal('paid');
    await until('the last screen says so too', () => alertText(checkout).includes('could not be loaded'));
    frame.remove();
  });

  it('without the modal: open() rejects its result and shows nothing; the button says so beside it', async () => {
    const {frame} = await storefront('views');
    const win = frame.contentWindow!;
    const opened = win.PepayCheckout!.open({sessionToken: 'x', signature: 'y', apiBase: sandboxUrl});
    let failure: unknown = null;
    await opened.result.catch((error: unknown) => (failure = error));
    expect(String(failure)).to.match(/import/i);
    await opened.closed;
    expect(win.document.querySelector('pepay-checkout-dialog')).to.equal(null);
    const button = win.document.querySelector('pepay-checkout-button')!;
    button.shadowRoot!.querySelector('button')!.click();
    await until('said beside the button', () =>
      button.shadowRoot!.querySelector('[role=alert]')?.textContent?.includes('could not be loaded'),
    );
    expect(button.shadowRoot!.querySelector('pepay-checkout-dialog')).to.equal(null);
    frame.remove();
  });

  it('without the realtime link, polls the payment status and still reaches "paid" (and a partial payment first)', async () => {
    const {checkout, frame, invoiceId} = await storefront('realtime');
    await chooseToken(checkout);
    await until('polling', () => checkout.state.connection === 'polling');
    await simulate(invoiceId, 'pay', {amount: 20});
    await until('underpaid, from a poll', () => checkout.state.step === 'underpaid');
    await simulate(invoiceId, 'pay');
    await until('paid, from a poll', () => checkout.state.step === 'paid');
    frame.remove();
  });

  it('without the realtime link, a second partial payment is seen too (polling says only "underpaid" again)', async function () {
    this.timeout(40_000);
    const {checkout, frame, invoiceId} = await storefront('realtime');
    await chooseToken(checkout);
    await simulate(invoiceId, 'pay', {amount: 10});
    await until('the first part', () => checkout.state.amountRemainingUsd === 39.99 && checkout.state.address?.tokenAmount === '39.990000');
    await simulate(invoiceId, 'pay', {amount: 20});
    await until(
      'the second part',
      () => checkout.state.amountRemainingUsd === 19.99 && checkout.state.address?.tokenAmount === '19.990000',
    );
    frame.remove();
  });

  it('without the realtime link, polls that fail say "Reconnecting…", and polling again once one answers', async function () {
    this.timeout(60_000);
    const {checkout, frame, invoiceId} = await storefront('realtime');
    // One failed poll (the poller's backoff is its only retry), then polls answer again.
    await simulate(invoiceId, 'faults', {http: [{kind: 'server-error', path: 'payment-status', count: 1}]});
    await chooseToken(checkout);
    await until('said', () => checkout.state.connection === 'reconnecting' && headerText(checkout).includes('Reconnecting'), 30_000);
    await until('polling again', () => checkout.state.connection === 'polling', 20_000);
    await simulate(invoiceId, 'pay');
    await until('paid, from a poll', () => checkout.state.step === 'paid');
    frame.remove();
  });

  it('without the QR encoder, says so in its place; the address and amount stay there to copy', async () => {
    const {checkout, frame} = await storefront('qr');
    await chooseToken(checkout);
    const qr = await deepReady(checkout.shadowRoot!, 'pepay-qr');
    await until('said in its place', () => qr.shadowRoot?.querySelector('p')?.textContent?.includes('QR code could not be loaded'));
    expect(qr.shadowRoot!.querySelector('svg')).to.equal(null);
    expect(deep(checkout.shadowRoot!, '[data-copy-button=address]')).not.to.equal(null);
    frame.remove();
  });

  it('without the browser-wallet chunk, a wallet on the page gets no button; the request, the link and copying stay', async () => {
    const {checkout, frame, invoiceId} = await storefront('wallet');
    // A wallet announced in the storefront's window, as an extension would.
    const announce = () =>
      frame.contentWindow!.dispatchEvent(
        new CustomEvent('eip6963:announceProvider', {
          detail: {
            info: {uuid: 'u1', name: 'Test Wallet', icon: '', rdns: 'org.example'},
            provider: {request: () => Promise.resolve(null)},
          },
        }),
      );
    frame.contentWindow!.addEventListener('eip6963:requestProvider', announce);
    await chooseToken(checkout);
    await until('link', () => deep(checkout.shadowRoot!, 'a[data-open-wallet]'));
    expect(deep<HTMLAnchorElement>(checkout.shadowRoot!, 'a[data-open-wallet]')!.getAttribute('href')).to.match(/^ethereum:0x/);
    expect(deep(checkout.shadowRoot!, '[data-copy-button=address]')).not.to.equal(null);
    expect(deep(checkout.shadowRoot!, 'button[data-wallet-button]')).to.equal(null);
    expect(frame.contentWindow!.customElements.get('pepay-wallet-buttons')).to.equal(undefined);
    expect(alertText(checkout)).to.equal('');
    await simulate(invoiceId, 'pay');
    await until('paid', () => checkout.state.step === 'paid');
    frame.remove();
  });

  it('without the last screens, the error card still says what went wrong', async () => {
    const {frame} = await storefront('views', {signature: 'not-the-signature'});
    const checkout = frame.contentDocument!.querySelector('pepay-checkout') as PepayCheckout;
    await until('error step', () => checkout.state?.step === 'error');
    await until('the cause and the missing view, said', () => alertText(checkout).includes('could not be loaded'));
    expect(alertText(checkout)).to.include('This payment session is not valid.');
    frame.remove();
  });

  it('without the first screen, the card says so in place of the skeleton, with "Try again"; only its reads reach the API', async () => {
    const {checkout, frame, invoiceId} = await storefront('first-screen');
    await until('the notice', () => alertText(checkout).includes('could not be loaded'));
    const card = checkout.shadowRoot!.querySelector('[part=card]')!;
    expect(card.getAttribute('aria-busy')).to.equal('false');
    expect(card.querySelector('[role=status]')).to.equal(null);
    // Trying again (from the keyboard) while the file is still missing: the notice stays true,
    // nothing breaks, and the keyboard is on "Try again" again, not at the top of the page.
    const first = retryButton(checkout)!;
    frame.contentWindow!.focus();
    first.focus();
    first.click();
    const errors = (frame.contentWindow as Window & {__errors: {code: string; retryable: boolean}[]}).__errors;
    await until('failed again', () => errors.length === 2 && alertText(checkout).includes('could not be loaded'));
    await until('focus on "Try again"', () => checkout.shadowRoot!.activeElement === retryButton(checkout));
    // A true state for the page too: the error step, its error, and the custom state.
    expect(checkout.state.step).to.equal('error');
    expect(checkout.state.error).to.include({code: 'network', retryable: true});
    expect(checkout.matches(':state(error)')).to.equal(true);
    // The first screen's reads, sent ahead of it on each attempt: nothing is allocated or posted.
    await until('its reads', async () => readsOf((await inspect(invoiceId)).requests).length >= 2 * FIRST_READS.length);
    expect(readsOf((await inspect(invoiceId)).requests)).to.deep.equal([...FIRST_READS, ...FIRST_READS].sort());
    // The page hears it as any error the payer sees, once per attempt (a merchant may offer another way to pay).
    for (const error of errors) expect(error).to.include({code: 'network', retryable: true});
    frame.remove();
  });
});

describe('the module entry without the first screen', () => {
  it('paints the card all the same, says so in it with "Try again", and fires pepay-error', async () => {
    const {checkout, frame, invoiceId} = await storefront('first-screen', {}, 'module');
    await until('the notice', () => alertText(checkout).includes('could not be loaded'));
    expect(retryButton(checkout)).to.not.equal(undefined);
    const errors = (frame.contentWindow as Window & {__errors: {code: string}[]}).__errors;
    await until('an error', () => errors.length === 1);
    expect(errors[0]).to.include({code: 'network'});
    await until('its reads', async () => readsOf((await inspect(invoiceId)).requests).length >= FIRST_READS.length);
    expect(readsOf((await inspect(invoiceId)).requests)).to.deep.equal(FIRST_READS);
    frame.remove();
  });
});

/** A storefront's first script: what its page fetches, as `[url, headers]`, in `window.__fetched`. */
const RECORD_FETCHES = `<script>
  window.__fetched = [];
  const pageFetch = window.fetch;
  window.fetch = function (url, init) { __fetched.push([String(url), JSON.stringify(init && init.headers)]); return pageFetch.call(this, url, init); };
</script>`;

const fetchedIn = (frame: HTMLIFrameElement) => (frame.contentWindow as Window & {__fetched: [string, string][]}).__fetched;

describe('a checkout whose first screen is on its way', () => {
  /** A storefront whose first screen is held by the test server until `release()`; its page's fetches in `window.__fetched`. */
  async function heldStorefront(checkoutAttributes: string, entry: 'classic' | 'module' = 'classic') {
    const hold = `first-screen-${Date.now()}-${++pages}`;
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>
      ${RECORD_FETCHES}
      ${
        entry === 'classic'
          ? `<script src="${location.origin}/held-${hold}/dist/cdn/pepay-checkout.iife.js"></script>`
          : `<script type="module" src="${location.origin}/held-${hold}/dist/cdn/pepay-checkout.es.js"></script>`
      }
      <pepay-checkout ${checkoutAttributes} api-base="${sandboxUrl}"></pepay-checkout>
      </body></html>`;
    document.body.append(frame);
    await until('checkout defined', () => frame.contentWindow?.customElements.get('pepay-checkout'));
    const checkout = frame.contentDocument!.querySelector('pepay-checkout') as PepayCheckout;
    await until('the skeleton', () => checkout.shadowRoot?.querySelector('[part=card][aria-busy=true] [role=status]'));
    const fetched = () => fetchedIn(frame);
    const scripts = () => frame.contentWindow!.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    return {checkout, frame, fetched, scripts, release: () => fetch(`/release-${hold}`)};
  }

  /** A script the storefront fetched, with its resource timing (ms since the page's start). */
  interface Fetched {
    path: string;
    startTime: number;
    responseEnd: number;
  }

  /**
   * What the storefront's page says of itself: when it was loaded (its `performance.timeOrigin`),
   * its checkout's step and address, the tokens its list offers, its kept places (as stored), what
   * it fetched.
   */
  interface Seen {
    loadedAt: number;
    step: string | null;
    address: string | null;
    tokens: string[];
    kept: string[];
    scripts: Fetched[];
  }

  /**
   * A storefront of an origin of its own (the scripted server's, where no other test keeps a
   * place), loading the bundle from the test server with one chunk (`held`) held until
   * `release()`. It keeps `place` for another invoice (a payer who comes back), or nothing (a first
   * visit). Cross-origin, so the test asks the page: `report()` (what it shows, keeps and fetched),
   * `pick(tokenId)` (the payer presses a token), `reload()` (the payer reloads it, once).
   */
  async function storefrontOfItsOwn(
    s: {session_token: string; signature: string},
    entry: 'classic' | 'module',
    place: 'kept' | 'none',
    held: 'first-screen' | 'place-store' = 'first-screen',
  ) {
    const hold = `${held}-${Date.now()}-${++pages}`;
    const bundle = `${location.origin}/held-${hold}/dist/cdn`;
    const api = scriptedApi();
    const page = (start: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>
      <script>
        ${start}
        const checkout = () => document.querySelector('pepay-checkout');
        addEventListener('message', ({data, source}) => {
          if (data === 'reload') return location.reload();
          const list = checkout().shadowRoot?.querySelector('pepay-token-list')?.shadowRoot;
          if (data.pick) return list.querySelector('button[data-token="' + data.pick + '"]').click();
          const keys = Object.keys(localStorage).filter((key) => key.startsWith('${PLACE_PREFIX}'));
          source.postMessage({
            loadedAt: performance.timeOrigin,
            step: checkout().state?.step ?? null,
            address: checkout().state?.address?.address ?? null,
            tokens: [...(list?.querySelectorAll('button[data-token]') ?? [])].map((button) => button.dataset.token),
            kept: keys.map((key) => localStorage.getItem(key)),
            scripts: performance.getEntriesByType('resource').map((entry) => ({path: new URL(entry.name).pathname, startTime: entry.startTime, responseEnd: entry.responseEnd})),
          }, '*');
        });
      </script>
      ${entry === 'classic' ? `<script src="${bundle}/pepay-checkout.iife.js"></script>` : `<script type="module" src="${bundle}/pepay-checkout.es.js"></script>`}
      <pepay-checkout session-token="${s.session_token}" signature="${s.signature}" api-base="${sandboxUrl}"></pepay-checkout>
      </body></html>`;
    // The prefix the store writes (src/cdn/module.ts has its own copy: this test holds them together).
    const other = `localStorage.setItem('${PLACE_PREFIX}inv_other:0000000000000000', JSON.stringify({text: JSON.stringify({savedAt: Date.now(), place: {}}), mac: 'x'}));`;
    await api.queue(
      '/storefront.html',
      // The first visit starts with what `place` says; the reload, with what the checkout kept.
      {
        headers: {'content-type': 'text/html'},
        raw: page(`for (const key of Object.keys(localStorage)) if (key.startsWith('${PLACE_PREFIX}')) localStorage.removeItem(key);
          ${place === 'kept' ? other : ''}`),
      },
      {headers: {'content-type': 'text/html'}, raw: page('')},
    );
    const frame = document.createElement('iframe');
    frame.src = `${api.base}/storefront.html`;
    document.body.append(frame);
    const tell = (message: unknown) => frame.contentWindow!.postMessage(message, '*');
    // Asked before the page is there (or of one that never answers), nothing is seen yet.
    const report = () =>
      new Promise<Seen>((resolve) => {
        const done = (seen: Seen) => {
          removeEventListener('message', heard);
          clearTimeout(unanswered);
          resolve(seen);
        };
        const heard = (event: MessageEvent) => event.source === frame.contentWindow && done(event.data as Seen);
        const unanswered = setTimeout(() => done({loadedAt: 0, step: null, address: null, tokens: [], kept: [], scripts: []}), 1000);
        addEventListener('message', heard);
        tell('report');
      });
    return {
      frame,
      report,
      pick: (tokenId: number) => tell({pick: tokenId}),
      reload: () => tell('reload'),
      release: () => fetch(`/release-${hold}`),
    };
  }

  const placeStoreIn = (scripts: Fetched[]) => scripts.find(({path}) => /\/chunks\/place-store-[\w-]+\.js$/.test(path));
  const firstScreenIn = (scripts: Fetched[]) => scripts.find(({path}) => /\/chunks\/first-screen-[\w-]+\.js$/.test(path));

  for (const entry of ['classic', 'module'] as const) {
    it(`has the place store its load waits for beside the first screen, when the origin keeps a place (${entry} entry)`, async () => {
      const s = await createSession({customer_email: 'a@example.com'});
      const {frame, report, release} = await storefrontOfItsOwn(s, entry, 'kept');
      try {
        // The first screen is held: the skeleton shows meanwhile, and the place store arrives beside it.
        let seen = await report();
        await until('the skeleton and the place store', async () => {
          seen = await report();
          return seen.step === 'loading' && placeStoreIn(seen.scripts);
        });
        expect(firstScreenIn(seen.scripts)).to.equal(undefined);
        await release();
        await until('token step', async () => (await report()).step === 'select-token');
      } finally {
        await release();
        frame.remove();
      }
    });

    it(`on a first visit (no place kept), has its token list without the place store (${entry} entry)`, async () => {
      const s = await createSession({customer_email: 'a@example.com'});
      const {frame, report, release} = await storefrontOfItsOwn(s, entry, 'none');
      try {
        await until('the skeleton', async () => (await report()).step === 'loading');
        await release();
        let seen = await report();
        // Fetched once the payer has a place to keep, after the token list: never waited for.
        await until('the token list, then the place store', async () => {
          seen = await report();
          return seen.step === 'select-token' && placeStoreIn(seen.scripts);
        });
        expect(placeStoreIn(seen.scripts)!.startTime).to.be.at.least(firstScreenIn(seen.scripts)!.responseEnd);
      } finally {
        await release();
        frame.remove();
      }
    });
  }

  for (const entry of ['classic', 'module'] as const) {
    it(`keeps the address a payer picked before the place store arrived, for a reload (${entry} entry; found by a review)`, async () => {
      const s = await createSession({customer_email: 'a@example.com'});
      const {frame, report, pick, reload, release} = await storefrontOfItsOwn(s, entry, 'none', 'place-store');
      try {
        await until('the token list', async () => (await report()).tokens.includes('201'));
        pick(201);
        let seen = await report();
        await until('the payment step', async () => (seen = await report()).step === 'awaiting-payment');
        const address = seen.address!;
        // The store is on its way: the token list's place and then the address's wait for it.
        expect(seen.kept).to.deep.equal([]);
        await release();
        // Each of the two writes waited for the store; the later one is the one kept.
        await until('the address kept', async () => (await report()).kept.some((text) => text?.includes(address)));
        const before = seen.loadedAt;
        reload();
        // The reloaded page, not the one still answering while the reload is on its way.
        await until('the payment step again', async () => {
          seen = await report();
          return seen.loadedAt > before && (seen.step === 'awaiting-payment' || seen.step === 'select-token');
        });
        expect(seen.step).to.equal('awaiting-payment');
        expect(seen.address).to.equal(address);
        expect((await inspect(s.invoice_id)).addresses_issued).to.equal(1);
      } finally {
        await release();
        frame.remove();
      }
    });
  }

  it('shows the skeleton and has sent its reads already, once; taken off the page and put back meanwhile, it starts once', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const {checkout, frame, release} = await heldStorefront(`session-token="${s.session_token}" signature="${s.signature}"`);
    try {
      expect(checkout.state.step).to.equal('loading');
      // The reads leave beside the first screen, not one round trip after it (issue 11).
      await until('the first reads', async () => (await inspect(s.invoice_id)).requests.length === FIRST_READS.length);
      const steps: string[] = [];
      checkout.addEventListener('pepay-step-change', (event) => steps.push(`${event.detail.previous} -> ${event.detail.step}`));
      checkout.remove();
      frame.contentDocument!.body.append(checkout);
      expect(checkout.state.step).to.equal('loading');
      await release();
      await until('token step', () => checkout.state.step === 'select-token');
      expect(steps).to.deep.equal(['loading -> select-token']);
      // Its answers are the ones sent ahead: nothing was asked twice.
      expect(readsOf((await inspect(s.invoice_id)).requests)).to.deep.equal(FIRST_READS);
    } finally {
      await release();
      frame.remove();
    }
  });

  it('given a merchant key, sends nothing at all, then says why', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const {checkout, frame, fetched, release} = await heldStorefront(
      `session-token="sk_live_${s.session_token}" signature="${s.signature}"`,
    );
    try {
      await release();
      await until('the error', () => checkout.state.step === 'error');
      expect(checkout.state.error).to.include({code: 'insecure-credentials'});
      expect(fetched()).to.deep.equal([]);
      expect((await inspect(s.invoice_id)).requests).to.deep.equal([]);
    } finally {
      await release();
      frame.remove();
    }
  });

  it('given another session meanwhile, shows that one, read once; the first session is not asked again', async () => {
    const email = {customer_email: 'a@example.com'};
    const [first, second] = [await createSession({...email, amount_usd: 12.5}), await createSession({...email, amount_usd: 31.25})];
    const {checkout, frame, release} = await heldStorefront(`session-token="${first.session_token}" signature="${first.signature}"`);
    try {
      await until('the first reads', async () => (await inspect(first.invoice_id)).requests.length === FIRST_READS.length);
      checkout.setAttribute('session-token', second.session_token);
      checkout.setAttribute('signature', second.signature);
      await release();
      await until('token step', () => checkout.state.step === 'select-token');
      expect(checkout.state.session?.invoiceId).to.equal(second.invoice_id);
      await until('its amount shown', () => checkout.shadowRoot!.textContent?.includes('31.25'));
      expect(readsOf((await inspect(second.invoice_id)).requests)).to.deep.equal(FIRST_READS);
      expect(readsOf((await inspect(first.invoice_id)).requests)).to.deep.equal(FIRST_READS);
    } finally {
      await release();
      frame.remove();
    }
  });
});

describe('a storefront whose first paint is on its way (the classic loader sends the first reads)', () => {
  /**
   * A storefront whose first-paint chunk is held until `release()`; its page's fetches in
   * `window.__fetched`. The loader is in the markup before the checkout, or added by a script once
   * the page is parsed (as a tag manager does).
   */
  async function heldFirstPaint(checkoutAttributes: string, loader: 'in the markup' | 'added later') {
    const hold = `first-paint-${Date.now()}-${++pages}`;
    const src = `${location.origin}/held-${hold}/dist/cdn/pepay-checkout.iife.js`;
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>
      ${RECORD_FETCHES}
      ${loader === 'in the markup' ? `<script src="${src}"></script>` : ''}
      <pepay-checkout ${checkoutAttributes} api-base="${sandboxUrl}"></pepay-checkout>
      </body></html>`;
    document.body.append(frame);
    // Parsed, not loaded: Firefox holds the load event while the held chunk is on its way.
    const parsed = loader === 'in the markup' ? ['interactive', 'complete'] : ['complete'];
    await until(
      'the page parsed',
      () => parsed.includes(frame.contentDocument?.readyState ?? '') && frame.contentDocument!.querySelector('pepay-checkout'),
    );
    const page = frame.contentWindow!;
    if (loader === 'added later') {
      const script = page.document.createElement('script');
      script.src = src;
      page.document.body.append(script);
    }
    const checkout = page.document.querySelector('pepay-checkout') as PepayCheckout;
    return {checkout, frame, page, fetched: () => fetchedIn(frame), release: () => fetch(`/release-${hold}`)};
  }

  for (const loader of ['in the markup', 'added later'] as const) {
    it(`sends the four reads before the first paint is here, once each (loader ${loader})`, async () => {
      const s = await createSession({customer_email: 'a@example.com'});
      const {checkout, frame, page, release} = await heldFirstPaint(
        `session-token="${s.session_token}" signature="${s.signature}"`,
        loader,
      );
      try {
        await until('the first reads', async () => (await inspect(s.invoice_id)).requests.length === FIRST_READS.length);
        // The first paint is still held: the element is not even defined yet.
        expect(page.customElements.get('pepay-checkout')).to.equal(undefined);
        await release();
        await until('token step', () => checkout.state?.step === 'select-token');
        expect(readsOf((await inspect(s.invoice_id)).requests)).to.deep.equal(FIRST_READS);
      } finally {
        await release();
        frame.remove();
      }
    });
  }

  // The second: a hostile-input probe's, a key behind a separator percent-encoded twice.
  for (const [name, key] of [
    ['a merchant key', 'pk_live_'],
    ['a key encoded twice', 'Bearer%2520sk_live_'],
  ]) {
    it(`given ${name} in the markup, sends nothing at all, then says why`, async () => {
      const s = await createSession({customer_email: 'a@example.com'});
      const {checkout, frame, page, fetched, release} = await heldFirstPaint(
        `session-token="${key}${s.session_token}" signature="${s.signature}"`,
        'in the markup',
      );
      try {
        await until('the loader ran', () => 'PepayCheckout' in page);
        await release();
        await until('the error', () => checkout.state?.step === 'error');
        expect(checkout.state.error).to.include({code: 'insecure-credentials'});
        expect(fetched()).to.deep.equal([]);
        expect((await inspect(s.invoice_id)).requests).to.deep.equal([]);
      } finally {
        await release();
        frame.remove();
      }
    });
  }
});

/** An Arabic storefront (`<html lang="ar">`) loading the bundle from behind `prefix`, on its token step. */
async function arabicStorefront(prefix: string): Promise<{checkout: PepayCheckout; frame: HTMLIFrameElement}> {
  const s = await createSession({customer_email: 'a@example.com'});
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 520px; height: 800px';
  frame.srcdoc = `<!doctype html><html lang="ar"><head><meta charset="utf-8"></head><body>
    <script src="${location.origin}${prefix}/dist/cdn/pepay-checkout.iife.js"></script>
    <pepay-checkout session-token="${s.session_token}" signature="${s.signature}" api-base="${sandboxUrl}"></pepay-checkout>
    </body></html>`;
  document.body.append(frame);
  await until('checkout defined', () => frame.contentWindow?.customElements.get('pepay-checkout'));
  const checkout = frame.contentDocument!.querySelector('pepay-checkout') as PepayCheckout;
  await until('token step', () => checkout.state?.step === 'select-token');
  return {checkout, frame};
}

const heading = (checkout: PepayCheckout) => checkout.shadowRoot!.querySelector('h2')?.textContent ?? '';
const direction = (checkout: PepayCheckout) => [checkout.getAttribute('dir'), getComputedStyle(checkout).direction];

describe('an Arabic storefront whose words are slow or lost', () => {
  it('is right to left before its words arrive (English stands in), and stays so once they do', async () => {
    const hold = `locale-${Date.now()}-${++pages}`;
    try {
      const {checkout, frame} = await arabicStorefront(`/held-${hold}`);
      await until('the token list, in English meanwhile', () => heading(checkout) === en.selectTokenTitle);
      expect(direction(checkout)).to.deep.equal(['rtl', 'rtl']);
      await fetch(`/release-${hold}`);
      await until('Arabic words', () => /[\u0600-\u06ff]/.test(heading(checkout)));
      expect(direction(checkout)).to.deep.equal(['rtl', 'rtl']);
      expect(checkout.shadowRoot!.querySelector('.card')!.getAttribute('lang')).to.equal('ar');
      frame.remove();
    } finally {
      await fetch(`/release-${hold}`);
    }
  });

  it('is left to right again when its words cannot be fetched: English, read as English', async () => {
    const {checkout, frame} = await arabicStorefront(`/missing-locale-${Date.now()}-${++pages}`);
    await until('left to right, in English', () => checkout.getAttribute('dir') === 'ltr' && heading(checkout) === en.selectTokenTitle);
    expect(direction(checkout)).to.deep.equal(['ltr', 'ltr']);
    expect(checkout.shadowRoot!.querySelector('.card')!.getAttribute('lang')).to.equal('en');
    frame.remove();
  });
});
