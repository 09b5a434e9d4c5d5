import { css } from 'lit';

export const followUpFormStyles = css`
  :host {
    display: block;
    font: var(--dd-font, 14px/1.5 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    color: var(--dd-text, #1f2933);
  }
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
  label {
    display: grid;
    gap: 2px;
    font-size: 13px;
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
    font: inherit;
    padding: 4px 14px;
    border-radius: 6px;
    border: 1px solid var(--dd-accent, #1d4ed8);
    background: var(--dd-accent, #1d4ed8);
    color: #fff;
    cursor: pointer;
  }
  button[disabled] {
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid var(--dd-accent, #1d4ed8);
    outline-offset: 1px;
  }
`;
