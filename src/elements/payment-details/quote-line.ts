/**
 * The price's line on the payment view: how long it holds; in its last 30 seconds a warning with
 * "Get a new price" (WCAG 2.2.1 Timing Adjustable: the payer is told before the time runs out and
 * can extend it in one action); while it is made again, that it is; when refreshing stopped, the
 * button alone.
 */
import {html, nothing, type ReactiveController, type ReactiveControllerHost} from 'lit';
import {quoteStalled, quoteTimeLeft} from '../../checkout/figures.js';
import type {CheckoutState, PayerAction} from '../../checkout/types.js';
import type {Messages} from '../../i18n/en.js';
import type {ViewMessages} from '../../i18n/en-views.js';

/** How long before the price runs out the payer is warned. */
const WARN_MS = 30_000;

export class QuoteLine implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  render(state: CheckoutState, m: Messages, v: ViewMessages, locale: string, act: (action: PayerAction) => void) {
    clearTimeout(this.timer);
    const refresh = html`<button data-refresh-quote @click=${() => act({type: 'refresh-quote'})}>${m.refreshQuote}</button>`;
    if (state.busy === 'address') return html`<p class="muted">${m.quoteRefreshing}</p>`;
    if (quoteStalled(state)) return refresh;
    const left = quoteTimeLeft(state, performance.now());
    if (left === null) return nothing;
    const holds = html`<p class="muted" data-quote>
      <pepay-countdown .deadline=${state.quoteExpiresAtMono} .format=${v.quoteValid} .locale=${locale}></pepay-countdown>
    </p>`;
    if (left > WARN_MS) {
      // Wakes the view (not the checkout) when the warning is due; only while it is on the page
      // (a render that lands after removal must not leave a timer behind).
      if (this.host.isConnected) this.timer = setTimeout(() => this.host.requestUpdate(), left - WARN_MS + 5);
      return holds;
    }
    return html`${holds}
      <p role="status" data-quote-ending>${v.quoteEnding}</p>
      ${refresh}`;
  }
}
