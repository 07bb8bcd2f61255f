/**
 * Registration of the elements a page needs before the first screen: the checkout, its token
 * list and countdown, and the button. The later steps' elements and the modal are chunks of their
 * own (src/elements/checkout/views.ts) and register themselves when first needed.
 */
import {PepayCheckoutButton} from './elements/button/pepay-checkout-button.js';
import {PepayCheckout} from './elements/checkout/pepay-checkout.js';
import {PepayCountdown} from './elements/countdown/pepay-countdown.js';
import {register} from './elements/register.js';
import {PepayTokenList} from './elements/token-list/pepay-token-list.js';

/** Registers the Pepay elements (leaves first, so the root renders upgraded children). Idempotent. */
export function defineElements(): void {
  register([
    ['pepay-countdown', PepayCountdown],
    ['pepay-token-list', PepayTokenList],
    ['pepay-checkout', PepayCheckout],
    ['pepay-checkout-button', PepayCheckoutButton],
  ]);
}
