import { css } from 'lit';

export const followUpFormStyles = css`
  form {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
    gap: 8px 12px;
  }
  .for {
    grid-column: 1 / -1;
    margin: 0;
    font-size: 13px;
    color: var(--dd-muted, #52606d);
  }
  label.wide,
  fieldset,
  .actions,
  .note {
    grid-column: 1 / -1;
  }
  fieldset {
    border: none;
    padding: 0;
    margin: 0;
    display: flex;
    gap: 12px;
    flex-wrap: wrap;
    font-size: 13px;
  }
  legend {
    float: left;
    padding: 0;
    margin-right: 4px;
  }
  input,
  select,
  textarea {
    background: var(--dd-field, #fff);
  }
  [aria-invalid='true'] {
    border-color: var(--dd-danger, #d92d20);
  }
  .error {
    color: var(--dd-danger, #d92d20);
    font-size: 12px;
  }
  .note {
    font-size: 12px;
    color: var(--dd-muted, #616e7c);
    margin: 0;
  }
  .actions {
    display: flex;
    gap: 8px;
    align-items: center;
  }
  button {
    padding: 4px 14px;
  }
`;
