/**
 * The locale an element speaks (widget-contract.md, "Languages"): its own `locale`, else the
 * nearest `lang` attribute walking up through shadow roots to their hosts (so a checkout inside
 * the modal, or inside a merchant's own component, hears the page's language), else the browser's.
 * Returns a canonical BCP 47 tag; 'en' when none is valid.
 */
export function resolveLocale(element: Element, explicit: string): string {
  const tag = explicit || inheritedLang(element) || (typeof navigator === 'undefined' ? '' : navigator.language) || 'en';
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The nearest `lang` at or above `from`, across shadow boundaries; null when there is none. */
export function inheritedLang(from: Element): string | null {
  let node: Element | null = from;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) return found.getAttribute('lang');
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}
