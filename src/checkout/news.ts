/** How news from the server (events, re-reads) is weighed against what the checkout knows. Pure. */
import type {EventSubject} from '../api/schemas/events.js';
import type {CheckoutState} from './types.js';

/**
 * Whether an event is about this checkout's invoice. A commerce order event may name only its
 * order (the documented `commerce.order.updated` has no `invoice_id`): its order id must then be
 * the one this invoice's events named.
 */
export function concernsThisInvoice(state: CheckoutState, subject: EventSubject): boolean {
  if (subject.kind === 'other' || !state.invoiceId) return false;
  if (subject.invoiceId) return subject.invoiceId === state.invoiceId;
  return subject.kind === 'order' && state.commerceOrderId !== null && subject.orderId === state.commerceOrderId;
}

/**
 * What is still due only ever goes down: a REST answer or event that left the server before the
 * latest payment (responses and frames cross on the wire) must not raise it again.
 */
export function lowerRemaining(current: number | null, incoming: number | null): number | null {
  if (incoming === null) return current;
  return current === null ? incoming : Math.min(current, incoming);
}
