import { css } from 'lit';

export const callbackListStyles = css`
  h3 {
    font-size: 13px;
    margin: 8px 0 4px;
    display: flex;
    gap: 6px;
    align-items: baseline;
  }
  h3 .count {
    color: var(--dd-muted, #616e7c);
    font-weight: normal;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 2px 8px;
    padding: 6px 8px;
    border-left: 3px solid var(--dd-due, #f79009);
    border-bottom: 1px solid var(--dd-border, #e4e7eb);
    /* Rows off screen cost nothing to lay out: the popup stays fast with hundreds of them. */
    content-visibility: auto;
    contain-intrinsic-size: auto 76px;
  }
  li.overdue {
    border-left-color: var(--dd-overdue, #d92d20);
  }
  li.later {
    border-left-color: var(--dd-border, #cbd2d9);
  }
  .who {
    display: flex;
    gap: 6px;
    align-items: baseline;
    min-width: 0;
  }
  .name {
    font-weight: 600;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    min-width: 0;
    background: none;
    border: none;
    padding: 0;
    color: inherit;
    cursor: pointer;
    text-align: left;
  }
  .name:hover,
  .name:focus-visible {
    text-decoration: underline;
  }
  .grade,
  time {
    color: var(--dd-muted, #616e7c);
    font-size: 12px;
    white-space: nowrap;
  }
  .overdue time {
    color: var(--dd-overdue, #d92d20);
  }
  .why,
  .script {
    grid-column: 1;
    font-size: 12px;
    color: var(--dd-muted, #52606d);
    min-width: 0;
  }
  .why,
  .script span {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .script {
    display: flex;
    align-items: center;
  }
  .script button {
    flex: none;
  }
  .actions {
    grid-column: 2;
    grid-row: 1 / span 3;
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    align-items: center;
    justify-content: flex-end;
    max-width: 170px;
  }
  .snooze-choices {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    justify-content: flex-end;
  }
  button,
  input {
    font: inherit;
    font-size: 12px;
    padding: 2px 6px;
    border-radius: 4px;
    border: 1px solid var(--dd-border, #cbd2d9);
    background: #fff;
    cursor: pointer;
  }
  button.done {
    border-color: var(--dd-accent, #1d4ed8);
    color: var(--dd-accent, #1d4ed8);
  }
  button.copy {
    padding: 0 4px;
    margin-left: 4px;
  }
  .empty {
    color: var(--dd-muted, #616e7c);
    padding: 4px 8px;
    font-size: 13px;
  }
  button.more {
    margin: 4px 8px;
    border: none;
    color: var(--dd-accent, #1d4ed8);
    background: none;
  }
`;
