/** Public API without side effects: classes, types and the API client. Import `./define` to register. */
export {PepayCheckout} from './elements/checkout/pepay-checkout.js';
export {PepayQr} from './elements/qr/pepay-qr.js';
export {PepayCheckoutDialog, type CloseReason} from './elements/dialog/pepay-checkout-dialog.js';
export {PepayCheckoutButton} from './elements/button/pepay-checkout-button.js';
export {defineElements} from './registry.js';
export {openCheckout, type OpenOptions, type OpenCheckout, type CheckoutOutcome} from './open.js';
export type {CheckoutState, Step, Connection, CheckoutError} from './checkout/types.js';
export type {EventDetailMap} from './checkout/events.js';
export * from './api/index.js';
export {VERSION} from './version.js';
