import type {CheckoutError} from '../checkout/types.js';
import type {Messages} from '../i18n/en.js';

/**
 * What the payer reads for a notice: the catalogue's words for its code. A 400's own message is
 * the one exception: it says which answer the server refused (shown as text, never markup).
 */
export function noticeText(notice: CheckoutError, m: Messages): string {
  return notice.code === 'bad-request' ? notice.message : m.errors[notice.code];
}
