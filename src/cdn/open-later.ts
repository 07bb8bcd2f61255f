/**
 * `PepayCheckout.open` before the first paint is here, for both script-tag entries (classic.ts,
 * module.ts): the same handle as `openCheckout`'s, settled through the real one once it arrives.
 */
import type {OpenCheckout, OpenOptions} from '../open.js';

/** What the first paint (paint.ts) exports. */
export type FirstPaint = typeof import('./paint.js');

/** Opens the checkout once `firstPaint` is here; `result` rejects only when it cannot be fetched (nothing was shown). */
export function openLater(firstPaint: Promise<FirstPaint>, options: OpenOptions): OpenCheckout {
  const opened = firstPaint.then((loaded) => loaded.openCheckout(options));
  return {
    close: () =>
      void opened.then(
        (checkout) => checkout.close(),
        () => undefined,
      ),
    result: opened.then((checkout) => checkout.result),
    closed: opened.then(
      (checkout) => checkout.closed,
      () => undefined,
    ),
  };
}
