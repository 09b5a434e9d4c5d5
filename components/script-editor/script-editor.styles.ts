import { css } from 'lit';

export const scriptEditorStyles = css`
  :host {
    display: grid;
    grid-template-columns: minmax(220px, 1fr) minmax(320px, 2fr);
    gap: 16px;
    font: var(--dd-font, 14px/1.5 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    color: var(--dd-text, #1f2933);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: 70vh;
    overflow-y: auto;
  }
  li button {
    width: 100%;
    text-align: left;
    display: flex;
    gap: 6px;
    align-items: baseline;
    border: none;
    border-bottom: 1px solid var(--dd-border, #e4e7eb);
    background: none;
    padding: 6px 8px;
    font: inherit;
    cursor: pointer;
  }
  li button[aria-current='true'] {
    background: var(--dd-hover, #f0f4ff);
  }
  li .off {
    color: var(--dd-muted, #9aa5b1);
    text-decoration: line-through;
  }
  .badge {
    font-size: 11px;
    color: var(--dd-muted, #616e7c);
    margin-left: auto;
    white-space: nowrap;
  }
  form {
    display: grid;
    gap: 8px;
  }
  label {
    display: grid;
    gap: 2px;
    font-size: 13px;
  }
  input,
  select,
  textarea {
    font: inherit;
    padding: 4px 8px;
    border: 1px solid var(--dd-border, #cbd2d9);
    border-radius: 6px;
  }
  fieldset {
    border: 1px solid var(--dd-border, #e4e7eb);
    border-radius: 6px;
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    font-size: 13px;
  }
  fieldset label {
    display: flex;
    gap: 4px;
    align-items: center;
  }
  .help {
    font-size: 12px;
    color: var(--dd-muted, #616e7c);
    margin: 0;
  }
  .error {
    color: var(--dd-danger, #d92d20);
    font-size: 12px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .actions button,
  .new {
    font: inherit;
    padding: 4px 12px;
    border-radius: 6px;
    border: 1px solid var(--dd-accent, #1d4ed8);
    background: #fff;
    color: var(--dd-accent, #1d4ed8);
    cursor: pointer;
  }
  .actions button[type='submit'] {
    background: var(--dd-accent, #1d4ed8);
    color: #fff;
  }
  .new {
    margin-bottom: 8px;
  }
  :focus-visible {
    outline: 2px solid var(--dd-accent, #1d4ed8);
    outline-offset: 1px;
  }
`;
