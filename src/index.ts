/**
 * `@pepay/checkout`: the public API, without side effects (safe to import during server-side
 * rendering). Import `@pepay/checkout/define` to register the elements, or call `defineElements()`.
 */
export {PepayCheckout} from './elements/checkout/pepay-checkout.js';
export {PepayCheckoutDialog} from './elements/dialog/pepay-checkout-dialog.js';
export {PepayCheckoutButton} from './elements/button/pepay-checkout-button.js';
export {PepayQr} from './elements/qr/pepay-qr.js';
export {defineElements} from './registry.js';
export {openCheckout, type OpenOptions, type OpenCheckout, type CheckoutOutcome} from './open.js';
export type {SessionOptions, Theme, QrContent} from './session.js';
export type {CheckoutState, Step, Connection, CheckoutError} from './checkout/types.js';
export type {
  CloseReason,
  PepayCheckoutEventDetails,
  PepayDialogEventDetails,
  PepayEventDetails,
  PepayEventMap,
  PepayEventName,
} from './events/contract.js';
export {CHECKOUT_EVENTS} from './events/contract.js';
export {PayorClient, DEFAULT_API_BASE, type PayorClientOptions, type TokenQuery} from './api/client.js';
export {PepayError, ERROR_CODES, type PepayErrorCode} from './api/errors.js';
export type {RetryPolicy} from './api/http.js';
export type {InvoiceStatus, Environment} from './api/schemas/primitives.js';
export type {SessionDetails} from './api/schemas/session.js';
export type {Token} from './api/schemas/tokens.js';
export type {PaymentAddress} from './api/schemas/address.js';
export type {PaymentStatus} from './api/schemas/status.js';
export type {CustomerEmail} from './api/schemas/email.js';
export type {Question, QuestionAnswer} from './api/schemas/questions.js';
export type {Verification} from './api/schemas/verify.js';
export type {PepayEvent, EventSubject} from './api/schemas/events.js';
export {VERSION} from './version.js';
