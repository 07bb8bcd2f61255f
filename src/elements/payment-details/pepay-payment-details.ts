import {html, nothing} from 'lit';
import {property} from 'lit/decorators/property.js';
import {state as ownState} from 'lit/decorators/state.js';
import {formatTokenPrice, formatUsd, networkName, trimAmount} from '../../checkout/format.js';
import {amountStillDue, paidSoFar} from '../../checkout/figures.js';
import {tokenOn} from '../../checkout/allocation.js';
import type {CheckoutState} from '../../checkout/types.js';
import {controlStyles, leafHostStyles} from '../../styles/controls.js';
import {CopyController} from '../copy.js';
import {PepayViewLeaf} from '../view-leaf.js';
import {paymentDetailsStyles} from './styles.js';
import {paymentRequest, type PaymentRequest} from '../../wallet/payment-request.js';
import {chainName} from '../../wallet/chains.js';
import type {QrContent} from '../../session.js';
import {createPepayEvent} from '../../events/contract.js';
import {walletLeftOpenNote} from '../left-open-note.js';
import {loadWalletButtons} from './wallet-buttons.js';
import {QuoteLine} from './quote-line.js';
import {AnswerLine} from './answer-line.js';
import type {PayerActionEvent} from '../../events/payer-action.js';

/**
 * The payment step's body: what is still due (after a partial payment), the QR, the deposit
 * address and amount with copy buttons, the network warning, the quote's countdown, and the
 * payer's ways on ("choose another token", "I already paid").
 *
 * @tagname pepay-payment-details
 * @summary Deposit address, amount, QR and copy buttons.
 */
export class PepayPaymentDetails extends PepayViewLeaf {
  static override styles = [leafHostStyles, controlStyles, paymentDetailsStyles];

  /** The checkout state (step `awaiting-payment` or `underpaid`). */
  @property({attribute: false}) state: CheckoutState | null = null;
  /** The merchant's fixed QR content (`''`: the payment request, and the payer may switch). */
  @property({attribute: false}) qrContent: QrContent = '';
  /** The merchant's EVM chain ids by network. */
  @property({attribute: false}) chainIds: Readonly<Record<string, number>> = {};

  /** The payer switched the QR to the bare address (some exchanges read nothing else). */
  @ownState() private addressOnly = false;

  private readonly clipboard = new CopyController(this);
  private readonly quote = new QuoteLine(this);
  private readonly answer = new AnswerLine();

  override render() {
    const state = this.state;
    const a = state?.address;
    if (!state || !a) return nothing;
    const m = this.messages;
    const token = tokenOn(state.tokens, a);
    const symbol = token?.symbol ?? '';
    const network = networkName(a.network);
    const underpaid = state.step === 'underpaid';
    // While the price is made again, or what is due moved since it was made, no amount is shown
    // or copied: only one amount is ever on screen, the right one.
    const pricing = state.busy === 'address' || (underpaid && state.quotedRemainingUsd !== state.amountRemainingUsd);
    const amount = a.tokenAmount && !pricing ? trimAmount(a.tokenAmount, token?.decimals ?? null) : '';
    // Only with an amount on screen: the request carries the same amount, or there is none.
    const request = amount ? this.requestFor(state) : null;
    const fixed = this.qrContent === 'request' || this.qrContent === 'address' ? this.qrContent : null;
    const qrHoldsRequest = Boolean(request?.uri) && (fixed ?? (this.addressOnly ? 'address' : 'request')) === 'request';
    const qrValue = qrHoldsRequest && request?.uri ? request.uri : a.address;
    const v = this.viewMessages;
    // A request left open in the wallet is said where the wallet's ways are, with or without them.
    const wallet = html`${walletLeftOpenNote(state, v)}${this.walletWays(state, request)}`;
    // On a phone the wallet is on the same device: opening it comes first, after what is still due
    // (in the document's order too, so the keyboard and screen readers meet it there).
    // One action at a time (the machine takes none while a request is in flight). Busy, not
    // disabled: the button pressed keeps the keyboard's place.
    const busy = state.busy === null ? nothing : 'true';
    const onPhone = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
    return html`<div class="stack">
      ${
        underpaid
          ? // A status region: another partial payment changes what is still due, and the payer hears it.
            html`<p role="status" aria-live=${this.liveWhileRelabelling} data-still-due>
                ${v.received(formatUsd(paidSoFar(state), this.locale))} ·
                <strong>${v.stillDue(formatUsd(amountStillDue(state), this.locale))}</strong>
              </p>
              <p class="muted">${v.underpaidHint(symbol, network)}</p>
              ${amount ? html`<p><strong>${m.sendExactly(amount, symbol, network)}</strong></p>` : nothing}`
          : nothing
      }
      ${onPhone ? wallet : nothing}
      <div class="pay">
        <div class="stack qr">
          <pepay-qr
            part="qr"
            .value=${qrValue}
            .label=${qrHoldsRequest ? v.qrRequestLabel(network) : v.qrLabel(network)}
            .unavailable=${v.qrUnavailable}
          ></pepay-qr>
          ${request?.uri ? html`<p class="muted" role="status" aria-live=${this.liveWhileRelabelling} data-qr-holds>${qrHoldsRequest ? v.qrHolds.request : v.qrHolds.address}</p>` : nothing}
          ${
            request?.uri && !fixed
              ? html`<button data-qr-switch @click=${() => (this.addressOnly = !this.addressOnly)}>
                  ${this.addressOnly ? v.qrShowRequest : v.qrShowAddress}
                </button>`
              : nothing
          }
        </div>
        <div class="stack">
          <p class="muted">${v.address}</p>
          <p class="address" part="address" data-copy="address" dir="ltr" title=${a.address}>${a.address}</p>
          ${
            amount
              ? html`<p class="muted">
                  ${v.amount} <strong><span data-copy="amount" dir="ltr">${amount}</span> ${symbol}</strong>
                </p>`
              : nothing
          }
          ${this.priceLine(a.exchangeRate, symbol)}
          <div class="row">
            ${this.clipboard.button('address', v.copyAddress, a.address, v)}
            ${
              // Kept, busy, while the price is made again: the keyboard on it stays there, and is not
              // put on a heading saying "Refreshing the price…" that says nothing when the price is back.
              amount || pricing ? this.clipboard.button('amount', v.copyAmount, amount || null, v) : nothing
            }
          </div>
          ${this.clipboard.status(v, this.liveWhileRelabelling)}
          <p class="muted">${v.onlyNetwork(network)}</p>
          ${this.quote.render(state, m, v, this.locale, (action) => this.act(action), this.liveWhileRelabelling)}
        </div>
      </div>
      ${onPhone ? nothing : wallet}
      <div class="row">
        ${
          // Offered where the machine takes it: never on an underpaid invoice's remainder.
          state.session?.locked || state.step !== 'awaiting-payment'
            ? nothing
            : html`<button data-change-token @click=${() => this.act({type: 'change-token'})} aria-disabled=${busy}>
                ${v.chooseAnother}
              </button>`
        }
        <button @click=${() => this.act({type: 'verify-requested'})} aria-disabled=${busy}>${v.alreadyPaid}</button>
      </div>
      <p class="verification" role="status" aria-live=${this.liveWhileRelabelling} data-verification>
        ${this.answer.words(state, v, this.locale, {symbol, network, amount}, pricing)}
      </p>
    </div>`;
  }

  /** The payment request for the address shown, or null when its token is not in the list. */
  private requestFor(state: CheckoutState): PaymentRequest | null {
    const a = state.address;
    const token = a && tokenOn(state.tokens, a);
    if (!a || !token) return null;
    const chainIds = typeof this.chainIds === 'object' && this.chainIds !== null ? this.chainIds : {};
    const s = state.session;
    const context = {
      environment: state.environment ?? 'mainnet',
      merchantName: s?.merchantName ?? '',
      description: s?.description ?? '',
      chainIds,
    };
    return paymentRequest(a, token, context);
  }

  /**
   * Paying from a wallet: "Open in wallet" (the request URI; first on touch screens) and the
   * browser wallets' buttons on EVM networks (their own chunk). Without a request, why not.
   */
  private walletWays(state: CheckoutState, request: PaymentRequest | null) {
    const network = state.address?.network ?? '';
    if (!request) return nothing;
    const m = this.messages;
    if (request.uri === null) return html`<p class="muted" data-no-wallet-link>${this.viewMessages.noWalletLink[request.reason]}</p>`;
    const uri = request.uri;
    const open = (event: MouseEvent) => {
      // Cancelable: a host in a WebView routes the link itself, and the page stays as it is.
      const deeplink = createPepayEvent('pepay-deeplink', {invoiceId: state.invoiceId ?? '', url: uri}, true);
      if (!this.dispatchEvent(deeplink)) event.preventDefault();
    };
    const transfer = request.transfer;
    if (transfer) loadWalletButtons();
    return html`<div class="wallet-ways">
      <a class="open-wallet" part="pay-button" href=${uri} data-open-wallet @click=${open}>${this.viewMessages.openInWallet}</a>
      ${
        transfer
          ? html`<pepay-wallet-buttons
              @payer-action=${this.passOn}
              .actor=${this.actor}
              .messages=${m}
              .views=${this.views}
              .transfer=${transfer}
              .invoiceId=${state.invoiceId ?? ''}
              .network=${chainName(network, state.environment ?? 'mainnet', networkName(network))}
              ?busy=${state.busy !== null}
            ></pepay-wallet-buttons>`
          : nothing
      }
    </div>`;
  }

  /** The wallet's payer action, sent on up to the checkout (payer actions do not cross shadow roots by themselves). */
  private readonly passOn = (event: PayerActionEvent) => {
    event.stopPropagation();
    this.act(event.action);
  };

  /**
   * For a token whose price moves (a rate other than 1 token per USD): the price the amount was
   * made at, so the small buffer in it is no surprise.
   */
  private priceLine(exchangeRate: string | null, symbol: string) {
    if (!exchangeRate || Math.abs(Number(exchangeRate) - 1) < 1e-6) return nothing;
    const price = formatTokenPrice(exchangeRate, this.locale);
    return price ? html`<p class="muted" data-price>${this.viewMessages.price(symbol, price)}</p>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pepay-payment-details': PepayPaymentDetails;
  }
}
