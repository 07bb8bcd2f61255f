/**
 * The configurator's choices and the snippets that reproduce them: what the merchant copies is
 * what the demo shows (the demo mounts the same element with the same attributes and styles).
 */
export interface DemoConfig {
  theme: 'auto' | 'light' | 'dark';
  /** A CSS colour, `#rrggbb` from the colour input; empty: the default accent. */
  accent: string;
  /** Corner radius in px; the default when 12. */
  radius: number;
  /** BCP 47 tag; empty: the page's `lang`, then the browser's. */
  locale: string;
  qrContent: '' | 'request' | 'address';
  display: 'inline' | 'modal';
}

export const DEFAULT_CONFIG: DemoConfig = {theme: 'auto', accent: '', radius: 12, locale: '', qrContent: '', display: 'inline'};

/** The element the choices need: the inline checkout, or the button that opens it in a modal. */
export function tagFor(config: DemoConfig): 'pepay-checkout' | 'pepay-checkout-button' {
  return config.display === 'modal' ? 'pepay-checkout-button' : 'pepay-checkout';
}

/** Attributes beside the session pair, in the order they are written. */
export function attributesFor(config: DemoConfig): [string, string][] {
  const out: [string, string][] = [];
  if (config.theme !== 'auto') out.push(['theme', config.theme]);
  if (config.locale) out.push(['locale', config.locale]);
  if (config.qrContent) out.push(['qr-content', config.qrContent]);
  return out;
}

/** Custom properties for the accent and radius, only where they differ from the defaults. */
export function stylesFor(config: DemoConfig): [string, string][] {
  const out: [string, string][] = [];
  if (/^#[0-9a-f]{6}$/i.test(config.accent)) out.push(['--pepay-color-accent', config.accent]);
  if (config.radius !== DEFAULT_CONFIG.radius) out.push(['--pepay-radius', `${config.radius}px`]);
  return out;
}

function markup(config: DemoConfig): string {
  const attributes = attributesFor(config).map(([name, value]) => ` ${name}="${value}"`);
  const style = stylesFor(config)
    .map(([name, value]) => `${name}: ${value}`)
    .join('; ');
  const tag = tagFor(config);
  return `<${tag} session-token="SESSION_TOKEN" signature="SIGNATURE"${attributes.join('')}${style ? ` style="${style}"` : ''}></${tag}>`;
}

export function scriptTagSnippet(config: DemoConfig): string {
  return `<script src="https://unpkg.com/@pepay/checkout/dist/cdn/pepay-checkout.iife.js"></script>\n${markup(config)}`;
}

/** The npm way, as three pieces that each go somewhere else: the shell, the app's entry, the markup. */
export function npmSnippets(config: DemoConfig): {install: string; entry: string; markup: string} {
  return {install: 'npm install @pepay/checkout', entry: "import '@pepay/checkout/define';", markup: markup(config)};
}

export function reactSnippet(config: DemoConfig): string {
  const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  const props = attributesFor(config).map(([name, value]) => ` ${camel(name)}="${value}"`);
  const style = stylesFor(config);
  const styleProp = style.length ? ` style={{${style.map(([name, value]) => `'${name}': '${value}'`).join(', ')}}}` : '';
  if (config.display === 'modal') {
    // React 19 renders custom elements with their attributes as written.
    const attributes = attributesFor(config).map(([name, value]) => ` ${name}="${value}"`);
    return `import '@pepay/checkout/define';\n\n<pepay-checkout-button session-token={sessionToken} signature={signature}${attributes.join('')}${styleProp} />`;
  }
  return `import {PepayCheckout} from '@pepay/checkout/react';\n\n<PepayCheckout sessionToken={sessionToken} signature={signature}${props.join('')}${styleProp} onPaid={(e) => console.log(e.detail.invoiceId)} />`;
}
