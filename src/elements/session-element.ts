import {LitElement} from 'lit';
import {property} from 'lit/decorators.js';
import {DEFAULT_API_BASE} from '../api/client.js';

/** The session attributes every Pepay element takes, declared once. */
export class PepaySessionElement extends LitElement {
  /** Sent as `x-session-token` on every payor request. */
  @property({attribute: 'session-token'}) sessionToken = '';
  /** Sent as `x-signature` on every payor request. */
  @property() signature = '';
  /** Alternative to the pair: its `session` and `signature` query parameters are used. */
  @property({attribute: 'payment-url'}) paymentUrl = '';
  /** API origin. */
  @property({attribute: 'api-base'}) apiBase = DEFAULT_API_BASE;
  /** WebSocket origin; defaults to `api-base` with http -> ws. */
  @property({attribute: 'ws-base'}) wsBase = '';
  /** BCP 47 tag; defaults to the nearest `lang`, then the browser's. */
  @property() locale = '';
  /** `light`, `dark` or `auto`. */
  @property({reflect: true}) theme: 'light' | 'dark' | 'auto' = 'auto';

  /** The session attributes as one object, to hand to another Pepay element. */
  protected get session() {
    const {sessionToken, signature, paymentUrl, apiBase, wsBase, locale, theme} = this;
    return {sessionToken, signature, paymentUrl, apiBase, wsBase, locale, theme};
  }
}
