/**
 * The realtime link as a chunk of its own (issue 11): the first screen (a token list) needs no
 * socket, poller or tab sync, so their code is fetched as the checkout starts, alongside its first
 * requests, and what the machine asks of the link meanwhile is kept and applied on arrival.
 */
import {Backoff} from '../realtime/backoff.js';
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

  constructor(private readonly options: RealtimeLinkOptions) {
    this.load();
  }

  watch(wsToken: string | null, wsPath: string): void {
    if (this.link) return this.link.watch(wsToken, wsPath);
    this.pending = [wsToken, wsPath];
    this.load();
  }

  unwatch(): void {
    this.pending = null;
    this.link?.unwatch();
  }

  stop(keepStream = false): void {
    this.stopped = true;
    this.pending = null;
    clearTimeout(this.retryTimer);
    this.link?.stop(keepStream);
  }

  private load(): void {
    if (this.loading || this.stopped) return;
    this.loading = true;
    import('./realtime-link.js').then(
      ({RealtimeLink}) => {
        if (this.stopped) return;
        this.link = new RealtimeLink(this.options);
        if (this.pending) this.link.watch(...this.pending);
      },
      () => {
        this.loading = false;
        if (!this.pending || this.stopped) return;
        // A payment to follow and nothing to follow it with: the payer is told, and it is fetched
        // again, ever less often, until it arrives or the checkout stops.
        this.options.input({type: 'connection', connection: 'reconnecting'});
        this.retryTimer = setTimeout(() => this.load(), this.retries.next());
      },
    );
  }
}
