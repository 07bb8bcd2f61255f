/**
 * A browser wallet as a hostile or careless one behaves (found by a wallet probe): a name the
 * place store must take back, a name stacked with marks, an error object that throws when read.
 * What the payer sees, and what a reload brings back.
 */
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {deep, deepReady} from '../support/deep.js';
import {placeKept} from '../support/kept-place.js';
import {captured, mountCheckout, payingCheckout, stepIs} from '../support/walk.js';
import {announceWallet, WALLET_TX_HASH, type FakeWallet} from '../support/wallet.js';

const until = (what: string, predicate: () => unknown) => waitUntil(predicate, what, {timeout: 10_000, interval: 50});

let wallet: FakeWallet | null = null;
const rejections: unknown[] = [];
const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
beforeEach(() => {
  rejections.length = 0;
  window.addEventListener('unhandledrejection', onRejection);
});
afterEach(() => {
  window.removeEventListener('unhandledrejection', onRejection);
  wallet?.stop();
  wallet = null;
  document.querySelectorAll('pepay-checkout').forEach((el) => el.remove());
});

/** The words as read: a wallet's name is isolated (U+2068 … U+2069) inside its sentence. */
const text = (el: PepayCheckout, selector: string) =>
  deep(el.shadowRoot!, selector)
    ?.textContent?.replace(/[\u2068\u2069]/g, '')
    .trim() ?? '';

async function walletButton(el: PepayCheckout): Promise<HTMLButtonElement> {
  return deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]');
}

/** An error whose every read throws (a Proxy whose traps throw it again). */
function throwingOnRead(): unknown {
  const proxy: object = new Proxy(
    {},
    {
      get: () => {
        throw proxy;
      },
      getPrototypeOf: () => {
        throw proxy;
      },
    },
  );
  return proxy;
}

describe('a hostile or careless browser wallet', () => {
  // Names the discovery shows whole or cut, and the place store must take back: 61 and 240 UTF-16
  // units (a reload dropped the whole place past 60, and the payer was asked to pay again).
  for (const [what, name] of [
    ['59 letters and an emoji (61 UTF-16 units)', `${'A'.repeat(58)} 🦊`],
    ['60 flags (240 UTF-16 units)', '🇩🇪'.repeat(60)],
  ] as const) {
    it(`a wallet named with ${what}: a reload while it confirms waits for the same transaction`, async () => {
      wallet = announceWallet({name, chainId: 84532});
      const {s, el} = await payingCheckout({amount_usd: 49.99});
      (await walletButton(el)).click();
      await stepIs(el, 'confirming');
      await placeKept(s, 'the wallet transaction', (place) => place.walletTx?.txHash === WALLET_TX_HASH);
      el.remove();
      const again = mountCheckout(s);
      await stepIs(again, 'confirming');
      await until('hash after reload', () => text(again, '[data-tx-hash]') === WALLET_TX_HASH);
      expect(again.state.step).to.equal('confirming');
    });
  }

  it('a name of one letter under 238 stacked marks is shown with eight of them', async () => {
    wallet = announceWallet({name: `W${'\u0301'.repeat(238)}`, chainId: 84532});
    const {el} = await payingCheckout({amount_usd: 49.99});
    expect((await walletButton(el)).textContent?.replace(/[\u2068\u2069]/g, '').trim()).to.equal(`Pay with W${'\u0301'.repeat(8)}`);
  });

  it('marks parted by blank fillers join once the fillers go: eight of them, on the button and in what the host hears', async () => {
    // A review: the fillers ended each run of marks, then were dropped, and 160 marks reached the
    // host's pepay-wallet-transaction and the kept place.
    wallet = announceWallet({name: `W${'\u0301\u0302\u0303\u0304\u3164'.repeat(40)}`, chainId: 84532});
    const {el} = await payingCheckout({amount_usd: 49.99});
    const sent = captured<{wallet: string}>(el, 'pepay-wallet-transaction');
    const eight = `W${'\u0301\u0302\u0303\u0304'.repeat(2)}`;
    const button = await walletButton(el);
    expect(button.textContent?.replace(/[\u2068\u2069]/g, '').trim()).to.equal(`Pay with ${eight}`);
    button.click();
    await stepIs(el, 'confirming');
    expect(sent.map((detail) => detail.wallet)).to.deep.equal([eight]);
  });

  // Past eth_sendTransaction the wallet may have sent: said so. Before it, nothing was sent.
  for (const [method, said] of [
    ['eth_sendTransaction', 'The wallet did not say whether it sent the payment.'],
    ['eth_requestAccounts', 'The wallet could not send this payment. Nothing was sent.'],
  ] as const) {
    it(`an error from ${method} that throws when read is said to the payer, and nothing is thrown into the page`, async () => {
      wallet = announceWallet({chainId: 84532, fail: {method, error: throwingOnRead()}});
      const {el} = await payingCheckout({amount_usd: 49.99});
      (await walletButton(el)).click();
      await until('said', () => text(el, '[data-wallet-problem]').startsWith(said));
      expect([el.state.step, el.state.busy, rejections.length]).to.deep.equal(['awaiting-payment', null, 0]);
    });
  }
});
