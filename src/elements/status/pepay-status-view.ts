import {css, html, nothing} from 'lit';
import {property} from 'lit/decorators/property.js';
import {formatMoment, formatUsd, isolate} from '../../checkout/format.js';
import {arrivedUsd, overpaidUsd} from '../../checkout/figures.js';
import {mayStopWaiting, sentFromWalletOnly} from '../../checkout/confirming.js';
import {sameTransaction} from '../../checkout/same-transaction.js';
import type {CheckoutState} from '../../checkout/types.js';
import {controlStyles, leafHostStyles} from '../../styles/controls.js';
import {DONE_EVENT} from '../../events/payer-action.js';
import {CopyController} from '../copy.js';
import {PepayViewLeaf} from '../view-leaf.js';
import {evmChainId, transactionUrl, walletTransactionUrl} from '../../wallet/chains.js';
import {walletLeftOpenNote} from '../left-open-note.js';

/**
 * A payment on its way (confirming, with its transaction), how the checkout ended, or why it cannot
 * go on: paid (with the time and any commerce order), expired, canceled — each with a copyable
 * invoice id for support — or the error step, with "Try again" when trying again can work.
 *
 * @tagname pepay-status-view
 * @summary Paid, expired, canceled and error views.
 */
export class PepayStatusView extends PepayViewLeaf {
  static override styles = [
    leafHostStyles,
    controlStyles,
    css`
      .status-icon {
        font-size: 2em;
      }
      /* The text colour, underlined: the merchant's accent as text may not read on the card (WCAG 1.4.3). */
      a {
        color: var(--_fg);
        text-decoration: underline;
      }
      .bad {
        color: var(--_danger);
        font-weight: 600;
      }
    `,
  ];

  /** The checkout state (step `paid`, `expired`, `canceled` or `error`). */
  @property({attribute: false}) state: CheckoutState | null = null;
  /** The merchant's EVM chain ids by network (for the transaction's explorer link). */
  @property({attribute: false}) chainIds: Readonly<Record<string, number>> = {};
  /** Shown in a modal: the last screens end with "Done", which closes it. */
  @property({type: Boolean}) closable = false;

  private readonly clipboard = new CopyController(this);

  override render() {
    const state = this.state;
    if (!state) return nothing;
    const m = this.messages;
    const v = this.viewMessages;
    switch (state.step) {
      case 'confirming': {
        const d = state.detected;
        return html`<div class="stack" part="status">
          <p data-confirming-body>${confirmingBody(d, v)}</p>
          ${walletLeftOpenNote(state, v)} ${this.transaction(state)}
          ${
            // Unheard by this page (the wallet's, a job's), or one it may not hear the end of (mayStopWaiting).
            mayStopWaiting(d)
              ? html`<div class="row">
                  <button data-stop-waiting @click=${() => this.act({type: 'stop-waiting'})}>
                    ${
                      // A wait read back without its address (its price went stale) goes back to the token list.
                      state.address ? v.backToPayment : m.selectTokenTitle
                    }
                  </button>
                </div>`
              : nothing
          }
          ${this.invoiceId(state)}
        </div>`;
      }
      case 'paid': {
        const over = overpaidUsd(state);
        const at = state.paidAt ? formatMoment(state.paidAt, this.locale) : '';
        return html`<div class="stack" part="status">
          <span class="status-icon" aria-hidden="true">✓</span>
          <p>${v.paidBody}</p>
          ${walletLeftOpenNote(state, v)} ${at ? html`<p class="muted">${v.paidAt(at)}</p>` : nothing}
          ${
            // The payer's wallet's transaction: their receipt, or one sent after the end, to give the merchant.
            this.transaction(state)
          }
          ${over ? html`<p data-overpaid>${v.overpaid(formatUsd(over, this.locale))}</p>` : nothing} ${this.order(state)}
          ${this.invoiceId(state)} ${this.done()}
        </div>`;
      }
      case 'expired':
      case 'canceled': {
        const arrived = arrivedUsd(state);
        return html`<div class="stack" part="status">
          <p>${state.step === 'expired' ? v.expiredBody : v.canceledBody}</p>
          ${walletLeftOpenNote(state, v)}
          ${arrived > 0 ? html`<p data-arrived><strong>${v.arrivedBeforeEnd(formatUsd(arrived, this.locale))}</strong></p>` : nothing}
          ${
            // A transaction the payer's wallet sent is what they give the merchant to trace it.
            this.transaction(state)
          }
          ${this.invoiceId(state)} ${this.done()}
        </div>`;
      }
      case 'error': {
        const e = state.error;
        // The alert is what went wrong, not the controls beside it (read as "… Try again. Try again").
        return html`<div class="stack" part="error">
          <p role="alert" data-error-message>${e ? (notSetUp(state) ? this.viewMessages.notSetUp : m.errors[e.code]) : ''}</p>
          ${e?.retryable ? html`<button class="primary" part="pay-button" @click=${() => this.act({type: 'retry'})}>${m.retry}</button>` : nothing}
          ${state.invoiceId ? this.invoiceId(state) : nothing}
        </div>`;
      }
      default:
        return nothing;
    }
  }

  /** The commerce order, in sentences; a failed or cancelled one is an alert, not a footnote. */
  private order(state: CheckoutState) {
    const order = state.order;
    if (!order) return nothing;
    const v = this.viewMessages;
    const sentence = Object.hasOwn(v.orderStatus, order.status) ? v.orderStatus[order.status]! : this.otherStatus(order.status);
    const bad = order.status === 'failed' || order.status === 'cancelled' || order.status === 'canceled';
    const live = bad ? nothing : this.liveWhileRelabelling;
    return html`<p data-order role=${bad ? 'alert' : 'status'} aria-live=${live} class=${bad ? 'bad' : ''}>${sentence}</p>
      ${order.tracking ? html`<p class="muted" data-tracking>${v.tracking(isolate(order.tracking.carrier ?? ''), isolate(order.tracking.number))}</p>` : nothing}`;
  }

  /**
   * A status the catalogue has no sentence for, in the translated frame, as the server wrote it:
   * an English enum, so marked English for screen readers (WCAG 3.1.2 Language of Parts) and
   * isolated left to right (an element with `dir` is) inside a right-to-left sentence.
   */
  private otherStatus(status: string) {
    const slot = '\u0000';
    const [before = '', after = ''] = this.viewMessages.orderOther(slot).split(slot);
    return html`${before}<span lang="en" dir="ltr" data-order-status>${status.replace(/_/g, ' ')}</span>${after}`;
  }

  /**
   * The transactions on their way, each with its explorer page: the one Pepay reported, and the
   * one the payer's wallet sent when it is another (the wallet paid a second time).
   */
  private transaction(state: CheckoutState) {
    const sent = state.walletTx;
    const seen = state.detected?.txHash;
    const network = state.address?.network ?? state.session?.locked?.network ?? '';
    const environment = state.environment ?? 'mainnet';
    // On the network this checkout asks for; a merchant's own chain id has no explorer here: no
    // link rather than another chain's.
    const reported =
      seen && !sameTransaction(seen, sent?.txHash)
        ? this.hashLine(
            'tx-seen',
            seen,
            transactionUrl(network, environment, seen, evmChainId(network, environment, this.chainIds) ?? undefined),
          )
        : nothing;
    // On the chain it was sent on: the payer may have moved to another network since.
    return html`${reported}${sent ? this.hashLine('tx-sent', sent.txHash, walletTransactionUrl(sent.chainId, sent.txHash)) : nothing}`;
  }

  /** A hash and its explorer link, which names it (two links of one text are told apart: WCAG 2.4.4). */
  private hashLine(id: string, hash: string, url: string | null) {
    const v = this.viewMessages;
    return html`<p class="muted">${v.transaction} <code id=${id} data-tx-hash dir="ltr">${hash}</code></p>
      ${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer" aria-describedby=${id} data-explorer>${v.viewTransaction}</a>` : nothing}`;
  }

  private done() {
    if (!this.closable) return nothing;
    // Composed: the modal around the checkout hears it and closes (it stops it there).
    const finish = () => this.dispatchEvent(new Event(DONE_EVENT, {bubbles: true, composed: true}));
    return html`<button class="primary" part="pay-button" data-done @click=${finish}>${this.viewMessages.done}</button>`;
  }

  private invoiceId(state: CheckoutState) {
    const id = state.invoiceId ?? '';
    const v = this.viewMessages;
    return html`<p class="muted">${v.invoice} <code data-copy="invoice" dir="ltr">${id}</code></p>
      <div class="row">${this.clipboard.button('invoice', v.copyInvoiceId, id, v)}</div>
      ${this.clipboard.status(v, this.liveWhileRelabelling)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pepay-status-view': PepayStatusView;
  }
}

/**
 * Refused before a session was read: a setting the merchant gave is no URL, or the server found
 * the first request malformed. The payer can do nothing but tell the merchant.
 */
function notSetUp(state: CheckoutState): boolean {
  return state.error?.code === 'bad-request' && !state.session;
}

/** What the wait is said to be: found by a job, sent by the wallet, one this page may not hear end (never "you can close it"), or heard. */
function confirmingBody(d: CheckoutState['detected'], v: PepayStatusView['viewMessages']): string {
  if (d?.found) return v.verification.found;
  if (sentFromWalletOnly(d)) return v.sentBody;
  return d?.unsure ? v.unsureBody : v.confirmingBody;
}
