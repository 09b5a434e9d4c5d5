import { css } from 'lit';

export const customerCardStyles = css`
  :host {
    display: block;
    font: var(--dd-font, 14px/1.5 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    color: var(--dd-text, #1f2933);
  }
  nav {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    font-size: 13px;
    margin-bottom: 8px;
  }
  nav a {
    color: var(--dd-accent, #1d4ed8);
  }
  fieldset {
    border: 1px solid var(--dd-border-light, #e4e7eb);
    border-radius: 8px;
    padding: 8px 12px 12px;
    margin: 0 0 12px;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(190px, 1fr));
    gap: 8px 12px;
  }
  legend {
    font-weight: 600;
    color: var(--dd-accent, #1d4ed8);
    padding: 0 4px;
  }
  label {
    display: grid;
    gap: 2px;
    font-size: 13px;
    align-content: start;
  }
  label.wide,
  .wide {
    grid-column: 1 / -1;
  }
  input,
  select,
  textarea {
    font: inherit;
    padding: 5px 8px;
    border: 1px solid var(--dd-border, #cbd2d9);
    border-radius: 6px;
    background: var(--dd-field, #fff);
    min-width: 0;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--dd-accent, #1d4ed8);
    outline-offset: 1px;
  }
  [aria-invalid='true'] {
    border-color: var(--dd-danger, #c81e1e);
  }
  .error {
    color: var(--dd-danger, #c81e1e);
    font-size: 12px;
  }
  .summary {
    color: var(--dd-danger, #c81e1e);
  }
  .drive {
    grid-column: 1 / -1;
    display: grid;
    grid-template-columns: 1fr 1fr 2fr auto;
    gap: 8px;
    align-items: end;
  }
  .note {
    grid-column: 1 / -1;
    margin: 0;
    color: var(--dd-muted, #616e7c);
    font-size: 13px;
  }
  .actions {
    position: sticky;
    bottom: 0;
    display: flex;
    gap: 8px;
    align-items: center;
    padding: 8px 0;
    background: var(--dd-surface, #fff);
  }
  button {
    font: inherit;
    padding: 5px 14px;
    border-radius: 6px;
    border: 1px solid var(--dd-accent, #1d4ed8);
    background: var(--dd-field, #fff);
    color: var(--dd-accent, #1d4ed8);
    cursor: pointer;
  }
  button[type='submit'] {
    background: var(--dd-accent, #1d4ed8);
    color: #fff;
  }
  button[disabled] {
    opacity: 0.6;
  }
  .dirty {
    color: var(--dd-warning, #b45309);
    font-size: 13px;
  }
  .related {
    display: grid;
    gap: 12px;
  }
`;
