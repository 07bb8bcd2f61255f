/**
 * The sandbox-only simulator API under /sandbox/… for the demo and the tests: create invoices
 * (standing in for the merchant's server, so no API key ever reaches a browser), pay them in full,
 * partially or over (or only "seen", pending until `confirm` or `fail`), expire, cancel, switch
 * faults, drop sockets, and read what happened.
 */
import * as z from 'zod/mini';
import {applyFaultPatch, faultPatchSchema} from './faults.ts';
import {HttpError, ok, parseBody, type Reply} from './http.ts';
import {createInvoiceSchema, sessionHandoff, toNewInvoice} from './merchant.ts';
import type {Order, Transition} from './orders.ts';
import {millis, type SandboxState} from './state.ts';
import type {Invoice} from './types.ts';

const createSchema = z.extend(createInvoiceSchema, {
  amount_usd: z._default(z.number().check(z.gte(0.0005), z.maximum(1_000_000)), 49.99),
  environment: z._default(z.enum(['devnet', 'mainnet']), 'devnet'),
  merchant_name: z.optional(z.string().check(z.maxLength(100))),
  commerce: z._default(z.boolean(), false),
});

const paySchema = z.object({
  /**
   * `full` pays what is due, `partial` half of it (down to the thousandth; a last thousandth
   * whole), `over` 5 USD more; or an exact USD amount, at least half a thousandth (Pepay counts
   * USD in thousandths: less would be a payment of nothing).
   */
  amount: z._default(z.union([z.enum(['full', 'partial', 'over']), z.number().check(z.gte(0.0005))]), 'full'),
  /** Seen on the chain but not confirmed: only a pending `invoice_payment` until `confirm`. */
  pending: z._default(z.boolean(), false),
  /** The transaction hash the pending payment carries. */
  tx_hash: z.optional(z.string().check(z.maxLength(100))),
});

export interface RequestLogEntry {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: string;
  at: number;
}

export function createSandboxInvoice(state: SandboxState, body: string, payBase: string): Reply {
  const request = parseBody(body, createSchema);
  const invoice = state.createInvoice({
    ...toNewInvoice(request, request.environment),
    merchantName: request.merchant_name,
    commerce: request.commerce,
  });
  return ok({...sessionHandoff(invoice, payBase), order_id: invoice.orderId, network_environment: invoice.environment});
}

export function simulatorAction(state: SandboxState, invoice: Invoice, action: string, body: string, log: RequestLogEntry[]): Reply {
  switch (action) {
    case 'pay': {
      if (!state.isOpen(invoice)) throw new HttpError(400, 'INVOICE_NOT_PAYABLE', `Invoice is ${invoice.status}`);
      const {amount, pending, tx_hash: txHash} = parseBody(body, paySchema);
      const due = state.remainingUsd(invoice);
      const usd =
        amount === 'full'
          ? due
          : amount === 'partial'
            ? Math.max(1, Math.floor(millis(due) / 2)) / 1000
            : amount === 'over'
              ? due + 5
              : amount;
      if (pending) state.detectPayment(invoice, usd, txHash ?? null);
      else state.pay(invoice, usd);
      return ok(describe(state, invoice, log));
    }
    case 'confirm':
      if (!invoice.pending) throw new HttpError(400, 'NO_PENDING_PAYMENT', 'No payment is waiting for confirmation');
      state.confirmPayment(invoice);
      return ok(describe(state, invoice, log));
    case 'fail':
      if (!invoice.pending) throw new HttpError(400, 'NO_PENDING_PAYMENT', 'No payment is waiting for confirmation');
      state.failPayment(invoice);
      return ok(describe(state, invoice, log));
    case 'expire':
      if (!state.isOpen(invoice)) throw new HttpError(400, 'INVOICE_NOT_OPEN', `Invoice is ${invoice.status}`);
      invoice.expiresAt = state.now();
      // Now, whatever lag the `expiryLagSeconds` fault sets.
      state.setStatus(invoice, 'expired');
      return ok(describe(state, invoice, log));
    case 'cancel':
      if (!state.isOpen(invoice)) throw new HttpError(400, 'INVOICE_NOT_OPEN', `Invoice is ${invoice.status}`);
      state.setStatus(invoice, 'canceled');
      return ok(describe(state, invoice, log));
    case 'faults':
      invoice.faults = applyFaultPatch(invoice.faults, parseBody(body, faultPatchSchema));
      return ok({faults: invoice.faults});
    case 'advance-order': {
      // The demo's "next order step" without a commerce key in the browser.
      const order = invoice.orderId ? state.orders.get(invoice.orderId) : undefined;
      if (!order) throw new HttpError(400, 'NOT_COMMERCE', 'This invoice has no commerce order');
      // The payment moves an order out of awaiting_payment, never this button.
      if (invoice.status !== 'paid') throw new HttpError(400, 'NOT_PAID', 'The order moves on once its invoice is paid');
      const before = order.status;
      // One press, one visible step: a transition that keeps the status (payment settled) goes on to the next.
      for (let hops = 0; order.status === before && hops < 3; hops++) {
        const next = nextTransition(order);
        if (!next) throw new HttpError(400, 'INVALID_TRANSITION', `Nothing follows ${order.status}`);
        state.orders.simulate(order.orderId, next, {});
      }
      return ok(describe(state, invoice, log));
    }
    case 'drop-sockets':
      return ok({dropped: state.events.drop(invoice.id)});
    case 'push-frame':
      // Any JSON, sent as is on the invoice's open streams: a hostile server's frame.
      return ok({sent: state.events.push(invoice.id, JSON.parse(body || 'null') as unknown)});
    default:
      throw new HttpError(404, 'NOT_FOUND', `Unknown simulator action ${action}`);
  }
}

function nextTransition(order: Order): Transition | null {
  if (order.status === 'awaiting_payment') return 'payment_confirmed';
  if (order.status === 'processing') return order.settled ? 'placed' : 'payment_settled';
  if (order.status === 'placed') return 'shipped';
  if (order.status === 'shipped') return 'delivery_confirmed';
  return null;
}

export function describe(state: SandboxState, invoice: Invoice, log: RequestLogEntry[]): Record<string, unknown> {
  const order = invoice.orderId ? state.orders.get(invoice.orderId) : undefined;
  return {
    invoice: state.invoiceObject(invoice),
    session_token: invoice.sessionToken,
    locked: invoice.locked,
    allocation: invoice.allocation,
    addresses_issued: invoice.addressCount,
    pending_payment: invoice.pending,
    customer_email: invoice.customerEmail,
    answers: invoice.answers,
    order: order ? state.orders.snapshot(order) : null,
    open_streams: state.events.openStreams(invoice.id),
    faults: invoice.faults,
    events: state.events.forInvoice(invoice.id),
    requests: log,
  };
}
