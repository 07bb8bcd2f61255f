/**
 * What a checkout runs once it is on the page: its controller (the machine, the API client and the
 * schemas that check every answer), its header, and the first screen's elements (token list,
 * countdown), which register when this module runs. In the script-tag build it is a chunk of its
 * own, fetched beside the first paint (src/cdn/classic.ts): the card and its skeleton paint
 * before it arrives, and the first requests leave as soon as it has (issue 11).
 */
import {PepayCountdown} from '../countdown/pepay-countdown.js';
import {register} from '../register.js';
import {PepayTokenList} from '../token-list/pepay-token-list.js';

export {CheckoutController} from '../../controllers/checkout-controller.js';
export {checkoutHeader} from './header.js';
export {stepTitle} from './step-title.js';

register([
  ['pepay-countdown', PepayCountdown],
  ['pepay-token-list', PepayTokenList],
]);
