import { html, LitElement, nothing, svg, type TemplateResult } from 'lit';
import { barChartStyles } from './bar-chart.styles';

export interface ChartBar {
  label: string;
  value: number;
  /** Text after the bar instead of the value (e.g. `12 · 25%`). */
  note?: string;
}

const WIDTH = 640;
const ROW = 28;
const LABEL = 150;
/** Room for the value or note after a bar. */
const NOTE = 170;
const PALETTE = ['#1d4ed8', '#0e9f6e', '#d97706', '#7e3af2', '#e02424', '#0694a2', '#9f580a', '#5850ec'];

/**
 * A horizontal bar chart drawn as SVG (crisp in print, no canvas, no library). `funnel` centres the
 * bars so a lead funnel narrows step by step. Presentation attributes only, so the SVG can be turned
 * into an image as it is.
 *
 * @csspart svg - the chart.
 */
export class DdBarChart extends LitElement {
  static override styles = barChartStyles;
  static override properties = {
    bars: { attribute: false },
    caption: { type: String },
    funnel: { type: Boolean },
    colour: { type: String },
    empty: { type: String },
  };

  declare bars: readonly ChartBar[];
  declare caption: string;
  declare funnel: boolean;
  /** One colour for every bar; several colours otherwise. */
  declare colour: string | undefined;
  /** Shown instead of the chart when there is nothing to draw. */
  declare empty: string;

  constructor() {
    super();
    this.bars = [];
    this.caption = '';
    this.funnel = false;
    this.empty = '—';
  }

  /** The chart's SVG element (for turning into an image). */
  get svgElement(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg');
  }

  override render(): TemplateResult {
    const max = Math.max(0, ...this.bars.map((bar) => bar.value));
    const height = this.bars.length * ROW + 8;
    const room = WIDTH - LABEL - NOTE;
    return html`<figure>
      ${this.caption ? html`<figcaption>${this.caption}</figcaption>` : nothing}
      ${max === 0
        ? html`<p class="empty">${this.empty}</p>`
        : html`<svg part="svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width=${WIDTH} height=${height} role="img" aria-label=${this.caption}>
            <rect x="0" y="0" width=${WIDTH} height=${height} fill="#ffffff"></rect>
            ${this.bars.map((bar, index) => {
              const width = Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * room);
              const x = this.funnel ? LABEL + (room - width) / 2 : LABEL;
              const y = index * ROW + 4;
              const colour = this.colour ?? PALETTE[index % PALETTE.length]!;
              return svg`<g>
                <title>${bar.label}: ${bar.note ?? bar.value}</title>
                <text x=${LABEL - 8} y=${y + ROW / 2} text-anchor="end" dominant-baseline="middle" font-size="13" fill="#1f2933" font-family="system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif">${bar.label}</text>
                <rect x=${x} y=${y + 3} width=${width} height=${ROW - 8} rx="3" fill=${colour}></rect>
                <text x=${this.funnel ? LABEL + room + 6 : x + width + 6} y=${y + ROW / 2} dominant-baseline="middle" font-size="12" fill="#3e4c59" font-family="system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif">${bar.note ?? String(bar.value)}</text>
              </g>`;
            })}
          </svg>`}
    </figure>`;
  }
}
