/**
 * Guarded registration. Safe to call more than once and from more than one bundle (a storefront
 * will load the script twice somewhere): a tag already defined is left alone, with a warning when
 * it is not this version.
 */
import {PepayCheckoutButton} from './elements/button/pepay-checkout-button.js';
import {PepayCheckout} from './elements/checkout/pepay-checkout.js';
import {PepayCheckoutDialog} from './elements/dialog/pepay-checkout-dialog.js';
import {LEAF_ELEMENTS} from './elements/leaves.js';
import {VERSION} from './version.js';

type Versioned = CustomElementConstructor & {version?: string};

/** Registers every Pepay element (leaves first, so the root renders upgraded children). */
export function defineElements(): void {
  // Importing in Node (server-side rendering) must not throw: there is no registry there.
  if (typeof customElements === 'undefined') return;
  const elements: [string, Versioned][] = [
    ...LEAF_ELEMENTS,
    ['pepay-checkout', PepayCheckout],
    ['pepay-checkout-dialog', PepayCheckoutDialog],
    ['pepay-checkout-button', PepayCheckoutButton],
  ];
  for (const [tag, ctor] of elements) {
    const existing = customElements.get(tag) as Versioned | undefined;
    if (!existing) {
      customElements.define(tag, ctor);
    } else if (existing !== ctor && existing.version !== VERSION) {
      console.warn(`<${tag}> is already defined by version ${existing.version ?? 'unknown'}; version ${VERSION} was not registered.`);
    }
  }
}
