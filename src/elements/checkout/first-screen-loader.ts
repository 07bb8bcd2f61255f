/**
 * Fetches the checkout's first-screen chunk (./first-screen.ts) once for the page. A failure is
 * not kept: the next call asks again (the payer's "Try again").
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CheckoutConfig, CheckoutController, CommitListener} from '../../controllers/checkout-controller.js';
import {failedToStart, initialState} from '../../checkout/state.js';
import {forgetFirstReads, sendFirstReads} from '../../api/first-reads.js';
import type {CheckoutError, CheckoutState} from '../../checkout/types.js';

/** The first-screen chunk's exports: the checkout's controller, header and step headings. */
export type FirstScreen = typeof import('./first-screen.js');

let arrived: FirstScreen | null = null;
let pending: Promise<FirstScreen> | null = null;
/** In the app's own bundle (`@pepay/checkout/define`): no round trip to save by sending reads ahead. */
let bundled = false;
/** Checkouts that could not fetch the chunk: each starts when another fetch of it succeeds. */
const revivals = new Set<() => void>();

/** The chunk, when it has arrived. */
export function firstScreenNow(): FirstScreen | null {
  return arrived;
}

/** Said by `@pepay/checkout/define`, which brings the chunk in the app's own bundle. */
export function firstScreenBundled(): void {
  bundled = true;
}

/** Fetches the chunk (once). Rejects when it cannot be fetched, or cannot run on this page. */
export function loadFirstScreen(): Promise<FirstScreen> {
  pending ??= runnableChunk().then(
    (chunk) => {
      arrived = chunk;
      for (const revive of [...revivals]) revive();
      return chunk;
    },
    (error: unknown) => {
      pending = null;
      forgetFirstReads();
      console.warn(`Pepay Checkout: ${UNAVAILABLE.message}`, error);
      throw error;
    },
  );
  return pending;
}

/**
 * The chunk, unless this page adds enumerable properties to `Object.prototype`: zod reads objects
 * with `for…in` and throws as its schemas are built (WebKit then never settles the import).
 */
function runnableChunk(): Promise<FirstScreen> {
  const inherited = Object.keys(Object.prototype);
  if (inherited.length === 0) return import('./first-screen.js');
  return Promise.reject(new TypeError(`Object.prototype has enumerable properties (${inherited.join(', ')}): zod cannot run with them.`));
}

/** What a checkout whose first screen cannot be fetched is in: the error step, as with any error the payer sees. */
const UNAVAILABLE: CheckoutError = {code: 'network', message: 'The checkout could not be loaded.', retryable: true};

/**
 * One checkout's wait for the chunk: its state until then (`loading`), and its controller once the
 * chunk is here (at once when another checkout fetched it). A failure is committed as the `error`
 * step (`network`, retryable) with its `pepay-step-change` and `pepay-error`; trying again goes
 * back to `loading`.
 */
export class FirstScreenWait implements ReactiveController {
  /** The checkout's controller, once the chunk is here. */
  controller: CheckoutController | null = null;
  /** The state until the controller exists: `loading`, or `error` when the chunk could not be fetched. */
  private waiting: CheckoutState = initialState();
  private arrival: Promise<void> | null = null;
  private readonly revive = () => this.start();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & CheckoutConfig,
    private readonly onCommit: CommitListener,
  ) {
    host.addController(this);
  }

  /** Off the page, a failed checkout is not started by another's fetch (it starts when it is back). */
  hostDisconnected(): void {
    revivals.delete(this.revive);
  }

  /** The checkout's state: its controller's, else the wait's. */
  get state(): CheckoutState {
    return this.controller?.state ?? this.waiting;
  }

  /** The chunk could not be fetched: the host says so and offers `start()` again. */
  get failed(): boolean {
    return !this.controller && this.waiting.step === 'error';
  }

  /** Starts waiting, unless the controller exists or the chunk is on its way. After a failure, back to `loading` meanwhile. */
  start(): void {
    if (this.controller || this.arrival) return;
    revivals.delete(this.revive);
    const create = ({CheckoutController, defineLeaves}: FirstScreen) => {
      defineLeaves();
      // The controller starts from `loading`, as the wait does: a failed wait steps back first.
      if (this.failed) this.wait(initialState());
      this.controller = new CheckoutController(this.host, () => this.host, this.onCommit);
    };
    if (arrived) return create(arrived);
    if (this.failed) this.wait(initialState());
    // Its reads leave now, beside the chunk, rather than once it has arrived (src/api/first-reads.ts).
    if (!bundled) sendFirstReads(this.host);
    this.arrival = loadFirstScreen().then(create, () => {
      if (this.host.isConnected) revivals.add(this.revive);
      this.wait(failedToStart(UNAVAILABLE));
    });
    void this.arrival.finally(() => (this.arrival = null));
  }

  /** Commits the wait's next state, with the events its change fires, as the controller commits its own. */
  private wait(next: CheckoutState): void {
    const previous = this.waiting;
    this.waiting = next;
    this.host.requestUpdate();
    this.onCommit(next, [
      {name: 'pepay-step-change', detail: {step: next.step, previous: previous.step}},
      ...(next.error ? [{name: 'pepay-error' as const, detail: {...next.error}}] : []),
    ]);
  }

  /** Settles once the chunk on its way has arrived or failed; true when one was on its way. */
  async settled(): Promise<boolean> {
    if (!this.arrival) return false;
    await this.arrival;
    return true;
  }
}
