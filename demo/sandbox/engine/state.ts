/** The sandbox's state and its domain operations; no HTTP here. */
import {EventLog} from './event-log.ts';
import {noFaults} from './faults.ts';
import {depositAddress, hex, signToken, uuid} from './ids.ts';
import {catalogue, isSelectable, type CatalogueToken} from './tokens.ts';
import type {Allocation, Environment, Invoice, SandboxQuestion} from './types.ts';
import {Orders} from './orders.ts';

export const QUOTE_TTL_MS = 5 * 60_000;
/** How long a payor session keeps answering after its invoice expired (undocumented; our choice). */
export const SESSION_GRACE_MS = 10 * 60_000;
const WS_TOKEN_TTL_MS = 60 * 60_000;

/**
 * USD as Pepay counts it, in thousandths (the events' `usd_millis`): payments and what is still
 * due are added and taken away as whole thousandths, so a payment of a tenth of a cent is counted
 * as one, not rounded away to a payment of nothing. A half thousandth rounds up, read as the
 * decimal it was written as (`1.0005 * 1000` is 1000.4999… in binary).
 */
export const millis = (usd: number) => Math.round(Number((usd * 1000).toPrecision(15)));

export interface NewInvoice {
  amountUsd: number;
  description?: string | undefined;
  expiresInMs?: number | undefined;
  environment?: Environment | undefined;
  merchantName?: string | undefined;
  customerEmail?: string | null | undefined;
  questions?: SandboxQuestion[] | undefined;
  metadata?: Record<string, unknown> | undefined;
  commerce?: boolean | undefined;
}

export interface StateOptions {
  now: () => number;
  secret: string;
  retention: number;
}

export class SandboxState {
  readonly invoices = new Map<string, Invoice>();
  readonly events: EventLog;
  readonly orders: Orders;
  /** Merchant `Idempotency-Key` -> invoice id. */
  readonly idempotency = new Map<string, string>();
  readonly now: () => number;
  readonly secret: string;
  private counter = 0;

  constructor(options: StateOptions) {
    this.now = options.now;
    this.secret = options.secret;
    this.events = new EventLog(options.now, options.retention);
    this.orders = new Orders(this);
  }

  createInvoice(input: NewInvoice): Invoice {
    const now = this.now();
    const seed = `${this.secret}:${now}:${++this.counter}`;
    const invoice: Invoice = {
      id: uuid(`inv:${seed}`),
      sessionToken: `pst_${hex(`pst:${seed}`, 32)}`,
      signature: `${hex(`sig:${seed}`, 40)}.${now}`,
      environment: input.environment ?? 'devnet',
      amountUsd: millis(input.amountUsd) / 1000,
      paidUsd: 0,
      pending: null,
      description: input.description ?? '',
      merchantName: input.merchantName ?? 'Pepay Demo Merchant',
      merchantEmail: 'billing@example.com',
      customerEmail: input.customerEmail ?? null,
      questions: input.questions ?? [],
      answers: {},
      metadata: input.metadata ?? {},
      createdAt: now,
      expiresAt: now + (input.expiresInMs ?? 43_200_000),
      status: 'unpaid',
      paidAt: null,
      allocation: null,
      locked: null,
      addressCount: 0,
      orderId: null,
      verification: null,
      faults: noFaults(),
    };
    this.invoices.set(invoice.id, invoice);
    if (input.commerce) invoice.orderId = this.orders.create(invoice).orderId;
    this.emitInvoice(invoice, 'invoice.created');
    return invoice;
  }

  bySession(sessionToken: string): Invoice | undefined {
    for (const invoice of this.invoices.values()) if (invoice.sessionToken === sessionToken) return invoice;
    return undefined;
  }

  isOpen(invoice: Invoice): boolean {
    return invoice.status === 'unpaid' || invoice.status === 'underpaid';
  }

  remainingUsd(invoice: Invoice): number {
    return Math.max(0, millis(invoice.amountUsd) - millis(invoice.paidUsd)) / 1000;
  }

  tokensFor(invoice: Invoice): CatalogueToken[] {
    const all = catalogue(invoice.environment);
    return invoice.locked ? all.filter((t) => t.id === invoice.locked!.tokenId && t.network === invoice.locked!.network) : all;
  }

  /** Expires open invoices whose time is up (plus the `expiryLagSeconds` fault); called before every read and on each tick. */
  refresh(invoice: Invoice): void {
    const lagMs = (invoice.faults.variants.expiryLagSeconds ?? 0) * 1000;
    if (this.isOpen(invoice) && this.now() >= invoice.expiresAt + lagMs) this.setStatus(invoice, 'expired');
  }

  allocate(invoice: Invoice, token: CatalogueToken): Allocation {
    const now = this.now();
    // Same token again refreshes the quote on the same address (a payer may have copied it);
    // another token rotates the address. An underpaid invoice keeps its locked address.
    const current = invoice.allocation;
    const sameRails = current && current.tokenId === token.id && current.network === token.network;
    if (!sameRails && !invoice.locked) invoice.addressCount++;
    const address =
      invoice.locked?.address ?? (sameRails ? current.address : depositAddress(token.network, `${invoice.id}:${invoice.addressCount}`));
    const allocation: Allocation = {
      address,
      network: token.network,
      tokenId: token.id,
      rate: token.rate,
      quoteUpdatedAt: now,
      quoteValidUntil: now + (invoice.faults.variants.quoteTtlSeconds ?? QUOTE_TTL_MS / 1000) * 1000,
      wsToken: signToken(this.secret, {inv: invoice.id, exp: now + WS_TOKEN_TTL_MS}),
    };
    invoice.allocation = allocation;
    return allocation;
  }

  /** Token amount for what is still due: stablecoins exact, volatile tokens with a 0.5 % buffer. */
  tokenAmount(invoice: Invoice, allocation: Allocation): string {
    const usd = this.remainingUsd(invoice);
    return allocation.rate === 1 ? usd.toFixed(6) : (usd * allocation.rate * 1.005).toFixed(8);
  }

  /**
   * A payment of `usd` seen on the chain and not confirmed: only `invoice_payment.created` with
   * status `pending` (and `tx_hash` when given); `confirm` settles it, `fail` drops it.
   */
  detectPayment(invoice: Invoice, usd: number, txHash: string | null): void {
    const allocation = this.paidTo(invoice);
    const amount = millis(usd) / 1000;
    const paymentId = `pay_${hex(`${invoice.id}:pending:${invoice.paidUsd}:${this.now()}`, 12)}`;
    invoice.pending = {paymentId, usd: amount, txHash};
    this.events.append(invoice.id, 'invoice_payment.created', {
      ...this.paymentObject(invoice, allocation, paymentId, amount, 'pending'),
      ...(txHash ? {tx_hash: txHash} : {}),
    });
  }

  /** The pending payment is confirmed: it lands as `pay` does, under its own id. */
  confirmPayment(invoice: Invoice): void {
    const pending = invoice.pending;
    if (!pending) return;
    invoice.pending = null;
    this.pay(invoice, pending.usd, pending.paymentId);
  }

  /**
   * The pending payment is dropped from the chain: `invoice_payment.updated` with status `failed`
   * (undocumented: the documented receipt statuses name no failure), and nothing is counted.
   */
  failPayment(invoice: Invoice): void {
    const pending = invoice.pending;
    if (!pending) return;
    invoice.pending = null;
    const allocation = this.paidTo(invoice);
    this.events.append(invoice.id, 'invoice_payment.updated', {
      ...this.paymentObject(invoice, allocation, pending.paymentId, pending.usd, 'failed'),
      ...(pending.txHash ? {tx_hash: pending.txHash} : {}),
    });
  }

  /** Where a payment lands: the current address, or one allocated for it (a payment with none shown yet). */
  private paidTo(invoice: Invoice): Allocation {
    return invoice.allocation ?? this.allocate(invoice, this.tokensFor(invoice).find(isSelectable)!);
  }

  private paymentObject(invoice: Invoice, allocation: Allocation, id: string, amount: number, status: string): Record<string, unknown> {
    return {
      object: 'invoice_payment',
      id,
      invoice_id: invoice.id,
      status,
      amount_usd: amount,
      network: allocation.network,
      environment: invoice.environment,
    };
  }

  /**
   * A payment of `usd` lands on the current allocation, in the order Pepay emits its events; one
   * seen before (`seenId`) is updated to `confirmed` instead of created as `pending`.
   */
  pay(invoice: Invoice, usd: number, seenId?: string): void {
    const allocation = this.paidTo(invoice);
    const amount = millis(usd) / 1000;
    invoice.paidUsd = (millis(invoice.paidUsd) + millis(usd)) / 1000;
    const paymentId = seenId ?? `pay_${hex(`${invoice.id}:${invoice.paidUsd}:${this.now()}`, 12)}`;
    this.events.append(
      invoice.id,
      seenId ? 'invoice_payment.updated' : 'invoice_payment.created',
      this.paymentObject(invoice, allocation, paymentId, amount, seenId ? 'confirmed' : 'pending'),
    );
    const remaining = this.remainingUsd(invoice);
    this.events.append(invoice.id, 'payment_quote.updated', {
      object: 'payment_quote',
      invoice_id: invoice.id,
      network: allocation.network,
      currency: 'usd',
      amount_remaining: millis(remaining),
      amount_remaining_decimal: remaining.toFixed(3),
      amount_unit: 'usd_millis',
    });
    if (remaining > 0) {
      invoice.locked = {network: allocation.network, tokenId: allocation.tokenId, address: allocation.address};
      if (invoice.status !== 'underpaid') this.setStatus(invoice, 'underpaid');
      else this.emitInvoice(invoice, 'invoice.updated');
    } else {
      invoice.paidAt = this.now();
      this.setStatus(invoice, 'paid');
      if (invoice.orderId) this.orders.invoicePaid(invoice.orderId);
    }
  }

  setStatus(invoice: Invoice, status: Invoice['status']): void {
    invoice.status = status;
    this.emitInvoice(invoice, 'invoice.updated');
  }

  invoiceObject(invoice: Invoice): Record<string, unknown> {
    const remaining = this.remainingUsd(invoice);
    return {
      object: 'invoice',
      id: invoice.id,
      status: invoice.status,
      invoice_type: invoice.orderId ? 'commerce' : 'standard',
      currency: 'usd',
      amount: millis(invoice.amountUsd),
      amount_decimal: invoice.amountUsd.toFixed(3),
      amount_paid: millis(invoice.paidUsd),
      amount_paid_decimal: invoice.paidUsd.toFixed(3),
      amount_remaining: millis(remaining),
      amount_remaining_decimal: remaining.toFixed(3),
      amount_unit: 'usd_millis',
      commerce_order_id: invoice.orderId,
      environment: invoice.environment,
      expires_at: new Date(invoice.expiresAt).toISOString(),
      created_at: new Date(invoice.createdAt).toISOString(),
      paid_at: invoice.paidAt ? new Date(invoice.paidAt).toISOString() : null,
    };
  }

  private emitInvoice(invoice: Invoice, type: string): void {
    this.events.append(invoice.id, type, this.invoiceObject(invoice));
  }
}
