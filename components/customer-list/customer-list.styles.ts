import { css } from 'lit';

export const customerListStyles = css`
  :host {
    display: block;
    font: var(--dd-font, 14px/1.5 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: left;
    padding: 6px 8px;
    border-bottom: 1px solid var(--dd-border, #e4e7eb);
  }
  tbody tr {
    cursor: pointer;
  }
  tbody tr:hover,
  tbody tr:focus {
    background: var(--dd-hover, #f0f4ff);
    outline: none;
  }
  .grade {
    font-weight: 600;
  }
  .empty {
    color: var(--dd-muted, #616e7c);
    padding: 16px 8px;
  }
`;
