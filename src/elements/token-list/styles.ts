import {css} from 'lit';

export const tokenListStyles = css`
  .tokens {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 6px;
  }
  h3 {
    font-size: 0.85em;
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
  .reason {
    margin-inline-start: auto;
    color: var(--_muted);
    font-size: 0.85em;
  }
`;
