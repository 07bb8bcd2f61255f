/**
 * The payer's place survives a reload, a second tab and a restored page (issue 14): the same step,
 * the same address, token and network, with no new `payment-addresses` request.
 */
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {buttonNamed, deep, deepReady, deepText} from '../support/deep.js';
import {createSession, inspect, sandboxUrl, simulate, type Session} from '../support/sandbox.js';
import {stepIs, toPayment} from '../support/walk.js';
import {placeKept} from '../support/kept-place.js';
import {placeKey, writePlace} from '../../src/controllers/place-store.js';
import type {Remembered} from '../../src/checkout/remembered.js';

const until = (what: string, predicate: () => unknown, timeout = 15_000) => waitUntil(predicate, what, {timeout, interval: 50});

/** The place stored under `key`, as JSON text; null when there is none or it cannot be read. */
function storedPlace(key: string): string | null {
  try {
    return JSON.stringify((JSON.parse((JSON.parse(localStorage.getItem(key) ?? '') as {text: string}).text) as {place: unknown}).place);
  } catch {
    return null;
  }
}

/** Until the text stored under `key` has not changed for half a second: removed checkouts wrote their last. */
async function quiet(key: string): Promise<void> {
  let before = localStorage.getItem(key);
  await until(`${key} quiet`, async () => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = localStorage.getItem(key);
    return now === before || ((before = now), false);
  });
}

/**
 * Keeps `place` under `key`, signed with `sessionToken` (`write` signs it another way), once the
 * checkouts removed before have nothing left to write (the stored text unchanged for half a
 * second: a write of theirs on its way, through their place store's chunk and Web Crypto, could
 * land after the test's), then until it holds: the stored place is this one, and still is half a
 * second later (under load, a write of theirs can come later still). The whole place is compared,
 * not a part of it: a real payment id (`pay_` and hex) once held a test's "pay_a".
 */
async function kept(
  key: string,
  sessionToken: string,
  place: Remembered,
  write: () => unknown = () => writePlace(key, sessionToken, place),
) {
  const wanted = JSON.stringify(place);
  await quiet(key);
  await until(`the test's place kept: ${wanted.slice(0, 200)}`, async () => {
    if (storedPlace(key) !== wanted) {
      write();
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    return storedPlace(key) === wanted;
  });
}

function mount(s: Session, parent: ParentNode = document.body): PepayCheckout {
  const el = document.createElement('pepay-checkout');
  Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
  parent.append(el);
  return el;
}

/**
 * A session whose checkout was shown an address, then taken off the page: its key, and the place
 * the checkout keeps for it (as it writes it), for a test to sign a variant of.
 */
async function shownAnAddress() {
  const s = await createSession({customer_email: 'a@example.com'});
  const el = mount(s);
  await toPayment(el);
  const {address, network, tokenId, tokenAmount, usdAmount, exchangeRate} = el.state.address!;
  const due = el.state.amountRemainingUsd;
  const key = placeKey(s.invoice_id, s.session_token);
  // The checkout's own place is written a moment later (its chunk, then Web Crypto): a test's write
  // made before that one even starts would be overwritten by it.
  await placeKept(s, 'its own place', (place) => place.address?.address === address);
  el.remove();
  const place: Remembered = {
    questionsAnswered: true,
    emailDone: true,
    address: {address, network, tokenId, tokenAmount, usdAmount, exchangeRate},
    quotedRemainingUsd: null,
    quoteExpiresAt: null,
  };
  return {s, key, place, address, due};
}

/**
 * A 20 USD session whose whole payment was seen on its way by a checkout, kept with its place
 * (the wait and the payment's USD), then taken off the page: the session, and what that page said.
 */
async function waitKept() {
  const s = await createSession({customer_email: 'a@example.com', amount_usd: 20});
  const first = mount(s);
  await toPayment(first);
  await until('the stream live', () => first.state.connection === 'live');
  await simulate(s.invoice_id, 'pay', {amount: 'full', pending: true});
  await stepIs(first, 'confirming');
  const heardBody = deep(first.shadowRoot!, '[data-confirming-body]')?.textContent ?? '';
  const id = first.state.detected!.paymentId!;
  await placeKept(s, 'the wait, and its payment on its way', (place) => place.detected != null && place.pendingPayments?.[id] === 20);
  first.remove();
  return {s, heardBody};
}

/** The session opened in another tab: no stream kept in its sessionStorage, so it polls, and polling never tells a failure. */
async function anotherTab(s: Session): Promise<PepayCheckout> {
  sessionStorage.clear();
  await until('the last stream closed', async () => (await inspect(s.invoice_id)).open_streams === 0);
  const other = mount(s);
  await stepIs(other, 'confirming');
  // The restored step shows before its first poll is asked for: waited for, not read at once (CI
  // once read 'idle' here). With no stream token, polling is all this tab can do.
  await until('polling', () => other.state.connection === 'polling');
  return other;
}

/** Half of the 20 USD lands, and the request ends: only what landed is said to have arrived. */
async function halfLandsAndEnds(s: Session, el: PepayCheckout): Promise<void> {
  await simulate(s.invoice_id, 'pay', {amount: 'partial'});
  await stepIs(el, 'underpaid');
  await simulate(s.invoice_id, 'expire');
  await stepIs(el, 'expired');
  await until('what arrived said', () => deep(el.shadowRoot!, '[data-arrived]'));
  expect(deep(el.shadowRoot!, '[data-arrived]')!.textContent).to.include('$10.00');
  el.remove();
}

/** Where this tab keeps a session's stream: the place's key, in sessionStorage (src/controllers/place-store.ts). */
const streamKey = (s: Session) => Object.keys(sessionStorage).find((key) => key.startsWith(`pepay-checkout:v1:${s.invoice_id}:`)) ?? '';

const allocations = async (s: Session) =>
  (await inspect(s.invoice_id)).requests.filter((r) => r.method === 'POST' && r.path.endsWith('/payment-addresses')).length;

/** How many manual verification jobs (`POST /invoice/{id}/verify`) reached the sandbox. */
const verifyJobs = async (s: Session) =>
  (await inspect(s.invoice_id)).requests.filter((r) => r.method === 'POST' && r.path.endsWith('/verify')).length;

const verificationLine = (el: PepayCheckout) => deep(el.shadowRoot!, '[data-verification]')?.textContent?.trim() ?? '';

describe("the payer's place", () => {
  it('a second tab and a reload show the same address, token and network, with no new allocation', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const first = mount(s);
    await toPayment(first);
    const address = first.state.address!;
    await placeKept(s, 'the address', (place) => place.address?.address === address.address);
    const second = mount(s);
    await stepIs(second, 'awaiting-payment');
    expect([second.state.address?.address, second.state.address?.network, second.state.address?.tokenId]).to.deep.equal([
      address.address,
      address.network,
      address.tokenId,
    ]);
    // Its countdown is the same quote's.
    await until('quote countdown', () => deep(second.shadowRoot!, '[data-quote]'));
    first.remove();
    second.remove();
    const reloaded = mount(s);
    await stepIs(reloaded, 'awaiting-payment');
    expect(deep(reloaded.shadowRoot!, '[part=address]')!.textContent).to.equal(address.address);
    expect(await allocations(s)).to.equal(1);
    // The stream its quote brought was kept for this tab: the reload hears its payments live.
    await until('the stream live again', () => reloaded.state.connection === 'live');
    reloaded.remove();
    // Another tab (nothing kept in its sessionStorage), or a kept stream that is not one: polled, as before.
    const key = streamKey(s);
    expect(key).to.not.equal('');
    const polls = async () =>
      (await inspect(s.invoice_id)).requests.filter((r) => r.path.startsWith('/api/v1/payments/payment-status')).length;
    const kept = (wsToken: string, wsPath: string) => () => sessionStorage.setItem(key, JSON.stringify({wsToken, wsPath}));
    for (const tab of [() => sessionStorage.clear(), kept('a b', '/ws/payment'), kept('abc', '//evil'), kept('abc', '/ws/../../evil')]) {
      tab();
      await until('the last stream closed', async () => (await inspect(s.invoice_id)).open_streams === 0);
      const before = await polls();
      // Every socket the page asks for, wherever it would go (a kept value that is not a stream must open none).
      const opened: string[] = [];
      const RealWebSocket = window.WebSocket;
      window.WebSocket = class extends RealWebSocket {
        constructor(url: string | URL, protocols?: string | string[]) {
          opened.push(String(url));
          super(url, protocols);
        }
      };
      try {
        const other = mount(s);
        await stepIs(other, 'awaiting-payment');
        // Its first poll answered (a stream would have opened long before): still polling, no socket asked for.
        await until('polled', async () => (await polls()) > before);
        expect([other.state.connection, opened]).to.deep.equal(['polling', []]);
        other.remove();
      } finally {
        window.WebSocket = RealWebSocket;
      }
    }
  });

  it('a reload during a wait hears it end: a payment failing then is said, and is not counted as money that arrived (phone probe)', async function () {
    this.timeout(45_000);
    const {s} = await waitKept();
    const reloaded = mount(s);
    await stepIs(reloaded, 'confirming');
    await until('the stream live again', () => reloaded.state.connection === 'live');
    await simulate(s.invoice_id, 'fail');
    await stepIs(reloaded, 'awaiting-payment');
    await until('the failure said', () =>
      reloaded.shadowRoot!.querySelector('[data-changed]')?.textContent?.includes('did not go through'),
    );
    await halfLandsAndEnds(s, reloaded);
  });

  it('a payment seen on its way that fails unheard (another tab, which polls) is not counted as money that arrived (phone probe)', async function () {
    this.timeout(45_000);
    const {s, heardBody} = await waitKept();
    // Heard by this page, which will hear how it ends.
    expect(heardBody).to.include('you can close it');
    const other = await anotherTab(s);
    // Never "you can close it": this page may not hear it fail, and says what to do then.
    const body = deep(other.shadowRoot!, '[data-confirming-body]')?.textContent ?? '';
    expect(body).to.include('it may not learn if the payment fails: if your wallet shows it failed, go back to the payment details');
    expect(body).to.not.include('close it');
    await simulate(s.invoice_id, 'fail');
    // The payer, told the page may not hear how it ends, goes back and pays half of it.
    (await deepReady<HTMLButtonElement>(other.shadowRoot!, '[data-stop-waiting]')).click();
    await stepIs(other, 'awaiting-payment');
    await halfLandsAndEnds(s, other);
  });

  it('a wait restored in another tab whose payment fails unheard, then another payment lands under it: only what landed arrived (re-probe)', async function () {
    this.timeout(45_000);
    const {s} = await waitKept();
    const other = await anotherTab(s);
    await simulate(s.invoice_id, 'fail');
    // Half of it is sent again from the wallet while the page still waits.
    await halfLandsAndEnds(s, other);
  });

  it('answered questions and a skipped e-mail are not asked again after a reload', async () => {
    const s = await createSession({questions: {questions: [{id: 'q1', question: 'Company', type: 'text', validation: {required: true}}]}});
    const el = mount(s);
    await stepIs(el, 'questions');
    (await deepReady<HTMLInputElement>(el.shadowRoot!, 'input[name=q0]')).value = 'Acme';
    (await deepReady<HTMLFormElement>(el.shadowRoot!, 'form')).requestSubmit();
    await stepIs(el, 'email');
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'form button[type=button]')).click();
    await stepIs(el, 'select-token');
    await placeKept(s, 'both steps done', (place) => place.questionsAnswered && place.emailDone);
    el.remove();
    const reloaded = mount(s);
    await stepIs(reloaded, 'select-token');
    expect((await inspect(s.invoice_id)).requests.filter((r) => r.path.endsWith('/submit-form'))).to.have.length(1);
    reloaded.remove();
  });

  it("once the invoice has ended only its last screen's figures are kept (no address), and no credential is ever stored", async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const el = mount(s);
    await toPayment(el);
    // Other test files share this origin's storage: only this invoice's keys count. Places are
    // signed (Web Crypto), so written a moment later.
    const mine = () => Object.keys(localStorage).filter((key) => key.includes(s.invoice_id));
    await placeKept(s, 'the address', (place) => place.address?.address === el.state.address!.address);
    const stored = mine().map((key) => `${key}=${localStorage.getItem(key)}`);
    expect(stored).to.have.length(1);
    const address = el.state.address!.address;
    expect(stored[0]).to.include(address);
    for (const secret of [s.session_token, s.signature]) expect(stored[0]).not.to.include(secret);
    expect(stored[0]).not.to.include('wsToken":"');
    await simulate(s.invoice_id, 'pay');
    await stepIs(el, 'paid');
    // Storage work is asynchronous (the store is a chunk, places are signed): waited for, not assumed.
    await placeKept(s, 'the address forgotten', (place) => place.address === null);
    expect(mine()).to.have.length(1);
    const ended = localStorage.getItem(mine()[0]!)!;
    expect(ended).to.include('paidAt');
    for (const secret of [s.session_token, s.signature]) expect(ended).not.to.include(secret);
    el.remove();
  });

  it('a place rewritten without the session is ignored: the token list comes back', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const el = mount(s);
    await toPayment(el);
    const address = el.state.address!.address;
    await placeKept(s, 'the address', (place) => place.address?.address === address);
    const key = placeKey(s.invoice_id, s.session_token);
    el.remove();
    // Another page of the site, without the session, rewrites the address and amount: its
    // signature no longer holds, and nothing is restored.
    const stored = JSON.parse(localStorage.getItem(key)!) as {text: string; mac: string};
    stored.text = stored.text.replace(address, '0xabababababababababababababababababababab').replace('49.990000', '0.010000');
    localStorage.setItem(key, JSON.stringify(stored));
    const reloaded = mount(s);
    await stepIs(reloaded, 'select-token');
    reloaded.remove();
  });

  it('a payment seen on its way comes back after a reload: the payer is not asked to pay again', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const el = mount(s);
    await toPayment(el);
    await until('live', () => el.state.connection === 'live');
    await simulate(s.invoice_id, 'pay', {pending: true});
    await stepIs(el, 'confirming');
    const seen = el.state.detected!;
    // Heard by this page: the stream will say how it ends, so there is no way back to paying twice.
    expect(deep(el.shadowRoot!, '[data-stop-waiting]')).to.equal(null);
    await placeKept(s, 'the wait', (place) => place.detected?.paymentId === seen.paymentId);
    el.remove();
    const reloaded = mount(s);
    await stepIs(reloaded, 'confirming');
    expect(reloaded.state.detected).to.deep.equal({...seen, unsure: true});
    // Read back, not heard: if it failed while the page was closed, nothing would say so.
    expect(deep(reloaded.shadowRoot!, '[data-stop-waiting]')).to.not.equal(null);
    await simulate(s.invoice_id, 'confirm');
    await stepIs(reloaded, 'paid');
    reloaded.remove();
  });

  it('a payment first seen while the page was closed is found on the reload, unasked: the payer is told it is being confirmed', async () => {
    const {s, address} = await shownAnAddress();
    // Seen on the chain, not counted: neither the session nor the status poll says so.
    await simulate(s.invoice_id, 'pay', {pending: true});
    const reloaded = mount(s);
    await stepIs(reloaded, 'awaiting-payment');
    expect(reloaded.state.address?.address).to.equal(address);
    // Found: waited for, not shown under "send exactly" beside another token (the payer might pay twice).
    await stepIs(reloaded, 'confirming');
    const body = () => deep(reloaded.shadowRoot!, '[data-confirming-body]')?.textContent ?? '';
    await until('found said', () => body().includes('We found your payment. It is being confirmed'));
    // Seen by Pepay's check, not sent from a wallet here.
    expect(deep(reloaded.shadowRoot!, '[data-step-heading]')?.textContent).to.equal('Payment seen, waiting for confirmation');
    expect(deep(reloaded.shadowRoot!, '[data-copy-button=address]')).to.equal(null);
    expect(deepText(reloaded.shadowRoot!)).to.not.include('Choose another token');
    expect(await verifyJobs(s)).to.equal(1);
    // Reloaded again: the same wait, said the same way, and no second job.
    await placeKept(s, 'the wait, found', (place) => place.detected?.found === true);
    reloaded.remove();
    const again = mount(s);
    await stepIs(again, 'confirming');
    await until('found said again', () =>
      (deep(again.shadowRoot!, '[data-confirming-body]')?.textContent ?? '').includes('We found your payment'),
    );
    expect(await verifyJobs(s)).to.equal(1);
    await simulate(s.invoice_id, 'confirm');
    await stepIs(again, 'paid');
    again.remove();
  });

  it('a reload with nothing paid checks once and says nothing; "I already paid" still answers the payer in full', async () => {
    const {s} = await shownAnAddress();
    const reloaded = mount(s);
    await stepIs(reloaded, 'awaiting-payment');
    // The sandbox's job ends 2 s after it starts; the checkout reads it again at 3 s.
    await until('the check over', () => reloaded.state.verification?.status === 'completed');
    expect([verificationLine(reloaded), reloaded.state.notice, await verifyJobs(s)]).to.deep.equal(['', null, 1]);
    const ask = buttonNamed(reloaded.shadowRoot!, 'I already paid');
    expect(ask.getAttribute('aria-disabled')).to.not.equal('true');
    ask.click();
    await until('nothing found said', () => verificationLine(reloaded).includes('No payment has arrived yet'));
    expect(await verifyJobs(s)).to.equal(2);
    reloaded.remove();
  });

  it('a wait read back after a reload, whose payment never comes: "Back to the payment details" returns to the same address', async () => {
    const {s, key, place, address} = await shownAnAddress();
    // The payment Pepay saw failed while the page was closed: polling will never say so.
    await kept(key, s.session_token, {...place, detected: {paymentId: 'pay_failed_meanwhile', txHash: null}});
    const reloaded = mount(s);
    await stepIs(reloaded, 'confirming');
    (await deepReady<HTMLButtonElement>(reloaded.shadowRoot!, '[data-stop-waiting]')).click();
    await stepIs(reloaded, 'awaiting-payment');
    expect(reloaded.state.address?.address).to.equal(address);
    await simulate(s.invoice_id, 'pay');
    await stepIs(reloaded, 'paid');
    reloaded.remove();
  });

  it('a payment on its way to a token whose price went stale meanwhile is still waited for, not asked for again (review)', async () => {
    const {s, key, place} = await shownAnAddress();
    // Kept on ETH, whose price the sandbox reports older than 5 minutes: its address cannot come back.
    const onStale = (was: Remembered): Remembered => ({
      ...was,
      address: {...was.address!, network: 'ethereum', tokenId: 104},
      detected: {paymentId: 'pay_on_its_way', txHash: null},
    });
    await kept(key, s.session_token, onStale(place));
    const reloaded = mount(s);
    await stepIs(reloaded, 'confirming');
    expect(reloaded.state.address).to.equal(null);
    expect(deep(reloaded.shadowRoot!, 'button[data-token]')).to.equal(null);
    // Kept as it is waited for, without its address: a second reload waits for it too (review).
    await until('the wait kept without its address', () => {
      const stored = localStorage.getItem(key) ?? '';
      return stored.includes('\\"address\\":null') && stored.includes('pay_on_its_way');
    });
    reloaded.remove();
    const again = mount(s);
    await stepIs(again, 'confirming');
    // Followed: the payment counted is heard (by polling, as after any reload).
    await simulate(s.invoice_id, 'pay');
    await stepIs(again, 'paid');
    again.remove();
    // Its way back leads where it says: to the token list, not to payment details it no longer has (review).
    const {s: other, key: otherKey, place: otherPlace} = await shownAnAddress();
    await kept(otherKey, other.session_token, onStale(otherPlace));
    const waiting = mount(other);
    await stepIs(waiting, 'confirming');
    const back = await deepReady<HTMLButtonElement>(waiting.shadowRoot!, '[data-stop-waiting]');
    expect(back.textContent?.trim()).to.equal('Choose how to pay');
    back.click();
    await stepIs(waiting, 'select-token');
    waiting.remove();
  });

  it('a kept wait that is not a payment id and a hash is not restored: the token list comes back', async () => {
    // Signed with the session, as the checkout would: first as it would write it, then with a wait of the wrong shape.
    const {s, key, place, address} = await shownAnAddress();
    await kept(key, s.session_token, {...place, detected: null});
    const restored = mount(s);
    await stepIs(restored, 'awaiting-payment');
    expect(restored.state.address?.address).to.equal(address);
    restored.remove();
    await kept(key, s.session_token, {...place, detected: {paymentId: 'x'.repeat(500), txHash: '<img src=x>'}});
    const reloaded = mount(s);
    await stepIs(reloaded, 'select-token');
    expect(reloaded.state.detected).to.equal(null);
    reloaded.remove();
    // Siblings (found in review): a wait with neither id nor hash that no job found is nothing to
    // wait for, and `found` is true or absent; either was shown as a wallet's wait with no transaction.
    for (const detected of [
      {paymentId: null, txHash: null},
      {paymentId: null, txHash: null, found: 'yes'},
    ]) {
      await kept(key, s.session_token, {...place, detected} as unknown as Remembered);
      const again = mount(s);
      await stepIs(again, 'select-token');
      expect(again.state.detected).to.equal(null);
      again.remove();
    }
  });

  it('a kept exchange rate is read back as the API answer was: a rate that is no plain decimal is no place (found by a reload probe)', async () => {
    const {s, key, place, address} = await shownAnAddress();
    // "0x10" was read as 16 tokens per USD ("1 USDC = $0.0625"); markup skipped the amount's check.
    for (const exchangeRate of ['0x10', '<b class=evil>1</b>']) {
      await kept(key, s.session_token, {...place, address: {...place.address!, exchangeRate}});
      const reloaded = mount(s);
      await stepIs(reloaded, 'select-token');
      expect(reloaded.state.address).to.equal(null);
      reloaded.remove();
    }
    await kept(key, s.session_token, {...place, address: {...place.address!, exchangeRate: '1.0002'}});
    const restored = mount(s);
    await stepIs(restored, 'awaiting-payment');
    expect(restored.state.address?.address).to.equal(address);
    restored.remove();
  });

  // Storage events reach other documents only: two checkouts of one session in one document (an
  // inline one and a button's modal, say) showed two addresses (found by a reload probe).
  it('two checkouts of one session in one document: the one whose token was picked later is the address both show', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const [a, b] = [mount(s), mount(s)];
    await Promise.all([stepIs(a, 'select-token'), stepIs(b, 'select-token')]);
    // A's quote runs out before B's: B, priced later, holds the server's latest allocation.
    await simulate(s.invoice_id, 'faults', {variants: {quoteTtlSeconds: 60}});
    await toPayment(a);
    await placeKept(s, "A's address", (place) => place.address?.address === a.state.address?.address);
    // B, still choosing, is not moved by A's place.
    expect(b.state.step).to.equal('select-token');
    await simulate(s.invoice_id, 'faults', {variants: {quoteTtlSeconds: 300}});
    (await deepReady<HTMLButtonElement>(b.shadowRoot!, 'button[data-token="203"]')).click();
    await stepIs(b, 'awaiting-payment');
    await until("A shows B's address", () => a.state.address?.address === b.state.address?.address);
    expect([a.state.address?.network, a.state.changed]).to.deep.equal(['solana', 'instruction']);
    a.remove();
    b.remove();
  });

  it('two checkouts on one page writing at once keep both places', async () => {
    const [a, b] = await Promise.all([shownAnAddress(), shownAnAddress()]);
    await Promise.all([quiet(a.key), quiet(b.key)]);
    writePlace(a.key, a.s.session_token, {...a.place, emailDone: false});
    writePlace(b.key, b.s.session_token, {...b.place, emailDone: false});
    await Promise.all([a.s, b.s].map((s) => placeKept(s, 'the variant written', (place) => place.emailDone === false)));
  });

  it('kept figures of an ended invoice that cannot be read are not shown, each on its own', async () => {
    const s = await createSession({customer_email: 'a@example.com', amount_usd: 40});
    const key = placeKey(s.invoice_id, s.session_token);
    const ended = {questionsAnswered: true, emailDone: true, address: null, quotedRemainingUsd: null, quoteExpiresAt: null};
    const el = mount(s);
    await toPayment(el);
    await simulate(s.invoice_id, 'pay');
    await stepIs(el, 'paid');
    // The checkout's own last write (the ended invoice's figures) lands first: the paid status, not
    // the token list's place (no address either) still on its way under load.
    await placeKept(s, 'the ended invoice', (place) => place.invoiceStatus === 'paid');
    el.remove();
    const keep = (figures: Record<string, unknown>) => kept(key, s.session_token, {...ended, ...figures} as unknown as Remembered);
    // As the checkout writes it: 5 USD more than due, said after a reload.
    await keep({paidAt: 1_700_000_000_000, payments: {pay_a: 45}});
    const honest = mount(s);
    await stepIs(honest, 'paid');
    await until('said', () => deepText(honest.shadowRoot!).includes('more than was due'));
    expect(deepText(honest.shadowRoot!)).to.include('2023');
    await placeKept(s, 'the reload wrote its own', (place) => place.invoiceStatus === 'paid');
    honest.remove();
    // Of the wrong shape, each dropped on its own: payments not USD, too many, markup for an id;
    // a time no Date can hold (the paid screen once rendered nothing with it).
    const cases: [Record<string, unknown>, boolean][] = [
      [{paidAt: 1_700_000_000_000, payments: {pay_b: '<img src=x>'}}, true],
      [{paidAt: 1_700_000_000_000, payments: {pay_c: 1e308}}, true],
      [{paidAt: 1_700_000_000_000, payments: Object.fromEntries(Array.from({length: 60}, (_, i) => [`p${i}`, 1]))}, true],
      [{paidAt: 9_000_000_000_000_000, payments: {pay_d: 45}}, false],
    ];
    for (const [figures, dated] of cases) {
      await keep(figures);
      const reloaded = mount(s);
      await stepIs(reloaded, 'paid');
      const shown = deepText(reloaded.shadowRoot!);
      expect(shown).to.include(s.invoice_id);
      expect([shown.includes('more than was due'), shown.includes('2023')]).to.deep.equal([!dated, dated]);
      // Its own write of the place (the test's has no status) lands before the next case's.
      await placeKept(s, 'the reload wrote its own', (place) => place.invoiceStatus === 'paid');
      reloaded.remove();
    }
  });

  it('a figure only shown that cannot be read does not cost the payer their place; places too old are swept', async () => {
    const {s, key, place, address} = await shownAnAddress();
    const stale = 'pepay-checkout:v1:inv_from_last_month:0000';
    const old = JSON.stringify({savedAt: Date.now() - 8 * 24 * 3600_000, place: {}});
    localStorage.setItem(stale, JSON.stringify({text: old, mac: 'x'}));
    // As news may give them: an id longer than kept ids, a time before 1970.
    await kept(key, s.session_token, {...place, payments: {['y'.repeat(140)]: 5}, paidAt: -62_135_596_800_000.5});
    const reloaded = mount(s);
    await stepIs(reloaded, 'awaiting-payment');
    expect(reloaded.state.address?.address).to.equal(address);
    expect(reloaded.state.payments).to.deep.equal({});
    await until('the month-old place swept', () => localStorage.getItem(stale) === null);
    reloaded.remove();
  });

  it('a place kept before the clock went back never holds its quote longer than it had then (found by a network probe)', async () => {
    for (const [leftAtSave, refreshed] of [
      [290_000, false],
      // Sibling: a quote with seconds left then keeps those seconds, and is priced again after them.
      [3_000, true],
    ] as const) {
      const {s, key, place, address, due} = await shownAnAddress();
      const realNow = Date.now;
      // Kept by a clock 10 minutes ahead; the reload reads it after the clock was put right.
      const ahead = realNow() + 600_000;
      const early = {...place, quotedRemainingUsd: due, quoteExpiresAt: ahead + leftAtSave};
      await kept(key, s.session_token, early, () => {
        Date.now = () => ahead;
        try {
          writePlace(key, s.session_token, early);
        } finally {
          Date.now = realNow;
        }
      });
      const before = await allocations(s);
      const reloaded = mount(s);
      await stepIs(reloaded, 'awaiting-payment');
      expect(reloaded.state.address?.address).to.equal(address);
      if (refreshed) {
        await until('priced again', async () => (await allocations(s)) === before + 1);
      } else {
        const left = reloaded.state.quoteExpiresAtMono! - performance.now();
        expect(left).to.be.within(270_000, leftAtSave);
        expect(await allocations(s)).to.equal(before);
      }
      reloaded.remove();
    }
  });

  it('a kept quote time past what a quote is trusted (30 minutes) is held to it; one within keeps its own (found by a reload probe)', async () => {
    for (const [keptFor, heldFor] of [
      [365 * 24 * 3600_000, 30 * 60_000],
      [20 * 60_000, 20 * 60_000],
    ] as const) {
      const {s, key, place, address, due} = await shownAnAddress();
      const quoteExpiresAt = Date.now() + keptFor;
      await kept(key, s.session_token, {...place, quotedRemainingUsd: due, quoteExpiresAt});
      const reloaded = mount(s);
      await stepIs(reloaded, 'awaiting-payment');
      expect(reloaded.state.address?.address).to.equal(address);
      const left = reloaded.state.quoteExpiresAtMono! - performance.now();
      expect(left, `kept for ${keptFor} ms`).to.be.within(heldFor - 60_000, heldFor);
      reloaded.remove();
    }
  });

  it('a place kept after the automatic price refresh stopped is priced again at once on the reload (found by a network-fault probe)', async () => {
    // The refresh stops (no quote time kept) after three misses, with no amount shown ("Refreshing
    // the price…"); sibling: after three quotes that expired at once, with the last amount shown.
    for (const amountKept of [false, true]) {
      const {s, key, place, address, due} = await shownAnAddress();
      const stopped = {...place, address: {...place.address!, tokenAmount: amountKept ? place.address!.tokenAmount : null}};
      await kept(key, s.session_token, {...stopped, quotedRemainingUsd: due, quoteExpiresAt: null});
      const before = await allocations(s);
      const reloaded = mount(s);
      await stepIs(reloaded, 'awaiting-payment');
      await until(`priced again (amount kept: ${amountKept})`, async () => (await allocations(s)) === before + 1);
      await until('the new price shown, with its time', () => reloaded.state.busy === null && deep(reloaded.shadowRoot!, '[data-quote]'));
      expect(reloaded.state.address?.address).to.equal(address);
      expect(reloaded.state.address?.tokenAmount).to.match(/^\d+(\.\d+)?$/);
      expect(deep(reloaded.shadowRoot!, '[data-refresh-quote]'), 'no "Get a new price" while the price holds').to.equal(null);
      reloaded.remove();
    }
  });

  it('another token after an address was shown: a payment to that address still ends in paid', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const el = mount(s);
    await toPayment(el);
    await until('live', () => el.state.connection === 'live');
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-change-token]')).click();
    await stepIs(el, 'select-token');
    // The payer had already scanned it: the money arrives at the address no longer shown.
    await simulate(s.invoice_id, 'pay');
    await stepIs(el, 'paid');
    el.remove();
  });
});
