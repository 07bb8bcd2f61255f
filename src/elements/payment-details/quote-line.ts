/**
 * The price's line on the payment view: how long it holds; in its last 30 seconds a warning with
 * "Get a new price" (WCAG 2.2.1 Timing Adjustable: the payer is told before the time runs out and
 * can extend it in one action); while it is made again, that it is; when refreshing stopped, the
 * button alone. The button pressed stays (busy) until the new price is here, so the keyboard
 * goes from it to the heading that says the new amount, not to a heading still saying "Refreshing".
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
  /** The payer pressed "Get a new price" and the new one is on its way. */
  private pressed = false;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** `live`: its status line's `aria-live` (`QuietRelabel`). */
  render(
    state: CheckoutState,
    m: Messages,
    v: ViewMessages,
    locale: string,
    act: (action: PayerAction) => void,
    live: 'off' | typeof nothing,
  ) {
    clearTimeout(this.timer);
    // While the wallet has the request, its price is held for it and nothing refreshes it: a
    // countdown at 0:00, "refreshed by itself" and a "Get a new price" that cannot act would all be
    // false. They come back when the wallet answers or the payer stops waiting for it.
    if (state.busy === 'wallet') return nothing;
    const busy = state.busy === 'address';
    this.pressed &&= busy;
    const stalled = !busy && quoteStalled(state);
    const left = busy || stalled ? null : quoteTimeLeft(state, performance.now());
    const ending = left !== null && left <= WARN_MS;
    // Wakes the view (not the checkout) when the warning is due; only while it is on the page
    // (a render that lands after removal must not leave a timer behind).
    if (left !== null && !ending && this.host.isConnected) this.timer = setTimeout(() => this.host.requestUpdate(), left - WARN_MS + 5);
    const press = () => {
      this.pressed = true;
      act({type: 'refresh-quote'});
    };
    // One template whatever the case, so the button pressed is the same element while it is busy.
    return html`${busy ? html`<p class="muted">${m.quoteRefreshing}</p>` : nothing}
      ${
        left === null
          ? nothing
          : html`<p class="muted" data-quote>
              <pepay-countdown .deadline=${state.quoteExpiresAtMono} .format=${v.quoteValid} .locale=${locale}></pepay-countdown>
            </p>`
      }
      <p role="status" aria-live=${live} data-quote-ending>${ending ? v.quoteEnding : ''}</p>
      ${
        stalled || ending || (busy && this.pressed)
          ? html`<button data-refresh-quote aria-disabled=${busy ? 'true' : nothing} @click=${press}>${m.refreshQuote}</button>`
          : nothing
      }`;
  }
}
