import {css, html, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import {networkName} from '../../checkout/format.js';
import {controlStyles, leafHostStyles} from '../../styles/controls.js';
import {watchWallets, type WalletChoice} from '../../wallet/discovery.js';
import {sendTransfer, WalletError, type SendPhase} from '../../wallet/eip1193.js';
import type {EvmTransfer} from '../../wallet/payment-request.js';
import {PepayLeaf} from '../leaf.js';
import {enViews, type ViewMessages} from '../../i18n/en-views.js';

/**
 * "Pay with <wallet>" for each browser wallet on the page (EIP-6963, else `window.ethereum`):
 * connect, switch chain, send, then the transaction goes up as the payer action `wallet-sent`.
 * A refusal or a wallet fault is a short notice beside the buttons; the copy path stays. With no
 * wallet, nothing is shown. Its own chunk (src/wallet), fetched for the address step.
 *
 * @tagname pepay-wallet-buttons
 * @summary Browser-wallet payment buttons (EIP-6963 / EIP-1193).
 */
export class PepayWalletButtons extends PepayLeaf {
  static override styles = [
    leafHostStyles,
    controlStyles,
    css`
      button {
        display: inline-flex;
        align-items: center;
        gap: 8px;
        min-height: 44px;
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

  /** Strings only the lazy views show (a catalogue of their own, src/i18n/en-views.ts). */
  @property({attribute: false}) viewMessages: ViewMessages = enViews;

  /** The transaction that pays the request (from `paymentRequest`). */
  @property({attribute: false}) transfer: EvmTransfer | null = null;
  /** The API's network name, for the payer's messages. */
  @property() network = '';
  /** No new payment while the checkout is busy (a price being made again). */
  @property({type: Boolean}) disabled = false;

  @state() private wallets: WalletChoice[] = [];
  /** The wallet being used and where it is, or null. */
  @state() private using: {name: string; phase: SendPhase} | null = null;
  @state() private problem = '';
  private stopWatching: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWatching = watchWallets((wallets) => (this.wallets = wallets));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching?.();
    this.stopWatching = null;
  }

  override render() {
    if (!this.transfer || this.wallets.length === 0) return nothing;
    return html`<div class="stack">
      <div class="row">
        ${this.wallets.map(
          (wallet) =>
            html`<button data-wallet-button @click=${() => void this.pay(wallet)} ?disabled=${this.disabled || this.using !== null}>
              ${wallet.icon ? html`<img src=${wallet.icon} alt="" />` : nothing}${this.viewMessages.payWith(wallet.name || this.viewMessages.browserWallet)}
            </button>`,
        )}
      </div>
      <p role="status" class="muted" data-wallet-status>${this.using ? this.phaseText(this.using.name, this.using.phase) : ''}</p>
      ${this.problem ? html`<p role="alert" class="problem" data-wallet-problem>${this.problem}</p>` : nothing}
    </div>`;
  }

  private phaseText(name: string, phase: SendPhase): string {
    const w = this.viewMessages.wallet;
    if (phase === 'switching') return w.switching(networkName(this.network));
    return phase === 'connecting' ? w.connecting(name) : w.confirm(name);
  }

  private async pay(wallet: WalletChoice): Promise<void> {
    const transfer = this.transfer;
    if (!transfer) return;
    const name = wallet.name || this.viewMessages.browserWallet;
    this.problem = '';
    try {
      const sent = await sendTransfer(wallet.provider, transfer, (phase) => (this.using = {name, phase}));
      this.act({type: 'wallet-sent', wallet: wallet.name || 'window.ethereum', chainId: sent.chainId, txHash: sent.txHash});
    } catch (error) {
      const w = this.viewMessages.wallet;
      const kind = error instanceof WalletError ? error.kind : 'failed';
      this.problem = kind === 'wrong-chain' ? w.wrongChain(networkName(this.network)) : w[kind];
    } finally {
      this.using = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pepay-wallet-buttons': PepayWalletButtons;
  }
}
