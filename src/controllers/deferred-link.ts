/**
 * The realtime link as a chunk of its own (issue 11): the first screen (a token list) needs no
 * socket or tab sync, so their code is fetched as the checkout starts, alongside its first
 * requests, and what the machine asks of the link meanwhile is kept and applied on arrival.
 *
 * The status poller is not in that chunk: when the chunk cannot be fetched and there is a payment
 * to follow, the checkout polls `payment-status` while it asks for the chunk again, ever less
 * often, and says so: `polling`, or `reconnecting` while its last poll failed. A payment is never
 * missed for want of a file.
 */
import {Backoff} from '../realtime/backoff.js';
import {answeredPoll, StatusPoller} from '../realtime/status-poller.js';
import type {Connection} from '../checkout/types.js';
import type {RealtimeLink, RealtimeLinkOptions} from './realtime-link.js';

type Watch = [wsToken: string | null, wsPath: string];

export class DeferredRealtimeLink {
  private link: RealtimeLink | null = null;
  private loading = false;
  private stopped = false;
  /** What to follow once the link is here (the last `watch` not undone). */
  private pending: Watch | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly retries = new Backoff({baseMs: 2000, maxMs: 30_000});
  /** Follows the payment while the chunk is missing. */
  private readonly fallback: StatusPoller;
  /** What the stand-in last said of the connection. */
  private said: Connection | null = null;

  constructor(private readonly options: RealtimeLinkOptions) {
    this.fallback = new StatusPoller({
      fetchStatus: (signal) => options.client.paymentStatus(signal),
      onStatus: (status) => {
        for (const input of answeredPoll(status)) options.input(input);
        this.say('polling');
      },
      onError: (error) => {
        options.pollFailed(error);
        this.say(navigator.onLine ? 'reconnecting' : 'offline');
      },
    });
    this.load();
  }

  watch(wsToken: string | null, wsPath: string): void {
    if (this.link) return this.link.watch(wsToken, wsPath);
    this.pending = [wsToken, wsPath];
    this.load();
  }

  /** This checkout kept its place: told to the session's other checkouts (none yet while the link's chunk is missing). */
  placeKept(key: string): void {
    this.link?.placeKept(key);
  }

  stop(keepStream = false): void {
    this.stopped = true;
    this.pending = null;
    clearTimeout(this.retryTimer);
    this.fallback.stop();
    this.link?.stop(keepStream);
  }

  private say(connection: Connection): void {
    // Stopped (the invoice ended): a poll answering late says nothing over the last screen.
    if (this.stopped || connection === this.said) return;
    this.said = connection;
    this.options.input({type: 'connection', connection});
  }

  private load(): void {
    if (this.loading || this.stopped) return;
    this.loading = true;
    import('./realtime-link.js').then(
      ({RealtimeLink}) => {
        if (this.stopped) return;
        this.fallback.stop();
        this.link = new RealtimeLink(this.options);
        if (this.pending) this.link.watch(...this.pending);
      },
      () => {
        this.loading = false;
        if (!this.pending || this.stopped) return;
        if (!this.fallback.running) {
          this.fallback.start();
          this.say('polling');
        }
        this.retryTimer = setTimeout(() => this.load(), this.retries.next());
      },
    );
  }
}
