/**
 * The script-tag bundle, `pepay-checkout.es.js`: registers the elements and exposes
 * `window.PepayCheckout`. Imported by the classic loader (`classic.ts`) or by a
 * `<script type="module">`; its lazy chunks are in `chunks/` beside it.
 */
import '../define.js';
import {loadFirstScreen} from '../elements/checkout/first-screen-loader.js';
import {openCheckout, type OpenCheckout, type OpenOptions} from '../open.js';
import {VERSION} from '../version.js';

declare global {
  interface Window {
    PepayCheckout?: {version: string; open(options: OpenOptions): OpenCheckout};
  }
}

// A checkout is why this script is on the page: its first screen is fetched now, not when it mounts
// (a failure is the checkout's to show, with "Try again").
loadFirstScreen().catch(() => undefined);

// A second copy of the script keeps the first one's API.
window.PepayCheckout ??= {version: VERSION, open: openCheckout};

export {openCheckout};
