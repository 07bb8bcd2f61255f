/**
 * Fetches the checkout's first-screen chunk (./first-screen.ts) once for the page. A failure is
 * not kept: the next call asks again (the payer's "Try again").
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CheckoutConfig, CheckoutController, CommitListener} from '../../controllers/checkout-controller.js';
import {createPepayEvent} from '../../events/contract.js';

/** The first-screen chunk's exports: the checkout's controller, header and step headings. */
export type FirstScreen = typeof import('./first-screen.js');

let arrived: FirstScreen | null = null;
let pending: Promise<FirstScreen> | null = null;
/** Checkouts that could not fetch the chunk: each starts when another fetch of it succeeds. */
const revivals = new Set<() => void>();

/** The chunk, when it has arrived. */
export function firstScreenNow(): FirstScreen | null {
  return arrived;
}

/** Fetches the chunk (once). Rejects when it cannot be fetched. */
export function loadFirstScreen(): Promise<FirstScreen> {
  pending ??= import('./first-screen.js').then(
    (chunk) => {
      arrived = chunk;
      for (const revive of [...revivals]) revive();
      return chunk;
    },
    (error: unknown) => {
      pending = null;
      throw error;
    },
  );
  return pending;
}

/**
 * One checkout's wait for the chunk: creates the checkout's controller once it is here (at once
 * when another checkout fetched it), or marks the wait failed, renders the host again to say so
 * and fires `pepay-error` from it: nothing can be paid until the chunk is here, as with any other
 * error the payer sees.
 */
export class FirstScreenWait implements ReactiveController {
  /** The checkout's controller, once the chunk is here. */
  controller: CheckoutController | null = null;
  /** The chunk could not be fetched: the host says so and offers `start()` again. */
  failed = false;
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

  /** Starts waiting, unless the controller exists or the chunk is on its way. After a failure, the skeleton shows again meanwhile. */
  start(): void {
    if (this.controller || this.arrival) return;
    revivals.delete(this.revive);
    const create = ({CheckoutController, defineLeaves}: FirstScreen) => {
      defineLeaves();
      this.failed = false;
      this.controller = new CheckoutController(this.host, () => this.host, this.onCommit);
    };
    if (arrived) return create(arrived);
    if (this.failed) {
      this.failed = false;
      this.host.requestUpdate();
    }
    this.arrival = loadFirstScreen().then(create, () => {
      this.failed = true;
      if (this.host.isConnected) revivals.add(this.revive);
      this.host.requestUpdate();
      const error = {code: 'network', message: 'The checkout could not be loaded.', retryable: true} as const;
      this.host.dispatchEvent(createPepayEvent('pepay-error', error));
    });
    void this.arrival.finally(() => (this.arrival = null));
  }

  /** Settles once the chunk on its way has arrived or failed; true when one was on its way. */
  async settled(): Promise<boolean> {
    if (!this.arrival) return false;
    await this.arrival;
    return true;
  }
}
