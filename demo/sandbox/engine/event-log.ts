/** The retained event log and the live payor streams that read it. */

export interface SandboxEvent {
  id: string;
  object: 'event';
  type: string;
  created: number;
  data: {object: Record<string, unknown>};
}

interface Stored {
  invoiceId: string;
  event: SandboxEvent;
}

export interface StreamSink {
  send(text: string): void;
  close(code: number, reason: string): void;
}

export interface StreamBehaviour {
  silent: boolean;
  duplicate: boolean;
  outOfOrder: boolean;
}

interface Stream {
  invoiceId: string;
  sink: StreamSink;
  behaviour: () => StreamBehaviour;
  /** Held back by the out-of-order fault until the next event (or the next tick). */
  held: SandboxEvent | null;
  lastSentAt: number;
}

export class EventLog {
  private readonly stored: Stored[] = [];
  private readonly streams = new Set<Stream>();
  private seq = 0;

  constructor(
    private readonly now: () => number,
    /** How many events are kept for `since` replay, across all invoices. */
    private readonly retention: number,
  ) {}

  append(invoiceId: string, type: string, object: Record<string, unknown>): SandboxEvent {
    const now = this.now();
    const event: SandboxEvent = {id: `evt_${now}-${++this.seq}`, object: 'event', type, created: Math.floor(now / 1000), data: {object}};
    this.stored.push({invoiceId, event});
    if (this.stored.length > this.retention) this.stored.splice(0, this.stored.length - this.retention);
    for (const stream of this.streams) if (stream.invoiceId === invoiceId) this.deliver(stream, event);
    return event;
  }

  forInvoice(invoiceId: string): SandboxEvent[] {
    return this.stored.filter((s) => s.invoiceId === invoiceId).map((s) => s.event);
  }

  /** Events after `since` for the invoice; null when `since` is no longer (or never was) retained. */
  since(invoiceId: string, since: string): SandboxEvent[] | null {
    const index = this.stored.findIndex((s) => s.event.id === since);
    if (index < 0) return null;
    return this.stored
      .slice(index + 1)
      .filter((s) => s.invoiceId === invoiceId)
      .map((s) => s.event);
  }

  attach(invoiceId: string, sink: StreamSink, behaviour: () => StreamBehaviour): () => void {
    const stream: Stream = {invoiceId, sink, behaviour, held: null, lastSentAt: this.now()};
    this.streams.add(stream);
    return () => this.streams.delete(stream);
  }

  /** Sends to one stream only (replay, control frames). */
  sendTo(sink: StreamSink, frame: unknown): void {
    sink.send(JSON.stringify(frame));
  }

  /** Sends `frame` as given on every open stream of the invoice; returns how many. */
  push(invoiceId: string, frame: unknown): number {
    let sent = 0;
    for (const stream of this.streams) {
      if (stream.invoiceId !== invoiceId) continue;
      stream.sink.send(JSON.stringify(frame));
      sent++;
    }
    return sent;
  }

  openStreams(invoiceId: string): number {
    return [...this.streams].filter((s) => s.invoiceId === invoiceId).length;
  }

  /** Closes every stream of the invoice, as a network drop would (1006 cannot be sent; 1012 is). */
  drop(invoiceId: string, code = 1012, reason = 'sandbox drop'): number {
    let dropped = 0;
    for (const stream of [...this.streams]) {
      if (stream.invoiceId !== invoiceId) continue;
      this.streams.delete(stream);
      stream.sink.close(code, reason);
      dropped++;
    }
    return dropped;
  }

  /**
   * The payor stream's keep-alive (undocumented upstream; ours): a `ws_control` heartbeat on any
   * stream idle for `intervalMs`, so a client can tell a quiet socket from a dead one.
   */
  heartbeat(intervalMs: number): void {
    const now = this.now();
    for (const stream of this.streams) {
      if (stream.behaviour().silent || now - stream.lastSentAt < intervalMs) continue;
      stream.lastSentAt = now;
      stream.sink.send(JSON.stringify({object: 'ws_control', type: 'heartbeat', created: Math.floor(now / 1000)}));
    }
  }

  /** Releases events the out-of-order fault held when nothing followed them. */
  flushHeld(): void {
    for (const stream of this.streams) {
      if (!stream.held) continue;
      const held = stream.held;
      stream.held = null;
      this.write(stream, held);
    }
  }

  private deliver(stream: Stream, event: SandboxEvent): void {
    const behaviour = stream.behaviour();
    if (behaviour.silent) return;
    if (behaviour.outOfOrder && !stream.held) {
      stream.held = event;
      return;
    }
    this.write(stream, event);
    if (stream.held) {
      const held = stream.held;
      stream.held = null;
      this.write(stream, held);
    }
  }

  private write(stream: Stream, event: SandboxEvent): void {
    const text = JSON.stringify(event);
    stream.lastSentAt = this.now();
    stream.sink.send(text);
    if (stream.behaviour().duplicate) stream.sink.send(text);
  }
}
