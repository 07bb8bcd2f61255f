/** The checkout's leaf elements, for registration (registry.ts): each tag with its class. */
import {PepayCountdown} from './countdown/pepay-countdown.js';
import {PepayEmailForm} from './forms/pepay-email-form.js';
import {PepayQuestionsForm} from './forms/pepay-questions-form.js';
import {PepayPaymentDetails} from './payment-details/pepay-payment-details.js';
import {PepayQr} from './qr/pepay-qr.js';
import {PepayStatusView} from './status/pepay-status-view.js';
import {PepayTokenList} from './token-list/pepay-token-list.js';

export const LEAF_ELEMENTS: [string, CustomElementConstructor & {version?: string}][] = [
  ['pepay-qr', PepayQr],
  ['pepay-countdown', PepayCountdown],
  ['pepay-token-list', PepayTokenList],
  ['pepay-payment-details', PepayPaymentDetails],
  ['pepay-questions-form', PepayQuestionsForm],
  ['pepay-email-form', PepayEmailForm],
  ['pepay-status-view', PepayStatusView],
];
