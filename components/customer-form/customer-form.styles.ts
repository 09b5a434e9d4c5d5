import { css } from 'lit';

export const customerFormStyles = css`
  :host {
    display: block;
    font: var(--dd-font, 14px/1.5 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    color: var(--dd-text, #1f2933);
  }
  form {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
    gap: 12px 16px;
  }
  fieldset {
    display: contents;
  }
  legend {
    grid-column: 1 / -1;
    font-weight: 600;
    margin-top: 8px;
    color: var(--dd-accent, #1d4ed8);
  }
  label {
    display: grid;
    gap: 4px;
    font-size: 13px;
  }
  label.wide {
    grid-column: 1 / -1;
  }
  input,
  select,
  textarea {
    font: inherit;
    padding: 6px 8px;
    border: 1px solid var(--dd-border, #cbd2d9);
    border-radius: 6px;
    background: var(--dd-field, #fff);
  }
  [aria-invalid='true'] {
    border-color: var(--dd-danger, #c81e1e);
    outline-color: var(--dd-danger, #c81e1e);
  }
  .error {
    color: var(--dd-danger, #c81e1e);
    font-size: 12px;
  }
  .summary {
    grid-column: 1 / -1;
    color: var(--dd-danger, #c81e1e);
    margin: 0;
  }
  .actions {
    grid-column: 1 / -1;
    display: flex;
    gap: 8px;
  }
  button {
    font: inherit;
    padding: 6px 16px;
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
