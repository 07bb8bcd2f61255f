/**
 * The module entry, `pepay-checkout.es.js`, for `<script type="module">` and `import`: the first
 * paint (`paint.ts`, the same file the classic loader imports, so both on one page run it once)
 * and the checkout's first screen, imported statically so that the browser fetches them side by
 * side. A module script cannot start a fetch before its imports have run, so the first screen
 * would otherwise come one round trip after the first paint. The card paints once both are here.
 */
import {defineLeaves} from '../elements/checkout/first-screen.js';
import {PepayCheckout} from '../elements/checkout/pepay-checkout.js';

export * from './paint.js';

// The first screen's elements, by the copy whose checkout holds the tag (as the checkout would when it starts).
if (customElements.get('pepay-checkout') === PepayCheckout) defineLeaves();
