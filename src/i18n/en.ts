/**
 * The English catalogue of the first screen (the lazy views' strings are in en-views.ts): the
 * source every other locale (src/i18n/locales/) gives exactly, key for key.
 */
import type {PepayErrorCode} from '../api/errors.js';
import {plural} from './plural.js';

export const en = {
  /** The Pepay API writes its own messages (a refused answer, a token's unavailability) in English: shown as they are only in English. */
  showsServerText: true,
  loading: 'Loading checkout…',
  /** The button that opens the modal, and the modal's name. */
  payWithCrypto: 'Pay with crypto',
  close: 'Close',
  /** Said to screen readers at 5 minutes and 1 minute before the invoice expires (not every second). */
  minutesLeft: plural({one: (n) => `${n} minute left to pay`, other: (n) => `${n} minutes left to pay`}),
  payTo: (merchant: string) => (merchant ? `Pay ${merchant}` : 'Payment'),
  testMode: 'Devnet · test mode',
  testModeHint: 'Test network: no real funds move.',
  expiresIn: (time: string) => `Expires in ${time}`,
  questionsTitle: 'A few details first',
  required: 'required',
  fieldRequired: 'Please fill this in.',
  invalidEmail: 'Enter an e-mail address like name@example.com.',
  continue: 'Continue',
  emailTitle: 'Where should we send the receipt?',
  emailLabel: 'E-mail',
  skip: 'Skip',
  selectTokenTitle: 'Choose how to pay',
  filterTokens: 'Filter tokens and networks',
  noTokens: 'No token matches.',
  /** Said while the filter narrows the list (none: `noTokens`). */
  tokensMatch: plural({one: (n) => `${n} token matches.`, other: (n) => `${n} tokens match.`}),
  unavailable: 'Unavailable',
  sendExactly: (amount: string, token: string, network: string) => `Send exactly ${amount} ${token} on ${network}`,
  confirmingTitle: 'Payment seen, waiting for confirmation',
  sentTitle: 'Sent from your wallet, waiting for the network',
  quoteRefreshing: 'Refreshing the price…',
  refreshQuote: 'Get a new price',
  changed: {
    instruction: 'The payment details have changed. Send to the address and amount shown now, not the earlier ones.',
    invoice: 'The merchant has changed this invoice. Check the payee and the total above before you pay.',
    'payment-failed':
      'Your payment did not go through, and nothing was received. Check your wallet before you send the amount shown again.',
  },
  preparingAddress: 'Preparing your payment address…',
  underpaidTitle: 'Partial payment received',
  paidTitle: 'Payment received',
  expiredTitle: 'This payment request expired',
  canceledTitle: 'This payment was canceled',
  errorTitle: 'The checkout cannot continue',
  retry: 'Try again',
  viewUnavailable: 'This part of the checkout could not be loaded. Check your connection and try again.',
  reconnecting: 'Reconnecting…',
  offline: 'You are offline. We will check again when you are back.',
  errors: {
    'insecure-credentials': 'This checkout was set up with a merchant API key instead of a payment session. The merchant must fix it.',
    'missing-credentials': 'This checkout has no payment session. The merchant must provide one.',
    'invalid-session': 'This payment session is not valid.',
    'session-not-found': 'This payment session was not found or has expired.',
    gone: 'This payment request has expired.',
    'bad-request': 'That was not accepted.',
    'rate-limited': 'Too many requests. Please wait a moment.',
    server: 'The payment service has a problem. Please try again.',
    network: 'The payment service cannot be reached. Check your connection.',
    'invalid-response': 'The payment service sent something that cannot be right, so it is not shown. Please try again.',
    'quote-unavailable': 'No price is available for this token right now.',
  } satisfies Record<PepayErrorCode, string>,
};

export type Messages = typeof en;
