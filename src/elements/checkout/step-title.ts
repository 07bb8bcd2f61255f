/** The heading of each step, which the checkout focuses when the step changes. */
import {networkName, trimAmount} from '../../checkout/format.js';
import {tokenOn} from '../../checkout/allocation.js';
import {sentFromWalletOnly} from '../../checkout/confirming.js';
import type {CheckoutState} from '../../checkout/types.js';
import type {Messages} from '../../i18n/en.js';

/** The step's heading, or null for the loading skeleton. */
export function stepTitle(state: CheckoutState, m: Messages): string | null {
  switch (state.step) {
    case 'loading':
      return null;
    case 'questions':
      return m.questionsTitle;
    case 'email':
      return m.emailTitle;
    case 'select-token':
      return m.selectTokenTitle;
    case 'awaiting-payment':
    case 'underpaid': {
      const a = state.address;
      if (state.step === 'underpaid') return m.underpaidTitle;
      // No address and none on its way (the answer was refused): the notice says why, no heading.
      if (!a) return state.busy ? m.preparingAddress : null;
      const token = tokenOn(state.tokens, a);
      if (a.tokenAmount && state.busy !== 'address')
        return m.sendExactly(trimAmount(a.tokenAmount, token?.decimals ?? null), token?.symbol ?? '', networkName(a.network));
      // No price, and none asked for or due: the automatic refresh stopped (quote.ts), and only the
      // payer's "Get a new price" asks again.
      return state.busy === null && state.quoteExpiresAtMono === null ? m.errors['quote-unavailable'] : m.quoteRefreshing;
    }
    case 'confirming':
      // Only the payer's wallet has reported it: sent, not yet seen.
      return sentFromWalletOnly(state.detected) ? m.sentTitle : m.confirmingTitle;
    case 'paid':
      return m.paidTitle;
    case 'expired':
      return m.expiredTitle;
    case 'canceled':
      return m.canceledTitle;
    case 'error':
      return m.errorTitle;
  }
}
