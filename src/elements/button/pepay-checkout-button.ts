import {css, html} from 'lit';
import {query} from 'lit/decorators.js';
import {hostStyles} from '../../styles/tokens.js';
import {VERSION} from '../../version.js';
import type {PepayCheckoutDialog} from '../dialog/pepay-checkout-dialog.js';
import {PepaySessionElement} from '../session-element.js';

/**
 * A button that opens the checkout in a modal dialog.
 *
 * @tagname pepay-checkout-button
 * @summary Launcher for the modal checkout.
 * @slot - The button's label (default "Pay with crypto").
 * @csspart button - The button.
 */
export class PepayCheckoutButton extends PepaySessionElement {
  static readonly version = VERSION;
  static override styles = [
    hostStyles,
    css`
      :host {
        display: inline-block;
        min-width: 0;
      }
      button {
        font: inherit;
        font-weight: 600;
        padding: 10px 18px;
        border-radius: var(--_radius);
        border: 1px solid var(--_accent);
        background: var(--_accent);
        color: var(--_on-accent);
        cursor: pointer;
      }
      button:focus-visible {
        outline: 3px solid var(--_accent);
        outline-offset: 2px;
      }
    `,
  ];

  @query('pepay-checkout-dialog') private dialog!: PepayCheckoutDialog;

  /** Opens the modal checkout. */
  show(): void {
    this.dialog.show();
  }

  override render() {
    return html`<button part="button" @click=${() => this.show()}><slot>Pay with crypto</slot></button>
      <pepay-checkout-dialog
        .sessionToken=${this.sessionToken}
        .signature=${this.signature}
        .paymentUrl=${this.paymentUrl}
        .apiBase=${this.apiBase}
        .wsBase=${this.wsBase}
        .locale=${this.locale}
        .theme=${this.theme}
        @pepay-close=${() => this.renderRoot.querySelector('button')?.focus()}
      ></pepay-checkout-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pepay-checkout-button': PepayCheckoutButton;
  }
}
