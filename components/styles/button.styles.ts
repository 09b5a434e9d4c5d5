import { css } from 'lit';

/** A small outlined accent button, for actions beside a line of text (use a contact, set the car, open the card). */
export const outlineButtonStyles = css`
  button {
    font: inherit;
    font-size: 12px;
    padding: 3px 10px;
    border-radius: 6px;
    border: 1px solid var(--dd-accent, #1d4ed8);
    background: #fff;
    color: var(--dd-accent, #1d4ed8);
    cursor: pointer;
  }
`;

/** A filled accent button, the form's one action; the component sets its padding. */
export const primaryButtonStyles = css`
  button {
    font: inherit;
    border-radius: 6px;
    border: 1px solid var(--dd-accent, #1d4ed8);
    background: var(--dd-accent, #1d4ed8);
    color: #fff;
    cursor: pointer;
  }
  button[disabled] {
    opacity: 0.6;
  }
`;
