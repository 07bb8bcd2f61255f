import {LitElement, html} from 'lit';
import {property} from 'lit/decorators.js';
import {VERSION} from '../../version.js';

/**
 * Inline checkout for one Pepay payment session.
 *
 * @summary Walks a payer through a Pepay payment session.
 */
export class PepayCheckout extends LitElement {
  static readonly version = VERSION;

  /** Sent as `x-session-token` on every payor request. */
  @property({attribute: 'session-token'}) sessionToken = '';

  /** Sent as `x-signature` on every payor request. */
  @property() signature = '';

  override render() {
    return html`<div part="body">Pepay checkout</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pepay-checkout': PepayCheckout;
  }
}
