/** What the checkout shows in place of a step not here yet, or whose chunk could not be fetched: in the first paint, as it needs no data. */
import {html, nothing, type TemplateResult} from 'lit';
import type {Messages} from '../../i18n/en.js';
import type {QuietRelabel} from '../quiet-relabel.js';

/**
 * The loading skeleton: grey bars where the header and the payment view will be, its region saying
 * "Loading" (words, not a name: a name is not read as news). It holds the keyboard while the
 * checkout loads again after "Try again" (`tabindex="-1"`, step-focus.ts), which went with the
 * error card: focus on the page's body let a Tab leave the checkout (WCAG 2.4.3).
 */
export function skeleton(m: Messages, relabel: QuietRelabel): TemplateResult {
  // Same footprint as the payment view, so nothing jumps when data arrives. Classes, not style
  // attributes: a strict CSP (no 'unsafe-inline') blocks those.
  return html`<div class="stack" role="status" tabindex="-1" data-loading aria-live=${relabel.quietNow() ? 'off' : nothing}>
    <span class="visually-hidden">${m.loading}</span>
    <div class="skeleton short"></div>
    <div class="skeleton amount"></div>
    <div class="skeleton tall"></div>
    <div class="skeleton"></div>
    <div class="skeleton long"></div>
  </div>`;
}

/** In place of a step whose chunk could not be fetched: what went wrong (`cause`, may be empty), and "Try again". */
export function unavailable(m: Messages, cause: string, retry: () => void): TemplateResult {
  return html`<p class="notice" role="alert">${cause}${m.viewUnavailable}</p>
    <button class="primary" part="pay-button" data-retry @click=${retry}>${m.retry}</button>`;
}

/** In place of the payment view when there is no address and none on its way (the answer was refused): the payer asks again. */
export function priceAgain(m: Messages, ask: () => void): TemplateResult {
  return html`<button class="primary" part="pay-button" data-retry @click=${ask}>${m.refreshQuote}</button>`;
}
