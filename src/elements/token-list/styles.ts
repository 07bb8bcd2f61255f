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
  .token[aria-selected='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .preparing,
  .problem {
    margin: 4px 0 0;
    font-size: 0.9em;
  }
  .preparing {
    color: var(--_muted);
  }
  .problem {
    color: var(--_danger);
  }
  .reason {
    margin-inline-start: auto;
    color: var(--_muted);
    font-size: 0.85em;
  }
`;
