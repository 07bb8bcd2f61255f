/** The last screens' chunk (paid, expired, canceled, error): registers its element when first needed. */
import {register} from '../register.js';
import {PepayStatusView} from './pepay-status-view.js';

register([['pepay-status-view', PepayStatusView]]);
