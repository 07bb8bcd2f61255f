/** Which payer actions the machine takes, and when. Pure. */
import {tokenOn} from './allocation.js';
import {STEPS as EVERY_STEP, type CheckoutState, type PayerAction, type Step} from './types.js';

type MachineAction = Exclude<PayerAction, {type: 'retry'}>;

/** Every step: what a payer action recorded there as a fact needs (never queued behind a request in flight). */
const FACT = EVERY_STEP;

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
  // Facts, not requests: a wallet may answer after Pepay already saw its transaction, after the
  // payer moved on to another token, or after the invoice ended. What it sent, or that it sent
  // nothing, is recorded wherever the payer is (confirming.ts says what each step makes of it).
  'wallet-ended': FACT,
  'wallet-left-open': FACT,
  'wallet-sent': FACT,
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
  const steps = STEPS[action.type];
  if (steps === FACT) return true;
  if (!steps.includes(state.step)) return false;
  if (state.busy !== null) return false;
  if (action.type === 'token-chosen') {
    return tokenOn(state.tokens, action)?.selectable === true;
  }
  return true;
}
