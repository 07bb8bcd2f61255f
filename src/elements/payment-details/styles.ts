import {css} from 'lit';

export const paymentDetailsStyles = css`
  /* The layout follows the checkout's own width (a narrow column on a wide page too), not the window's. */
  :host {
    container-type: inline-size;
  }
  .pay {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 16px;
    align-items: start;
  }
  @container (max-width: 360px) {
    .pay {
      grid-template-columns: minmax(0, 1fr);
      justify-items: center;
    }
  }
  .qr {
    justify-items: center;
    max-width: var(--pepay-qr-size, 184px);
    text-align: center;
  }
  .wallet-ways {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 8px;
  }
  /* "Open in wallet": a link (the URI is its href) that looks like a button, of a finger's height
     as the buttons are (WCAG 2.5.5), its words in the middle. */
  .open-wallet {
    display: flex;
    align-items: center;
    justify-content: center;
    min-height: 44px;
    padding: 10px 14px;
    border-radius: calc(var(--_radius) - 4px);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_fg);
    text-align: center;
    text-decoration: none;
    font-weight: 600;
  }
  .open-wallet:focus-visible {
    outline: 3px solid var(--_fg);
    outline-offset: 2px;
  }
  /* On a phone the wallet is on the same device: opening it is the primary action (placed above the QR). */
  @media (pointer: coarse) {
    .open-wallet {
      background: var(--_accent);
      color: var(--_on-accent);
      border-color: var(--_accent);
    }
  }
  .address {
    font-family: var(--_mono);
    word-break: break-all;
    background: var(--_surface);
    border-radius: 8px;
    padding: 8px;
  }
`;
