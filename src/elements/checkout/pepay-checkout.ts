import {LitElement, html, nothing, type TemplateResult} from 'lit';
import {property} from 'lit/decorators/property.js';
import type {CheckoutState, PayerAction} from '../../checkout/types.js';
import type {Emitted} from '../../checkout/emitted.js';
import {createPepayEvent} from '../../events/contract.js';
import type {PayerActionEvent} from '../../events/payer-action.js';
import type {Messages} from '../../i18n/en.js';
import {formatLocale, resolveLocale} from '../../i18n/locale.js';
import {cataloguesSettled} from '../../i18n/loaded.js';
import {LanguageController} from '../../i18n/language.js';
import {controlStyles} from '../../styles/controls.js';
import {hostStyles} from '../../styles/tokens.js';
import {VERSION} from '../../version.js';
import {PepaySessionElement} from '../session-element.js';
import {QuietRelabel} from '../quiet-relabel.js';
import {showStep} from './custom-states.js';
import {noticeText} from '../notice-text.js';
import {EmailField} from './email-field.js';
import {FirstScreenWait, firstScreenNow} from './first-screen-loader.js';
import {priceAgain, skeleton, unavailable} from './placeholders.js';
import {OutageController} from './outage.js';
import {announce, liveText, pin, type Announced} from './step-announcement.js';
import {checkoutStyles} from './styles.js';
import {ViewLoader, viewOf} from './views.js';
import {nextFrame} from './next-frame.js';
import {StepFocus} from './step-focus.js';

/**
 * Inline checkout for one Pepay payment session. It composes the leaf elements (token list,
 * forms, payment details, countdown, status views): its own template is the header and a switch
 * over the step. Events: `PepayCheckoutEventDetails` (src/events/contract.ts).
 *
 * @tagname pepay-checkout
 * @summary Walks a payer through a Pepay payment session, from token choice to "paid".
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
  static override styles = [hostStyles, controlStyles, checkoutStyles];

  /** Milliseconds without a frame (heartbeats count) after which the live stream is replaced. */
  @property({attribute: false}) streamTimeout = 45_000;

  /** Runs the checkout once the first-screen chunk is here (./first-screen.ts); until then, the skeleton. */
  private readonly firstScreen = new FirstScreenWait(this, (state, events) => this.committed(state, events));
  private readonly stepFocus = new StepFocus(this);
  /** The step the live region speaks of (null: its heading took focus and said it). */
  private announced: Announced | null = null;
  private readonly internals: ElementInternals | null = typeof this.attachInternals === 'function' ? this.attachInternals() : null;
  private readonly outage = new OutageController(this);
  private readonly views = new ViewLoader(this);
  /** The words' language (and `dir`): the `locale` attribute, else the nearest `lang`, else the browser's. */
  private readonly language = new LanguageController(this);
  private readonly relabel = new QuietRelabel(this, () => [this.language.language]);
  private readonly emailField = new EmailField(this, () => this.renderRoot.querySelector('pepay-email-form')?.submit());

  constructor() {
    super();
    // `:state(loading)` from the start, before the first commit.
    showStep(this.internals, this.state.step);
  }

  /** A read-only snapshot of the checkout (the contract's `state`). */
  get state(): Readonly<CheckoutState> {
    return this.firstScreen.state;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.firstScreen.start();
  }

  /**
   * At most one render per animation frame (Lit alone renders once per task). A hidden page paints
   * nothing and throttles timers: it renders at once. State and events never wait: only the DOM does.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (document.visibilityState === 'visible') await nextFrame();
    super.scheduleUpdate();
  }

  /** Settles once this element, the view its step needs (fetched or failed) and the leaves it shows have rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while ((await this.firstScreen.settled()) || (await this.views.settled()) || (await cataloguesSettled()))
      done = await super.getUpdateComplete();
    const leaves = [...this.renderRoot.querySelectorAll('*')].filter((node): node is LitElement => node instanceof LitElement);
    await Promise.all(leaves.map((leaf) => leaf.updateComplete));
    return done;
  }

  protected override updated(): void {
    this.emailField.sync(this.state.step === 'email', this.state.email ?? '', this.language.messages.emailLabel, this.language.language);
  }

  override render() {
    const state = this.state;
    const m = this.language.resolve(this.locale);
    const firstScreen = firstScreenNow();
    // Numbers and dates in the words' language: while another is on its way, or if it failed, English's.
    const locale = this.language.arrived ? formatLocale(resolveLocale(this, this.locale), this.language.language) : 'en';
    const title = firstScreen?.stepTitle(state, m) ?? null;
    // `lang` on the card: a screen reader reads the words in their language, whatever the page's.
    return html`<section
        class="card"
        part="card"
        lang=${this.language.language}
        aria-busy=${state.step === 'loading'}
        @payer-action=${this.onAction}
      >
        ${
          // The error card keeps the payee and amount (and below, the invoice id) for the payer to quote.
          !firstScreen || state.step === 'loading' || (state.step === 'error' && !state.session)
            ? nothing
            : firstScreen.checkoutHeader(state, m, locale)
        }
        ${
          // Above the heading and what changed, and announced at once: the payer must not act on what they read before.
          state.changed ? html`<p class="changed" role="alert" data-changed>${m.changed[state.changed]}</p>` : nothing
        }
        ${title ? html`<h2 tabindex="-1" data-step-heading>${title}</h2>` : nothing} ${this.body(state, m, locale)}
        ${
          // On the token list, a problem with the token just chosen is shown next to it instead.
          state.notice && !(state.step === 'select-token' && state.chosen)
            ? html`<p class="notice" role="alert">${noticeText(state.notice, m)}</p>`
            : nothing
        }
      </section>
      <p class="visually-hidden" role="status" aria-live=${this.relabel.quietNow() ? 'off' : 'polite'} lang=${this.language.language}>
        ${liveText(state.connection, this.outage.active, this.announced, state, (at) => firstScreen?.stepTitle(at, m) ?? null, this.language.language, m)}
      </p>`;
  }

  private body(state: CheckoutState, m: Messages, locale: string): TemplateResult {
    // "Try again" is acting in the checkout: once it starts, focus goes to the first step's heading.
    if (this.firstScreen.failed) return unavailable(m, '', () => ((this.stepFocus.engaged = true), this.firstScreen.start()));
    // Not while the first screen is on its way: on a slow link it comes first.
    if (this.firstScreen.controller) this.views.prefetchAfter(state.step);
    const view = viewOf(state.step);
    // The error card's own view is missing: what went wrong is still said, before the rest.
    if (view && this.views.hasFailed(view))
      return unavailable(m, state.step === 'error' && state.error ? `${m.errors[state.error.code]} ` : '', () => this.views.retry(view));
    // Until its chunk is here (prefetched, it usually already is), the step keeps the skeleton's place.
    if (view && !this.views.ready(view)) return skeleton(m, this.relabel);
    switch (state.step) {
      case 'loading':
        return skeleton(m, this.relabel);
      case 'questions':
        return html`<pepay-questions-form
          exportparts="pay-button"
          .messages=${m}
          .questions=${state.questions}
          ?busy=${state.busy === 'questions'}
        ></pepay-questions-form>`;
      case 'email':
        return html`<pepay-email-form exportparts="pay-button" .messages=${m} ?busy=${state.busy === 'email'}
          ><slot name="email" slot="email"></slot
        ></pepay-email-form>`;
      case 'select-token':
        return html`<pepay-token-list
          .messages=${m}
          .locale=${locale}
          .tokens=${state.tokens}
          ?busy=${state.busy === 'address'}
          .chosen=${state.chosen}
          .problem=${state.notice && state.chosen ? noticeText(state.notice, m) : ''}
        ></pepay-token-list>`;
      case 'awaiting-payment':
      case 'underpaid':
        if (state.address) {
          return html`<pepay-payment-details
            exportparts="qr, address, pay-button"
            .messages=${m}
            .views=${this.language.views}
            .locale=${locale}
            .state=${state}
            .qrContent=${this.qrContent}
            .chainIds=${this.chainIds}
            .actor=${this.actOn}
          ></pepay-payment-details>`;
        }
        return state.busy ? skeleton(m, this.relabel) : priceAgain(m, () => this.firstScreen.controller?.act({type: 'refresh-quote'}));
      case 'confirming':
      case 'paid':
      case 'expired':
      case 'canceled':
      case 'error':
        return html`<pepay-status-view
          exportparts="status, error, pay-button"
          .messages=${m}
          .views=${this.language.views}
          .locale=${locale}
          .state=${state}
          .chainIds=${this.chainIds}
          ?closable=${this.stepFocus.inModal}
        ></pepay-status-view>`;
    }
  }

  /** A payer action, from an event of the card (`onAction`) or from a leaf handed this (`actor`). */
  private readonly actOn = (action: PayerAction) => {
    this.stepFocus.engaged = true;
    this.firstScreen.controller?.act(action);
  };
  private readonly onAction = (event: PayerActionEvent) => (event.stopPropagation(), this.actOn(event.action));

  /** Every committed state: the custom state first (so listeners see it), then the events. */
  private committed(state: CheckoutState, events: Emitted[]): void {
    showStep(this.internals, state.step);
    // An outage's or going offline's words replace the last step's: when they end, it is not said again.
    if (this.outage.follow(state.connection)) this.announced = null;
    for (const event of events) {
      this.dispatchEvent(createPepayEvent(event.name, event.detail));
      if (event.name !== 'pepay-step-change') continue;
      // Decided once, as the step changes: said here unless the new heading takes focus (and is read there).
      this.announced = this.stepFocus.headingSpeaks() ? null : announce(state.step, event.detail.previous, this.stepFocus.inModal);
      this.stepFocus.follow();
    }
    pin(this.announced, state, this.language.language);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pepay-checkout': PepayCheckout;
  }
}
