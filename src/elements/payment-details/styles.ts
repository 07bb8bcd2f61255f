import {css} from 'lit';

export const paymentDetailsStyles = css`
  .pay {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 16px;
    align-items: start;
  }
  @media (max-width: 420px) {
    .pay {
      grid-template-columns: 1fr;
      justify-items: center;
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
