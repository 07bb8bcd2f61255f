/** Which payer actions the machine takes, and when. Pure. */
import {tokenOn} from './allocation.js';
import type {CheckoutState, PayerAction, Step} from './types.js';

type MachineAction = Exclude<PayerAction, {type: 'retry'}>;

/** The steps on which each payer action means something. */
const STEPS: Record<MachineAction['type'], readonly Step[]> = {
  'questions-submitted': ['questions'],
  'email-submitted': ['email'],
  'email-skipped': ['email'],
  'token-chosen': ['select-token'],
  'change-token': ['awaiting-payment'],
  'refresh-quote': ['awaiting-payment', 'underpaid'],
  'verify-requested': ['awaiting-payment', 'underpaid'],
  'wallet-started': ['awaiting-payment', 'underpaid'],
  'wallet-ended': ['awaiting-payment', 'underpaid', 'confirming'],
  // A wallet may answer after Pepay already saw its transaction (`confirming`), or after the
  // payer moved on to another token: what it sent is recorded wherever the payer is.
  'wallet-sent': ['select-token', 'awaiting-payment', 'underpaid', 'confirming'],
  'stop-waiting': ['confirming'],
};

export function isPayerAction(input: {type: string}): input is MachineAction {
  return input.type in STEPS;
}

/**
 * One payer action at a time: none is taken while a request is in flight (a second Enter, a
 * double tap, a click on another token), nor on a step it does not belong to (a late event from a
 * view already left), nor for a token the list does not offer.
 */
export function acceptsPayerAction(state: CheckoutState, action: MachineAction): boolean {
  if (!STEPS[action.type].includes(state.step)) return false;
  // What a wallet already sent, or that it sent nothing, is a fact to record, not a request to queue.
  if (action.type === 'wallet-sent' || action.type === 'wallet-ended') return true;
  if (state.busy !== null) return false;
  if (action.type === 'token-chosen') {
    return tokenOn(state.tokens, action)?.selectable === true;
  }
  return true;
}
