/**
 * Polls `GET payment-status` while no stream is live: at most one request per interval
 * (2 s), doubling the wait on errors up to a cap, honouring `Retry-After`.
 */
import {PepayError} from '../api/errors.js';
import type {PaymentStatus} from '../api/schemas/status.js';

export interface PollerOptions {
  fetchStatus: (signal: AbortSignal) => Promise<PaymentStatus>;
  onStatus: (status: PaymentStatus) => void;
  onError: (error: PepayError) => void;
  /** When true, this round is skipped (another tab polls for us). */
  skip?: () => boolean;
  intervalMs?: number;
  maxBackoffMs?: number;
}

export class StatusPoller {
  private controller: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private readonly intervalMs: number;
  private readonly maxBackoffMs: number;

  constructor(private readonly options: PollerOptions) {
    this.intervalMs = options.intervalMs ?? 2000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
  }

  get running(): boolean {
    return this.controller !== null;
  }

  start(): void {
    if (this.controller) return;
    this.controller = new AbortController();
    this.failures = 0;
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
      this.failures = 0;
      this.options.onStatus(status);
      if (this.controller === controller) this.schedule(this.intervalMs);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.failures++;
      const pepayError = error instanceof PepayError ? error : new PepayError('network', String(error));
      this.options.onError(pepayError);
      const backoff = Math.min(this.maxBackoffMs, this.intervalMs * 2 ** this.failures);
      const hinted = pepayError.retryAfterSeconds !== undefined ? pepayError.retryAfterSeconds * 1000 : 0;
      if (this.controller === controller) this.schedule(Math.max(backoff, hinted));
    }
  }
}
