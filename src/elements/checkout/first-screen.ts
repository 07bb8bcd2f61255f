/**
 * What a checkout runs once it is on the page: its controller (the machine, the API client and the
 * schemas that check every answer), its header, and the first screen's elements (token list,
 * countdown). In the script-tag build it is a chunk of its own, fetched beside the first paint
 * (src/cdn/classic.ts): the card and its skeleton paint before it arrives, and the first reads
 * travel beside it (src/api/first-reads.ts, issue 11). No side effects: a copy of the script whose
 * checkout lost its tag to another copy's registers nothing here.
 */
import {PepayCountdown} from '../countdown/pepay-countdown.js';
import {register} from '../register.js';
import {PepayTokenList} from '../token-list/pepay-token-list.js';

export {CheckoutController} from '../../controllers/checkout-controller.js';
export {checkoutHeader} from './header.js';
export {stepTitle} from './step-title.js';

/** Registers the first screen's elements, before the checkout that uses them starts. Idempotent. */
export function defineLeaves(): void {
  register([
    ['pepay-countdown', PepayCountdown],
    ['pepay-token-list', PepayTokenList],
  ]);
}
