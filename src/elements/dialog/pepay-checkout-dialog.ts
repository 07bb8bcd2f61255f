import {css, html, nothing, type PropertyValues} from 'lit';
import {property} from 'lit/decorators/property.js';
import {query} from 'lit/decorators/query.js';
import type {Step} from '../../checkout/types.js';
import {createPepayEvent, type CloseReason} from '../../events/contract.js';
import {DONE_EVENT} from '../../events/payer-action.js';
import {hostStyles} from '../../styles/tokens.js';
import {VERSION} from '../../version.js';
import type {PepayCheckout} from '../checkout/pepay-checkout.js';
import {CHECKOUT_PARTS} from '../checkout-parts.js';
import {PepaySessionElement, withSession} from '../session-element.js';
import {LanguageController} from '../../i18n/language.js';
import {explicitLocale, inheritedLang} from '../../i18n/locale.js';

/** While the payer may be sending funds, closing asks the host first. */
const PAYING: ReadonlySet<Step> = new Set(['awaiting-payment', 'underpaid', 'confirming']);

/**
 * The checkout in a modal `<dialog>`: focus stays inside, Escape and the close button close it,
 * and while a payment is in progress the host may keep it open by cancelling `pepay-close-request`.
 * The checkout exists only while the dialog is open, so a closed dialog makes no requests.
 *
 * @tagname pepay-checkout-dialog
 * @summary Modal checkout.
 * Events: `PepayDialogEventDetails` (src/events/contract.ts); the checkout's own bubble out of it.
 * @csspart dialog - The `<dialog>`.
 * @csspart close-button - The close button.
 * @csspart card - The checkout's outer box (passed on from `<pepay-checkout>`, as are the parts below).
 * @csspart header - The checkout's merchant, amount, badge and countdown.
 * @csspart amount - The amount to pay.
 * @csspart address - The deposit address.
 * @csspart qr - The QR code.
 * @csspart pay-button - The checkout's primary action buttons.
 * @csspart status - The checkout's terminal status views.
 * @csspart error - The checkout's error view.
 */
export class PepayCheckoutDialog extends PepaySessionElement {
  static readonly version = VERSION;
  static override styles = [
    hostStyles,
    css`
      :host {
        min-width: 0;
        max-width: none;
        display: contents;
      }
      dialog {
        border: none;
        padding: 0;
        background: transparent;
        width: min(100vw - 16px, 480px);
        /* Not the platform's calc(100% - 6px - 2em): with large text it is narrower than the card. */
        max-width: none;
        max-height: calc(100dvh - 16px);
        overflow: auto;
      }
      /* Taller than the screen, it scrolls, and the keyboard may stop on it to scroll (Chromium):
         the close button's two rings, around its edge (inside it, the card covered the ring: a
         keyboard review), in the 8 px the screen leaves round it. */
      dialog:focus-visible {
        outline: 3px solid var(--_fg);
        outline-offset: 2px;
        box-shadow: 0 0 0 2px var(--_bg);
      }
      dialog::backdrop {
        background: rgb(10 12 20 / 55%);
      }
      /* Above the card, and on the screen however far a short screen's modal is scrolled: a payer
         scrolled down to "I already paid" closes it without scrolling back (a phone review). */
      .close {
        position: sticky;
        inset-block-start: 8px;
        z-index: 1;
        display: block;
        margin-block: 8px;
        margin-inline: auto 8px;
        font: inherit;
        font-size: 1.3em;
        line-height: 1;
        width: 44px;
        height: 44px;
        border-radius: 50%;
        border: 1px solid var(--_border);
        background: var(--_surface);
        color: var(--_fg);
        cursor: pointer;
      }
      /* On the dimmed page: two rings, the text colour around the card's, which contrast with each
         other whatever shows through the backdrop (WCAG 1.4.11). */
      .close:focus-visible {
        outline: 3px solid var(--_fg);
        outline-offset: 2px;
        box-shadow: 0 0 0 2px var(--_bg);
      }
    `,
  ];

  /** Whether the dialog is showing. */
  @property({type: Boolean, reflect: true}) open = false;
  /** Accessible name of the dialog; empty: "Pay with crypto" in the checkout's language. */
  @property() label = '';

  private readonly language = new LanguageController(this);

  @query('dialog') private dialog!: HTMLDialogElement;

  constructor() {
    super();
    this.addEventListener(DONE_EVENT, this.onDone);
  }
  @query('pepay-checkout') private checkout!: PepayCheckout | null;

  show(): void {
    this.open = true;
  }

  /** Closes unless a payment is in progress and the host cancels `pepay-close-request`. */
  requestClose(reason: CloseReason = 'api'): boolean {
    const step = this.checkout?.state.step ?? 'loading';
    if (PAYING.has(step)) {
      const request = createPepayEvent('pepay-close-request', {reason, step}, true);
      if (!this.dispatchEvent(request)) return false;
    }
    this.close(reason);
    return true;
  }

  /** Closes at once, asking no one. */
  close(reason: CloseReason = 'api'): void {
    if (!this.open) return;
    this.open = false;
    this.closeSaid = true;
    this.dispatchEvent(createPepayEvent('pepay-close', {reason, step: this.checkout?.state.step ?? 'loading'}));
  }

  /** Whether the close this update makes was said by close() already. */
  private closeSaid = false;

  /**
   * `open` set false by the host (the property written, the attribute removed) is a close too:
   * `pepay-close` follows it as it follows close('api'), with the step the checkout was on (it is
   * still in the page until this update renders).
   */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (changed.get('open') === true && !this.open && !this.closeSaid) {
      this.dispatchEvent(createPepayEvent('pepay-close', {reason: 'api', step: this.checkout?.state.step ?? 'loading'}));
    }
    this.closeSaid = false;
  }

  /**
   * Moved in the page (a storefront re-rendering its cart): the platform took the dialog out of the
   * top layer, and back on the page it is open but no longer modal (no backdrop, the page behind
   * clickable, clipped by its container). It is shown modally again.
   */
  override connectedCallback(): void {
    super.connectedCallback();
    const dialog = this.hasUpdated ? this.dialog : null;
    if (this.open && dialog?.open && !isModal(dialog)) {
      dialog.close();
      dialog.showModal();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open && !this.dialog.open) this.dialog.showModal();
    if (!this.open && this.dialog.open) this.dialog.close();
  }

  private readonly onCancel = (event: Event) => {
    // Escape: our own close path, so the host can still keep a payment open.
    event.preventDefault();
    this.requestClose('escape');
  };

  /**
   * The platform closed the dialog itself (a repeated Escape or a back gesture it does not let a
   * page cancel): follow it, so the element, the page and a later reopen agree.
   */
  private readonly onNativeClose = () => {
    // Not when it was shown again meanwhile (moved in the page: closed, then shown modally).
    if (this.open && !this.dialog.open) this.close('escape');
  };

  /** "Done" on the checkout's last screen. */
  private readonly onDone = (event: Event) => {
    event.stopPropagation();
    this.close('done');
  };

  override render() {
    const m = this.language.resolve(this.locale);
    return html`<dialog
      part="dialog"
      lang=${this.language.language}
      aria-label=${this.label || m.payWithCrypto}
      @cancel=${this.onCancel}
      @close=${this.onNativeClose}
    >
      <button class="close" part="close-button" aria-label=${m.close} @click=${() => this.requestClose('close-button')}>×</button>
      ${
        // The page's language, not the `lang` above (its words' language, English until they
        // arrive): the checkout fetches its own words and formats as the page does (es-MX).
        this.open
          ? html`<pepay-checkout
              exportparts=${CHECKOUT_PARTS}
              ${withSession({...this.session, locale: explicitLocale(this.locale) || inheritedLang(this) || this.language.wanted})}
            ></pepay-checkout>`
          : nothing
      }
    </dialog>`;
  }
}

/** Whether `dialog` is in the top layer; true where the browser cannot say (no `:modal`, before 2022). */
function isModal(dialog: HTMLDialogElement): boolean {
  try {
    return dialog.matches(':modal');
  } catch {
    return true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pepay-checkout-dialog': PepayCheckoutDialog;
  }
}
