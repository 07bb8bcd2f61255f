/**
 * Guarded registration. Safe to call more than once and from more than one bundle (a storefront
 * will load the script twice somewhere): a tag already defined is left alone, with a warning when
 * it is not this version.
 */
import {VERSION} from '../version.js';

export type Versioned = CustomElementConstructor & {version?: string};

/** Defines each tag with its class, in order, unless the tag is taken. */
export function register(elements: [string, Versioned][]): void {
  // Importing in Node (server-side rendering) must not throw: there is no registry there.
  if (typeof customElements === 'undefined') return;
  for (const [tag, ctor] of elements) {
    const existing = customElements.get(tag) as Versioned | undefined;
    if (!existing) {
      customElements.define(tag, ctor);
    } else if (existing !== ctor && existing.version !== VERSION) {
      console.warn(`<${tag}> is already defined by version ${existing.version ?? 'unknown'}; version ${VERSION} was not registered.`);
    }
  }
}
