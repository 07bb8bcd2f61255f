/** Public API without side effects: classes, types and the API client. Import `./define` to register. */
export {PepayCheckout} from './elements/checkout/pepay-checkout.js';
export * from './api/index.js';
export {VERSION} from './version.js';
