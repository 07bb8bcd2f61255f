/**
 * The element focused in `root`, through the shadow roots on the way: `activeElement` stops at a
 * shadow host (a storefront's own components, our leaves), which cannot take focus back itself.
 */
export function deepFocused(root: DocumentOrShadowRoot): Element | null {
  let focused = root.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return focused;
}
