/** The checkout's states outside the machine's transitions: the start, and the ways it ends early. */
import type {CheckoutError, CheckoutState, Step} from './types.js';

export function initialState(): CheckoutState {
  return {
    step: 'loading',
    invoiceId: null,
    invoiceStatus: null,
    environment: null,
    connection: 'idle',
    error: null,
    session: null,
    tokens: [],
    questions: [],
    questionsAnswered: false,
    email: null,
    emailDone: false,
    address: null,
    quotedRemainingUsd: null,
    amountRemainingUsd: null,
    expiresAtMono: null,
    quoteExpiresAtMono: null,
    shortQuotes: 0,
    paidAt: null,
    order: null,
    payments: {},
    pendingPayments: {},
    commerceOrderId: null,
    verification: null,
    verificationCheckAt: null,
    verificationChecks: 0,
    sessionRecheckAt: null,
    detected: null,
    settled: [],
    countedUnheard: false,
    walletTx: null,
    walletLeftOpen: 0,
    chosen: null,
    readingLock: false,
    sessionSentAt: 0,
    busy: null,
    notice: null,
    changed: null,
  };
}

/** The checkout cannot start: shown at once, nothing is sent. */
export function failedToStart(error: CheckoutError): CheckoutState {
  return {...initialState(), step: 'error', error};
}

/** An exception in our own code: shown as the error step, keeping what is known of the invoice. */
export function crashed(state: CheckoutState, error: CheckoutError): CheckoutState {
  // One error on screen: the notice it replaces is not shown beside it.
  return {...state, step: 'error', error, busy: null, notice: null};
}

export function isTerminal(step: Step): boolean {
  return step === 'paid' || step === 'expired' || step === 'canceled';
}
