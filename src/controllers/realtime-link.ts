/**
 * The realtime side of one checkout: the payment stream, the status poller, tab sync and the
 * browser's online / visibility signals, turned into machine inputs. Polling runs exactly while
 * the stream is not live, and never after a terminal step.
 *
 * The connection it reports: `idle` until there is a payment to follow (an address); then `live`
 * while the stream is; `reconnecting` when the last poll failed, or a stream that was live dropped
 * before any poll answered; else `polling` (the payer's updates come every 2 s: "Reconnecting…"
 * would say they do not). A stream refused from the start is not an outage: polls say so if they fail too.
 */
import type {PayorClient} from '../api/client.js';
import type {PepayError} from '../api/errors.js';
import type {PaymentStatus} from '../api/schemas/status.js';
import type {Input} from '../checkout/types.js';
import {EventDeduper} from '../realtime/dedupe.js';
import {PaymentStream, type StreamStatus} from '../realtime/payment-stream.js';
import {sessionKey} from '../realtime/session-key.js';
import {answeredPoll, StatusPoller} from '../realtime/status-poller.js';
import {TabSync} from '../realtime/tab-sync.js';
import {placeStore} from './keep-place.js';

export interface RealtimeLinkOptions {
  client: PayorClient;
  /** Validated `ws:`/`wss:` origin. */
  wsBase: string;
  /** Milliseconds without a frame before the socket is replaced. */
  streamTimeout: number;
  /** Every input this link produces. */
  input: (input: Input) => void;
  /** A poll failed (the machine decides what that means). */
  pollFailed: (error: PepayError) => void;
  /** Whether the checkout shows a terminal step (a dropped order stream must not start polling). */
  ended: () => boolean;
}

/** The shortest gap between two session re-reads asked for by the browser's signals, polls or the stream. */
const RESYNC_GAP_MS = 2000;

export class RealtimeLink {
  private readonly stream: PaymentStream;
  private readonly poller: StatusPoller;
  private readonly tabs: TabSync;
  private lastResyncAt = -Infinity;
  private streamStatus: StreamStatus = 'stopped';
  /** The stream has been live once: its drop is an outage until a poll answers. */
  private wasLive = false;
  /** The last poll (here or in another tab): none yet, answered or failed. */
  private lastPoll: 'none' | 'answered' | 'failed' = 'none';
  private stopped = false;
  /** When the stream last had the session re-read, and its next re-read when one waits out the gap. */
  private lastStreamResyncAt = -Infinity;
  private streamResyncTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: RealtimeLinkOptions) {
    const {client, input} = options;
    const dedupe = new EventDeduper();
    const tabs = new TabSync(client.credentials.sessionToken, {
      dedupe,
      onEvent: (event) => input({type: 'event', event}),
      // Another tab's poll stands for this tab's own.
      onStatus: (status) => this.answered(status),
      onPlace: (key) => this.readShared(key),
    });
    this.tabs = tabs;
    this.poller = new StatusPoller({
      fetchStatus: (signal) => client.paymentStatus(signal),
      onStatus: (status) => {
        tabs.shareStatus(status);
        this.answered(status);
      },
      onError: (error) => {
        options.pollFailed(error);
        this.polled('failed');
      },
      skip: () => tabs.peerCovers,
    });
    this.stream = new PaymentStream({
      wsBase: options.wsBase,
      dedupe,
      silenceTimeoutMs: options.streamTimeout,
      onEvent: (event, envelope) => {
        tabs.shareEvent(envelope);
        input({type: 'event', event});
      },
      onStatus: (status) => this.streamChanged(status),
      onResync: () => this.streamAsksResync(),
    });
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('storage', this.onStorage);
    window.addEventListener('focus', this.onFocus);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  /**
   * Follows the invoice once there is a payment to wait for (an address): its stream when it came
   * with a stream token, and polling until the stream is live (for good without a token). Before
   * that nothing polls — fifty checkouts on a token list cost nothing — and the session is re-read
   * when the page is shown, focused or online.
   */
  watch(wsToken: string | null, wsPath: string): void {
    // No stream token (an address remembered from another tab or visit): poll until one comes.
    if (wsToken) this.stream.connect(wsToken, wsPath);
    if (!this.stream.isLive && !this.poller.running) {
      this.polls(true);
      this.options.input({type: 'connection', connection: 'polling'});
    }
  }

  /** Stops everything; `keepStream` leaves the socket open for commerce order news. */
  stop(keepStream = false): void {
    this.stopped = true;
    clearTimeout(this.streamResyncTimer);
    this.poller.stop();
    if (!keepStream) this.stream.stop();
    this.tabs.close();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('storage', this.onStorage);
    window.removeEventListener('focus', this.onFocus);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  /** Starts or stops the poller, and tells the session's other tabs (they leave polling to a tab that polls). */
  private polls(on: boolean): void {
    if (on) this.poller.start();
    else this.poller.stop();
    this.tabs.setPolling(on);
  }

  private streamChanged(status: StreamStatus): void {
    if (status === 'stopped') return;
    this.streamStatus = status;
    const live = status === 'live';
    this.wasLive ||= live;
    this.tabs.setLive(live);
    if (live) this.polls(false);
    else if (!this.options.ended()) this.polls(true);
    this.report();
  }

  /**
   * A poll answered, here or in another tab. The session re-read an underpaid answer asks for is made
   * only while this tab polls (not on a token list, not while live), at most once per 2 s.
   */
  private answered(status: PaymentStatus): void {
    for (const each of answeredPoll(status)) {
      if (each.type !== 'resync') this.options.input(each);
      else if (this.poller.running) this.resync();
    }
    this.polled('answered');
  }

  private polled(outcome: 'answered' | 'failed'): void {
    if (outcome === this.lastPoll) return;
    this.lastPoll = outcome;
    if (!this.stream.isLive) this.report();
  }

  private report(): void {
    // Offline says so until the browser is back online.
    if (!navigator.onLine) return;
    // Nothing followed yet (the token list; another tab's polls reach this one too): nothing to say.
    if (!this.poller.running && this.streamStatus === 'stopped') return this.options.input({type: 'connection', connection: 'idle'});
    // `connecting` is a first attempt or a switch to a new stream token: not an outage.
    const dropped = this.wasLive && this.streamStatus === 'reconnecting';
    const down = this.lastPoll === 'failed' || (this.lastPoll === 'none' && dropped);
    this.options.input({type: 'connection', connection: this.stream.isLive ? 'live' : down ? 'reconnecting' : 'polling'});
  }

  private readonly onOnline = () => {
    this.report();
    this.onFocus();
  };

  /** This checkout kept its place under `key`: told to the other checkouts of the session, in this document too. */
  placeKept(key: string): void {
    this.tabs.sharePlace(key);
  }

  /**
   * Another tab kept a place (`readShared`), told over the tabs' channel too: read twice (the machine
   * takes it once), as the message may arrive before the write (Chromium passes storage on its own).
   */
  private readonly onStorage = (event: StorageEvent) => {
    if (event.newValue !== null && event.key) this.readShared(event.key);
  };

  /**
   * Another checkout kept a place (place-store.ts), in another tab (its storage event) or in this
   * document (told over the tabs' channel: storage events reach other documents only). On this
   * session, it may hold an address allocated since this one's: read back from storage (signed with
   * the session, checked) through the one place store (keep-place.ts), then the machine decides.
   */
  private readShared(key: string): void {
    const {sessionToken} = this.options.client.credentials;
    if (!key.endsWith(`:${sessionKey(sessionToken)}`)) return;
    placeStore()
      .then(({recollect}) => recollect(key, sessionToken))
      .then((remembered) => {
        // Stopped meanwhile (the checkout left the page): its machine is not fed.
        if (!remembered || this.stopped) return;
        this.options.input({type: 'place-shared', remembered, at: performance.now(), wallAt: Date.now()});
      })
      .catch(() => undefined);
  }

  private readonly onOffline = () => {
    this.stream.offline();
    this.options.input({type: 'connection', connection: 'offline'});
  };

  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible') this.onFocus();
  };

  /**
   * Back from another tab or app (a wallet, say): reconnect now and re-read the session — once
   * per 2 s however many focus, visibility and online events arrive.
   */
  private readonly onFocus = () => {
    this.stream.nudge();
    this.resync();
  };

  private resync(): void {
    if (performance.now() - this.lastResyncAt < RESYNC_GAP_MS) return;
    this.lastResyncAt = performance.now();
    this.options.input({type: 'resync'});
  }

  /**
   * The stream asks for a session re-read (it opened, or its server sent `resync_required`): at
   * most one per `RESYNC_GAP_MS`, on a gap of its own. One asked too soon is made at the gap's end,
   * not dropped: it may follow a read that missed what it announces (30 such frames made 30
   * reads: a network probe).
   */
  private streamAsksResync(): void {
    const wait = this.lastStreamResyncAt + RESYNC_GAP_MS - performance.now();
    if (wait <= 0) this.streamResyncNow();
    // Made when the timer fires, not asked again then: the clocks may differ by a fraction of a ms.
    else if (this.streamResyncTimer === undefined && !this.stopped) this.streamResyncTimer = setTimeout(() => this.streamResyncNow(), wait);
  }

  private streamResyncNow(): void {
    this.streamResyncTimer = undefined;
    this.lastStreamResyncAt = performance.now();
    this.options.input({type: 'resync'});
  }
}
