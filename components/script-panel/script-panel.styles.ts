import { css } from 'lit';

export const scriptPanelStyles = css`
  :host {
    display: block;
    font: var(--dd-font, 14px/1.5 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    color: var(--dd-text, #1f2933);
  }
  h3 {
    font-size: 13px;
    margin: 10px 0 4px;
    color: var(--dd-accent, #1d4ed8);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 6px;
  }
  li {
    border: 1px solid var(--dd-border, #e4e7eb);
    border-radius: 6px;
    padding: 6px 8px;
    background: var(--dd-card, #fff);
  }
  .head {
    display: flex;
    gap: 6px;
    align-items: center;
  }
  .title {
    font-weight: 600;
    flex: 1;
  }
  .channel {
    font-size: 11px;
    color: var(--dd-muted, #616e7c);
    border: 1px solid var(--dd-border, #cbd2d9);
    border-radius: 4px;
    padding: 0 4px;
  }
  p.body {
    margin: 4px 0 0;
    white-space: pre-wrap;
    font-size: 13px;
  }
  mark {
    background: var(--dd-missing, #fde68a);
    border-radius: 3px;
    padding: 0 2px;
  }
  .missing {
    font-size: 12px;
    color: var(--dd-warning, #b54708);
  }
  button {
    font: inherit;
    font-size: 12px;
    padding: 2px 8px;
    border-radius: 4px;
    border: 1px solid var(--dd-accent, #1d4ed8);
    color: var(--dd-accent, #1d4ed8);
    background: #fff;
    cursor: pointer;
  }
  input[type='search'] {
    font: inherit;
    width: 100%;
    box-sizing: border-box;
    padding: 4px 8px;
    border: 1px solid var(--dd-border, #cbd2d9);
    border-radius: 6px;
  }
  details summary {
    cursor: pointer;
    font-size: 13px;
    margin: 10px 0 4px;
    color: var(--dd-accent, #1d4ed8);
    font-weight: 600;
  }
  .empty {
    color: var(--dd-muted, #616e7c);
    font-size: 13px;
  }
  :focus-visible {
    outline: 2px solid var(--dd-accent, #1d4ed8);
    outline-offset: 1px;
  }
`;
