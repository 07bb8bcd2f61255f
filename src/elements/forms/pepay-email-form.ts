import {css, html, nothing} from 'lit';
import {property} from 'lit/decorators/property.js';
import {queryAssignedElements} from 'lit/decorators/query-assigned-elements.js';
import {state} from 'lit/decorators/state.js';
import {controlStyles, leafHostStyles} from '../../styles/controls.js';
import {PepayLeaf} from '../leaf.js';
import {fieldProblem} from './validity.js';
import {sayAgain} from './say-again.js';

/**
 * The receipt e-mail. The input itself is slotted from the page's light DOM (browsers autofill
 * only fields they can see there); it is checked with the platform's constraint validation.
 * Sends `email-submitted` or `email-skipped`.
 *
 * @tagname pepay-email-form
 * @summary Receipt e-mail, skippable.
 * @slot email - The `<input type="email" required>` to use.
 */
export class PepayEmailForm extends PepayLeaf {
  static override styles = [
    leafHostStyles,
    controlStyles,
    css`
      .field {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 4px;
        font-weight: 550;
      }
      /*
       * The input lives in the page's light DOM, where the page's own CSS reaches it. Important
       * declarations from a shadow tree win over the page's, important ones included (CSS
       * Cascade 4, encapsulation contexts): the field always looks and sizes as designed.
       */
      ::slotted(input) {
        all: revert !important;
        display: block !important;
        box-sizing: border-box !important;
        width: 100% !important;
        min-height: 44px !important;
        margin: 0 !important;
        font: inherit !important;
        font-weight: normal !important;
        text-transform: none !important;
        letter-spacing: normal !important;
        padding: 8px 10px !important;
        border-radius: 8px !important;
        border: 1px solid var(--_border) !important;
        background: var(--_bg) !important;
        color: var(--_fg) !important;
        visibility: visible !important;
        opacity: 1 !important;
      }
      ::slotted(input[aria-invalid='true']) {
        border-color: var(--_danger) !important;
      }
      /* As every control's ring: the text colour, which reads on the card whatever the accent (WCAG 1.4.11). */
      ::slotted(input:focus-visible) {
        outline: 3px solid var(--_fg) !important;
        outline-offset: 2px !important;
      }
    `,
  ];

  /** The e-mail is being saved. */
  @property({type: Boolean}) busy = false;

  /** What is wrong with the e-mail, after a submit. */
  @state() private problem = '';

  @queryAssignedElements({slot: 'email', selector: 'input', flatten: true}) private slotted!: HTMLInputElement[];

  /**
   * Checks the e-mail and sends it, as "Continue" does (the light-DOM input's Enter key comes here).
   * Not through the form's submission: a frame sandboxed without `allow-forms` drops it before its
   * `submit` event.
   */
  submit(): void {
    const input = this.slotted[0];
    // Enter in the field submits too, even while the first answer is on its way.
    if (!input || this.busy) return;
    this.problem = sayAgain(this.problem, fieldProblem(input, this.messages));
    if (this.problem) input.focus();
    else this.act({type: 'email-submitted', email: input.value.trim()});
  }

  override render() {
    const m = this.messages;
    // What was wrong is said until the payer changes the address (it would describe an old value).
    return html`<form class="stack" novalidate @submit=${this.onSubmit} @input=${() => (this.problem = '')}>
      <div class="field"><span aria-hidden="true">${m.emailLabel}</span> <slot name="email"></slot></div>
      <p class="field-error" id="err-email" role="alert">${this.problem}</p>
      <div class="row">
        <button class="primary" part="pay-button" aria-disabled=${this.busy ? 'true' : nothing} @click=${this.onSubmit}>
          ${m.continue}
        </button>
        <button type="button" aria-disabled=${this.busy ? 'true' : nothing} @click=${() => this.busy || this.act({type: 'email-skipped'})}>
          ${m.skip}
        </button>
      </div>
    </form>`;
  }

  protected override updated(): void {
    // The slotted input is not in this template: its invalid state follows ours here, and what is
    // wrong is its description (its aria-describedby cannot reach into this shadow root).
    const input = this.slotted[0];
    input?.setAttribute('aria-invalid', String(Boolean(this.problem)));
    if (this.problem) input?.setAttribute('aria-description', this.problem);
    else input?.removeAttribute('aria-description');
  }

  /** "Continue" and `requestSubmit()`; the form's own submission is cancelled at the click (see `submit`). */
  private readonly onSubmit = (event: Event) => {
    event.preventDefault();
    this.submit();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pepay-email-form': PepayEmailForm;
  }
}
