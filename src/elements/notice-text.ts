import type {CheckoutError} from '../checkout/types.js';
import type {Messages} from '../i18n/en.js';

/**
 * What the payer reads for a notice: the catalogue's words for its code. A 400's own message is
 * the one exception in English: it says which answer the server refused (shown as text, never
 * markup); in another language the catalogue's words stand in for the API's English.
 */
export function noticeText(notice: CheckoutError, m: Messages): string {
  return notice.code === 'bad-request' && m.showsServerText ? notice.message : m.errors[notice.code];
}
