import {html, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {Emitted, EventDetailMap} from '../../checkout/events.js';
import type {CheckoutState} from '../../checkout/types.js';
import {CheckoutController} from '../../controllers/checkout-controller.js';
import {en} from '../../i18n/en.js';
import {hostStyles} from '../../styles/tokens.js';
import {PepaySessionElement} from '../session-element.js';
import {VERSION} from '../../version.js';
import {checkoutStyles} from './styles.js';
import {renderStep, type ViewContext} from './views.js';

/**
 * Inline checkout for one Pepay payment session.
 *
 * @tagname pepay-checkout
 * @summary Walks a payer through a Pepay payment session, from token choice to "paid".
 * @fires pepay-ready - Session loaded.
 * @fires pepay-step-change - The step changed.
 * @fires pepay-address - A deposit address was allocated or rotated.
 * @fires pepay-status - The invoice status changed.
 * @fires pepay-paid - The invoice is paid.
 * @fires pepay-underpaid - A partial payment was received.
 * @fires pepay-expired - The invoice expired.
 * @fires pepay-canceled - The invoice was canceled.
 * @fires pepay-order - A commerce order moved after payment.
 * @fires pepay-error - An error the payer sees.
 * @csspart card - The outer box.
 * @csspart header - Merchant, amount, badge and countdown.
 * @csspart amount - The amount to pay.
 * @csspart address - The deposit address.
 * @csspart qr - The QR code.
 * @csspart pay-button - Primary action buttons.
 * @csspart status - The terminal status views.
 * @csspart error - The error view.
 * @slot email - Filled by the element itself with its e-mail input (light DOM, so autofill works).
 * @cssproperty --pepay-color-background - Card background.
 * @cssproperty --pepay-color-text - Text colour.
 * @cssproperty --pepay-color-muted - Secondary text.
 * @cssproperty --pepay-color-border - Borders.
 * @cssproperty --pepay-color-surface - Insets and secondary buttons.
 * @cssproperty --pepay-color-accent - Primary buttons and focus rings.
 * @cssproperty --pepay-color-on-accent - Text on the accent colour.
 * @cssproperty --pepay-color-success - Confirmations.
 * @cssproperty --pepay-color-warning - The test-mode badge.
 * @cssproperty --pepay-color-danger - Errors.
 * @cssproperty --pepay-radius - Corner radius.
 * @cssproperty --pepay-font-family - Text font.
 * @cssproperty --pepay-font-family-mono - Address font.
 * @cssproperty --pepay-font-size - Base font size.
 * @cssproperty --pepay-qr-size - QR code width.
 */
export class PepayCheckout extends PepaySessionElement {
  static readonly version = VERSION;
  static override styles = [hostStyles, checkoutStyles];

  /** Milliseconds without a frame (heartbeats count) after which the live stream is replaced. */
  @property({attribute: false}) streamTimeout = 45_000;

  /** Which copy button last succeeded, for its visible confirmation. */
  @state() private copied = '';

  private readonly controller = new CheckoutController(this, () => this, (event) => this.fire(event));
  private readonly internals: ElementInternals | null = typeof this.attachInternals === 'function' ? this.attachInternals() : null;
  private copiedTimer: ReturnType<typeof setTimeout> | undefined;
  private emailInput: HTMLInputElement | null = null;

  /** A read-only snapshot of the checkout (the contract's `state`). */
  get state(): Readonly<CheckoutState> {
    return this.controller.state;
  }

  /**
   * Keeps a light-DOM e-mail input while the email step shows. Shadow-DOM inputs are invisible to
   * password managers and autofill; a slotted one is an ordinary field of the merchant's page.
   */
  private syncEmailInput(): void {
    const wanted = this.controller.state.step === 'email';
    if (!wanted) {
      this.emailInput?.remove();
      this.emailInput = null;
      return;
    }
    if (this.emailInput) return;
    const input = document.createElement('input');
    Object.assign(input, {type: 'email', name: 'email', autocomplete: 'email', inputMode: 'email', maxLength: 254, slot: 'email'});
    input.setAttribute('aria-label', en.emailLabel);
    input.value = this.controller.state.email ?? '';
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.renderRoot.querySelector('form')?.requestSubmit();
      }
    });
    this.emailInput = input;
    this.append(input);
  }

  protected override updated(): void {
    this.syncEmailInput();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.copiedTimer);
    this.emailInput?.remove();
    this.emailInput = null;
  }

  override render() {
    const context: ViewContext = {
      state: this.controller.state,
      messages: en,
      locale: this.resolvedLocale(),
      copied: this.copied,
      dispatch: (input) => this.controller.dispatch(input),
      retry: () => this.controller.retry(),
      copy: (key, text) => void this.copy(key, text),
      emailInput: () => this.emailInput,
    };
    return html`${renderStep(context)}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement()}</p>`;
  }

  private announcement() {
    const {step, connection} = this.controller.state;
    if (connection === 'reconnecting') return en.reconnecting;
    return step === 'paid' ? en.paidTitle : step === 'underpaid' ? en.underpaidTitle : nothing;
  }

  private resolvedLocale(): string {
    const lang = this.locale || this.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en';
    try {
      return Intl.getCanonicalLocales(lang)[0] ?? 'en';
    } catch {
      return 'en';
    }
  }

  private fire(event: Emitted): void {
    if (event.name === 'pepay-step-change') this.stepChanged(event.detail.step, event.detail.previous);
    this.dispatchEvent(new CustomEvent(event.name, {detail: event.detail, bubbles: true, composed: true}));
  }

  private stepChanged(step: string, previous: string): void {
    const states = this.internals?.states;
    if (states) {
      try {
        states.delete(previous);
        states.add(step);
      } catch {
        // Older engines only take the `--name` form of custom states.
        states.delete(`--${previous}`);
        states.add(`--${step}`);
      }
    }
    // Move focus to the new step's heading, but only if the payer was inside the checkout.
    void this.updateComplete.then(() => {
      if (this.matches(':focus-within') || previous !== 'loading') {
        this.renderRoot.querySelector<HTMLElement>('[data-step-heading]')?.focus({preventScroll: true});
      }
    });
  }

  private async copy(key: string, text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Clipboard blocked (permissions, insecure origin): select the text so the payer can copy it.
      const target = this.renderRoot.querySelector(`[data-copy="${key}"]`);
      if (target) getSelection()?.selectAllChildren(target);
      return;
    }
    this.copied = key;
    clearTimeout(this.copiedTimer);
    this.copiedTimer = setTimeout(() => (this.copied = ''), 2000);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pepay-checkout': PepayCheckout;
  }
  interface GlobalEventHandlersEventMap {
    'pepay-ready': CustomEvent<EventDetailMap['pepay-ready']>;
    'pepay-step-change': CustomEvent<EventDetailMap['pepay-step-change']>;
    'pepay-address': CustomEvent<EventDetailMap['pepay-address']>;
    'pepay-status': CustomEvent<EventDetailMap['pepay-status']>;
    'pepay-paid': CustomEvent<EventDetailMap['pepay-paid']>;
    'pepay-underpaid': CustomEvent<EventDetailMap['pepay-underpaid']>;
    'pepay-expired': CustomEvent<EventDetailMap['pepay-expired']>;
    'pepay-canceled': CustomEvent<EventDetailMap['pepay-canceled']>;
    'pepay-order': CustomEvent<EventDetailMap['pepay-order']>;
    'pepay-error': CustomEvent<EventDetailMap['pepay-error']>;
  }
}
