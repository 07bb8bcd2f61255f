/** Which payer actions the machine takes, and when. Pure. */
import {tokenOn} from './allocation.js';
import {STEPS as STEPS_IN_ORDER, type CheckoutState, type PayerAction, type Step} from './types.js';

type MachineAction = Exclude<PayerAction, {type: 'retry'}>;
type WalletFact = Extract<MachineAction, {invoiceId: string}>;

/**
 * Where a wallet's answer is recorded: a fact, not a request to queue behind one in flight. A
 * wallet may answer after Pepay saw its transaction, after the payer moved on to another token,
 * or after the invoice ended: every step from the token list on (types.ts lists them in order).
 * Never before it, where no wallet was pressed for this session (such an answer is for the
 * session before a restart), nor for another invoice (the merchant gave the element a new session
 * while the wallet held the old one's transaction), except that such a transaction is left open in
 * the wallet, and its answer ends the note that says so (`elsewhereLeftOpen`).
 */
const WALLET_FACT: readonly Step[] = STEPS_IN_ORDER.slice(STEPS_IN_ORDER.indexOf('select-token'));

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
  // What a wallet sent, or that it sent nothing (confirming.ts says what each step makes of it).
  'wallet-ended': WALLET_FACT,
  'wallet-left-open': WALLET_FACT,
  'wallet-sent': WALLET_FACT,
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
  if (isWalletFact(action) && action.invoiceId !== state.invoiceId) return elsewhereLeftOpen(action);
  if (!STEPS[action.type].includes(state.step)) return false;
  if (isWalletFact(action)) return true;
  // A wait is left at once: what is in flight under it is a price refresh, not the payer's action.
  if (state.busy !== null && action.type !== 'stop-waiting') return false;
  if (action.type === 'token-chosen') {
    return tokenOn(state.tokens, action)?.selectable === true;
  }
  return true;
}

/**
 * A transaction the wallet holds for an invoice this checkout no longer shows (the merchant gave it
 * a new session meanwhile), or the wallet's answer to one: the payer is told to reject it there,
 * on every view that follows, until the wallet answers (what it then sends is not this invoice's).
 */
function elsewhereLeftOpen(action: WalletFact): boolean {
  return action.type === 'wallet-left-open' || action.leftOpen === true;
}

/** What the payer's wallet did, not something the payer did in the checkout (it reads no note, it asks for nothing). */
export function isWalletFact(action: MachineAction): action is WalletFact {
  return STEPS[action.type] === WALLET_FACT;
}
