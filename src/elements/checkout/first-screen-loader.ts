/**
 * Fetches the checkout's first-screen chunk (./first-screen.ts) once for the page. A failure is
 * not kept: the next call asks again (the payer's "Try again").
 */
import type {ReactiveControllerHost} from 'lit';
import type {CheckoutConfig, CheckoutController, CommitListener} from '../../controllers/checkout-controller.js';

export type FirstScreen = typeof import('./first-screen.js');

let arrived: FirstScreen | null = null;
let pending: Promise<FirstScreen> | null = null;

/** The chunk, when it has arrived. */
export function firstScreenNow(): FirstScreen | null {
  return arrived;
}

/** Fetches the chunk (once). Rejects when it cannot be fetched. */
export function loadFirstScreen(): Promise<FirstScreen> {
  pending ??= import('./first-screen.js').then(
    (chunk) => (arrived = chunk),
    (error: unknown) => {
      pending = null;
      throw error;
    },
  );
  return pending;
}

/**
 * One checkout's wait for the chunk: creates the checkout's controller once it is here (at once
 * when another checkout fetched it), or marks the wait failed and renders the host again, to say so.
 */
export class FirstScreenWait {
  /** The checkout's controller, once the chunk is here. */
  controller: CheckoutController | null = null;
  /** The chunk could not be fetched: the host says so and offers `start()` again. */
  failed = false;
  private arrival: Promise<void> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & CheckoutConfig,
    private readonly onCommit: CommitListener,
  ) {}

  /** Starts waiting, unless the controller exists or the chunk is on its way. */
  start(): void {
    if (this.controller || this.arrival) return;
    const create = ({CheckoutController}: FirstScreen) => {
      this.failed = false;
      this.controller ??= new CheckoutController(this.host, () => this.host, this.onCommit);
    };
    if (arrived) return create(arrived);
    this.arrival = loadFirstScreen().then(create, () => {
      this.failed = true;
      this.host.requestUpdate();
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
