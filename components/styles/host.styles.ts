import { css } from 'lit';

/** The host of a dashboard or sidebar component: block, the kit's font at 14px, the kit's text colour. */
export const hostStyles = css`
  :host {
    display: block;
    font: var(--dd-font, 14px/1.5 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    color: var(--dd-text, #1f2933);
  }
`;

/** The host of a capture-panel component: the same, a little tighter (13px) for the narrow sidebar. */
export const compactHostStyles = css`
  :host {
    display: block;
    font: var(--dd-font, 13px/1.45 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    color: var(--dd-text, #1f2933);
  }
`;

/** The accent outline every focusable element gets from the keyboard. Put it last: it wins over the component's own outlines. */
export const focusRingStyles = css`
  :focus-visible {
    outline: 2px solid var(--dd-accent, #1d4ed8);
    outline-offset: 1px;
  }
`;
