/**
 * The classic script tag's entry, `pepay-checkout.iife.js`: a loader of about two kilobytes. It
 * finds its own URL and imports the first paint next to it (`pepay-checkout.paint.js`), which
 * loads its lazy chunks from there too, and sends the first reads of the checkouts in the page's
 * markup meanwhile (./read-ahead.ts); so a storefront still needs one `<script src>` and serves
 * `dist/cdn/` as a whole. `import()` is allowed by `script-src` for the bundle's origin and is not
 * a Trusted Types sink; a second copy (or the module entry beside it) imports the same module,
 * which the browser runs once.
 *
 * `window.PepayCheckout.open` exists as soon as this script has run: it waits for the bundle.
 */
import {placesKept} from '../controllers/kept-places.js';
import {VERSION} from '../version.js';
import {openLater, type FirstPaint} from './open-later.js';
import {readAhead} from './read-ahead.js';

/**
 * The chunks the bundle imports statically and the checkout's first screen (which the bundle
 * asks for as soon as it registers the elements), relative to it; filled in by the build (vite.config.ts).
 */
declare const __PEPAY_ALONGSIDE__: readonly string[];
/** The place store's chunks, which a load waits for when this origin keeps a place (src/controllers/requests.ts). */
declare const __PEPAY_PLACE_STORE__: readonly string[];

/**
 * The bundle's URL, next to this script's own, worked out while this script runs (later,
 * `currentScript` is another script or null). Read through `Document.prototype`'s getter: markup
 * such as `<img name="currentScript" src="https://elsewhere/">` shadows `document.currentScript`
 * and would choose what this script imports.
 */
function bundleUrl(): string {
  const current: unknown = Object.getOwnPropertyDescriptor(Document.prototype, 'currentScript')?.get?.call(document);
  const base = current instanceof HTMLScriptElement && current.src ? current.src : location.href;
  return new URL('pepay-checkout.paint.js', base).href;
}

/**
 * Fetches those chunks beside the bundle rather than after it. The browser runs each module once,
 * in the bundle's order. A failure here is reported by whoever needs the chunk: the bundle, or
 * the checkout for its first screen (with "Try again").
 */
function fetchAlongside(url: string): void {
  const files = placesKept() ? [...__PEPAY_ALONGSIDE__, ...__PEPAY_PLACE_STORE__] : __PEPAY_ALONGSIDE__;
  for (const file of files) import(/* @vite-ignore */ new URL(file, url).href).catch(() => undefined);
}

const url = bundleUrl();
const bundle = import(/* @vite-ignore */ url) as Promise<FirstPaint>;
fetchAlongside(url);
readAhead();
bundle.catch((error: unknown) => console.warn(`Pepay Checkout: cannot load ${url}`, error));
// A second copy keeps the first one's API (its import of the same URL runs nothing twice).
window.PepayCheckout ??= {version: VERSION, open: (options) => openLater(bundle, options)};
