import {LitElement, noChange, nothing} from 'lit';
import {directive, Directive, PartType, type ElementPart, type PartInfo} from 'lit/directive.js';
import {property} from 'lit/decorators/property.js';
import {SESSION_DEFAULTS, pickSession, type QrContent, type SessionOptions, type Theme} from '../session.js';

/** The session attributes every Pepay element takes (see `SessionOptions`, declared once). */
export class PepaySessionElement extends LitElement implements SessionOptions {
  /** Sent as `x-session-token` on every payor request. */
  @property({attribute: 'session-token'}) sessionToken = SESSION_DEFAULTS.sessionToken;
  /** Sent as `x-signature` on every payor request. */
  @property() signature = SESSION_DEFAULTS.signature;
  /** Alternative to the pair: its `session` and `signature` query parameters are used. */
  @property({attribute: 'payment-url'}) paymentUrl = SESSION_DEFAULTS.paymentUrl;
  /** API origin. */
  @property({attribute: 'api-base'}) apiBase = SESSION_DEFAULTS.apiBase;
  /** WebSocket origin; defaults to `api-base` with http -> ws. */
  @property({attribute: 'ws-base'}) wsBase = SESSION_DEFAULTS.wsBase;
  /** BCP 47 tag; defaults to the nearest `lang` (across shadow roots), then the browser's. */
  @property() locale = SESSION_DEFAULTS.locale;
  /**
   * `light`, `dark` or `auto`. Set as a property, it is written to the attribute (the styles read
   * it); the default is not (`useDefault`), so the merchant's tag keeps the attributes they wrote.
   */
  @property({reflect: true, useDefault: true}) theme: Theme = SESSION_DEFAULTS.theme;
  /** `request` or `address`: fixes what the QR holds. Unset: the payment request, and the payer may switch to the address. */
  @property({attribute: 'qr-content'}) qrContent: QrContent = SESSION_DEFAULTS.qrContent;
  /** EVM chain id per network (`{base: 8453}`), replacing the built-in table (README, "Paying from a wallet"). Property only. */
  @property({attribute: false}) chainIds: Readonly<Record<string, number>> = SESSION_DEFAULTS.chainIds;

  /** The session attributes as one object, to hand to another Pepay element. */
  protected get session(): Partial<SessionOptions> {
    return pickSession(this);
  }
}

class SessionDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('withSession() goes on an element');
  }

  render(session: Partial<SessionOptions>) {
    void session; // Only update() uses it: this directive renders nothing.
    return nothing;
  }

  override update(part: ElementPart, [session]: [Partial<SessionOptions>]) {
    // The elements' own setters skip unchanged values, so this re-renders nothing needlessly.
    Object.assign(part.element, session);
    return noChange;
  }
}

/** Hands a session to the Pepay element it is placed on: `<pepay-checkout ${withSession(s)}>`. */
export const withSession = directive(SessionDirective);
