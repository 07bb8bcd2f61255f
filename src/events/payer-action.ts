import type {PayerAction} from '../checkout/types.js';

/**
 * What a leaf element sends up: one payer action. Bubbles to the checkout's shadow root and no
 * further (not `composed`): it is internal, the page hears only the contract events.
 */
export class PayerActionEvent extends Event {
  static readonly type = 'payer-action';

  constructor(readonly action: PayerAction) {
    super(PayerActionEvent.type, {bubbles: true, composed: false});
  }
}

/**
 * "Done" pressed on a last screen: sent up (composed) to the modal around the checkout, which
 * closes and stops it there. Internal: not part of the page's contract.
 */
export const DONE_EVENT = 'pepay-internal-done';

declare global {
  interface HTMLElementEventMap {
    'payer-action': PayerActionEvent;
  }
}
