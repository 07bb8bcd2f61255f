/**
 * News of the invoice's status and of its commerce order, from a poll, a session read or the
 * stream: which step it leads to. Pure.
 */
import type {EventSubject} from '../api/schemas/events.js';
import type {InvoiceStatus} from '../api/schemas/primitives.js';
import {advance, releaseLockWait} from './advance.js';
import {settleDetected} from './confirming.js';
import type {CheckoutState, Step, Transition} from './types.js';

export const TERMINAL: Record<string, Step> = {paid: 'paid', expired: 'expired', canceled: 'canceled'};
/** Commerce order statuses after which nothing more is coming (the enum is undocumented). */
const ORDER_FINAL = new Set(['delivered', 'delivery_confirmed', 'fulfilled', 'cancelled', 'canceled', 'refunded', 'failed']);

/** A commerce order update: shown, and on the paid screen a final one ends the stream. */
export function orderNews(state: CheckoutState, order: Extract<EventSubject, {kind: 'order'}>): Transition {
  // Tracking stays known once given, when a later update does not repeat it.
  const tracking = order.tracking ?? (state.order?.orderId === order.orderId ? state.order.tracking : null);
  const next = {...state, order: {orderId: order.orderId, status: order.status, tracking}};
  const done = state.step === 'paid' && ORDER_FINAL.has(order.status);
  return {state: next, effects: done ? [{type: 'stop'}] : []};
}

/** News of the invoice's status (`updated`: `before` with the news's other figures applied). */
export function applyStatus(before: CheckoutState, updated: CheckoutState, status: InvoiceStatus): Transition {
  // Late or reordered news never walks a partial payment back to unpaid.
  if (updated.invoiceStatus === 'underpaid' && status === 'unpaid')
    return before.readingLock ? releaseLockWait(updated) : {state: updated, effects: []};
  const next = settleDetected(before, {...updated, invoiceStatus: status});
  const terminal = TERMINAL[status];
  if (terminal) {
    const followOrder = terminal === 'paid' && next.commerceOrderId !== null && !ORDER_FINAL.has(next.order?.status ?? '');
    return {state: {...next, step: terminal, busy: null, notice: null}, effects: [{type: 'stop', keepStream: followOrder}]};
  }
  if (status === 'underpaid') {
    // The locked network, token and address come only from session-details: ask it, unless it is
    // what just said underpaid (with no lock: the payer goes on as on an open invoice).
    const sessionSaid = next.session?.status === 'underpaid';
    if (!next.session?.locked && sessionSaid) return updated.step === 'loading' ? {state: next, effects: []} : advance(next);
    if (updated.step === 'loading') return {state: next, effects: []};
    if (!next.session?.locked || !sessionSaid) return {state: {...next, readingLock: true}, effects: [{type: 'refresh-session'}]};
    return advance(next);
  }
  // A payment counted while the invoice stays open: back to what it shows now.
  return next.step === 'confirming' && !next.detected ? advance(next) : {state: next, effects: []};
}
