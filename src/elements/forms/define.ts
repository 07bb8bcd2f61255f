/** The forms' chunk (questions, e-mail): registers its elements when the checkout first needs them. */
import {register} from '../register.js';
import {PepayEmailForm} from './pepay-email-form.js';
import {PepayQuestionsForm} from './pepay-questions-form.js';

register([
  ['pepay-questions-form', PepayQuestionsForm],
  ['pepay-email-form', PepayEmailForm],
]);
