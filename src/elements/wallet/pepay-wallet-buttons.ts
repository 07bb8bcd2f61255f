import {css, html, nothing} from 'lit';
import {property} from 'lit/decorators/property.js';
import {state} from 'lit/decorators/state.js';
import {controlStyles, leafHostStyles} from '../../styles/controls.js';
import {isolate} from '../../checkout/format.js';
import {watchWallets, type WalletChoice} from '../../wallet/discovery.js';
import {sendTransfer, WalletError, type SendPhase} from '../../wallet/eip1193.js';
import type {EvmTransfer} from '../../wallet/payment-request.js';
import {PepayViewLeaf} from '../view-leaf.js';

/**
 * "Pay with <wallet>" for each browser wallet on the page (EIP-6963, else `window.ethereum`):
 * connect, switch chain, send, then the transaction goes up as the payer action `wallet-sent`.
 * A refusal or a wallet fault is a short notice beside the buttons; the copy path stays. With no
 * wallet, nothing is shown. Its own chunk (src/wallet), fetched for the address step.
 *
 * @tagname pepay-wallet-buttons
 * @summary Browser-wallet payment buttons (EIP-6963 / EIP-1193).
 */
export class PepayWalletButtons extends PepayViewLeaf {
  static override styles = [
    leafHostStyles,
    controlStyles,
    css`
      button {
        display: inline-flex;
        align-items: center;
        gap: 8px;
        /* A wallet names itself: a long name wraps inside the card, never widens the page. */
        max-inline-size: 100%;
        /* WebKit wraps a right-to-left label's long word with this, not with the card's overflow-wrap. */
        word-break: break-word;
        text-align: start;
      }
      img {
        width: 24px;
        height: 24px;
      }
      .problem {
        color: var(--_danger);
      }
    `,
  ];

  /** The transaction that pays the request (from `paymentRequest`). */
  @property({attribute: false}) transfer: EvmTransfer | null = null;
  /** The invoice it pays: each answer of the wallet names it, so the checkout takes it for no other. */
  @property({attribute: false}) invoiceId = '';
  /** The chain's name as the payer's wallet shows it (a test network's on devnet). */
  @property() network = '';
  /**
   * No new payment while the checkout is busy (a price being made again, a wallet request open):
   * the buttons say so (`aria-disabled`) and keep the keyboard's place.
   */
  @property({type: Boolean}) busy = false;

  @state() private wallets: WalletChoice[] = [];
  /** The wallet being used and where it is, or null. */
  @state() private using: {name: string; phase: SendPhase} | null = null;
  @state() private problem = '';
  private stopWatching: (() => void) | null = null;
  /**
   * The press being waited for: aborted when the payer stops waiting or the buttons go, so a
   * wallet that answers late is asked nothing more, and its late failure is not said.
   */
  private attempt: AbortController | null = null;
  /** What the press being waited for asked the wallet to send, and for which invoice. */
  private attempted: (EvmTransfer & {invoiceId: string}) | null = null;
  /** Presses whose transaction the wallet held when they were dropped: their answer says so (`leftOpen`). */
  private readonly leftOpen = new WeakSet<AbortController>();
  /** The button to give the keyboard to once "Stop waiting" (which had it) is gone. */
  private refocus: number | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWatching ??= watchWallets((wallets) => (this.wallets = wallets));
  }

  // Moved in the page (out and back in synchronously, the checkout around it too): the wallets and
  // the press waited for stay. Only buttons still off the page at the next microtask stop.
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.stopWatching?.();
      this.stopWatching = null;
      this.dropAttempt();
    });
  }

  /** A new amount or address (a payment seen meanwhile, a new price) is not what the wallet was asked for. */
  protected override willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('transfer') && this.attempted && !sameTransfer(this.attempted, this.transfer)) this.dropAttempt();
  }

  /**
   * Taken away mid-press, or the request moved on: the wallet is asked nothing more (a late
   * approval would pay the old request), and the checkout no longer holds its price for it. A
   * transaction the wallet already holds is left open there (EIP-1193 has no cancel): the
   * checkout tells the payer to reject it, on every view, until the wallet answers.
   */
  private dropAttempt(): void {
    if (!this.attempt || !this.attempted) return;
    const leftOpen = this.using?.phase === 'confirm';
    const invoiceId = this.attempted.invoiceId;
    if (leftOpen) this.leftOpen.add(this.attempt);
    this.attempt.abort();
    this.attempt = null;
    this.attempted = null;
    this.using = null;
    this.act({type: leftOpen ? 'wallet-left-open' : 'wallet-ended', invoiceId});
  }

  override render() {
    if (!this.transfer || this.wallets.length === 0) return nothing;
    const w = this.viewMessages;
    return html`<div class="stack">
      <div class="row">
        ${this.wallets.map(
          (wallet, index) =>
            html`<button data-wallet-button=${index} @click=${() => void this.pay(wallet)} aria-disabled=${this.busy ? 'true' : nothing}>
              ${wallet.icon ? html`<img src=${wallet.icon} alt="" />` : nothing}${w.payWith(this.named(wallet))}
            </button>`,
        )}
      </div>
      <p role="status" aria-live=${this.liveWhileRelabelling} class="muted" data-wallet-status>${this.statusText()}</p>
      ${
        // A wallet that never answers (its window closed) must not hold the payer: they may stop waiting.
        this.using ? html`<button data-wallet-stop @click=${this.stopWaiting}>${w.wallet.stopWaiting}</button>` : nothing
      }
      ${this.problem ? html`<p role="alert" class="problem" data-wallet-problem>${this.problem}</p>` : nothing}
    </div>`;
  }

  protected override updated(): void {
    if (this.refocus === null) return;
    this.renderRoot.querySelector<HTMLElement>(`[data-wallet-button="${this.refocus}"]`)?.focus();
    this.refocus = null;
  }

  private statusText(): string {
    const w = this.viewMessages.wallet;
    if (!this.using) return '';
    const {name, phase} = this.using;
    if (phase === 'switching') return w.switching(this.network);
    const said = phase === 'connecting' ? w.connecting(name) : w.confirm(name);
    // A name cut short ends with "…": a sentence's own "…" right after it is not said twice.
    return said.replace('…\u2069…', '…\u2069');
  }

  /**
   * The wallet as the sentences name it: its own name isolated (a name ending in "!" keeps it at
   * its end in an Arabic sentence, as the merchant's name does), else "your browser wallet".
   */
  private named(wallet: WalletChoice): string {
    return wallet.name ? isolate(wallet.name) : this.viewMessages.browserWallet;
  }

  private readonly stopWaiting = () => {
    this.dropAttempt();
    this.refocus = 0;
  };

  private async pay(wallet: WalletChoice): Promise<void> {
    const transfer = this.transfer;
    // One press at a time: a second one in the same task (a host's two click() calls) comes before
    // `busy` does, and must not abort the first (a wallet that keeps its prompt would then send nothing).
    if (!transfer || this.busy || this.attempt) return;
    const attempt = (this.attempt = new AbortController());
    const invoiceId = this.invoiceId;
    this.attempted = {...transfer, invoiceId};
    const name = this.named(wallet);
    this.problem = '';
    // The checkout holds the price and the token while the wallet has the request.
    this.act({type: 'wallet-started'});
    try {
      const sent = await sendTransfer(
        wallet.provider,
        transfer,
        (phase) => {
          if (attempt === this.attempt) this.using = {name, phase};
        },
        attempt.signal,
      );
      // Recorded even after the payer stopped waiting, or the buttons went: it was sent.
      const tx = {invoiceId, wallet: wallet.name || 'window.ethereum', chainId: sent.chainId, txHash: sent.txHash};
      this.act({type: 'wallet-sent', ...tx, ...(this.leftOpen.has(attempt) && {leftOpen: true})});
    } catch (error) {
      // Left open, then refused or failed in the wallet: nothing is left there to reject.
      if (this.leftOpen.has(attempt)) {
        this.act({type: 'wallet-ended', invoiceId, leftOpen: true});
        // Past the request the wallet may have sent: said as for a press waited on, unless another is under way.
        if (!this.attempt && error instanceof WalletError && error.kind === 'unknown') this.problem = this.viewMessages.wallet.unknown;
        return;
      }
      if (attempt !== this.attempt) return;
      this.act({type: 'wallet-ended', invoiceId});
      const w = this.viewMessages.wallet;
      const kind = error instanceof WalletError ? error.kind : 'failed';
      this.problem = kind === 'wrong-chain' ? w.wrongChain(this.network) : w[kind];
    } finally {
      if (attempt === this.attempt) {
        this.attempt = null;
        this.attempted = null;
        this.using = null;
      }
    }
  }
}

function sameTransfer(a: EvmTransfer, b: EvmTransfer | null): boolean {
  return b !== null && a.chainId === b.chainId && a.to === b.to && a.value === b.value && a.data === b.data;
}

declare global {
  interface HTMLElementTagNameMap {
    'pepay-wallet-buttons': PepayWalletButtons;
  }
}
