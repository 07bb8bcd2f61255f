/**
 * Paying from the wallet (issue 13), as a payer sees it and as the wallet and the network see it:
 * the QR read by a real QR reader, "Open in wallet", a fake EIP-1193 wallet announced through
 * EIP-6963 (connect, switch chain, send, refuse, break), no wallet at all, and the `confirming`
 * step between "seen" and "paid".
 */
import {expect, waitUntil} from '@open-wc/testing';
import '../../src/define.js';
import type {PepayCheckout} from '../../src/index.js';
import {buttonNamed, deep, deepAll, deepReady, deepText} from '../support/deep.js';
import {decodeQr} from '../support/qr.js';
import {createSession, inspect, sandboxUrl, simulate} from '../support/sandbox.js';
import {captured, mountCheckout, payingCheckout, stepIs, toPayment} from '../support/walk.js';
import {announceWallet, WALLET_ACCOUNT, WALLET_TX_HASH, type FakeWallet} from '../support/wallet.js';
import {placeKept} from '../support/kept-place.js';

const until = (what: string, predicate: () => unknown) => waitUntil(predicate, what, {timeout: 10_000, interval: 50});
/** Devnet USDC on Base Sepolia (the sandbox's token 201): chain 84532. */
const USDC_BASE_SEPOLIA = '0x036CbD53842c5426634e7929541eC2318f3dCF7e';

let wallet: FakeWallet | null = null;
afterEach(() => {
  wallet?.stop();
  wallet = null;
  document.querySelectorAll('pepay-checkout').forEach((el) => el.remove());
});

const paying = (faults: Record<string, unknown> | null = null, amountUsd = 49.99) => payingCheckout({amount_usd: amountUsd}, faults);

const inView = <T extends Element = HTMLElement>(el: PepayCheckout, selector: string) => deep<T>(el.shadowRoot!, selector);
// The words as read: a wallet's name is isolated (U+2068 … U+2069) inside its sentence.
const text = (el: PepayCheckout, selector: string) =>
  inView(el, selector)
    ?.textContent?.replace(/[\u2068\u2069]/g, '')
    .trim() ?? '';

async function qrText(el: PepayCheckout): Promise<string | null> {
  const qr = await deepReady<HTMLElement>(el.shadowRoot!, 'pepay-qr');
  await until('QR drawn', () => qr.shadowRoot?.querySelector('svg path'));
  return decodeQr(qr.shadowRoot!.querySelector('svg')!);
}

/** A checkout on the address step for Solana USDC (token 203), on a session of `fields`. */
async function solanaCheckout(fields: Record<string, unknown>): Promise<PepayCheckout> {
  const el = mountCheckout(await createSession({customer_email: 'a@example.com', amount_usd: 12.5, ...fields}));
  await stepIs(el, 'select-token');
  (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-token="203"]')).click();
  await stepIs(el, 'awaiting-payment');
  return el;
}

describe('paying from the wallet', () => {
  it('the QR holds the EIP-681 request with the exact amount; switched, the bare address; the line says which', async () => {
    // The input: 7 decimals for a 6-decimal token is asked, copied and encoded rounded up.
    const {el} = await paying({variants: {tokenAmount: '49.9900004'}});
    const address = el.state.address!.address;
    expect(text(el, '[data-copy="amount"]')).to.equal('49.990001');
    expect(await qrText(el)).to.equal(`ethereum:${USDC_BASE_SEPOLIA}@84532/transfer?address=${address}&uint256=49990001`);
    expect(text(el, '[data-qr-holds]')).to.contain('payment request');
    expect(inView<HTMLAnchorElement>(el, 'a[data-open-wallet]')!.getAttribute('href')).to.equal(
      `ethereum:${USDC_BASE_SEPOLIA}@84532/transfer?address=${address}&uint256=49990001`,
    );
    inView(el, 'button[data-qr-switch]')!.click();
    await until('address only', async () => (await qrText(el)) === address);
    expect(text(el, '[data-qr-holds]')).to.contain('address only');
  });

  it('a sibling amount: 20 USDC is asked as 20.00 and encoded as 20000000 base units', async () => {
    const {el} = await paying({variants: {tokenAmount: '20.000000'}}, 20);
    expect(text(el, '[data-copy="amount"]')).to.equal('20.00');
    expect(await qrText(el)).to.match(/&uint256=20000000$/);
  });

  // In German a dot before three digits groups thousands: "24.995 USDC" beside "24,995 $" read as
  // 24995 USDC (found by a phone probe). A fourth decimal is kept; the request is the same amount.
  for (const [usd, shown, units] of [
    [24.995, '24.9950', '24995000'],
    [7.125, '7.1250', '7125000'],
  ] as const) {
    it(`a German payer owing ${usd} USD reads ${shown} USDC, copies it, and the QR asks ${units} base units`, async () => {
      const el = mountCheckout(await createSession({customer_email: 'a@example.com', amount_usd: usd}));
      el.locale = 'de';
      await toPayment(el);
      await until('German', () => text(el, 'h2').startsWith('Sende genau'));
      expect(text(el, 'h2')).to.equal(`Sende genau ${shown} USDC über Base`);
      expect(text(el, '[data-copy="amount"]')).to.equal(shown);
      expect(await qrText(el)).to.match(new RegExp(`&uint256=${units}$`));
    });
  }

  // A server amount with leading zeros (the schema takes any plain decimal) is one amount written
  // one way: the heading and the copy button said "0049.99" while the QR and the wallet link
  // carried 49990000 (found by a money probe).
  for (const [served, shown, units, usd] of [
    ['0049.990000', '49.99', '49990000', 49.99],
    ['020', '20.00', '20000000', 20],
  ] as const) {
    it(`a served amount of ${served} is shown, copied and encoded as ${shown} (${units} base units)`, async () => {
      const {el} = await paying({variants: {tokenAmount: served}}, usd);
      expect(text(el, '[data-copy="amount"]')).to.equal(shown);
      expect(deepText(el.shadowRoot!)).not.to.contain(`0${shown}`);
      expect(el.state.address!.tokenAmount).not.to.match(/^0\d/);
      expect(await qrText(el)).to.match(new RegExp(`&uint256=${units}$`));
    });
  }

  it('qr-content="address" fixes the QR to the address, with no switch', async () => {
    const s = await createSession({customer_email: 'a@example.com'});
    const el = document.createElement('pepay-checkout');
    el.setAttribute('qr-content', 'address');
    Object.assign(el, {sessionToken: s.session_token, signature: s.signature, apiBase: sandboxUrl});
    document.body.append(el);
    await toPayment(el);
    expect(await qrText(el)).to.equal(el.state.address!.address);
    expect(inView(el, 'button[data-qr-switch]')).to.equal(null);
  });

  it('"Open in wallet" asks the host first (pepay-deeplink, cancelable); a host that cancels keeps the page', async () => {
    const {el} = await paying();
    const links = captured<{invoiceId: string; url: string}>(el, 'pepay-deeplink');
    el.addEventListener('pepay-deeplink', (event) => event.preventDefault());
    const link = inView<HTMLAnchorElement>(el, 'a[data-open-wallet]')!;
    link.click();
    expect(links).to.deep.equal([{invoiceId: el.state.invoiceId, url: link.getAttribute('href')}]);
    expect(el.isConnected && el.state.step).to.equal('awaiting-payment');
  });

  it('a wallet on another chain is switched, sends the ERC-20 transfer, and the checkout confirms, then is paid', async () => {
    wallet = announceWallet({name: 'Test Wallet', chainId: 1});
    const {s, el} = await paying({variants: {tokenAmount: '49.9900004'}});
    const sent = captured<Record<string, unknown>>(el, 'pepay-wallet-transaction');
    const detected = captured<Record<string, unknown>>(el, 'pepay-payment-detected');
    const button = await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]');
    expect(button.textContent?.trim()).to.equal('Pay with \u2068Test Wallet\u2069');
    button.click();
    await stepIs(el, 'confirming');
    const address = el.state.address!.address.toLowerCase().slice(2);
    expect(wallet.calls.map((c) => c.method)).to.deep.equal([
      'eth_requestAccounts',
      'eth_chainId',
      'wallet_switchEthereumChain',
      'eth_chainId',
      'eth_sendTransaction',
    ]);
    expect(wallet.calls[2]!.params).to.deep.equal([{chainId: '0x14a34'}]);
    expect(wallet.calls[4]!.params).to.deep.equal([
      {
        from: WALLET_ACCOUNT,
        to: USDC_BASE_SEPOLIA,
        value: '0x0',
        chainId: '0x14a34',
        data: `0xa9059cbb${address.padStart(64, '0')}${(49990001).toString(16).padStart(64, '0')}`,
      },
    ]);
    expect(sent).to.deep.equal([{invoiceId: s.invoice_id, wallet: 'Test Wallet', chainId: 84532, txHash: WALLET_TX_HASH}]);
    // Only the wallet has told of it: pepay-payment-detected waits for Pepay's payment id (the widget contract).
    expect(detected).to.deep.equal([]);
    await until('hash shown', () => text(el, '[data-tx-hash]') === WALLET_TX_HASH);
    expect(inView<HTMLAnchorElement>(el, 'a[data-explorer]')!.href).to.equal(`https://sepolia.basescan.org/tx/${WALLET_TX_HASH}`);
    // A reload while it confirms waits for the same transaction: it does not ask for the payment again.
    await placeKept(s, 'the wallet transaction', (place) => place.walletTx?.txHash === WALLET_TX_HASH);
    el.remove();
    const again = mountCheckout(s);
    await stepIs(again, 'confirming');
    await until('hash after reload', () => text(again, '[data-tx-hash]') === WALLET_TX_HASH);
    // Paid while the page was closed, then reloaded on the paid screen: the hash the payer gives
    // the merchant stays shown (found by a reload probe: it was lost on the paid screen).
    again.remove();
    await simulate(s.invoice_id, 'pay');
    for (const reload of ['paid while closed', 'reloaded on the paid screen']) {
      const back = mountCheckout(s);
      await stepIs(back, 'paid');
      await until(`hash on the paid screen, ${reload}`, () => text(back, '[data-tx-hash]') === WALLET_TX_HASH);
      await placeKept(s, 'its end', (place) => place.invoiceStatus === 'paid');
      back.remove();
    }
  });

  it('a wallet that never answers holds nothing: "Stop waiting" gives the buttons and the price back', async () => {
    wallet = announceWallet({chainId: 84532, hang: 'eth_requestAccounts'});
    const {el} = await paying();
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
    await until('waiting', () => inView(el, 'button[data-wallet-stop]'));
    expect(el.state.busy).to.equal('wallet');
    // The wallet's own "Stop waiting" comes with its click; the checkout's busy state reaches the
    // button on the next render (WebKit once showed the one before the other).
    await until(
      'the wallet button held',
      () => inView<HTMLButtonElement>(el, 'button[data-wallet-button]')!.getAttribute('aria-disabled') === 'true',
    );
    inView(el, 'button[data-wallet-stop]')!.click();
    await until(
      'released',
      () => el.state.busy === null && inView<HTMLButtonElement>(el, 'button[data-wallet-button]')!.getAttribute('aria-disabled') === null,
    );
    expect(inView(el, 'button[data-wallet-stop]')).to.equal(null);
  });

  it('a wallet that answers after the payer stopped waiting is asked nothing more; pressed again, it sends once', async () => {
    wallet = announceWallet({chainId: 1, held: 'eth_requestAccounts'});
    const {el} = await paying();
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
    await until('waiting', () => inView(el, 'button[data-wallet-stop]'));
    inView(el, 'button[data-wallet-stop]')!.click();
    await until('released', () => inView(el, 'button[data-wallet-button]')!.getAttribute('aria-disabled') === null);
    // A connection request pays nothing: the payer is not asked to reject it.
    expect(text(el, '[data-wallet-status]')).to.equal('');
    expect(inView(el, '[data-wallet-left-open]')).to.equal(null);
    // The payer approves the forgotten connection request: no switch, no transaction from it.
    await wallet.release();
    await new Promise((settled) => setTimeout(settled, 0));
    expect(wallet.calls.map((call) => call.method)).to.deep.equal(['eth_requestAccounts']);
    expect(text(el, '[data-wallet-problem]')).to.equal('');
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
    await stepIs(el, 'confirming');
    const sends = wallet.calls.filter((call) => call.method === 'eth_sendTransaction');
    expect(sends).to.have.length(1);
    expect((sends[0]!.params![0] as {chainId: string}).chainId).to.equal('0x14a34');
  });

  it('stopped while the wallet holds the transaction, the payer is told to reject it there, until the wallet answers', async () => {
    wallet = announceWallet({chainId: 84532, held: 'eth_sendTransaction'});
    const {el} = await paying();
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
    await until('asked to confirm', () => text(el, '[data-wallet-status]') === 'Confirm the payment in Test Wallet…');
    inView(el, 'button[data-wallet-stop]')!.click();
    const told = 'If your wallet still shows the payment request, reject it there.';
    await until('told to reject it', () => text(el, '[data-wallet-left-open]') === told);
    // Free again, on the render that follows the state (the note and the button are two leaves').
    await until(
      'the wallet button free',
      () => inView<HTMLButtonElement>(el, 'button[data-wallet-button]')!.getAttribute('aria-disabled') === null,
    );
    // The payer rejects it in the wallet: nothing is left there, and nothing more is said.
    await wallet.release({code: 4001, message: 'User rejected the request.'});
    await until('no longer told', () => !inView(el, '[data-wallet-left-open]'));
    expect(text(el, '[data-wallet-problem]')).to.equal('');
    expect(el.state.step).to.equal('awaiting-payment');
  });

  it('presses in one task (a host calling click() twice) make one request: the first is not dropped for the second (wallet probe)', async () => {
    wallet = announceWallet({chainId: 84532});
    const {el} = await paying();
    const button = await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]');
    button.click();
    button.click();
    button.click();
    await stepIs(el, 'confirming');
    expect(wallet.calls.map((call) => call.method).filter((method) => method !== 'eth_chainId')).to.deep.equal([
      'eth_requestAccounts',
      'eth_sendTransaction',
    ]);
  });

  it('while the wallet holds the transaction the price line says nothing false: no countdown run out, no inert "Get a new price" (wallet probe)', async function () {
    this.timeout(30_000);
    wallet = announceWallet({chainId: 84532, held: 'eth_sendTransaction'});
    // Each quote holds 33 s: its last 30 s, when the payer is told to get a new price, begin 3 s in.
    const {el} = await paying({variants: {quoteTtlSeconds: 33}});
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
    await until('asked to confirm', () => text(el, '[data-wallet-status]') === 'Confirm the payment in Test Wallet…');
    await until('into its last 30 s', () => el.state.quoteExpiresAtMono! - performance.now() < 29_000);
    const details = deep<HTMLElement & {updateComplete: Promise<unknown>}>(el.shadowRoot!, 'pepay-payment-details')!;
    await el.updateComplete;
    await details.updateComplete;
    expect([inView(el, '[data-quote]'), inView(el, '[data-quote-ending]'), inView(el, 'button[data-refresh-quote]')]).to.deep.equal([
      null,
      null,
      null,
    ]);
    // Refused in the wallet: the price is the payer's to renew again.
    await wallet.release({code: 4001, message: 'User rejected the request.'});
    await until('offered a new price', () => inView(el, 'button[data-refresh-quote]'));
    expect(text(el, '[data-quote-ending]')).to.match(/^This price is about to run out/);
  });

  it("a new session given while the wallet holds the old one's transaction: the payer is told to reject it there, and what it sends is not the new invoice's (wallet probe)", async function () {
    this.timeout(30_000);
    wallet = announceWallet({chainId: 84532, held: 'eth_sendTransaction'});
    const {el} = await paying();
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
    await until('asked to confirm', () => text(el, '[data-wallet-status]') === 'Confirm the payment in Test Wallet…');
    const next = await createSession({customer_email: 'a@example.com'});
    Object.assign(el, {sessionToken: next.session_token, signature: next.signature});
    await until('the new invoice', () => el.state.invoiceId === next.invoice_id);
    await toPayment(el);
    const told = 'If your wallet still shows the payment request, reject it there.';
    await until('told to reject it', () => text(el, '[data-wallet-left-open]') === told);
    // Approved anyway: it paid the old invoice's address. The note goes; the new invoice waits for nothing.
    await wallet.release();
    await until('no longer told', () => !inView(el, '[data-wallet-left-open]'));
    expect([el.state.step, el.state.walletTx, el.state.detected]).to.deep.equal(['awaiting-payment', null, null]);
  });

  it('a request left open that the wallet then answers with an error or no hash says it may have sent (review)', async () => {
    for (const answer of [{code: -32603, message: 'Internal error'}, undefined]) {
      // An error past the request, or (the sibling) an answer that is no transaction hash.
      wallet = announceWallet({chainId: 84532, held: 'eth_sendTransaction', ...(answer ? {} : {sendAnswer: 'not a hash'})});
      const {el} = await paying();
      (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
      await until('asked to confirm', () => text(el, '[data-wallet-status]') === 'Confirm the payment in Test Wallet…');
      inView(el, 'button[data-wallet-stop]')!.click();
      await until('told to reject it', () => inView(el, '[data-wallet-left-open]'));
      await wallet.release(answer);
      await until('no longer told', () => !inView(el, '[data-wallet-left-open]'));
      await until('told it may have sent', () => text(el, '[data-wallet-problem]').startsWith('The wallet did not say whether it sent'));
      expect(el.state.step).to.equal('awaiting-payment');
      el.remove();
      wallet.stop();
    }
  });

  it('a request still open in the wallet is still said while another press is refused, until the wallet answers it', async () => {
    const refusal = {code: 4001, message: 'User rejected the request.'};
    wallet = announceWallet({
      chainId: 84532,
      held: 'eth_sendTransaction',
      fail: {method: 'eth_sendTransaction', error: refusal, fromCall: 2},
    });
    const {el} = await paying();
    const told = 'If your wallet still shows the payment request, reject it there.';
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
    await until('asked to confirm', () => text(el, '[data-wallet-status]') === 'Confirm the payment in Test Wallet…');
    inView(el, 'button[data-wallet-stop]')!.click();
    await until('told to reject it', () => text(el, '[data-wallet-left-open]') === told);
    // Pressed again: the wallet is asked a second time, and that request is refused at once.
    inView<HTMLButtonElement>(el, 'button[data-wallet-button]')!.click();
    await until('the refusal said', () => text(el, '[data-wallet-problem]').startsWith('You declined in the wallet.'));
    expect(text(el, '[data-wallet-left-open]')).to.equal(told);
    await wallet.release(refusal);
    await until('no longer told', () => !inView(el, '[data-wallet-left-open]'));
  });

  it('a payment seen while the wallet still asks to connect: the wallet is asked nothing more, and the price is made again', async () => {
    wallet = announceWallet({chainId: 84532, held: 'eth_requestAccounts'});
    const {el, s} = await paying(null, 40);
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
    await until('waiting', () => inView(el, 'button[data-wallet-stop]'));
    // Paid in part from elsewhere (another device): the buttons go with the step.
    await simulate(s.invoice_id, 'pay', {amount: 'partial'});
    await stepIs(el, 'underpaid');
    await until('priced again', () => el.state.busy === null && deepText(el.shadowRoot!).includes('Send exactly 20.00 USDC'));
    await wallet.release();
    await new Promise((settled) => setTimeout(settled, 0));
    expect(wallet.calls.map((call) => call.method)).to.deep.equal(['eth_requestAccounts']);
  });

  it('a transaction the wallet sends after the payer left the payment view is still recorded and waited for', async () => {
    wallet = announceWallet({chainId: 84532, held: 'eth_sendTransaction'});
    const {el} = await paying();
    const sent = captured<{txHash: string}>(el, 'pepay-wallet-transaction');
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
    await until('asked to send', () => wallet!.calls.some((call) => call.method === 'eth_sendTransaction'));
    inView(el, 'button[data-wallet-stop]')!.click();
    await until('released', () => inView(el, 'button[data-wallet-button]')?.getAttribute('aria-disabled') === null);
    buttonNamed(el.shadowRoot!, 'Choose another token').click();
    await stepIs(el, 'select-token');
    // The payer approves the request still open in the wallet: it was sent, so it is waited for.
    await wallet.release();
    await stepIs(el, 'confirming');
    expect(sent.map((detail) => detail.txHash)).to.deep.equal([WALLET_TX_HASH]);
  });

  it('a storefront that moves the checkout while the wallet holds the transaction keeps the press: what the wallet sends is waited for', async () => {
    wallet = announceWallet({chainId: 84532, held: 'eth_sendTransaction'});
    const {el} = await paying();
    const sent = captured<{txHash: string}>(el, 'pepay-wallet-transaction');
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
    await until('asked to confirm', () => text(el, '[data-wallet-status]') === 'Confirm the payment in Test Wallet…');
    const other = document.createElement('section');
    document.body.append(other);
    other.append(el);
    await el.updateComplete;
    // Still waiting for this wallet, not told to reject the request there.
    expect(text(el, '[data-wallet-status]')).to.equal('Confirm the payment in Test Wallet…');
    await wallet.release();
    await stepIs(el, 'confirming');
    expect(sent.map((detail) => detail.txHash)).to.deep.equal([WALLET_TX_HASH]);
    other.remove();
  });

  it('one provider announced under two uuids gets one button', async () => {
    let provider: unknown = null;
    const grab = (event: Event) => (provider ??= (event as CustomEvent<{provider: unknown}>).detail.provider);
    window.addEventListener('eip6963:announceProvider', grab);
    wallet = announceWallet({chainId: 84532});
    window.removeEventListener('eip6963:announceProvider', grab);
    const twin = () =>
      window.dispatchEvent(
        new CustomEvent('eip6963:announceProvider', {
          detail: {info: {uuid: crypto.randomUUID(), name: 'Twin', icon: '', rdns: 'x'}, provider},
        }),
      );
    window.addEventListener('eip6963:requestProvider', twin);
    try {
      const {el} = await paying();
      await deepReady(el.shadowRoot!, 'button[data-wallet-button]');
      await el.updateComplete;
      expect(deep(el.shadowRoot!, 'pepay-wallet-buttons')!.shadowRoot!.querySelectorAll('button[data-wallet-button]')).to.have.length(1);
    } finally {
      window.removeEventListener('eip6963:requestProvider', twin);
    }
  });

  it('a payer who stops waiting for a transaction Pepay never sees goes back to the payment details', async () => {
    wallet = announceWallet({chainId: 84532});
    const {el} = await paying();
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
    await stepIs(el, 'confirming');
    expect(text(el, '[data-step-heading]')).to.equal('Sent from your wallet, waiting for the network');
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-stop-waiting]')).click();
    await stepIs(el, 'awaiting-payment');
    expect(inView(el, 'a[data-open-wallet]')).to.not.equal(null);
  });

  // Found by a wallet probe: the paid screen named the wallet's transaction, which the payer had
  // left as dropped, though another one paid.
  it('a payer who left the wallet transaction and paid another way: the paid screen names no transaction of the wallet', async () => {
    wallet = announceWallet({chainId: 84532});
    const {s, el} = await paying();
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
    await stepIs(el, 'confirming');
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-stop-waiting]')).click();
    await stepIs(el, 'awaiting-payment');
    const paidOtherwise = `0x${'cd'.repeat(32)}`;
    await simulate(s.invoice_id, 'pay', {amount: 'full', pending: true, tx_hash: paidOtherwise});
    await stepIs(el, 'confirming');
    await until('the hash seen', () => text(el, '[data-tx-hash]') === paidOtherwise);
    await simulate(s.invoice_id, 'confirm');
    await stepIs(el, 'paid');
    await el.updateComplete;
    expect(el.state.walletTx).to.equal(null);
    expect(deepText(el.shadowRoot!)).to.not.include(WALLET_TX_HASH);
  });

  // Found by a wallet probe: the page was told of one transaction twice.
  it('a wallet asked again that answers with the transaction it sent before: pepay-wallet-transaction once; another one is told', async () => {
    wallet = announceWallet({chainId: 84532});
    const {el} = await paying();
    const told = captured<{txHash: string}>(el, 'pepay-wallet-transaction');
    for (let press = 0; press < 2; press++) {
      (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
      await stepIs(el, 'confirming');
      (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-stop-waiting]')).click();
      await stepIs(el, 'awaiting-payment');
    }
    expect(told.map((detail) => detail.txHash)).to.deep.equal([WALLET_TX_HASH]);
    // Another wallet on the page sends another transaction: told.
    const other = `0x${'cd'.repeat(32)}`;
    const second = announceWallet({name: 'Other Wallet', chainId: 84532, sendAnswer: other});
    try {
      const named = () =>
        deepAll<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]').find((b) => b.textContent?.includes('Other Wallet'));
      await until('its button', named);
      named()!.click();
      await stepIs(el, 'confirming');
    } finally {
      second.stop();
    }
    expect(told.map((detail) => detail.txHash)).to.deep.equal([WALLET_TX_HASH, other]);
  });

  // Found by a wallet probe: a second checkout of the session (a modal beside the inline one, another
  // tab) stayed on the payment details while the first waited for what its wallet sent, its wallet
  // button inviting a second payment.
  it('a payment sent from one checkout of a session is waited for in the others, on the payment details or the token list', async () => {
    wallet = announceWallet({chainId: 84532});
    const s = await createSession({customer_email: 'a@example.com', amount_usd: 49.99});
    const [a, b, c] = [mountCheckout(s), mountCheckout(s), mountCheckout(s)];
    // All three loaded before any token is picked: one loaded after a place was kept restores it
    // (a loaded CI machine loaded the third after the first had its address).
    for (const el of [a, b, c]) await stepIs(el, 'select-token');
    await toPayment(a);
    await toPayment(b);
    expect(c.state.step).to.equal('select-token');
    await deepReady(b.shadowRoot!, 'button[data-wallet-button]');
    (await deepReady<HTMLButtonElement>(a.shadowRoot!, 'button[data-wallet-button]')).click();
    await stepIs(a, 'confirming');
    for (const other of [b, c]) {
      await stepIs(other, 'confirming');
      expect(other.state.detected?.txHash).to.equal(WALLET_TX_HASH);
      expect(inView(other, 'button[data-wallet-button]')).to.equal(null);
      // What to do if the wallet dropped it: this checkout waits by what it was told.
      expect(text(other, '[data-confirming-body]')).to.include('go back to the payment details');
    }
    expect(wallet.calls.filter((call) => call.method === 'eth_sendTransaction')).to.have.length(1);
    // Confirmed: every one of them is paid.
    await simulate(s.invoice_id, 'pay', {amount: 'full', tx_hash: WALLET_TX_HASH});
    for (const el of [a, b, c]) await stepIs(el, 'paid');
  });

  it('a refusal in the wallet (4001) goes back to the choices with a short notice, not an error', async () => {
    wallet = announceWallet({chainId: 84532, fail: {method: 'eth_sendTransaction', error: {code: 4001, message: 'User rejected'}}});
    const {el} = await paying();
    const errors = captured(el, 'pepay-error');
    const pressed = await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]');
    pressed.focus();
    pressed.click();
    await until('notice', () => text(el, '[data-wallet-problem]'));
    expect(text(el, '[data-wallet-problem]')).to.equal(
      'You declined in the wallet. Nothing was sent. Pay with the wallet again, or copy the details instead.',
    );
    expect(el.state.step).to.equal('awaiting-payment');
    expect(errors).to.deep.equal([]);
    await until(
      'buttons usable again',
      () => inView<HTMLButtonElement>(el, 'button[data-wallet-button]')!.getAttribute('aria-disabled') === null,
    );
    // The keyboard's place is the button pressed all along, not the page's body.
    expect(inView(el, 'pepay-wallet-buttons')?.shadowRoot?.activeElement).to.equal(pressed);
  });

  it('a wallet that throws before sending says nothing was sent', async () => {
    wallet = announceWallet({chainId: 84532, fail: {method: 'eth_requestAccounts', error: new Error('boom')}});
    const {el} = await paying();
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
    await until('notice', () => text(el, '[data-wallet-problem]'));
    expect(text(el, '[data-wallet-problem]')).to.contain('Nothing was sent');
    expect(el.state.busy).to.equal(null);
  });

  it('a wallet that answers the send with garbage may have sent: the payer is told to check, never "nothing was sent"', async () => {
    wallet = announceWallet({chainId: 84532, sendAnswer: '<img src=x onerror=alert(1)>'});
    const {el} = await paying();
    (await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]')).click();
    await until('notice', () => text(el, '[data-wallet-problem]'));
    expect(text(el, '[data-wallet-problem]')).to.contain('did not say whether it sent');
    expect(inView(el, 'img[src="x"]')).to.equal(null);
    expect(el.state.step).to.equal('awaiting-payment');
    expect(inView(el, 'button[data-copy-button="address"], [data-copy="address"]')).to.not.equal(null);
  });

  it('a legacy injected window.ethereum (no EIP-6963) is offered as the browser wallet and pays', async () => {
    const calls: string[] = [];
    const answers: Record<string, unknown> = {
      eth_requestAccounts: [WALLET_ACCOUNT],
      eth_chainId: '0x14a34',
      eth_sendTransaction: WALLET_TX_HASH,
    };
    (window as unknown as {ethereum?: unknown}).ethereum = {
      request: ({method}: {method: string}) => (calls.push(method), Promise.resolve(answers[method])),
    };
    try {
      const {el} = await paying();
      const button = await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]');
      expect(button.textContent?.trim()).to.equal('Pay with your browser wallet');
      button.click();
      await stepIs(el, 'confirming');
      expect(calls).to.deep.equal(['eth_requestAccounts', 'eth_chainId', 'eth_sendTransaction']);
      expect(el.state.walletTx).to.deep.equal({wallet: 'window.ethereum', chainId: 84532, txHash: WALLET_TX_HASH});
    } finally {
      delete (window as unknown as {ethereum?: unknown}).ethereum;
    }
  });

  it('a two-faced announcement is read once: the icon checked is the icon shown, the name a string to the end', async () => {
    let iconReads = 0;
    let nameReads = 0;
    const info = {
      uuid: crypto.randomUUID(),
      rdns: 'org.example.two-faced',
      get icon() {
        return ++iconReads === 1 ? 'data:image/png;base64,AAAA' : `${location.origin}/tracker.png?payer=1`;
      },
      get name() {
        return ++nameReads === 1 ? 'Safe' : {replace: () => ({trim: () => ({length: 5})})};
      },
    };
    wallet = announceWallet({chainId: 84532, info});
    const {el} = await paying();
    const sent = captured<{wallet: unknown}>(el, 'pepay-wallet-transaction');
    const button = await deepReady<HTMLButtonElement>(el.shadowRoot!, 'button[data-wallet-button]');
    expect([button.textContent!.trim(), button.querySelector('img')?.getAttribute('src')]).to.deep.equal([
      'Pay with \u2068Safe\u2069',
      'data:image/png;base64,AAAA',
    ]);
    button.click();
    await stepIs(el, 'confirming');
    expect(sent.map((detail) => detail.wallet)).to.deep.equal(['Safe']);
    expect([iconReads, nameReads]).to.deep.equal([1, 1]);
  });

  it('wallet names: a long one wraps inside the card, one cut mid-emoji or mid-flags keeps whole characters, a blank one gets no button', async () => {
    wallet = announceWallet({chainId: 84532, name: 'W'.repeat(60)});
    const emoji = announceWallet({chainId: 84532, name: 'a'.repeat(30) + '😀'.repeat(40)});
    const blank = announceWallet({chainId: 84532, name: '\u3164\u3164'});
    const flags = announceWallet({chainId: 84532, name: 'b'.repeat(30) + '🇩🇪'.repeat(40)});
    // One character as seen may join any number of emoji (ZWJ sequences, UAX #29 GB11): cut by
    // length too, never half of it. (Stacked marks are eight at most before: wallet-hostile.test.ts.)
    const joined = `${'😀\u200d'.repeat(200)}😀`;
    const stacked = announceWallet({chainId: 84532, name: `Safe ${joined}`});
    const alone = announceWallet({chainId: 84532, name: joined});
    try {
      const {el} = await paying();
      await until('four buttons', () => el.shadowRoot && deep(el.shadowRoot, 'button[data-wallet-button="3"]'));
      await until('five buttons', () => deep(el.shadowRoot!, 'button[data-wallet-button="4"]'));
      const buttons = [0, 1, 2, 3, 4, 5].map((index) => inView<HTMLButtonElement>(el, `button[data-wallet-button="${index}"]`));
      expect(buttons[5]).to.equal(null);
      const card = el.getBoundingClientRect();
      expect(buttons[0]!.getBoundingClientRect().right).to.be.at.most(card.right);
      const cut = buttons[1]!.textContent!.trim();
      expect(cut.endsWith('😀…\u2069')).to.equal(true);
      expect(cut).not.to.match(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      // 60 characters as seen: 30 letters, 29 flags, "…"; never half a flag.
      expect(buttons[2]!.textContent!.trim()).to.equal(`Pay with \u2068${'b'.repeat(30)}${'🇩🇪'.repeat(29)}…\u2069`);
      expect(buttons[3]!.textContent!.trim()).to.equal('Pay with \u2068Safe …\u2069');
      // Its only character too long on its own: its first code point is kept, and the wallet keeps its button.
      expect(buttons[4]!.textContent!.trim()).to.equal('Pay with \u2068😀…\u2069');
    } finally {
      alone.stop();
      stacked.stop();
      flags.stop();
      emoji.stop();
      blank.stop();
    }
  });

  it('a wallet name keeps its joined emoji but no bidi override or line break, and a long one wraps inside the card while its request is open too (found by a payer walk)', async () => {
    const pride = announceWallet({chainId: 84532, name: 'Pride 🏳️‍🌈'});
    // A bidi override and a line break are no part of a name: "Safe Wallet", never reversed.
    const reversed = announceWallet({chainId: 84532, name: 'Safe\u202e\nWallet'});
    wallet = announceWallet({chainId: 84532, name: 'W'.repeat(200), held: 'eth_sendTransaction'});
    try {
      const {el} = await paying();
      await until('three buttons', () => inView(el, 'button[data-wallet-button="2"]'));
      expect(text(el, 'button[data-wallet-button="0"]')).to.equal('Pay with Pride 🏳️‍🌈');
      expect(text(el, 'button[data-wallet-button="1"]')).to.equal('Pay with Safe Wallet');
      inView<HTMLButtonElement>(el, 'button[data-wallet-button="2"]')!.click();
      await until('asked to confirm', () => text(el, '[data-wallet-status]').startsWith('Confirm the payment in WWW'));
      // The name cut short ends with its "…", and the sentence's own is not said twice (found by a payer walk).
      expect(text(el, '[data-wallet-status]')).to.equal(`Confirm the payment in ${'W'.repeat(59)}…`);
      el.locale = 'de';
      await until('in German', () => text(el, '[data-wallet-status]').startsWith('Bestätige'));
      expect(text(el, '[data-wallet-status]')).to.equal(`Bestätige die Zahlung in ${'W'.repeat(59)}…`);
      const card = el.getBoundingClientRect();
      for (const selector of ['[data-wallet-status]', 'button[data-wallet-stop]']) {
        expect(inView(el, selector)!.getBoundingClientRect().right, selector).to.be.at.most(card.right);
      }
    } finally {
      reversed.stop();
      pride.stop();
    }
  });

  it('a legacy window.ethereum that throws when read: no wallet button, nothing thrown into the page, the copy path stays', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    Object.defineProperty(window, 'ethereum', {
      configurable: true,
      get() {
        throw new Error('hostile ethereum');
      },
    });
    try {
      const {el} = await paying();
      await deepReady(el.shadowRoot!, 'a[data-open-wallet]');
      await el.updateComplete;
      expect(inView(el, 'button[data-wallet-button]')).to.equal(null);
      expect(inView(el, '[data-copy="address"]')?.textContent).to.equal(el.state.address!.address);
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      delete (window as unknown as {ethereum?: unknown}).ethereum;
    }
  });

  it('with no wallet on the page there is no wallet button, and nothing else changes', async () => {
    const {el} = await paying();
    await until('wallet chunk', () => customElements.get('pepay-wallet-buttons'));
    await el.updateComplete;
    expect(inView(el, 'button[data-wallet-button]')).to.equal(null);
    expect(inView(el, 'a[data-open-wallet]')).to.not.equal(null);
    expect(await qrText(el)).to.match(/^ethereum:/);
  });

  it('a payment seen on the stream shows "confirming" with its hash, fires pepay-payment-detected once, then paid', async () => {
    const {s, el} = await paying();
    const detected = captured<Record<string, unknown>>(el, 'pepay-payment-detected');
    const paid = captured(el, 'pepay-paid');
    const hash = `0x${'cd'.repeat(32)}`;
    await simulate(s.invoice_id, 'pay', {pending: true, tx_hash: hash});
    await stepIs(el, 'confirming');
    await until('hash', () => text(el, '[data-tx-hash]') === hash);
    expect(paid).to.deep.equal([]);
    const pending = (await inspect(s.invoice_id)) as unknown as {pending_payment: {paymentId: string}};
    expect(detected).to.deep.equal([{invoiceId: s.invoice_id, paymentId: pending.pending_payment.paymentId, txHash: hash}]);
    await simulate(s.invoice_id, 'confirm');
    await stepIs(el, 'paid');
    expect(paid).to.have.length(1);
  });

  it('Solana, with a 243-character Chinese description: the QR holds the request with the description cut, not a blank square', async () => {
    const el = await solanaCheckout({merchant_name: '咖啡店', description: '订单'.repeat(121) + '杯'});
    const uri = new URL((await qrText(el))!);
    expect([uri.searchParams.get('amount'), uri.searchParams.get('label'), uri.searchParams.get('message')]).to.deep.equal([
      '12.50',
      '咖啡店',
      `${'订单'.repeat(4)}订…`,
    ]);
    expect(inView<HTMLAnchorElement>(el, 'a[data-open-wallet]')!.href).to.equal(uri.href);
  });

  it('a value too long for any QR code is said in its place, not thrown', async () => {
    const qr = document.createElement('pepay-qr');
    Object.assign(qr, {value: 'x'.repeat(3000), label: 'QR', unavailable: 'No QR code: copy the address instead.'});
    document.body.append(qr);
    try {
      await until('said', () => qr.shadowRoot?.querySelector('p')?.textContent === 'No QR code: copy the address instead.');
      expect(qr.shadowRoot!.querySelector('svg')).to.equal(null);
    } finally {
      qr.remove();
    }
  });

  it('Solana: a Solana Pay request in the QR and the link, and no browser-wallet buttons', async () => {
    wallet = announceWallet({chainId: 1});
    const el = await solanaCheckout({merchant_name: 'Café Ω', description: 'Mug & tea'});
    const uri = await qrText(el);
    expect(uri).to.equal(
      `solana:${el.state.address!.address}?amount=12.50&spl-token=4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU&label=Caf%C3%A9%20%CE%A9&message=Mug%20%26%20tea`,
    );
    // The amount as the heading writes it: one amount, one writing.
    expect(el.shadowRoot!.querySelector('[data-step-heading]')!.textContent).to.include('12.50 ');
    expect(inView(el, 'pepay-wallet-buttons')).to.equal(null);
  });
});
