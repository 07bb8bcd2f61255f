/**
 * Registers the elements: the only module with side effects. Safe to load more than once (a
 * storefront will): a tag already defined is left alone, with a warning when it is not ours.
 */
import {PepayCheckout} from './elements/checkout/pepay-checkout.js';
import {PepayQr} from './elements/qr/pepay-qr.js';
import {VERSION} from './version.js';

const ELEMENTS: [string, CustomElementConstructor & {version?: string}][] = [
  ['pepay-qr', PepayQr],
  ['pepay-checkout', PepayCheckout],
];

export function defineElements(): void {
  // Importing in Node (server-side rendering) must not throw: there is no registry there.
  if (typeof customElements === 'undefined') return;
  for (const [tag, ctor] of ELEMENTS) {
    const existing = customElements.get(tag) as (CustomElementConstructor & {version?: string}) | undefined;
    if (!existing) {
      customElements.define(tag, ctor);
    } else if (existing !== ctor && existing.version !== VERSION) {
      console.warn(`<${tag}> is already defined by version ${existing.version ?? 'unknown'}; version ${VERSION} was not registered.`);
    }
  }
}

defineElements();
