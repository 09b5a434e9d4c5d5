import { css } from 'lit';

/** Shared look of the dashboard's views. */
export const viewStyles = css`
  :host {
    display: block;
  }
  h2 {
    font-size: 16px;
    margin: 0 0 8px;
  }
  h3 {
    font-size: 14px;
    margin: 12px 0 6px;
  }
  button {
    font: inherit;
    padding: 4px 12px;
    border-radius: 6px;
    border: 1px solid #1d4ed8;
    background: #fff;
    color: #1d4ed8;
    cursor: pointer;
  }
  button.primary {
    background: #1d4ed8;
    color: #fff;
  }
  button.danger {
    border-color: #c81e1e;
    color: #c81e1e;
  }
  button[disabled] {
    opacity: 0.5;
    cursor: default;
  }
  input,
  select {
    font: inherit;
    padding: 4px 6px;
    border: 1px solid #cbd2d9;
    border-radius: 6px;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    margin-bottom: 8px;
  }
  .spacer {
    flex: 1;
  }
  .inline {
    display: inline-flex;
    gap: 4px;
    align-items: center;
    font-size: 13px;
  }
  .message {
    margin: 4px 0 8px;
    color: #057a55;
  }
  .error {
    color: #c81e1e;
  }
  .muted {
    color: #616e7c;
    font-size: 13px;
  }
  table.plain {
    border-collapse: collapse;
    width: 100%;
    font-size: 13px;
  }
  table.plain th,
  table.plain td {
    text-align: left;
    padding: 4px 8px;
    border-bottom: 1px solid #e4e7eb;
    vertical-align: top;
  }
  table.plain th {
    background: #f0f2f5;
  }
  .panel {
    background: #fff;
    border-radius: 8px;
    padding: 12px 16px;
    box-shadow: 0 1px 2px rgb(0 0 0 / 8%);
    margin-bottom: 12px;
  }
`;
