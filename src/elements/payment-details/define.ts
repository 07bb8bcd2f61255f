/** The payment step's chunk (instruction, copy, QR code): registers its elements when first needed. */
import {PepayQr} from '../qr/pepay-qr.js';
import {register} from '../register.js';
import {PepayPaymentDetails} from './pepay-payment-details.js';

register([
  ['pepay-qr', PepayQr],
  ['pepay-payment-details', PepayPaymentDetails],
]);
