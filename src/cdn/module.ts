/**
 * The module entry, `pepay-checkout.es.js`, for `<script type="module">` and `import`: the classic
 * loader's twin (classic.ts). It imports the first paint (`paint.ts`, the same file the classic
 * loader imports, so both on one page run it once) and, beside it, the checkout's first screen and
 * (when this origin keeps a place) the place store its load waits for, all on demand: so the card
 * paints before the first screen arrives, and a first screen that cannot be fetched is said in the
 * card, with "Try again". Static imports would fetch them side by side too, but one missing file
 * would then leave no checkout at all.
 *
 * `openCheckout` (and `window.PepayCheckout.open`) works as soon as this module has run.
 */
import type {OpenCheckout, OpenOptions} from '../open.js';
import {VERSION} from '../version.js';
import {openLater, type FirstPaint} from './open-later.js';

/**
 * src/controllers/kept-places.ts's check, written out: imported, it would come from the first
 * screen's chunk (the load uses it too), which this entry would then wait for before asking for
 * anything.
 */
function placesKept(): boolean {
  try {
    return Object.keys(localStorage).some((key) => key.startsWith('pepay-checkout:v1:'));
  } catch {
    return false;
  }
}

const firstPaint: Promise<FirstPaint> = import('./paint.js');
// A failure is the checkout's to say, with "Try again", when it asks again.
import('../elements/checkout/first-screen.js').catch(() => undefined);
// Asked for at load when this origin keeps a place (src/controllers/requests.ts), which waits for
// it; without it nothing is restored.
if (placesKept()) import('../controllers/place-store.js').catch(() => undefined);

firstPaint.catch((error: unknown) => console.warn('Pepay Checkout: cannot load its first paint', error));

/** Opens the checkout in a modal (src/open.ts), once the first paint is here. */
export function openCheckout(options: OpenOptions): OpenCheckout {
  return openLater(firstPaint, options);
}

// A second copy keeps the first one's API.
window.PepayCheckout ??= {version: VERSION, open: openCheckout};
