import {css} from 'lit';

export const checkoutStyles = css`
  .card {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 20px;
    display: grid;
    /*
     * One column, never wider than the card: WebKit took a right-to-left card's long word (a
     * merchant's name in an isolate, a wallet's) as an auto column's least width, past
     * overflow-wrap below. So is every grid holding text inside.
     */
    grid-template-columns: minmax(0, 1fr);
    gap: 16px;
    align-content: start;
    /*
     * Inherited text settings of the host page stop here (it cannot style inside): an address
     * reads as it is copied, whatever the page sets on its body.
     */
    white-space: normal;
    letter-spacing: normal;
    word-spacing: normal;
    text-indent: 0;
    text-transform: none;
    font-style: normal;
    font-variant: normal;
    font-feature-settings: normal;
    -webkit-text-security: none;
    /*
     * A word wider than the card breaks rather than widening it, in every view inside (WCAG
     * 1.4.10): the merchant's name and questions, a German heading at 200 % text
     * ("Zahlungsanforderung"), a wallet's name, a hash. Only where a line cannot otherwise fit.
     */
    overflow-wrap: anywhere;
  }
  /* While loading, about the height of the payment view most payers see next (nothing jumps). */
  .card[aria-busy='true'] {
    min-height: 480px;
  }
  header {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 8px;
    flex-wrap: wrap;
  }
  /* The merchant's name and description are theirs: a long URL or e-mail breaks, never widens the card. */
  header > div {
    min-width: 0;
  }
  h2 {
    font-size: 1.05em;
    margin: 0;
  }
  /* Where the keyboard waits, not a control: the heading (read where it lands) and the skeleton. */
  h2:focus,
  [data-loading]:focus {
    outline: none;
  }
  .amount {
    font-size: 1.6em;
    font-weight: 650;
  }
  .badge {
    background: var(--_warning);
    color: var(--_bg);
    border-radius: 999px;
    padding: 2px 10px;
    font-size: 0.8em;
    font-weight: 600;
  }
  .notice {
    color: var(--_danger);
    font-size: 0.9em;
  }
  .changed {
    margin: 0;
    padding: 8px 12px;
    border-inline-start: 4px solid var(--_warning);
    background: var(--_surface);
    border-radius: 8px;
    font-weight: 600;
  }
  .skeleton {
    /* Drawn from the text colour, so it shows on light and dark cards alike. */
    background: color-mix(in srgb, var(--_fg) 14%, var(--_bg));
    border-radius: 8px;
    height: 1.2em;
    animation: pulse 1.2s ease-in-out infinite;
  }
  .skeleton.tall {
    height: 184px;
  }
  .skeleton.short {
    width: 40%;
  }
  .skeleton.amount {
    width: 60%;
    height: 2em;
  }
  .skeleton.long {
    width: 70%;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  .connection {
    font-size: 0.85em;
    color: var(--_muted);
  }
`;
