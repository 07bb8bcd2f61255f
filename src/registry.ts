/**
 * Registration of the elements a page needs for its first paint: the checkout and the button. The
 * first screen's leaves (token list, countdown) come with the checkout's controller
 * (src/elements/checkout/first-screen.ts) and are registered when a checkout starts; the later
 * steps' elements and the modal are chunks of their own (src/elements/checkout/views.ts) and
 * register themselves when they arrive.
 */
import {PepayCheckoutButton} from './elements/button/pepay-checkout-button.js';
import {PepayCheckout} from './elements/checkout/pepay-checkout.js';
import {loadFirstScreen} from './elements/checkout/first-screen-loader.js';
import {register} from './elements/register.js';

/**
 * Registers the Pepay elements and starts fetching the checkout's first screen: a page registers
 * them to show a checkout, which would otherwise ask for it only once on the page. Idempotent; in
 * Node (server-side rendering) it does neither.
 */
export function defineElements(): void {
  if (typeof customElements === 'undefined') return;
  register([
    ['pepay-checkout', PepayCheckout],
    ['pepay-checkout-button', PepayCheckoutButton],
  ]);
  // Only by the copy whose checkout holds the tag (another copy's would be fetched for nothing). A
  // failure is the checkout's to say, with "Try again", when it asks again.
  if (customElements.get('pepay-checkout') === PepayCheckout) loadFirstScreen().catch(() => undefined);
}
