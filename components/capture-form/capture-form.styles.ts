import { css } from 'lit';

export const captureFormStyles = css`
  :host {
    display: block;
    font: var(--dd-font, 13px/1.45 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    color: var(--dd-text, #1f2933);
  }
  form {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 8px 10px;
  }
  label {
    display: grid;
    gap: 2px;
    font-size: 12px;
    color: var(--dd-muted, #52606d);
  }
  label.wide {
    grid-column: 1 / -1;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--dd-text, #1f2933);
    padding: 5px 7px;
    border: 1px solid var(--dd-border, #cbd2d9);
    border-radius: 6px;
    background: #fff;
    min-width: 0;
  }
  [aria-invalid='true'] {
    border-color: var(--dd-danger, #c81e1e);
  }
  .error,
  .summary {
    color: var(--dd-danger, #c81e1e);
    font-size: 12px;
  }
  .summary {
    grid-column: 1 / -1;
    margin: 0;
  }
  .from {
    font-size: 11px;
    color: var(--dd-muted, #7b8794);
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
    cursor: progress;
  }
`;
