/** Script-tag entry: registers the elements and exposes `window.PepayCheckout`. */
import './define.js';
import * as api from './index.js';

declare global {
  interface Window {
    PepayCheckout?: {version: string};
  }
}

window.PepayCheckout ??= {version: api.VERSION};
