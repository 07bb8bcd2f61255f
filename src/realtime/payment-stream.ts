/**
 * The payor stream (`/ws/payment?token=…&format=event_v1`, payor-api.md §4): parses frames with
 * zod, drops duplicates by event id, resumes with `since=<last id>` after a drop, reconnects with
 * exponential backoff and jitter, and replaces a socket that goes silent.
 */
import {parseEvent, type PepayEvent} from '../api/schemas/events.js';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface PaymentStreamOptions {
  /** `ws:`/`wss:` origin. */
  wsBase: string;
  /** The parsed event and the frame it came from (shared with other tabs as received). */
  onEvent: (event: PepayEvent, frame: unknown) => void;
  onStatus: (status: StreamStatus) => void;
  /** The stream may have missed something (a reconnect, or `since` no longer retained): re-read over REST. */
  onResync: () => void;
  /** A socket with no frame for this long is taken as dead (heartbeats count). */
  silenceTimeoutMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** How many event ids are remembered for deduplication. */
const SEEN_LIMIT = 500;

export class PaymentStream {
  private socket: WebSocket | null = null;
  private token = '';
  private path = '/ws/payment';
  private lastEventId: string | null = null;
  private readonly seen = new Set<string>();
  private attempts = 0;
  private everOpened = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;
  private status: StreamStatus = 'stopped';

  constructor(private readonly options: PaymentStreamOptions) {}

  get isLive(): boolean {
    return this.status === 'live';
  }

  /** Starts, or switches to a new token (a re-allocation mints one) keeping the resume point. */
  connect(token: string, path = '/ws/payment'): void {
    if (!this.stopped && token === this.token) return;
    this.token = token;
    this.path = path;
    this.stopped = false;
    this.attempts = 0;
    this.open();
  }

  /** Reconnect at once instead of waiting out the backoff (network back, tab visible again). */
  nudge(): void {
    if (this.stopped || this.status === 'live') return;
    this.attempts = 0;
    this.open();
  }

  /** Marks an event as applied when it came from elsewhere (another tab), so it is not applied twice. */
  remember(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.values().next().value!);
    return true;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.silenceTimer);
    this.closeSocket();
    this.setStatus('stopped');
  }

  private open(): void {
    clearTimeout(this.retryTimer);
    this.closeSocket();
    const url = new URL(this.path, this.options.wsBase);
    url.searchParams.set('token', this.token);
    url.searchParams.set('format', 'event_v1');
    if (this.lastEventId) url.searchParams.set('since', this.lastEventId);
    this.setStatus(this.everOpened ? 'reconnecting' : 'connecting');
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.everOpened = true;
      this.attempts = 0;
      this.armSilence();
      this.setStatus('live');
      // Every open, the first included: a payment that landed between the last REST read (or
      // poll) and this socket is in no replay, since the first connection has no `since`.
      // After a drop, replay covers what the server retained and this read covers the rest.
      this.options.onResync();
    });
    socket.addEventListener('message', (event: MessageEvent) => this.receive(event.data));
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.scheduleReconnect();
    });
  }

  private receive(data: unknown): void {
    this.armSilence();
    if (typeof data !== 'string') return;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    const kind = typeof frame === 'object' && frame !== null ? (frame as {object?: unknown}).object : undefined;
    if (kind === 'ws_control') {
      if ((frame as {type?: unknown}).type === 'resync_required') this.options.onResync();
      return;
    }
    if (kind === 'ws_error') {
      // Terminal for this socket: the server closes it; the close handler reconnects with backoff.
      this.socket?.close();
      return;
    }
    const event = parseEvent(frame);
    if (!event) return;
    this.lastEventId = event.id;
    if (this.remember(event.id)) this.options.onEvent(event, frame);
  }

  private armSilence(): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => {
      // Silent for too long: replace the socket rather than trust it.
      this.closeSocket();
      this.scheduleReconnect();
    }, this.options.silenceTimeoutMs ?? 45_000);
  }

  private scheduleReconnect(): void {
    clearTimeout(this.silenceTimer);
    if (this.stopped) return;
    this.setStatus('reconnecting');
    const base = this.options.baseDelayMs ?? 1000;
    const ceiling = Math.min(this.options.maxDelayMs ?? 30_000, base * 2 ** this.attempts);
    this.attempts++;
    // Equal jitter: never sooner than half the step, so a dead server is not hammered.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private closeSocket(): void {
    const socket = this.socket;
    this.socket = null;
    if (socket && socket.readyState <= WebSocket.OPEN) socket.close(1000);
  }

  private setStatus(status: StreamStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.options.onStatus(status);
  }
}
