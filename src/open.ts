/** `PepayCheckout.open(options)`: the checkout in a modal, and a promise of how it ended. */
import {loadView} from './elements/checkout/views.js';
import type {PepayCheckoutDialog} from './elements/dialog/pepay-checkout-dialog.js';
import type {PepayEventName} from './events/contract.js';
import {defineElements} from './registry.js';
import {pickSession, type SessionOptions} from './session.js';
import {deepFocused} from './elements/deep-focus.js';

export type CheckoutOutcome = 'paid' | 'expired' | 'canceled' | 'closed';

/** The session fields (see `SessionOptions`), each optional, and where the modal goes. */
export interface OpenOptions extends Partial<SessionOptions> {
  /** Where the modal goes (default `document.body`); its events bubble from there. */
  container?: ParentNode;
}

export interface OpenCheckout {
  /** Closes the modal at once. */
  close(): void;
  /** Settles with the first outcome: the invoice's end, or the payer closing the modal. */
  result: Promise<CheckoutOutcome>;
  /** Settles when the modal has closed (after a paid screen, for instance). */
  closed: Promise<void>;
}

const OUTCOMES: [PepayEventName, CheckoutOutcome][] = [
  ['pepay-paid', 'paid'],
  ['pepay-expired', 'expired'],
  ['pepay-canceled', 'canceled'],
  ['pepay-close', 'closed'],
];

/**
 * Opens the checkout in a modal `<pepay-checkout-dialog>` appended to `options.container`,
 * registering the elements first if needed (the modal is a chunk of its own: it opens when that
 * has arrived). Credential errors surface as the checkout's `pepay-error` and error view, never as
 * a throw; `result` rejects only when the modal's chunk cannot be fetched (nothing was shown, and
 * `closed` resolves).
 */
export function openCheckout(options: OpenOptions): OpenCheckout {
  // Called from a page's own script, it may be given nothing, null or a string: the modal then
  // shows what a checkout without a session shows (its error card), never a TypeError.
  const given: OpenOptions = typeof options === 'object' && options !== null ? options : {};
  defineElements();
  const dialog = document.createElement('pepay-checkout-dialog') as PepayCheckoutDialog;
  // Properties, not methods: set before the element upgrades, they are applied when it does.
  Object.assign(dialog, pickSession(given), {open: true});
  // Focus goes back where it was when the modal closes (the native dialog cannot: it is removed),
  // to the control itself when it sits in a storefront's own component (a shadow root).
  const opener = deepFocused(document);
  const result = new Promise<CheckoutOutcome>((resolve) => {
    for (const [event, outcome] of OUTCOMES) dialog.addEventListener(event, () => resolve(outcome), {once: true});
  });
  // The paid, expired or canceled screen stays until the payer closes it.
  const closed = new Promise<void>((resolve) => {
    dialog.addEventListener(
      'pepay-close',
      () => {
        dialog.remove();
        if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
        resolve();
      },
      {once: true},
    );
  });
  containerOf(given).append(dialog);
  const ready = loadView('dialog');
  // Settles only when the modal cannot be fetched: then nothing is shown.
  const unavailable = ready.then(
    () => new Promise<never>(() => undefined),
    (error: unknown) => {
      dialog.remove();
      throw error;
    },
  );
  return {
    close: () =>
      void ready.then(
        () => dialog.close('api'),
        () => undefined,
      ),
    result: Promise.race([result, unavailable]),
    closed: Promise.race([closed, unavailable.catch(() => undefined)]),
  };
}

/** `options.container`, or the page's body when there is none or it cannot hold the modal (a selector string, say: the console says so). */
function containerOf(options: OpenOptions): ParentNode {
  const container: unknown = options.container;
  if (container != null && typeof (container as Partial<ParentNode>).append === 'function') return container as ParentNode;
  if (container != null)
    console.warn('Pepay Checkout: open() was given a container that is not an element; the modal goes in document.body.');
  return document.body;
}
