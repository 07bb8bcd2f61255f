/**
 * The checkout's views that its first screen does not need, each a chunk of its own (issue 11):
 * fetched when their step shows and prefetched when it becomes likely: the forms and the last
 * screens as the session loads (an error card must not need the network), the payment view while
 * the payer picks a token. Each chunk registers its elements when it runs (src/elements/register.ts).
 *
 * A view that could not be fetched is said to the payer, with "Try again" (whether a browser
 * fetches a failed module import again varies; where it does not, reloading the page keeps the
 * payer's place).
 */
import type {ReactiveControllerHost} from 'lit';
import type {Step} from '../../checkout/types.js';

export type View = 'forms' | 'payment' | 'outcome' | 'dialog' | 'wallet';

const IMPORTS: Record<View, () => Promise<unknown>> = {
  forms: () => import('../forms/define.js'),
  // With the schema of the answer that step waits for (src/api/client.ts loads it with the call).
  payment: () => Promise.all([import('../payment-details/define.js'), import('../../api/schemas/address.js')]),
  outcome: () => import('../status/define.js'),
  // The modal, for the button and `open()` (src/open.ts).
  dialog: () => import('../dialog/define.js'),
  // Browser wallets, for the payment view (src/elements/payment-details/wallet-buttons.ts).
  wallet: () => import('../wallet/define.js'),
};

/** The view each step shows, when it is a chunk of its own (the token list comes with the first screen, ./first-screen.ts). */
export function viewOf(step: Step): View | null {
  if (step === 'questions' || step === 'email') return 'forms';
  if (step === 'awaiting-payment' || step === 'underpaid') return 'payment';
  if (step === 'confirming' || step === 'paid' || step === 'expired' || step === 'canceled' || step === 'error') return 'outcome';
  return null;
}

/** What is worth fetching ahead on each step: what the payer is likely to see next. */
const AHEAD: Partial<Record<Step, View[]>> = {
  loading: ['forms', 'outcome'],
  'select-token': ['payment', 'wallet'],
};

/** Shared by every checkout of the page: a chunk is fetched once. */
const loaded = new Set<View>();
const loading = new Map<View, Promise<void>>();

/** Fetches a view's chunk once; after a failure, the next call asks again. Rejects when it cannot be fetched. */
export function loadView(view: View): Promise<void> {
  let pending = loading.get(view);
  if (!pending) {
    pending = IMPORTS[view]().then(
      () => void loaded.add(view),
      (error: unknown) => {
        loading.delete(view);
        throw error;
      },
    );
    loading.set(view, pending);
  }
  return pending;
}

/** One checkout's use of the views: what it shows, what failed to arrive, what it fetches ahead. */
export class ViewLoader {
  private readonly failed = new Set<View>();
  /** The views this checkout is waiting for, each with its arrival (or failure). */
  private readonly waiting = new Map<View, Promise<void>>();

  constructor(private readonly host: ReactiveControllerHost) {}

  /** True when the view can be shown; otherwise starts fetching it, and the host renders again once it is here or has failed. */
  ready(view: View): boolean {
    if (loaded.has(view)) return true;
    if (!this.failed.has(view) && !this.waiting.has(view)) this.fetch(view);
    return false;
  }

  /** The view could not be fetched (offline, a missing file): the host says so and offers `retry`. */
  hasFailed(view: View): boolean {
    return this.failed.has(view);
  }

  retry(view: View): void {
    this.failed.delete(view);
    this.host.requestUpdate();
  }

  /** Fetches, quietly, what the payer is likely to need after `step`. */
  prefetchAfter(step: Step): void {
    for (const view of AHEAD[step] ?? []) if (!loaded.has(view)) loadView(view).catch(() => undefined);
  }

  /** Settles when the views being fetched have arrived or failed; true when there were any. */
  async settled(): Promise<boolean> {
    if (this.waiting.size === 0) return false;
    await Promise.all(this.waiting.values());
    return true;
  }

  private fetch(view: View): void {
    const arrival = loadView(view).then(
      () => this.host.requestUpdate(),
      () => {
        this.failed.add(view);
        this.host.requestUpdate();
      },
    );
    this.waiting.set(view, arrival);
    void arrival.finally(() => this.waiting.delete(view));
  }
}
