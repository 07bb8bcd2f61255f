import {html, nothing} from 'lit';
import type {CheckoutState} from '../checkout/types.js';
import type {ViewMessages} from '../i18n/en-views.js';

/**
 * "If your wallet still shows the payment request, reject it there.", on every view that follows
 * while a browser wallet holds a transaction the payer stopped waiting for (`walletLeftOpen`):
 * EIP-1193 has no cancel, so approving it later could pay twice. An alert: it appears as the
 * payer stops waiting, or with the view that replaced the wallet's (a payment seen, paid).
 */
export function walletLeftOpenNote(state: CheckoutState, v: ViewMessages) {
  return state.walletLeftOpen > 0 ? html`<p role="alert" data-wallet-left-open>${v.wallet.stillOpen}</p>` : nothing;
}
