import { css } from 'lit';

export const captureContactsStyles = css`
  :host {
    display: block;
    font: var(--dd-font, 13px/1.45 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    color: var(--dd-text, #1f2933);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: 240px;
    overflow: auto;
    border: 1px solid var(--dd-border, #e4e7eb);
    border-radius: 6px;
  }
  li {
    display: grid;
    grid-template-columns: auto 1fr auto;
    gap: 6px;
    align-items: center;
    padding: 5px 8px;
    border-bottom: 1px solid var(--dd-border, #e4e7eb);
  }
  li:last-child {
    border-bottom: none;
  }
  .who {
    min-width: 0;
  }
  .name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .meta {
    font-size: 12px;
    color: var(--dd-muted, #616e7c);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .bar {
    display: flex;
    gap: 6px;
    align-items: center;
    margin-top: 6px;
    flex-wrap: wrap;
  }
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
  button.primary {
    background: var(--dd-accent, #1d4ed8);
    color: #fff;
  }
  button[disabled] {
    opacity: 0.5;
    cursor: default;
  }
  .empty {
    color: var(--dd-muted, #616e7c);
    margin: 0;
  }
`;
