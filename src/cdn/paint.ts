/**
 * The script-tag bundle's first paint, `pepay-checkout.paint.js`: registers the elements and
 * exposes `window.PepayCheckout`. Imported by the classic loader (`classic.ts`), which fetches the
 * checkout's first screen beside it, and by the module entry (`module.ts`); its lazy chunks are in
 * `chunks/` beside it.
 */
import {defineElements} from '../registry.js';
import {openCheckout, type OpenCheckout, type OpenOptions} from '../open.js';
import {VERSION} from '../version.js';

declare global {
  interface Window {
    PepayCheckout?: {version: string; open(options: OpenOptions): OpenCheckout};
  }
}

// Not `define.ts`, which brings the first screen with it: here it is a chunk of its own.
defineElements();

// A second copy of the script keeps the first one's API.
window.PepayCheckout ??= {version: VERSION, open: openCheckout};

export {openCheckout};
