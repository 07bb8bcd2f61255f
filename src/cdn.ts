/** Script-tag entry: registers the elements and exposes `window.PepayCheckout`. */
import './define.js';
import {openCheckout, type OpenCheckout, type OpenOptions} from './open.js';
import {VERSION} from './version.js';

declare global {
  interface Window {
    PepayCheckout?: {version: string; open(options: OpenOptions): OpenCheckout};
  }
}

// A second copy of the script keeps the first one's API.
window.PepayCheckout ??= {version: VERSION, open: openCheckout};
