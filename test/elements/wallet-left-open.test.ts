/**
 * A transaction request the payer's wallet still holds when the checkout stops waiting for it
 * (EIP-1193 has no cancel): the payer is told to reject it there on every view until the wallet
 * answers, and what it sends is recorded whenever it answers. Found by a wallet payer's probe:
 * the words were kept by the wallet's buttons and went with them (a new price, a payment seen, the
 * invoice ended), and a transaction sent after the end was dropped.
 */
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {buttonNamed, deep, deepAll, deepReady, deepText} from '../support/deep.js';
import {createSession, simulate, type Session} from '../support/sandbox.js';
import {placeKept} from '../support/kept-place.js';
import {captured, mountCheckout, payingCheckout, stepIs, toPayment} from '../support/walk.js';
import {announceWallet, WALLET_TX_HASH, type FakeWallet} from '../support/wallet.js';

const until = (what: string, predicate: () => unknown) => waitUntil(predicate, what, {timeout: 10_000, interval: 50});
const TOLD = 'If your wallet still shows the payment request, reject it there.';
const REFUSAL = {code: 4001, message: 'User rejected the request.'};

let wallet: FakeWallet | null = null;
afterEach(() => {
  wallet?.stop();
  wallet = null;
  document.querySelectorAll('pepay-checkout').forEach((el) => el.remove());
});

const inView = <T extends Element = HTMLElement>(el: PepayCheckout, selector: string) => deep<T>(el.shadowRoot!, selector);
// The words as read: a wallet's name is isolated (U+2068 … U+2069) inside its sentence.
const text = (el: PepayCheckout, selector: string) =>
  inView(el, selector)
    ?.textContent?.replace(/[\u2068\u2069]/g, '')
    .trim() ?? '';

/** A checkout of 40 USD on its payment view, whose wallet holds the transaction it was asked to send. */
async function walletHolding(): Promise<{el: PepayCheckout; invoiceId: string; s: Session}> {
  wallet = announceWallet({chainId: 84532, held: 'eth_sendTransaction'});
  const {el, s} = await payingCheckout({amount_usd: 40});
  (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
  await until('asked to confirm', () => text(el, '[data-wallet-status]') === 'Confirm the payment in Test Wallet…');
  return {el, invoiceId: s.invoice_id, s};
}

describe('a request left open in the wallet', () => {
  for (const [ending, step] of [
    ['pay', 'paid'],
    ['expire', 'expired'],
    ['cancel', 'canceled'],
  ] as const) {
    it(`the invoice ${step} while the wallet holds the transaction: the last screen says to reject it there; approved anyway, it is recorded and shown`, async () => {
      const {el, invoiceId} = await walletHolding();
      const sent = captured<{txHash: string}>(el, 'pepay-wallet-transaction');
      await simulate(invoiceId, ending, ending === 'pay' ? {amount: 'full'} : {});
      await stepIs(el, step);
      await until('told to reject it', () => text(el, '[data-wallet-left-open]') === TOLD);
      await wallet!.release();
      await until('recorded', () => sent.length > 0);
      expect(sent.map((detail) => detail.txHash)).to.deep.equal([WALLET_TX_HASH]);
      await until('shown', () => text(el, '[data-tx-hash]') === WALLET_TX_HASH);
      expect(inView(el, '[data-wallet-left-open]')).to.equal(null);
      expect(el.state.step).to.equal(step);
    });
  }

  it('said on the views that follow: a payment seen elsewhere and the remainder priced anew; gone once the wallet refuses it', async () => {
    const {el, invoiceId} = await walletHolding();
    await simulate(invoiceId, 'pay', {amount: 'partial'});
    await stepIs(el, 'underpaid');
    await until('priced again', () => el.state.busy === null && deepText(el.shadowRoot!).includes('Send exactly 20.00 USDC'));
    // Its words are a chunk of their own: on a loaded machine they may come a moment after the price.
    await until('still told to reject it', () => text(el, '[data-wallet-left-open]') === TOLD);
    // Not waited for: the payer may pay the remainder (the old request still said).
    expect(inView(el, 'button[data-wallet-stop]')).to.equal(null);
    await wallet!.release(REFUSAL);
    await until('no longer told', () => !inView(el, '[data-wallet-left-open]'));
    expect(el.state.step).to.equal('underpaid');
  });

  it('said again after another token and back, and the explorer link of what it sends late is its own chain', async () => {
    const {el} = await walletHolding();
    inView(el, 'button[data-wallet-stop]')!.click();
    await until('told to reject it', () => text(el, '[data-wallet-left-open]') === TOLD);
    buttonNamed(el.shadowRoot!, 'Choose another token').click();
    await stepIs(el, 'select-token');
    // Solana USDC: another network, with its own explorer.
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-token="203"]')).click();
    await stepIs(el, 'awaiting-payment');
    await until('told again', () => text(el, '[data-wallet-left-open]') === TOLD);
    await wallet!.release();
    await stepIs(el, 'confirming');
    await until('its link', () => inView<HTMLAnchorElement>(el, 'a[data-explorer]'));
    expect(inView<HTMLAnchorElement>(el, 'a[data-explorer]')!.href).to.equal(`https://sepolia.basescan.org/tx/${WALLET_TX_HASH}`);
  });

  it("given another session while the wallet holds the old invoice's transaction: approved, it is not the new invoice's (found in review)", async () => {
    const {el} = await walletHolding();
    const sent = captured<{txHash: string}>(el, 'pepay-wallet-transaction');
    const next = await createSession({customer_email: 'b@example.com', amount_usd: 25});
    Object.assign(el, {sessionToken: next.session_token, signature: next.signature});
    await until('the new invoice', () => el.state.invoiceId === next.invoice_id && el.state.step === 'select-token');
    await wallet!.release();
    // The payer goes on with the new invoice: a token, then its address from the server. The old
    // answer came long before (the wallet's promise had settled).
    await toPayment(el);
    expect([sent, el.state.walletTx, el.state.detected, el.state.step]).to.deep.equal([[], null, null, 'awaiting-payment']);
  });

  it("taken off the page and put back while the wallet holds the transaction: approved, it is this invoice's and waited for", async () => {
    const {el, invoiceId} = await walletHolding();
    const sent = captured<{invoiceId: string; txHash: string}>(el, 'pepay-wallet-transaction');
    const ready = captured(el, 'pepay-ready');
    el.remove();
    // Off the page until the next task: stopped, then started anew (a move within a task would go
    // on). Not a frame: a page in the background paints none.
    await new Promise((next) => setTimeout(next, 0));
    document.body.append(el);
    await until('started again', () => ready.length === 1);
    await until('back on its payment view', () => el.state.step === 'awaiting-payment' && el.state.invoiceId === invoiceId);
    await wallet!.release();
    await stepIs(el, 'confirming');
    expect(sent).to.deep.equal([{invoiceId, wallet: 'Test Wallet', chainId: 84532, txHash: WALLET_TX_HASH}]);
  });

  // A modal closed, or a storefront that takes the checkout away, while the wallet still asks the
  // payer: approved then, the transaction was dropped with the checkout, and the checkout opened
  // again asked for the payment again (a wallet payer's review).
  for (const back of ['the same checkout put back', 'a new checkout of the session'] as const) {
    it(`taken off the page while the wallet holds the transaction, approved meanwhile: ${back} waits for it`, async () => {
      const {el, invoiceId, s} = await walletHolding();
      const sent = captured<{invoiceId: string; txHash: string}>(el, 'pepay-wallet-transaction');
      el.remove();
      // Off the page until the next task: stopped (a move within a task would go on).
      await new Promise((next) => setTimeout(next, 0));
      await wallet!.release();
      await until('told to the merchant', () => sent.length === 1);
      expect(sent[0]).to.deep.include({invoiceId, txHash: WALLET_TX_HASH});
      await placeKept(s, 'the transaction the wallet sent', (place) => place.walletTx?.txHash === WALLET_TX_HASH);
      const shown = back === 'the same checkout put back' ? el : mountCheckout(s);
      const ready = captured(shown, 'pepay-ready');
      if (shown === el) document.body.append(el);
      // Started anew: the state it had off the page is not what it shows now.
      await until('started again', () => ready.length === 1);
      await stepIs(shown, 'confirming');
      expect(shown.state.walletTx).to.deep.include({txHash: WALLET_TX_HASH, chainId: 84532});
      expect(deepText(shown.shadowRoot!)).to.include('Sent from your wallet');
      expect(deep(shown.shadowRoot!, 'button[data-wallet-button]')).to.equal(null);
    });
  }

  // The modal opened again before the wallet answered: the checkout that asked has stopped, and the
  // one on the page offered "Pay with …" again once the wallet had sent (a review of the fix above).
  it('taken off the page while the wallet holds the transaction, a new checkout of the session opened meanwhile waits for what it sends', async () => {
    const {el, s} = await walletHolding();
    el.remove();
    await new Promise((next) => setTimeout(next, 0));
    const reopened = mountCheckout(s);
    await stepIs(reopened, 'awaiting-payment');
    await until('its wallet button', () => deep(reopened.shadowRoot!, 'button[data-wallet-button]'));
    await wallet!.release();
    await stepIs(reopened, 'confirming');
    expect(reopened.state.walletTx).to.deep.include({txHash: WALLET_TX_HASH, chainId: 84532});
    expect(deep(reopened.shadowRoot!, 'button[data-wallet-button]')).to.equal(null);
    // One transaction asked of the wallet, by the checkout that stopped.
    expect(wallet!.calls.filter((call) => call.method === 'eth_sendTransaction').length).to.equal(1);
  });

  it('Pepay saw a payment meanwhile, then the wallet sends the one left open: both transactions are shown, each with its link (found in review)', async () => {
    const other = `0x${'cd'.repeat(32)}`;
    const {el, invoiceId} = await walletHolding();
    const sent = captured<{txHash: string}>(el, 'pepay-wallet-transaction');
    await simulate(invoiceId, 'pay', {amount: 'full', pending: true, tx_hash: other});
    await stepIs(el, 'confirming');
    await until('told to reject it', () => text(el, '[data-wallet-left-open]') === TOLD);
    await wallet!.release();
    await until('recorded', () => sent.length > 0);
    await until('both shown', () => deepAll(el.shadowRoot!, '[data-tx-hash]').length === 2);
    expect(deepAll(el.shadowRoot!, '[data-tx-hash]').map((node) => node.textContent)).to.deep.equal([other, WALLET_TX_HASH]);
    expect(deepAll<HTMLAnchorElement>(el.shadowRoot!, 'a[data-explorer]').map((link) => link.href)).to.deep.equal([
      `https://sepolia.basescan.org/tx/${other}`,
      `https://sepolia.basescan.org/tx/${WALLET_TX_HASH}`,
    ]);
    // Two links of one text, each described by its own hash (WCAG 2.4.4, link purpose in context).
    const described = (link: HTMLAnchorElement) =>
      (link.getRootNode() as ShadowRoot).getElementById(link.getAttribute('aria-describedby')!)?.textContent;
    expect(deepAll<HTMLAnchorElement>(el.shadowRoot!, 'a[data-explorer]').map(described)).to.deep.equal([other, WALLET_TX_HASH]);
    expect(inView(el, '[data-wallet-left-open]')).to.equal(null);
  });

  it('a wallet whose name shows nothing (joiners, a variation selector, a combining mark alone) gets no button; a name is isolated in its sentence', async () => {
    const blanks = ['\u200d', '\u200c\u200d\u200c', '\ufe0f', '\u034f\u034f', '\u0301', '\u3000\u200d\u3000'].map((name) =>
      announceWallet({chainId: 84532, name}),
    );
    // Announced last: once its button is there, the others were read.
    wallet = announceWallet({chainId: 84532, name: 'Safe'});
    try {
      const {el} = await payingCheckout({amount_usd: 40});
      await until('its button', () => inView(el, 'button[data-wallet-button]'));
      expect(text(el, 'button[data-wallet-button="0"]')).to.equal('Pay with Safe');
      // Isolated in its sentence (found by a payer walk: in Arabic, "Pay 2.0!" read "!Pay 2.0").
      expect(inView(el, 'button[data-wallet-button="0"]')!.textContent!.trim()).to.equal('Pay with \u2068Safe\u2069');
      expect(inView(el, 'button[data-wallet-button="1"]')).to.equal(null);
    } finally {
      for (const blank of blanks) blank.stop();
    }
  });
});
