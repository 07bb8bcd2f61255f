/**
 * Keeps several tabs (or several checkouts on one page) on one session in step without each one
 * polling: they share what they learn — event envelopes as they came, polled statuses, and that a
 * place was kept — over a BroadcastChannel, and only one of them polls. What another tab says is
 * untrusted input: every script of the origin can post on the channel, so each message is checked
 * before use.
 *
 * The poller is the holder of a Web Lock on the session where the browser has the Web Locks API
 * (released by the platform when a tab closes or crashes) while it polls; else the tab with the
 * lowest id among those heard polling within `leaseMs`. Either way, a peer whose stream is live
 * covers the rest, and a tab that hears no peer at all for `leaseMs` (the holder frozen in the
 * background) polls itself. A holder still on the token list polls nothing, and covers no one.
 */
import {parseEvent, type PepayEvent} from '../api/schemas/events.js';
import {INVOICE_STATUSES} from '../api/schemas/primitives.js';
import type {PaymentStatus} from '../api/schemas/status.js';
import type {EventDeduper} from './dedupe.js';
import {sessionKey} from './session-key.js';
import {TAB_PROTOCOL as PROTOCOL, tabChannelName} from './tab-channel.js';

type Payload =
  /** `polling`: its poller runs (a tab of an earlier build does not say: it counts as not polling). */
  | {kind: 'hello'; live: boolean; leader: boolean; polling?: boolean}
  /** The event envelope as the stream delivered it: the receiver parses it with the stream's schema. */
  | {kind: 'event'; envelope: unknown}
  | {kind: 'status'; status: PaymentStatus}
  /** A place kept under `key` (place-store.ts): read back from storage by the receiver, never taken from the message. */
  | {kind: 'place'; key: string};
type Message = Payload & {v: typeof PROTOCOL; from: string};
type Peer = {at: number; live: boolean; leader: boolean; polling: boolean};

export interface TabSyncOptions {
  /** Shared with the stream: an event is applied once, whichever way it came. */
  dedupe: EventDeduper;
  /** An event another tab received, not seen here before. */
  onEvent: (event: PepayEvent) => void;
  /** A status another tab polled. */
  onStatus: (status: PaymentStatus) => void;
  /** Another checkout kept its place under `key`: a storage event tells other documents, this tells this one too. */
  onPlace?: (key: string) => void;
  /** How long (ms) a silent peer still counts. Default 5000; tabs say hello every `leaseMs / 2.5`. */
  leaseMs?: number;
}

export class TabSync {
  private readonly channel: BroadcastChannel | null;
  private readonly id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  /** Peer id -> when we last heard from it (epoch ms), whether its stream was live, whether it leads, whether it polls. */
  private readonly peers = new Map<string, Peer>();
  private readonly leaseMs: number;
  private readonly release = new AbortController();
  private timer: ReturnType<typeof setInterval> | undefined;
  private live = false;
  private polling = false;
  private leader = false;

  /**
   * @param session the session token this tab follows. Its channel and lock are named after a hash
   * of it: lock names are listed to any script of the page (`navigator.locks.query()`), and a
   * credential must not be.
   */
  constructor(
    session: string,
    private readonly options: TabSyncOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 5000;
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(tabChannelName(session)) : null;
    if (!this.channel) return;
    this.channel.onmessage = (message: MessageEvent<unknown>) => this.receive(message.data);
    this.timer = setInterval(() => this.hello(), this.leaseMs / 2.5);
    this.hello();
    if (typeof navigator !== 'undefined' && navigator.locks) this.requestLeadership(`pepay-checkout-poller:${sessionKey(session)}`);
  }

  /**
   * Whether another tab covers polling for this one: a peer with a live stream, or the lock holder
   * polling, heard from within the lease. With no holder heard polling (none yet, it is frozen, or
   * it follows no payment yet), the lowest id among the tabs heard polling polls, as without Web
   * Locks.
   */
  get peerCovers(): boolean {
    if (this.leader) return this.alivePeers().some((peer) => peer.live);
    const alive = this.alivePeers();
    if (alive.some((peer) => peer.live || (peer.leader && peer.polling))) return true;
    return alive.some((peer) => peer.polling && peer.id < this.id);
  }

  private alivePeers(): (Peer & {id: string})[] {
    const now = Date.now();
    for (const [id, peer] of this.peers) if (now - peer.at > this.leaseMs) this.peers.delete(id);
    return [...this.peers].map(([id, peer]) => ({id, ...peer}));
  }

  setLive(live: boolean): void {
    if (live === this.live) return;
    this.live = live;
    this.hello();
  }

  /** Whether this tab's poller runs (a peer covers it only while its own does). */
  setPolling(polling: boolean): void {
    if (polling === this.polling) return;
    this.polling = polling;
    this.hello();
  }

  /** Passes on an event envelope as it came from the stream (JSON). */
  shareEvent(envelope: unknown): void {
    this.post({kind: 'event', envelope});
  }

  shareStatus(status: PaymentStatus): void {
    this.post({kind: 'status', status});
  }

  sharePlace(key: string): void {
    this.post({kind: 'place', key});
  }

  close(): void {
    this.release.abort();
    clearInterval(this.timer);
    this.channel?.close();
  }

  private requestLeadership(lockName: string): void {
    const {signal} = this.release;
    navigator.locks
      .request(lockName, {signal}, () => {
        // Granted just as this tab closed: give it straight back.
        if (signal.aborted) return;
        this.leader = true;
        this.hello();
        // Held until close(): the platform also releases it when the tab goes away.
        return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), {once: true}));
      })
      .catch(() => {
        // Aborted while still waiting for the lock: this tab closed before it led.
      });
  }

  private hello(): void {
    this.post({kind: 'hello', live: this.live, leader: this.leader, polling: this.polling});
  }

  private post(payload: Payload): void {
    if (!this.release.signal.aborted) this.channel?.postMessage({...payload, v: PROTOCOL, from: this.id});
  }

  private receive(data: unknown): void {
    if (!isMessage(data)) return;
    const known = this.peers.get(data.from) ?? {live: false, leader: false, polling: false};
    const said = data.kind === 'hello' ? {live: data.live === true, leader: data.leader === true, polling: data.polling === true} : known;
    this.peers.set(data.from, {...said, at: Date.now()});
    const event = data.kind === 'event' ? parseEvent(data.envelope) : null;
    if (event && this.options.dedupe.first(event.id)) this.options.onEvent(event);
    if (data.kind === 'status' && isStatus(data.status)) this.options.onStatus(data.status);
    if (data.kind === 'place' && typeof data.key === 'string') this.options.onPlace?.(data.key);
  }
}

/** A polled status as `paymentStatusSchema` makes it (another tab's poll, or a script's forgery). */
function isStatus(value: unknown): value is PaymentStatus {
  const status = value as Partial<PaymentStatus> | null;
  return (
    typeof status === 'object' &&
    status !== null &&
    (INVOICE_STATUSES as readonly unknown[]).includes(status.status) &&
    (status.paidAt === null || Number.isFinite(status.paidAt)) &&
    (status.invoiceId === null || typeof status.invoiceId === 'string')
  );
}

/** Same-origin tabs only can post here; the version check keeps other builds' shapes out. */
function isMessage(data: unknown): data is Message {
  const message = data as Partial<Message> | null;
  return typeof message === 'object' && message !== null && message.v === PROTOCOL && typeof message.from === 'string';
}
