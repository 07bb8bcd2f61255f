/**
 * Registers the elements (`@pepay/checkout/define`): the only module with side effects (see
 * registry.ts). It brings the checkout's first screen with it, so that a bundler puts it in the
 * app's own bundle rather than a chunk fetched after the app has run (one round trip later); the
 * script-tag build fetches it beside its first paint instead (src/cdn/paint.ts).
 */
import {defineLeaves} from './elements/checkout/first-screen.js';
import {PepayCheckout} from './elements/checkout/pepay-checkout.js';
import {firstScreenBundled} from './elements/checkout/first-screen-loader.js';
import {defineElements} from './registry.js';

firstScreenBundled();
defineElements();
// By the copy whose checkout holds the tag, as its checkout would when it starts.
if (typeof customElements !== 'undefined' && customElements.get('pepay-checkout') === PepayCheckout) defineLeaves();
