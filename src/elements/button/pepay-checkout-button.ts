import {css, html, nothing} from 'lit';
import {state} from 'lit/decorators/state.js';
import {LanguageController} from '../../i18n/language.js';
import {hostStyles} from '../../styles/tokens.js';
import {VERSION} from '../../version.js';
import {loadView} from '../checkout/views.js';
import {CHECKOUT_PARTS} from '../checkout-parts.js';
import {PepaySessionElement, withSession} from '../session-element.js';

/** The modal's own parts and the checkout's inside it, styled from outside the button. */
const MODAL_PARTS = `dialog, close-button, ${CHECKOUT_PARTS}`;

/**
 * A button that opens the checkout in a modal dialog.
 *
 * @tagname pepay-checkout-button
 * @summary Launcher for the modal checkout.
 * @slot - The button's label (default "Pay with crypto").
 * @csspart button - The button.
 * @csspart dialog - The modal's `<dialog>` (passed on, as are the parts below).
 * @csspart close-button - The modal's close button.
 * @csspart card - The checkout's outer box.
 * @csspart header - The checkout's merchant, amount, badge and countdown.
 * @csspart amount - The amount to pay.
 * @csspart address - The deposit address.
 * @csspart qr - The QR code.
 * @csspart pay-button - The checkout's primary action buttons.
 * @csspart status - The checkout's terminal status views.
 * @csspart error - The checkout's error view.
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
        /* A finger's height, as the checkout's buttons (WCAG 2.5.5): its text and padding were 43.75 px. */
        min-height: 44px;
        border-radius: var(--_radius);
        border: 1px solid var(--_accent);
        background: var(--_accent);
        color: var(--_on-accent);
        cursor: pointer;
      }
      /* Two rings, on a page of any colour: the text colour around the card's (they contrast with
         each other by the theme), neither of them the accent the button is filled with (WCAG 1.4.11). */
      button:focus-visible {
        outline: 3px solid var(--_fg);
        outline-offset: 2px;
        box-shadow: 0 0 0 2px var(--_bg);
      }
    `,
  ];

  /** Whether the modal is showing. */
  @state() private opened = false;
  /** The modal's chunk could not be fetched: said beside the button. */
  @state() private unavailable = false;

  /**
   * Opens the modal checkout inside this element, so its events (`pepay-paid`,
   * `pepay-close-request`, …) reach the button's listeners; focus comes back when it closes. The
   * modal is a chunk of its own: it shows once that has arrived.
   */
  show(): void {
    this.opened = true;
    this.unavailable = false;
    loadView('dialog').catch(() => {
      this.opened = false;
      this.unavailable = true;
    });
  }

  /** Its label in the page's language (as the checkout in its modal speaks it). */
  private readonly language = new LanguageController(this);

  private readonly onClose = () => {
    this.opened = false;
    this.renderRoot.querySelector('button')?.focus();
  };

  override render() {
    const m = this.language.resolve(this.locale);
    return html`<button part="button" lang=${this.language.language} @click=${() => this.show()}><slot>${m.payWithCrypto}</slot></button>
      ${this.unavailable ? html`<p role="alert" lang=${this.language.language}>${m.viewUnavailable}</p>` : nothing}
      ${this.opened ? html`<pepay-checkout-dialog open exportparts=${MODAL_PARTS} ${withSession(this.session)} @pepay-close=${this.onClose}></pepay-checkout-dialog>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pepay-checkout-button': PepayCheckoutButton;
  }
}
