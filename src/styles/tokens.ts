import {css} from 'lit';

/** The dark palette, used by `theme="dark"` and by `auto` on a dark system. */
const darkTokens = css`
  --_bg: var(--pepay-color-background, #12151e);
  --_fg: var(--pepay-color-text, #eef0f5);
  --_muted: var(--pepay-color-muted, #a3abbd);
  --_border: var(--pepay-color-border, #2c3242);
  --_surface: var(--pepay-color-surface, #1b1f2b);
  --_accent: var(--pepay-color-accent, #8f9bff);
  --_on-accent: var(--pepay-color-on-accent, #0b0d14);
  --_success: var(--pepay-color-success, #4cd69b);
  --_warning: var(--pepay-color-warning, #f3c567);
  --_danger: var(--pepay-color-danger, #ff8a80);
  color-scheme: dark;
`;

/**
 * The shared host reset and the design tokens. Every `--pepay-*` custom property has a default
 * here; light and dark swap the colour tokens (`theme` attribute, `auto` follows the system).
 * The text is 15 px, or more where the page's root follows a larger text size the payer chose
 * (WCAG 1.4.4), never less on a page that shrinks its root (62.5 % and the like).
 */
export const hostStyles = css`
  :host {
    --_bg: var(--pepay-color-background, #ffffff);
    --_fg: var(--pepay-color-text, #151a27);
    --_muted: var(--pepay-color-muted, #5b6478);
    --_border: var(--pepay-color-border, #dde1ea);
    --_surface: var(--pepay-color-surface, #f5f6f9);
    --_accent: var(--pepay-color-accent, #3c4cf0);
    --_on-accent: var(--pepay-color-on-accent, #ffffff);
    --_success: var(--pepay-color-success, #0f7b4b);
    --_warning: var(--pepay-color-warning, #8a5a00);
    --_danger: var(--pepay-color-danger, #b42318);
    --_radius: var(--pepay-radius, 12px);
    --_font: var(--pepay-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_mono: var(--pepay-font-family-mono, ui-monospace, 'SFMono-Regular', Menlo, monospace);
    display: block;
    box-sizing: border-box;
    min-width: 280px;
    max-width: 600px;
    color-scheme: light;
    font-family: var(--_font);
    font-size: var(--pepay-font-size, max(15px, 0.9375rem));
    line-height: 1.45;
    color: var(--_fg);
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
    }
  }
  /* Text on the accent: white or near-black, whichever reads on the merchant's accent (4.5:1,
     WCAG 1.4.3), unless they set --pepay-color-on-accent. OKLCH lightness below about 0.57 is a
     colour dark enough for white text; above it, for black. After the themes: it wins in both. */
  @supports (color: oklch(from red l c h)) {
    :host,
    :host([theme]) {
      --_on-accent: var(--pepay-color-on-accent, oklch(from var(--_accent) clamp(0, (0.57 - l) * 1000, 1) 0 0));
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;
