import {css} from 'lit';

/** The host reset of the leaf elements: they live inside the checkout's card and take its tokens. */
export const leafHostStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  :host([hidden]) {
    display: none;
  }
  /* Values a payer copies (addresses, ids) read as they are copied, whatever the host page's CSS. */
  [dir='ltr'] {
    text-transform: none;
    font-variant-ligatures: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
`;

/**
 * Text for screen readers only (live regions, labels), shared by the checkout and its leaves. Its
 * 1 px box is drawn back up into the line above it (`margin-top: -1px`): left below the
 * checkout's card, it made the modal, or a storefront's scrolling box, scroll by 1 px, and so a
 * Tab stop of its own (a keyboard probe: WCAG 2.4.3). Not sideways: that would stick out there.
 */
export const visuallyHiddenStyles = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px 0 0;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/** Buttons, fields, text and layout helpers shared by the checkout and its leaves. */
export const controlStyles = css`
  button {
    font: inherit;
    border-radius: calc(var(--_radius) - 4px);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_fg);
    padding: 8px 14px;
    /* A finger's size, not only WCAG 2.5.8's 24 px: 2.5.5's 44 px (a phone review: the tokens were 40 px). */
    min-height: 44px;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
    font-weight: 600;
  }
  /* aria-disabled: busy for a moment, the button keeps the keyboard's place (a disabled one loses it). */
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  /* The text colour, not the merchant's accent: it reads on the card whatever the accent (WCAG 1.4.11). */
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--_fg);
    outline-offset: 2px;
  }
  /* One column never wider than its box (minmax(0, 1fr)): see the card's (checkout/styles.ts). */
  form,
  .stack {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 12px;
  }
  label {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 4px;
    font-weight: 550;
  }
  input {
    font: inherit;
    padding: 8px 10px;
    border-radius: 8px;
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_fg);
    /* Its label's width, not its own 20 characters: at 200 % text those are wider than a phone (WCAG 1.4.10). */
    width: 100%;
    min-width: 0;
    /* A finger's height, as the buttons' (the token filter was 40 px: a phone review). */
    min-height: 44px;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .row {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
    align-items: center;
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.9em;
  }
  /* A copy button's two labels share one cell: it keeps the longer one's width. */
  .copy {
    display: inline-grid;
  }
  .copy > span {
    grid-area: 1 / 1;
  }
  .copy > span[aria-hidden='true'] {
    visibility: hidden;
  }
  .copy-blocked {
    margin: 0;
    font-size: 0.9em;
    color: var(--_danger);
  }
  ${visuallyHiddenStyles}
`;
