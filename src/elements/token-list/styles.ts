import {css} from 'lit';

export const tokenListStyles = css`
  .tokens {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 6px;
  }
  h3 {
    font-size: 0.85em;
    margin: 8px 0 2px;
  }
  /* A reason too long for the row goes under it: at 200 % text on a phone, "No settlement route
     with enough liquidity" beside the name is wider than the card (WCAG 1.4.10). */
  .token {
    display: flex;
    flex-wrap: wrap;
    width: 100%;
    align-items: center;
    gap: 10px;
    text-align: start;
  }
  /* Reached by the keyboard and said, but not to be chosen: not the busy cursor. */
  .token[data-unavailable] {
    cursor: not-allowed;
  }
  .token img {
    width: 24px;
    height: 24px;
    border-radius: 50%;
  }
  /* A ring of the text colour (the merchant's accent may not read on the card), as a border: a
     forced colour scheme (which recolours borders and drops shadows) keeps it twice as thick as the
     others' (WCAG 1.4.11). The padding gives back its width. */
  .token[aria-selected='true'] {
    border: 2px solid var(--_fg);
    padding: 7px 13px;
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
