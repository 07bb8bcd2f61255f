/**
 * Commerce orders and the devnet simulator's transitions (payor-api.md §5). The order status
 * enum is not documented; ours: awaiting_payment -> processing -> placed -> shipped -> delivered,
 * with failed, cancelled and refunded off the happy path.
 */
import {hex, uuid} from './ids.ts';
import type {Invoice} from './types.ts';

export const TRANSITIONS = [
  'payment_confirmed',
  'payment_settled',
  'placed',
  'shipped',
  'delivery_confirmed',
  'failed',
  'cancelled',
  'refunded',
] as const;
export type Transition = (typeof TRANSITIONS)[number];

export interface Order {
  orderId: string;
  invoiceId: string;
  status: string;
  substatus: string | null;
  walletNetwork: string | null;
  walletAddress: string | null;
  paymentStatus: 'unpaid' | 'paid';
  settled: boolean;
  timeline: {status: string; timestamp: string; message: string}[];
  shipments: {shipmentId: string; carrier: string; trackingNumber: string; deliveryStatus: string}[];
  createdAt: number;
  updatedAt: number;
}

interface Host {
  now: () => number;
  invoices: Map<string, Invoice>;
  pay(invoice: Invoice, usd: number): void;
  remainingUsd(invoice: Invoice): number;
  events: {append(invoiceId: string, type: string, object: Record<string, unknown>): unknown};
}

export class OrderError extends Error {}

export class Orders {
  private readonly orders = new Map<string, Order>();

  constructor(private readonly host: Host) {}

  get(orderId: string): Order | undefined {
    return this.orders.get(orderId);
  }

  create(invoice: Invoice): Order {
    const now = this.host.now();
    const order: Order = {
      orderId: uuid(`order:${invoice.id}`),
      invoiceId: invoice.id,
      status: 'awaiting_payment',
      substatus: null,
      walletNetwork: null,
      walletAddress: null,
      paymentStatus: 'unpaid',
      settled: false,
      timeline: [],
      shipments: [],
      createdAt: now,
      updatedAt: now,
    };
    this.orders.set(order.orderId, order);
    return order;
  }

  /** The linked invoice was paid (by the payer or by `payment_confirmed`). */
  invoicePaid(orderId: string): void {
    const order = this.orders.get(orderId);
    if (!order || order.paymentStatus === 'paid') return;
    order.paymentStatus = 'paid';
    this.move(order, 'processing', null, 'Payment confirmed');
  }

  simulate(
    orderId: string,
    transition: Transition,
    options: {
      walletNetwork?: string | undefined;
      walletAddress?: string | undefined;
      tracking?: {carrier?: string | undefined; trackingNumber?: string | undefined} | undefined;
    },
  ): Order {
    const order = this.orders.get(orderId);
    if (!order) throw new OrderError('order not found');
    const invoice = this.host.invoices.get(order.invoiceId)!;
    if (options.walletNetwork) order.walletNetwork = options.walletNetwork;
    if (options.walletAddress) order.walletAddress = options.walletAddress;
    const need = (ok: boolean, why: string) => {
      if (!ok) throw new OrderError(`cannot ${transition}: ${why} (status is ${order.status})`);
    };
    switch (transition) {
      case 'payment_confirmed':
        need(order.paymentStatus === 'unpaid', 'payment already confirmed');
        need(invoice.status === 'unpaid' || invoice.status === 'underpaid', `invoice is ${invoice.status}`);
        this.host.pay(invoice, this.host.remainingUsd(invoice));
        break;
      case 'payment_settled':
        need(order.status === 'processing' && !order.settled, 'needs a confirmed, unsettled payment');
        order.settled = true;
        this.move(order, 'processing', 'PROVIDER_PLACEMENT_SUBMITTED', 'Payment settled');
        break;
      case 'placed':
        need(order.status === 'processing' && order.settled, 'needs a settled payment');
        this.move(order, 'placed', 'AWAITING_TRACKING', 'Order placed with retailer');
        break;
      case 'shipped':
        need(order.status === 'placed', 'only a placed order ships');
        order.shipments.push({
          shipmentId: `ship_${hex(order.orderId, 8)}`,
          carrier: options.tracking?.carrier ?? 'UPS',
          trackingNumber: options.tracking?.trackingNumber ?? `1Z${hex(order.orderId, 16).toUpperCase()}`,
          deliveryStatus: 'In Transit',
        });
        this.move(order, 'shipped', null, 'Shipped');
        break;
      case 'delivery_confirmed':
        need(order.status === 'shipped', 'only a shipped order is delivered');
        for (const s of order.shipments) s.deliveryStatus = 'Delivered';
        this.move(order, 'delivered', null, 'Delivered');
        break;
      case 'failed':
        need(order.status === 'processing', 'failed only from processing');
        this.move(order, 'failed', null, 'Order failed');
        break;
      case 'cancelled':
        need(order.status === 'placed', 'cancelled only from placed');
        this.move(order, 'cancelled', null, 'Order cancelled');
        break;
      case 'refunded':
        need(order.status === 'failed' || order.status === 'cancelled', 'refunds follow a failed or cancelled order');
        need(order.walletNetwork === 'bsc' && /^0x[0-9a-fA-F]{40}$/.test(order.walletAddress ?? ''), 'needs a BSC refund destination');
        this.move(order, 'refunded', null, 'Refunded');
        break;
    }
    return order;
  }

  snapshot(order: Order): Record<string, unknown> {
    const iso = (ms: number) => new Date(ms).toISOString();
    const invoice = this.host.invoices.get(order.invoiceId);
    return {
      orderId: order.orderId,
      invoiceId: order.invoiceId,
      merchantId: 123,
      networkEnvironment: invoice?.environment ?? 'devnet',
      retailer: 'amazon',
      createdAt: iso(order.createdAt),
      updatedAt: iso(order.updatedAt),
      customerId: null,
      walletAddress: order.walletAddress,
      walletNetwork: order.walletNetwork,
      status: order.status,
      substatus: order.substatus,
      actions: {canCancel: order.status === 'placed'},
      timeline: order.timeline,
      payment: {
        status: order.paymentStatus,
        txHash: null,
        settlement: {status: order.settled ? 'settled' : 'pending', txHash: null, network: 'bsc'},
      },
      fulfillment: {shipments: order.shipments},
      total: invoice?.amountUsd ?? 0,
      itemCount: 1,
    };
  }

  private move(order: Order, status: string, substatus: string | null, message: string): void {
    const now = this.host.now();
    order.status = status;
    order.substatus = substatus;
    order.updatedAt = now;
    order.timeline.push({status, timestamp: new Date(now).toISOString(), message});
    const shipment = order.shipments.at(-1);
    this.host.events.append(order.invoiceId, 'commerce.order.updated', {
      object: 'commerce_order',
      id: order.orderId,
      status,
      substatus,
      invoice_id: order.invoiceId,
      // Undocumented in Pepay's pages; the sandbox sends the latest shipment's tracking.
      ...(shipment ? {tracking: {carrier: shipment.carrier, tracking_number: shipment.trackingNumber}} : {}),
    });
  }
}
