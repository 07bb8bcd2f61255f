/**
 * Looking into the checkout as a payer sees it: through every open shadow root (the checkout is
 * made of leaf elements, each with its own).
 */

/** Every element matching `selector` under `root`, its own tree first, then inside shadow roots. */
export function deepAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const found = [...root.querySelectorAll<T>(selector)];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...deepAll<T>(element.shadowRoot, selector));
  }
  return found;
}

/** The first element matching `selector` under `root`, through shadow roots; null when none. */
export function deep<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | null {
  return deepAll<T>(root, selector)[0] ?? null;
}

/** The text a payer reads under `root`, shadow roots included (styles left out), spaces collapsed. */
export function deepText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof HTMLStyleElement) return;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return parts.join('').replace(/\s+/g, ' ');
}

/** A button whose text is exactly `label`, anywhere under `root`. */
export function buttonNamed(root: ParentNode, label: string): HTMLButtonElement {
  const button = deepAll<HTMLButtonElement>(root, 'button').find((b) => b.textContent?.trim() === label);
  if (!button) throw new Error(`no button "${label}"`);
  return button;
}

/** Waits until `selector` matches under `root` (a leaf renders after its step), then returns it. */
export async function deepReady<T extends Element = HTMLElement>(root: ParentNode, selector: string, timeout = 10_000): Promise<T> {
  const started = performance.now();
  for (;;) {
    const found = deep<T>(root, selector);
    if (found) return found;
    if (performance.now() - started > timeout) throw new Error(`nothing matches ${selector}`);
    // A timer, not a frame: a background test page gets no animation frames.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
