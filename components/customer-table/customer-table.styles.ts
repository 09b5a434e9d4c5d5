import { css } from 'lit';

export const customerTableStyles = css`
  :host {
    display: block;
    font: var(--dd-font, 14px/1.5 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    color: var(--dd-text, #1f2933);
  }
  table {
    width: 100%;
    table-layout: fixed;
    border-collapse: collapse;
  }
  .head {
    background: var(--dd-head, #f0f2f5);
    border-bottom: 1px solid var(--dd-border, #cbd2d9);
  }
  .head th {
    text-align: left;
    font-weight: 600;
    padding: 0 8px;
    height: 36px;
    white-space: nowrap;
  }
  .head button {
    font: inherit;
    border: 0;
    background: none;
    padding: 0;
    cursor: pointer;
    color: inherit;
  }
  .head button:focus-visible {
    outline: 2px solid var(--dd-accent, #1d4ed8);
  }
  .viewport {
    height: var(--dd-table-height, 60vh);
    overflow-y: auto;
    overflow-x: hidden;
    position: relative;
    contain: strict;
  }
  .sizer {
    position: relative;
    width: 100%;
  }
  .rows {
    position: absolute;
    top: 0;
    left: 0;
    will-change: transform;
  }
  td {
    height: 35px;
    padding: 0 8px;
    border-bottom: 1px solid var(--dd-border-light, #e4e7eb);
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  tbody tr {
    cursor: pointer;
  }
  tbody tr:hover,
  tbody tr:focus {
    background: var(--dd-hover, #f0f4ff);
    outline: none;
  }
  tbody tr:focus {
    box-shadow: inset 3px 0 0 var(--dd-accent, #1d4ed8);
  }
  tr[aria-selected='true'] {
    background: var(--dd-selected, #e0e8ff);
  }
  td.grade {
    font-weight: 600;
  }
  .overdue {
    color: var(--dd-danger, #c81e1e);
    font-weight: 600;
  }
  .today {
    color: var(--dd-warning, #b45309);
  }
  .check {
    width: 36px;
  }
  .empty {
    color: var(--dd-muted, #616e7c);
    padding: 16px 8px;
  }
`;
