/**
 * The payor stream (`/ws/payment?token=…&format=event_v1`, payor-api.md §4): parses frames with
 * zod, drops events already applied (shared deduper), resumes with `since=<last id>` after a drop,
 * reconnects with the shared backoff, and replaces a socket that goes silent.
 */
import type {PepayEvent} from '../api/schemas/events.js';
import {parseFrame} from '../api/schemas/frames.js';
import {Backoff, type BackoffPolicy, type BackoffSources} from './backoff.js';
import type {EventDeduper} from './dedupe.js';

/** The shortest gap between two opens asked for from outside (`nudge`). */
const NUDGE_GAP_MS = 2000;

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface PaymentStreamOptions {
  /** `ws:`/`wss:` origin, already validated (see `resolveWsBase`). */
  wsBase: string;
  /** Shared with tab sync: an event is applied once, whichever way it came. */
  dedupe: EventDeduper;
  /** A new event (not a duplicate), and its envelope as it came. */
  onEvent: (event: PepayEvent, envelope: unknown) => void;
  onStatus: (status: StreamStatus) => void;
  /** The stream may have missed something (an open, or `since` no longer retained): re-read over REST. */
  onResync: () => void;
  /** A socket with no frame for this many ms is taken as dead (heartbeats count). Default 45 s. */
  silenceTimeoutMs?: number;
  /** A handshake not done in this many ms is abandoned (and retried with backoff). Default 10 s. */
  connectTimeoutMs?: number;
  /**
   * A socket is reported live once it has stayed open this many ms (default 1 s): one that the
   * server closes at once does not flip the checkout between "live" and "reconnecting".
   */
  settleMs?: number;
  /** Reconnect waits. Default: 1 s doubling to 30 s; a socket up for 10 s counts as healthy. */
  backoff?: Partial<BackoffPolicy>;
  backoffSources?: BackoffSources;
}

export class PaymentStream {
  private socket: WebSocket | null = null;
  private token = '';
  private path = '/ws/payment';
  private lastEventId: string | null = null;
  private everOpened = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The handshake deadline, then the settle delay before "live". */
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;
  private status: StreamStatus = 'stopped';
  private readonly backoff: Backoff;
  private lastOpenAt = -Infinity;
  /**
   * The browser went offline while this socket was open: a connection cut meanwhile may never say
   * so (no close arrives for a half-open TCP connection, and no heartbeat is documented), so it is
   * replaced when the network is back rather than trusted until the silence timeout.
   */
  private outlivedOffline = false;

  constructor(private readonly options: PaymentStreamOptions) {
    this.backoff = new Backoff({baseMs: 1000, maxMs: 30_000, healthyAfterMs: 10_000, ...options.backoff}, options.backoffSources);
  }

  get isLive(): boolean {
    return this.status === 'live';
  }

  /** Starts, or switches to a new token (a re-allocation mints one) keeping the resume point. */
  connect(token: string, path = '/ws/payment'): void {
    if (!this.stopped && token === this.token) return;
    // A new token (another token chosen, a new quote) is a switch, not an outage: "connecting".
    this.everOpened = false;
    this.token = token;
    this.path = path;
    this.stopped = false;
    this.backoff.reset();
    this.open();
  }

  /**
   * Reconnect now instead of waiting out the backoff (network back, tab visible again) — at most
   * once per 2 s, and without forgetting the failures: flapping online/offline events do not
   * turn a backoff into a storm. A socket that was open while the browser was offline is replaced
   * too, and the stream stays "live" while the new one shakes hands (`since` replays the gap): it
   * is said down only if that one fails.
   */
  nudge(): void {
    // Else only while waiting out a backoff: a socket still shaking hands is left to finish (or to time out).
    if (this.stopped || (this.socket && !this.outlivedOffline)) return;
    const wait = this.lastOpenAt + NUDGE_GAP_MS - performance.now();
    if (wait <= 0) {
      this.open(this.socket !== null && this.status === 'live');
    } else if (this.socket) {
      // Replaced at the gap's end all the same: no other signal may come.
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.nudge(), wait);
    }
  }

  /** The browser says it is offline (its `offline` event): the socket open now is not trusted after. */
  offline(): void {
    // Open (1, by number: see closeSocket), not one still shaking hands: that one has a deadline,
    // which a replacement at each return would put off for as long as the network flaps (a probe).
    if (this.socket?.readyState === 1) this.outlivedOffline = true;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.silenceTimer);
    clearTimeout(this.openTimer);
    this.closeSocket();
    this.setStatus('stopped');
  }

  /** Opens a socket in place of any; `quietly`: the stream is still said live meanwhile. */
  private open(quietly = false): void {
    this.lastOpenAt = performance.now();
    this.outlivedOffline = false;
    clearTimeout(this.retryTimer);
    clearTimeout(this.openTimer);
    // The socket replaced has no say: the handshake has a deadline of its own.
    clearTimeout(this.silenceTimer);
    this.closeSocket();
    const url = new URL(this.path, this.options.wsBase);
    url.searchParams.set('token', this.token);
    url.searchParams.set('format', 'event_v1');
    if (this.lastEventId) url.searchParams.set('since', this.lastEventId);
    // `connecting` is the first attempt only: after one has failed, the stream is down until it opens.
    if (!quietly) this.setStatus(this.everOpened || this.status === 'reconnecting' ? 'reconnecting' : 'connecting');
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    this.openTimer = setTimeout(() => {
      // The handshake never finished: give up on this socket.
      this.closeSocket();
      this.scheduleReconnect();
    }, this.options.connectTimeoutMs ?? 10_000);
    socket.addEventListener('open', () => {
      this.everOpened = true;
      this.backoff.opened();
      this.armSilence();
      clearTimeout(this.openTimer);
      this.openTimer = setTimeout(() => this.setStatus('live'), this.options.settleMs ?? 1000);
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
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const frame = parseFrame(json);
    if (!frame) return;
    if (frame.kind === 'control') {
      if (frame.type === 'resync_required') this.options.onResync();
      return;
    }
    if (frame.kind === 'error') {
      // Terminal for this socket: the server closes it; the close handler reconnects with backoff.
      this.socket?.close();
      return;
    }
    this.lastEventId = frame.event.id;
    if (this.options.dedupe.first(frame.event.id)) this.options.onEvent(frame.event, frame.envelope);
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
    clearTimeout(this.retryTimer);
    clearTimeout(this.silenceTimer);
    clearTimeout(this.openTimer);
    if (this.stopped) return;
    this.setStatus('reconnecting');
    this.retryTimer = setTimeout(() => this.open(), this.backoff.next());
  }

  private closeSocket(): void {
    const socket = this.socket;
    this.socket = null;
    // CONNECTING (0) or OPEN (1), by number: a page may replace `WebSocket` with a wrapper that has
    // the constants only as statics, or only on instances, or not at all (it was never closed).
    if (socket && socket.readyState <= 1) socket.close(1000);
  }

  private setStatus(status: StreamStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.options.onStatus(status);
  }
}
