/** The modal's chunk: registers `<pepay-checkout-dialog>` when a button or `open()` first needs it. */
import {register} from '../register.js';
import {PepayCheckoutDialog} from './pepay-checkout-dialog.js';

register([['pepay-checkout-dialog', PepayCheckoutDialog]]);
