/**
 * Keeps several tabs on one session in step without each one polling: tabs share what they
 * learn (events, polled statuses) over a BroadcastChannel, and only one of them polls. The tab
 * with the lowest id among those heard from recently is the poller; a tab that stops talking
 * (closed, frozen) loses the role after `leaseMs`.
 */
import {parseEvent, type PepayEvent} from '../api/schemas/events.js';
import {paymentStatusSchema, type PaymentStatus} from '../api/schemas/status.js';

/** Frames and statuses travel as the server sent them and are parsed again on arrival. */
type Message =
  | {kind: 'hello'; from: string; live: boolean}
  | {kind: 'event'; from: string; frame: unknown}
  | {kind: 'status'; from: string; status: unknown};

export interface TabSyncOptions {
  onEvent: (event: PepayEvent) => void;
  onStatus: (status: PaymentStatus) => void;
  leaseMs?: number;
}

export class TabSync {
  private readonly channel: BroadcastChannel | null;
  private readonly id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  /** Peer id -> when we last heard from it, and whether its stream was live. */
  private readonly peers = new Map<string, {at: number; live: boolean}>();
  private readonly leaseMs: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private live = false;
  private closed = false;

  constructor(name: string, private readonly options: TabSyncOptions) {
    this.leaseMs = options.leaseMs ?? 5000;
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`pepay-checkout:${name}`) : null;
    if (!this.channel) return;
    this.channel.onmessage = (message: MessageEvent<Message>) => this.receive(message.data);
    this.timer = setInterval(() => this.hello(), this.leaseMs / 2.5);
    this.hello();
  }

  /** Whether a peer tab covers polling for us: a live peer, or a polling peer with a lower id. */
  get peerCovers(): boolean {
    const now = Date.now();
    for (const [id, peer] of this.peers) {
      if (now - peer.at > this.leaseMs) {
        this.peers.delete(id);
        continue;
      }
      if (peer.live || id < this.id) return true;
    }
    return false;
  }

  setLive(live: boolean): void {
    if (live === this.live) return;
    this.live = live;
    this.hello();
  }

  shareEvent(frame: unknown): void {
    this.post({kind: 'event', from: this.id, frame});
  }

  /** A polled status, in the server's own shape. */
  shareStatus(status: PaymentStatus): void {
    this.post({kind: 'status', from: this.id, status: {status: status.status, paid_at: status.paidAt === null ? null : new Date(status.paidAt).toISOString()}});
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    this.channel?.close();
  }

  private hello(): void {
    this.post({kind: 'hello', from: this.id, live: this.live});
  }

  private post(message: Message): void {
    if (!this.closed) this.channel?.postMessage(message);
  }

  private receive(message: Message): void {
    if (!message || typeof message !== 'object' || typeof message.from !== 'string') return;
    const known = this.peers.get(message.from);
    this.peers.set(message.from, {at: Date.now(), live: message.kind === 'hello' ? message.live : (known?.live ?? false)});
    if (message.kind === 'event') {
      const event = parseEvent(message.frame);
      if (event) this.options.onEvent(event);
    }
    if (message.kind === 'status') {
      const status = paymentStatusSchema.safeParse(message.status);
      if (status.success) this.options.onStatus(status.data);
    }
  }
}
