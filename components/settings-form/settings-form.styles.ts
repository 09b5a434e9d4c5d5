import { css } from 'lit';

export const settingsFormStyles = css`
  form {
    display: grid;
    gap: 12px;
  }
  fieldset {
    border: 1px solid var(--dd-border, #e4e7eb);
    border-radius: 8px;
    padding: 8px 12px 12px;
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
    gap: 8px 12px;
  }
  legend {
    font-weight: 600;
    padding: 0 4px;
  }
  /* The kit stacks a label over its field, except check boxes in a row. */
  fieldset > label {
    display: grid;
    gap: 2px;
    align-content: start;
  }
  fieldset.checks label {
    display: flex;
    gap: 4px;
    align-items: center;
  }
  fieldset.checks {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
  }
  .note {
    grid-column: 1 / -1;
    font-size: 12px;
    color: var(--dd-muted, #616e7c);
    margin: 0;
  }
  .wide {
    grid-column: 1 / -1;
  }
  .summary {
    margin: 0;
  }
  .actions {
    display: flex;
    gap: 8px;
    align-items: center;
    flex-wrap: wrap;
  }
  .actions button {
    padding: 4px 14px;
  }
  .actions button.plain {
    background: #fff;
    color: var(--dd-accent, #1d4ed8);
  }
  .saved {
    color: var(--dd-success, #057a55);
    margin: 0;
  }
`;
