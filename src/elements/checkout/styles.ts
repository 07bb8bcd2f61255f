import {css} from 'lit';

export const checkoutStyles = css`
  .card {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 20px;
    display: grid;
    gap: 16px;
    min-height: 420px;
    align-content: start;
  }
  header {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 8px;
    flex-wrap: wrap;
  }
  h2 {
    font-size: 1.05em;
    margin: 0;
  }
  h2:focus {
    outline: none;
  }
  .amount {
    font-size: 1.6em;
    font-weight: 650;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0;
  }
  .badge {
    background: var(--_warning);
    color: var(--_bg);
    border-radius: 999px;
    padding: 2px 10px;
    font-size: 0.8em;
    font-weight: 600;
  }
  button {
    font: inherit;
    border-radius: calc(var(--_radius) - 4px);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_fg);
    padding: 8px 14px;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  form,
  .stack {
    display: grid;
    gap: 12px;
  }
  label {
    display: grid;
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
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field {
    display: grid;
    gap: 4px;
    font-weight: 550;
  }
  ::slotted(input) {
    font: inherit;
    font-weight: normal;
    padding: 8px 10px;
    border-radius: 8px;
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_fg);
  }
  ::slotted(input[aria-invalid='true']) {
    border-color: var(--_danger);
  }
  .field-error,
  .notice {
    color: var(--_danger);
    font-size: 0.9em;
    margin: 0;
  }
  .tokens {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 6px;
  }
  [data-network] h3 {
    font-size: 0.85em;
    color: var(--_muted);
    margin: 8px 0 2px;
  }
  .token {
    display: flex;
    width: 100%;
    align-items: center;
    gap: 10px;
    text-align: start;
  }
  .token img {
    width: 24px;
    height: 24px;
    border-radius: 50%;
  }
  .token .reason {
    margin-inline-start: auto;
    color: var(--_muted);
    font-size: 0.85em;
  }
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
    margin: 0;
  }
  .row {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
    align-items: center;
  }
  .copied {
    color: var(--_success);
    font-size: 0.9em;
  }
  .status-icon {
    font-size: 2em;
  }
  .skeleton {
    background: var(--_surface);
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
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
