/**
 * Wires the pure machine to the world for one <pepay-checkout>: runs its effects with the API
 * client and the realtime link, feeds results back in, wakes the machine at its next deadline, and
 * reports every committed state with the contract events it fires. Everything it starts, it stops
 * in hostDisconnected.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {PayorClient} from '../api/client.js';
import {PepayError, isAbortError} from '../api/errors.js';
import {eventsBetween, type Emitted} from '../checkout/emitted.js';
import {reduce} from '../checkout/machine.js';
import {crashed, failedToStart, initialState, isTerminal} from '../checkout/state.js';
import {nextDeadline} from '../checkout/selectors.js';
import type {CheckoutState, Effect, Input, PayerAction} from '../checkout/types.js';
import {Backoff} from '../realtime/backoff.js';
import {resolveWsBase} from '../realtime/ws-base.js';
import {CONNECTION_FIELDS, type SessionOptions} from '../session.js';
import {DeferredRealtimeLink} from './deferred-link.js';
import {keepPlace, watchStream} from './keep-place.js';
import {LoadFailure, OPERATION, runRequest, toCheckoutError, type RequestEffect} from './requests.js';
import {SessionReads} from './session-reads.js';
import {DeadlineTimer} from './deadline-timer.js';
import {stringifyJson} from '../api/json.js';

export type CheckoutConfig = Pick<SessionOptions, (typeof CONNECTION_FIELDS)[number]> & {
  /** A stream silent this many ms is replaced. */
  streamTimeout: number;
};

/**
 * Hears every committed state, in order, with the contract events the change fires. The one path
 * by which a step reaches the element (its `:state()`, its events, its render).
 */
export type CommitListener = (state: CheckoutState, events: Emitted[]) => void;

export class CheckoutController implements ReactiveController {
  state: CheckoutState = initialState();
  private client: PayorClient | null = null;
  private link: DeferredRealtimeLink | null = null;
  /** Watch effects run so far: a kept stream read back late does not replace a later one. */
  private watches = 0;
  private abort = new AbortController();
  private readonly retries = new Backoff({baseMs: 4000, maxMs: 30_000});
  private readonly deadlines = new DeadlineTimer(() => this.dispatch({type: 'tick', at: performance.now()}));
  private retryNotBefore = 0;
  private readonly sessionReads = new SessionReads(() => this.send({type: 'refresh-session'}));
  /** The session configuration the running checkout started with; null when not started. */
  private startedWith: string | null = null;
  /** Effects held while the host is off the page, until it is known whether it was moved (see hostDisconnected). */
  private leaving: Effect[] | null = null;
  /**
   * The session whose place this checkout keeps, stopped too: a wallet that answers once the checkout
   * left the page (its modal closed) sent money, and the checkout opened again must wait for it.
   */
  private placeOf: string | null = null;
  /** An `online` listener waits to start over (untilOnline). */
  private waitingOnline = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly config: () => CheckoutConfig,
    private readonly onCommit: CommitListener,
  ) {
    host.addController(this);
  }

  // Starting waits for the first update after connection: frameworks (React, Vue) set the
  // session properties just after inserting the element, and the checkout must see them.
  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    // An update already queued when the host left the page (a listener removed it) starts nothing.
    if (!this.host.isConnected) return;
    this.guarded(() => {
      if (this.configKey() !== this.startedWith) this.restart();
    });
  }

  // A move in the page (out and back in before the page's next microtask, as a framework
  // reordering its nodes does) keeps the checkout running: one still off the page then stops.
  // Meanwhile nothing is sent: effects wait, and run only if it is back.
  hostDisconnected(): void {
    this.leaving ??= [];
    queueMicrotask(() => {
      const held = this.leaving ?? [];
      this.leaving = null;
      if (this.host.isConnected) return held.forEach((effect) => this.run(effect));
      this.teardown();
      this.startedWith = null;
    });
  }

  /**
   * What the payer did in a view. `retry` starts the session over, realtime included: the first
   * at once, the next ones no sooner than the backoff allows (a rate-limited server is not hammered
   * by a payer clicking "Try again"); clicks in between are ignored.
   */
  act(action: PayerAction): void {
    if (action.type !== 'retry') return this.dispatch(action);
    if (performance.now() < this.retryNotBefore) return;
    this.retryNotBefore = performance.now() + this.retries.next();
    this.guarded(() => this.restart());
  }

  private configKey(): string {
    const config = this.config();
    return stringifyJson(CONNECTION_FIELDS.map((field) => config[field]));
  }

  /** Credentials or endpoints changed, or the payer asked to try again: start over. */
  private restart(): void {
    this.teardown();
    this.placeOf = null;
    this.startedWith = this.configKey();
    this.abort = new AbortController();
    this.commit(initialState());
    const config = this.config();
    let client: PayorClient;
    let wsBase: string;
    try {
      const {sessionToken, signature, paymentUrl, apiBase} = config;
      client = new PayorClient({sessionToken, signature, paymentUrl, apiBase: apiBase || undefined});
      wsBase = resolveWsBase(config.wsBase, client.apiBase);
    } catch (error) {
      const setup = toCheckoutError(error);
      // The payer reads that the checkout cannot continue; the merchant's developer reads why.
      console.warn(`Pepay Checkout: ${setup.message}`);
      this.commit(failedToStart(setup));
      return;
    }
    this.client = client;
    this.placeOf = client.credentials.sessionToken;
    this.link = new DeferredRealtimeLink({
      client,
      wsBase,
      streamTimeout: config.streamTimeout,
      input: (input) => this.dispatch(input),
      pollFailed: (error) => this.dispatch({type: 'failed', operation: 'status', error: toCheckoutError(error), at: performance.now()}),
      ended: () => isTerminal(this.state.step),
    });
    this.dispatch({type: 'start', at: performance.now()});
  }

  /** Feeds one input to the machine and runs its effects. */
  private dispatch(input: Input): void {
    this.guarded(() => {
      const {state, effects} = reduce(this.state, input);
      this.commit(state);
      for (const effect of effects) this.run(effect);
      this.scheduleTick();
    });
  }

  /** An exception in our own code (or a host's broken property) ends in the error step, never escapes. */
  private guarded(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.teardown();
      this.commit(crashed(this.state, toCheckoutError(error)));
    }
  }

  private commit(next: CheckoutState): void {
    const previous = this.state;
    if (next === previous) return;
    this.untilOnline(next.step === 'error' && next.error?.code === 'network');
    // Loaded: the next "Try again" is at once again.
    if (next.invoiceId && next.step !== 'error' && !previous.invoiceId) {
      this.retries.reset();
      this.retryNotBefore = 0;
    }
    this.state = next;
    this.host.requestUpdate();
    if (this.placeOf) keepPlace(previous, next, this.placeOf, this.link);
    this.onCommit(next, eventsBetween(previous, next));
  }

  /** Wakes the machine at its next deadline (deadline-timer.ts). */
  private scheduleTick(): void {
    const now = performance.now();
    const [deadline, ahead] = this.link ? [nextDeadline(this.state), nextDeadline(this.state, now)] : [null, null];
    this.deadlines.set(deadline, ahead, now);
  }

  /**
   * An error card for want of a network starts over once the browser is back online, as later steps
   * do (a review: one opened offline stayed). The server's faults wait for "Try again".
   */
  private untilOnline(waiting: boolean): void {
    if (waiting === this.waitingOnline) return;
    this.waitingOnline = waiting;
    if (waiting) window.addEventListener('online', this.backOnline);
    else window.removeEventListener('online', this.backOnline);
  }
  private readonly backOnline = () => this.guarded(() => this.restart());

  private teardown(): void {
    this.untilOnline(false);
    this.deadlines.stop();
    this.link?.stop();
    this.link = null;
    this.client = null;
    this.abort.abort();
    this.sessionReads.reset();
  }

  private run(effect: Effect): void {
    if (this.leaving && effect.type !== 'stop') return void this.leaving.push(effect);
    if (effect.type === 'watch') return this.watch(effect);
    if (effect.type === 'stop') {
      this.link?.stop(effect.keepStream);
      if (!effect.keepStream) this.dispatch({type: 'connection', connection: 'idle'});
      return;
    }
    // Session re-reads one at a time (session-reads.ts); every other request as it comes.
    if (effect.type === 'refresh-session') this.sessionReads.ask();
    else void this.send(effect);
  }

  /** The stream a quote brought (kept for a reload of this tab), or the one this tab kept; a later watch wins. */
  private watch(effect: Extract<Effect, {type: 'watch'}>): void {
    const [watch, link] = [++this.watches, this.link];
    const current = () => watch === this.watches && link === this.link;
    watchStream(effect, this.state.invoiceId, this.client?.credentials.sessionToken, (token, path) => link?.watch(token, path), current);
  }

  /** Runs `effect` and feeds its answer in; resolves with the Retry-After (ms) a refusal carried, else 0. */
  private send(effect: RequestEffect): Promise<number> {
    const client = this.client;
    if (!client) return Promise.resolve(0);
    const signal = this.abort.signal;
    return runRequest(effect, client, signal).then(
      (input) => {
        if (!signal.aborted) this.dispatch(input);
        return 0;
      },
      (thrown: unknown) => {
        const [error, session] = thrown instanceof LoadFailure ? [thrown.reason, thrown.session] : [thrown, null];
        if (signal.aborted || isAbortError(error)) return 0;
        // A session that cannot be loaded is most often a setup to fix: say where it was asked.
        if (effect.type === 'load') console.warn(`Pepay Checkout: the payment session could not be loaded from ${client.apiBase}.`, error);
        this.dispatch({type: 'failed', operation: OPERATION[effect.type], error: toCheckoutError(error), at: performance.now(), session});
        return error instanceof PepayError ? (error.retryAfterSeconds ?? 0) * 1000 : 0;
      },
    );
  }
}
