/**
 * Polls `GET payment-status` while no stream is live: at most one request per interval (2 s),
 * waiting longer after errors (the shared backoff), honouring `Retry-After`.
 */
import {PepayError} from '../api/errors.js';
import type {PaymentStatus} from '../api/schemas/status.js';
import type {Input} from '../checkout/types.js';
import {Backoff, type BackoffSources} from './backoff.js';

export interface PollerOptions {
  fetchStatus: (signal: AbortSignal) => Promise<PaymentStatus>;
  onStatus: (status: PaymentStatus) => void;
  onError: (error: PepayError) => void;
  /** When true, this round is skipped (another tab polls for us). */
  skip?: () => boolean;
  /** Wait between polls, in ms. Default 2000 (the contract's "at most one request per 2 s"). */
  intervalMs?: number;
  /** Longest wait after errors, in ms. Default 30 000. */
  maxBackoffMs?: number;
  backoffSources?: BackoffSources;
}

/**
 * The machine's inputs for one answered poll: its status, and a session re-read when the invoice
 * is still underpaid (a further partial payment leaves it underpaid, so only the session says what
 * is due now). At most one per poll: one per 2 s.
 */
export function answeredPoll(status: PaymentStatus): Input[] {
  return [{type: 'status', ...status}, ...(status.status === 'underpaid' ? [{type: 'resync'} as const] : [])];
}

export class StatusPoller {
  private controller: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly intervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly backoff: Backoff;

  constructor(private readonly options: PollerOptions) {
    this.intervalMs = options.intervalMs ?? 2000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    // The first error waits 2–4 s: never sooner than the interval.
    this.backoff = new Backoff({baseMs: this.intervalMs * 2, maxMs: this.maxBackoffMs}, options.backoffSources);
  }

  get running(): boolean {
    return this.controller !== null;
  }

  start(): void {
    if (this.controller) return;
    this.controller = new AbortController();
    this.backoff.reset();
    this.schedule(this.intervalMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.controller?.abort();
    this.controller = null;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), delayMs);
  }

  private async poll(): Promise<void> {
    const controller = this.controller;
    if (!controller) return;
    if (this.options.skip?.()) {
      this.schedule(this.intervalMs);
      return;
    }
    try {
      const status = await this.options.fetchStatus(controller.signal);
      if (controller.signal.aborted) return;
      this.backoff.reset();
      this.options.onStatus(status);
      if (this.controller === controller) this.schedule(this.intervalMs);
    } catch (error) {
      if (controller.signal.aborted) return;
      const pepayError = error instanceof PepayError ? error : new PepayError('network', String(error));
      this.options.onError(pepayError);
      // The server's hint is honoured up to the cap: a wait it asks for never stops polling for long.
      const hinted = (pepayError.retryAfterSeconds ?? 0) * 1000;
      if (this.controller === controller) this.schedule(Math.min(this.maxBackoffMs, Math.max(this.backoff.next(), hinted)));
    }
  }
}
