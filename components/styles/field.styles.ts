import { css } from 'lit';

/** Labelled fields stacked label over input, and check-box groups in a fieldset laid out in a row. */
export const fieldStyles = css`
  label {
    display: grid;
    gap: 2px;
    font-size: 13px;
  }
  fieldset label {
    display: flex;
    gap: 4px;
    align-items: center;
  }
  input,
  select,
  textarea {
    font: inherit;
    padding: 4px 8px;
    border: 1px solid var(--dd-border, #cbd2d9);
    border-radius: 6px;
  }
`;

/** A field the user got wrong, and the message under it. */
export const fieldErrorStyles = css`
  [aria-invalid='true'] {
    border-color: var(--dd-danger, #c81e1e);
  }
  .error {
    color: var(--dd-danger, #c81e1e);
    font-size: 12px;
  }
`;
