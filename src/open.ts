/** `PepayCheckout.open(options)`: the checkout in a modal, and a promise of how it ended. */
import type {PepayCheckoutDialog} from './elements/dialog/pepay-checkout-dialog.js';
import {defineElements} from './registry.js';

export type CheckoutOutcome = 'paid' | 'expired' | 'canceled' | 'closed';

export interface OpenOptions {
  sessionToken?: string;
  signature?: string;
  paymentUrl?: string;
  apiBase?: string;
  wsBase?: string;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
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

const OUTCOMES: [string, CheckoutOutcome][] = [
  ['pepay-paid', 'paid'],
  ['pepay-expired', 'expired'],
  ['pepay-canceled', 'canceled'],
  ['pepay-close', 'closed'],
];

export function openCheckout(options: OpenOptions): OpenCheckout {
  defineElements();
  const dialog = document.createElement('pepay-checkout-dialog') as PepayCheckoutDialog;
  const {sessionToken, signature, paymentUrl, apiBase, wsBase, locale, theme, container = document.body} = options;
  Object.assign(dialog, Object.fromEntries(Object.entries({sessionToken, signature, paymentUrl, apiBase, wsBase, locale, theme}).filter(([, v]) => v !== undefined)));
  const result = new Promise<CheckoutOutcome>((resolve) => {
    for (const [event, outcome] of OUTCOMES) dialog.addEventListener(event, () => resolve(outcome), {once: true});
  });
  // The paid, expired or canceled screen stays until the payer closes it.
  const closed = new Promise<void>((resolve) => {
    dialog.addEventListener(
      'pepay-close',
      () => {
        dialog.remove();
        resolve();
      },
      {once: true},
    );
  });
  container.append(dialog);
  dialog.show();
  return {close: () => dialog.close('api'), result, closed};
}
