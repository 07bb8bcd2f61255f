/**
 * Wires the pure machine to the world for one <pepay-checkout>: runs its effects with the API
 * client and the status poller, feeds results back in, ticks the clock, and fires the contract
 * events. Everything it starts, it stops in hostDisconnected.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {PayorClient} from '../api/client.js';
import {PepayError, isAbortError} from '../api/errors.js';
import {eventsBetween, type Emitted} from '../checkout/events.js';
import {failedToStart, initialState, isTerminal, reduce} from '../checkout/machine.js';
import type {CheckoutError, CheckoutState, Effect, Input, Operation} from '../checkout/types.js';
import {PaymentStream, type StreamStatus} from '../realtime/payment-stream.js';
import {StatusPoller} from '../realtime/status-poller.js';
import {TabSync} from '../realtime/tab-sync.js';

export interface CheckoutConfig {
  sessionToken: string;
  signature: string;
  paymentUrl: string;
  apiBase: string;
  wsBase: string;
  /** A stream silent this long is replaced. */
  streamTimeout: number;
}

type Host = ReactiveControllerHost & HTMLElement;

export class CheckoutController implements ReactiveController {
  state: CheckoutState = initialState();
  private client: PayorClient | null = null;
  private poller: StatusPoller | null = null;
  private stream: PaymentStream | null = null;
  private tabs: TabSync | null = null;
  private abort = new AbortController();
  private ticker: ReturnType<typeof setInterval> | undefined;
  /** The session configuration the running checkout started with; null when not started. */
  private startedWith: string | null = null;

  constructor(
    private readonly host: Host,
    private readonly config: () => CheckoutConfig,
    private readonly onEvent: (event: Emitted) => void,
  ) {
    host.addController(this);
  }

  // Starting waits for the first update after connection: frameworks (React, Vue) set the
  // session properties just after inserting the element, and the checkout must see them.
  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (this.configKey() !== this.startedWith) this.restart();
  }

  hostDisconnected(): void {
    this.teardown();
    this.startedWith = null;
  }

  private configKey(): string {
    const {sessionToken, signature, paymentUrl, apiBase, wsBase} = this.config();
    return JSON.stringify([sessionToken, signature, paymentUrl, apiBase, wsBase]);
  }

  /** Credentials or API base changed: start over with a fresh session. */
  restart(): void {
    this.teardown();
    this.startedWith = this.configKey();
    this.abort = new AbortController();
    const config = this.config();
    const {sessionToken, signature, paymentUrl, apiBase} = config;
    try {
      this.client = new PayorClient({sessionToken, signature, paymentUrl, apiBase: apiBase || undefined});
    } catch (error) {
      this.client = null;
      this.commit(failedToStart(toCheckoutError(error)));
      return;
    }
    this.state = initialState();
    const tabs = new TabSync(this.client.credentials.sessionToken, {
      onEvent: (event) => {
        if (this.stream?.remember(event.id)) this.dispatch({type: 'event', event});
      },
      onStatus: (status) => this.dispatch({type: 'status', status: status.status, paidAt: status.paidAt}),
    });
    this.tabs = tabs;
    this.poller = new StatusPoller({
      fetchStatus: (signal) => this.client!.paymentStatus(signal),
      onStatus: (status) => {
        tabs.shareStatus(status);
        this.dispatch({type: 'status', status: status.status, paidAt: status.paidAt});
      },
      onError: (error) => this.dispatch({type: 'failed', operation: 'status', error: toCheckoutError(error)}),
      skip: () => tabs.peerCovers,
    });
    this.stream = new PaymentStream({
      wsBase: config.wsBase || this.client.apiBase.replace(/^http/, 'ws'),
      silenceTimeoutMs: config.streamTimeout,
      onEvent: (event, frame) => {
        tabs.shareEvent(frame);
        this.dispatch({type: 'event', event});
      },
      onStatus: (status) => this.streamStatus(status),
      onResync: () => this.dispatch({type: 'resync'}),
    });
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.ticker = setInterval(() => this.dispatch({type: 'tick', at: performance.now()}), 1000);
    this.dispatch({type: 'start', at: performance.now()});
  }

  dispatch(input: Input): void {
    const {state, effects} = reduce(this.state, input);
    this.commit(state);
    for (const effect of effects) this.run(effect);
  }

  private commit(next: CheckoutState): void {
    const previous = this.state;
    if (next === previous) return;
    this.state = next;
    this.host.requestUpdate();
    for (const event of eventsBetween(previous, next)) this.onEvent(event);
  }

  private teardown(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.stopRealtime();
    this.poller = null;
    this.stream = null;
    this.tabs = null;
    this.abort.abort();
  }

  private stopRealtime(keepStream = false): void {
    this.poller?.stop();
    if (!keepStream) this.stream?.stop();
    this.tabs?.close();
    if (typeof window === 'undefined') return;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  /** Polling runs exactly while the stream is not live, and never after a terminal step. */
  private streamStatus(status: StreamStatus): void {
    if (status === 'stopped') return;
    const live = status === 'live';
    this.tabs?.setLive(live);
    if (live) this.poller?.stop();
    // A paid commerce invoice keeps its socket for order news; if it drops, it must not poll.
    else if (!isTerminal(this.state.step)) this.poller?.start();
    if (!navigator.onLine) return;
    this.dispatch({type: 'connection', connection: live ? 'live' : status === 'reconnecting' ? 'reconnecting' : 'polling'});
  }

  private readonly onOnline = () => {
    this.dispatch({type: 'connection', connection: this.stream?.isLive ? 'live' : 'polling'});
    this.stream?.nudge();
    this.dispatch({type: 'resync'});
  };

  private readonly onOffline = () => this.dispatch({type: 'connection', connection: 'offline'});

  private readonly onVisibility = () => {
    if (document.visibilityState !== 'visible') return;
    this.stream?.nudge();
    this.dispatch({type: 'resync'});
  };

  private run(effect: Effect): void {
    const client = this.client;
    if (!client) return;
    const signal = this.abort.signal;
    const at = () => performance.now();
    switch (effect.type) {
      case 'load':
        return this.task('load', async () => {
          const [session, tokens] = await Promise.all([client.sessionDetails(signal), client.availableTokens({}, signal)]);
          return {type: 'loaded', session, tokens, at: at()};
        });
      case 'load-intro':
        return this.task('intro', async () => {
          const [questions, email] = await Promise.all([client.invoiceQuestions(signal), client.customerEmail(signal)]);
          return {type: 'intro-loaded', questions, email: email.email};
        });
      case 'submit-questions':
        return this.task('questions', async () => {
          await client.submitForm(effect.answers, signal);
          return {type: 'questions-saved'};
        });
      case 'save-email':
        return this.task('email', async () => ({type: 'email-saved', email: (await client.setCustomerEmail(effect.email, signal)).email ?? effect.email}));
      case 'allocate':
        return this.task('address', async () => ({type: 'address-allocated', address: await client.allocateAddress(effect, signal), at: at()}));
      case 'verify':
        return this.task('verify', async () => ({type: 'verification', job: await client.requestVerification(effect.invoiceId, effect.network, signal)}));
      case 'refresh-status':
        return this.task('status', async () => {
          const status = await client.paymentStatus(signal);
          return {type: 'status', status: status.status, paidAt: status.paidAt};
        });
      case 'check-verification':
        return this.task('verify', async () => ({type: 'verification', job: await client.verification(effect.invoiceId, signal)}));
      case 'refresh-session':
        return this.task('status', async () => ({type: 'session-refreshed', session: await client.sessionDetails(signal), at: at()}));
      case 'watch':
        if (effect.wsToken) this.stream?.connect(effect.wsToken, effect.wsPath);
        if (!this.stream?.isLive && !this.poller?.running) {
          this.poller?.start();
          this.dispatch({type: 'connection', connection: 'polling'});
        }
        return;
      case 'stop':
        this.stopRealtime(effect.keepStream);
        if (isTerminal(this.state.step) || this.state.step === 'error') clearInterval(this.ticker);
        if (!effect.keepStream) this.dispatch({type: 'connection', connection: 'idle'});
        return;
    }
  }

  private task(operation: Operation, work: () => Promise<Input>): void {
    const signal = this.abort.signal;
    work().then(
      (input) => {
        if (!signal.aborted) this.dispatch(input);
      },
      (error: unknown) => {
        if (signal.aborted || isAbortError(error)) return;
        this.dispatch({type: 'failed', operation, error: toCheckoutError(error)});
      },
    );
  }

  /** Payer asked to try again after an error: a fresh start, realtime included. */
  retry(): void {
    this.restart();
  }
}

function toCheckoutError(error: unknown): CheckoutError {
  if (error instanceof PepayError) return {code: error.code, message: error.message, retryable: error.retryable};
  return {code: 'invalid-response', message: 'Something unexpected went wrong.', retryable: true};
}
