/**
 * Registration of the elements a page needs for its first paint: the checkout and the button. The
 * first screen's leaves (token list, countdown) arrive with the checkout's controller
 * (src/elements/checkout/first-screen.ts); the later steps' elements and the modal are chunks of
 * their own (src/elements/checkout/views.ts). Each registers itself when it arrives.
 */
import {PepayCheckoutButton} from './elements/button/pepay-checkout-button.js';
import {PepayCheckout} from './elements/checkout/pepay-checkout.js';
import {register} from './elements/register.js';

/** Registers the Pepay elements. Idempotent. */
export function defineElements(): void {
  register([
    ['pepay-checkout', PepayCheckout],
    ['pepay-checkout-button', PepayCheckoutButton],
  ]);
}
