/**
 * The one definition of every `pepay-*` event: its name and its typed `detail`. The global event
 * map (`addEventListener('pepay-paid', e => e.detail…)` type-checks), the React wrapper's `on…`
 * props, the demo's listener list and `custom-elements.json` (a manifest plugin reads the
 * interfaces below, with their `@eventsOf` tag) all come from here.
 *
 * All are `bubbles: true, composed: true` and dispatched on the element, never on `window`
 * (README, "`<pepay-checkout>`", events).
 */
import type {PepayErrorCode} from '../api/errors.js';
import type {Environment, InvoiceStatus} from '../api/schemas/primitives.js';
import type {Step} from '../checkout/types.js';

/**
 * Events of `<pepay-checkout>`; they also bubble out of the dialog and the button around it.
 * @eventsOf pepay-checkout pepay-checkout-dialog pepay-checkout-button
 */
export interface PepayCheckoutEventDetails {
  /** The session was read (also when the rest of the first round failed: the error step follows). */
  'pepay-ready': {invoiceId: string; invoiceStatus: InvoiceStatus; environment: Environment};
  /** The step changed (restarts and retries included). */
  'pepay-step-change': {step: Step; previous: Step};
  /**
   * A deposit address was allocated or rotated. `amount` is the token amount as a decimal string;
   * null when the answer had no price (the payer is told, and it is asked again).
   */
  'pepay-address': {address: string; network: string; tokenId: number; amount: string | null};
  /** The invoice status changed. */
  'pepay-status': {invoiceId: string; status: InvoiceStatus; previous: InvoiceStatus};
  /** The invoice is paid; `paidAt` in epoch ms, null when Pepay has not said when. The only event that means paid. */
  'pepay-paid': {invoiceId: string; paidAt: number | null};
  /** A partial payment was received; the rest must come on the locked network and token. */
  'pepay-underpaid': {invoiceId: string; lockedNetwork: string; lockedTokenId: number; amountRemainingUsd: number | null};
  /** The invoice expired. */
  'pepay-expired': {invoiceId: string};
  /** The invoice was canceled. */
  'pepay-canceled': {invoiceId: string};
  /**
   * A commerce order moved after payment: its status as Pepay spells it, and its shipment's
   * tracking once it has one (the carrier null when not named).
   */
  'pepay-order': {orderId: string; status: string; tracking: {carrier: string | null; number: string} | null};
  /** An error the payer sees. */
  'pepay-error': {code: PepayErrorCode; message: string; retryable: boolean};
  /**
   * Pepay has seen a payment for this invoice that is not final yet (the step is `confirming`):
   * its id, and its transaction hash (null when unknown). A wait only the payer's wallet or a
   * verification job reported fires it once Pepay sees the payment. Not a reason to fulfil: only
   * `pepay-paid` is.
   */
  'pepay-payment-detected': {invoiceId: string; paymentId: string; txHash: string | null};
  /** A browser wallet returned a transaction: its announced name, the EIP-155 chain id, the hash. */
  'pepay-wallet-transaction': {invoiceId: string; wallet: string; chainId: number; txHash: string};
  /**
   * The payer is about to open a wallet link (`url`: the payment request URI). Cancelable: call
   * `preventDefault()` and open it yourself (a WebView host routing `ethereum:`/`solana:` links).
   */
  'pepay-deeplink': {invoiceId: string; url: string};
}

/** Why the modal closed: its close button, Escape, or the host's `close()`. */
/** `done`: the payer pressed "Done" on the last screen. */
export type CloseReason = 'close-button' | 'escape' | 'api' | 'done';

/**
 * Events of `<pepay-checkout-dialog>`; they also bubble out of the button around it.
 * @eventsOf pepay-checkout-dialog pepay-checkout-button
 */
export interface PepayDialogEventDetails {
  /** Cancelable; fired before closing while a payment is in progress: cancel it to keep the checkout open. */
  'pepay-close-request': {reason: CloseReason; step: Step};
  /** The dialog closed. */
  'pepay-close': {reason: CloseReason; step: Step};
}

export type PepayEventDetails = PepayCheckoutEventDetails & PepayDialogEventDetails;
export type PepayEventName = keyof PepayEventDetails;
/** Event name -> the event object a listener receives. */
export type PepayEventMap = {[K in PepayEventName]: CustomEvent<PepayEventDetails[K]>};

/** Every `<pepay-checkout>` event with its React prop name (`@pepay/checkout/react`). */
export const CHECKOUT_EVENT_PROPS = {
  'pepay-ready': 'onReady',
  'pepay-step-change': 'onStepChange',
  'pepay-address': 'onAddress',
  'pepay-status': 'onStatus',
  'pepay-paid': 'onPaid',
  'pepay-underpaid': 'onUnderpaid',
  'pepay-expired': 'onExpired',
  'pepay-canceled': 'onCanceled',
  'pepay-order': 'onOrder',
  'pepay-error': 'onError',
  'pepay-payment-detected': 'onPaymentDetected',
  'pepay-wallet-transaction': 'onWalletTransaction',
  'pepay-deeplink': 'onDeeplink',
} as const satisfies {[K in keyof PepayCheckoutEventDetails]: `on${string}`};

/** The names of every `<pepay-checkout>` event. */
export const CHECKOUT_EVENTS = Object.keys(CHECKOUT_EVENT_PROPS) as (keyof PepayCheckoutEventDetails)[];

/** A contract event: `bubbles` and `composed`, cancelable only when asked (`pepay-close-request`). */
export function createPepayEvent<K extends PepayEventName>(
  name: K,
  detail: PepayEventDetails[K],
  cancelable = false,
): CustomEvent<PepayEventDetails[K]> {
  return new CustomEvent(name, {detail, bubbles: true, composed: true, cancelable});
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the map is the members it extends
  interface GlobalEventHandlersEventMap extends PepayEventMap {}
}
