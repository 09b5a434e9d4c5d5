import { css } from 'lit';

export const barChartStyles = css`
  :host {
    display: block;
    font: var(--dd-font, 13px/1.4 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    break-inside: avoid;
  }
  figure {
    margin: 0;
  }
  figcaption {
    font-weight: 600;
    margin-bottom: 4px;
  }
  svg {
    width: 100%;
    height: auto;
    display: block;
  }
  .empty {
    color: var(--dd-muted, #616e7c);
  }
`;
